# test: platform=linux/arm64 build-platform=linux/amd64
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
RUN go version

FROM alpine:3.20
# expect: DKL1105 "This stage is linux/arm64, the build machine linux/amd64: its RUN steps execute arm64 programs under QEMU" predicts="exec format error" severity=info
RUN apk add --no-cache ca-certificates
RUN adduser -D app
COPY --from=build /go/bin /usr/local/bin
