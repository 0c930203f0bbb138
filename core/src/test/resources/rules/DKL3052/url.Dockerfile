# test: label=org.opencontainers.image.source:url
FROM debian:12
# expect: DKL3052 "Label `org.opencontainers.image.source` is not a valid URL."
LABEL org.opencontainers.image.source="github.com/org/app"
LABEL org.opencontainers.image.source="https://github.com/org/app"
LABEL org.opencontainers.image.source="${SOURCE_URL}"
