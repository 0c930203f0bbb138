# test: label=org.opencontainers.image.version:semver
FROM debian:12
LABEL internal.build-host="ci-runner-7"
