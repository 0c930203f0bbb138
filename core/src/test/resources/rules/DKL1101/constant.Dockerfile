# expect: DKL1101 "FROM --platform flag should not use constant value \"linux/amd64\"" severity=warning
FROM --platform=linux/amd64 golang:1.22 AS build
RUN go build -o /app .

# the stage name says the pin is intended
FROM --platform=linux/arm64 alpine:3.20 AS tools-arm64
FROM --platform=linux/amd64 alpine:3.20 AS linux

# variables: not a constant
ARG PLATFORM=linux/amd64
FROM --platform=$PLATFORM alpine:3.20 AS variable
FROM --platform=$BUILDPLATFORM alpine:3.20 AS builder

FROM alpine:3.20
COPY --from=build /app /app
