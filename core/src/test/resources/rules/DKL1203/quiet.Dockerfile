# test: platform=linux/arm64 build-platform=linux/amd64
# already cross-compiling
FROM --platform=$BUILDPLATFORM golang:1.22 AS cross
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/a .

# Rust and C need cross toolchains: not this rule's advice
FROM rust:1.79 AS rust
RUN cargo build --release

# the final stage itself must be the target platform
FROM golang:1.22
COPY --from=cross /out/a /a
COPY --from=rust /target/release/app /app
RUN go build -o /b .
