FROM alpine:3.20
# hadolint's documented example
# expect: DKL3019 "Use the `--no-cache` switch"
RUN apk update && apk add foo=1.0 && rm -rf /var/cache/apk/*
RUN apk add --no-cache foo=1.0
RUN --mount=type=cache,target=/var/cache/apk apk add foo=1.0
