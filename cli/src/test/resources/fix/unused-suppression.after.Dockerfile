FROM alpine:3.20
LABEL org.opencontainers.image.authors="me"
# hadolint ignore=DL3008
RUN echo hi
