FROM alpine:3.20
# dockerlint ignore=DKL4000 the label replaced it
LABEL org.opencontainers.image.authors="me"
# hadolint ignore=SC2086
RUN echo hi
