# test: platform=linux/arm64 build-platform=linux/amd64
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
# expect: DKL1203 "'go build' compiles for linux/arm64 on a linux/amd64 build machine, so the compiler itself runs under QEMU emulation" severity=info fix="Cross-compile on $BUILDPLATFORM"
RUN CGO_ENABLED=0 go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
