FROM alpine:3.20
LABEL org.opencontainers.image.authors="me"
# hadolint ignore=SC2086
RUN echo hi
