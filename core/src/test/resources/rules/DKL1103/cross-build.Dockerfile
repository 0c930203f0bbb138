# test: platform=linux/arm64 build-platform=linux/amd64
FROM --platform=$BUILDPLATFORM python:3.12-alpine AS builder
RUN pip install --prefix=/install flask

# expect: DKL1103 "it holds linux/amd64 programs, which fail with 'exec format error' on linux/arm64 hosts" predicts="exec format error" severity=error
FROM builder AS dev-envs
RUN apk add --no-cache git
