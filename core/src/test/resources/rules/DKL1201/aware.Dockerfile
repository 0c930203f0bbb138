FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.4.0 AS xx

FROM --platform=$BUILDPLATFORM golang:1.22 AS go-build
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM --platform=$BUILDPLATFORM rust:1.79 AS rust-build
COPY --from=xx / /
ARG TARGETPLATFORM
RUN xx-cargo build --release && xx-verify target/release/app

FROM --platform=$BUILDPLATFORM rust:1.79 AS wasm-build
RUN cargo build --target wasm32-wasi --release

FROM --platform=$BUILDPLATFORM golang:1.22 AS env-build
ENV GOARCH=arm64
RUN go build -o /out/tool .

FROM --platform=$BUILDPLATFORM debian:bookworm AS not-a-compile
RUN apt-get update && apt-get install -y golang-go build-essential

FROM alpine:3.20
COPY --from=go-build /out/app /app
COPY --from=rust-build /target/release/app /rust-app
COPY --from=wasm-build /target/wasm32-wasi/release/app.wasm /app.wasm
COPY --from=env-build /out/tool /tool
COPY --from=not-a-compile /usr/bin/go /go
