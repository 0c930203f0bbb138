FROM debian:12
LABEL org.opencontainers.image.version="1.0" com.example.app="x" "quoted.key"="v"
# hadolint's documented example
# expect: DKL3048 "Invalid label key: 'Version'"
LABEL Version="1.0"
# expect: DKL3048 "'com.docker.app'"
LABEL com.docker.app="x"
# expect: DKL3048 "'a..b'"
LABEL a..b="x"
# expect: DKL3048 "'trailing-'"
LABEL trailing-="x"
