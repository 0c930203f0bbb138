# test: build-arg=PINNED=3.20
ARG VERSION=latest
ARG PINNED=latest
# expect: DKL3007 "'node:latest'"
FROM node:${VERSION}
# the build argument replaces the default
FROM alpine:$PINNED
