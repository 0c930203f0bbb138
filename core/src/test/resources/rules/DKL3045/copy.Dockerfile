FROM debian:12
# hadolint's documented example
# expect: DKL3045 "`COPY` to a relative destination without `WORKDIR` set."
COPY bar .
COPY bar /app/
COPY bar $HOME
WORKDIR /app
COPY bar .
FROM debian:12 AS a
WORKDIR /app
FROM a
COPY bar .
