# test: label=org.opencontainers.image.version:semver strict-labels=true
FROM debian:12
LABEL org.opencontainers.image.version="1.0.0"
# expect: DKL3050 "`internal.build-host` is not in the label schema"
LABEL internal.build-host="ci-runner-7"
