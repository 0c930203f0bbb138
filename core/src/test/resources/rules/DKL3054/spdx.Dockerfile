# test: label=org.opencontainers.image.licenses:spdx
FROM debian:12
# expect: DKL3054 "is not a valid SPDX identifier."
LABEL org.opencontainers.image.licenses="Apache License"
LABEL org.opencontainers.image.licenses="Apache-2.0"
LABEL org.opencontainers.image.licenses="MIT"
