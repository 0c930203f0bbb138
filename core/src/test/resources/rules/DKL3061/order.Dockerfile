# syntax=docker/dockerfile:1
# hadolint's documented example
ARG A=1
# expect: DKL3061 "Dockerfile must begin with `FROM`, `ARG` or comment"
LABEL foo=bar
FROM debian:12
LABEL foo=bar
