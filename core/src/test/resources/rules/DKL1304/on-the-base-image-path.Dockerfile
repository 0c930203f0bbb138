# A file without exec bit is passed over by the PATH lookup.
# test: context=ctx
FROM node:20-alpine
COPY entrypoint.sh /usr/local/bin/docker-entrypoint.sh
# expect: DKL1304 "so the PATH lookup of 'docker-entrypoint.sh' passes it over: the container fails to start with \"executable file not found in $PATH\"" predicts="executable file not found in $PATH" severity=warning fix="Copy it with --chmod=755"
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "server.js"]
