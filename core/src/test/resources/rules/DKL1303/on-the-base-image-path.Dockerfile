# The base image's PATH is not known; a script the Dockerfile puts into a usual PATH directory is
# most likely what runs: a warning that names the assumption.
# test: context=ctx
FROM node:20-alpine
COPY --chmod=755 entrypoint.sh /usr/local/bin/docker-entrypoint.sh
# expect: DKL1303 "(assuming the base image's PATH finds it in /usr/local/bin, as it does in most images)" predicts="no such file or directory" severity=warning
ENTRYPOINT ["docker-entrypoint.sh"]
