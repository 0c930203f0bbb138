# test: label=org.opencontainers.image.version:semver
FROM debian:12
# expect: DKL3051 "label `org.opencontainers.image.version` is empty."
LABEL org.opencontainers.image.version=""
LABEL org.opencontainers.image.version="1.0.0" other=""
