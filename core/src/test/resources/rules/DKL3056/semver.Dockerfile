# test: label=org.opencontainers.image.version:semver
FROM debian:12
# expect: DKL3056 "does not conform to semantic versioning."
LABEL org.opencontainers.image.version="v1.4"
LABEL org.opencontainers.image.version="1.4.0"
LABEL org.opencontainers.image.version="1.4.0-rc.1+build.5"
