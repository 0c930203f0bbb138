# test: platform=linux/arm64 build-platform=linux/amd64
FROM --platform=$BUILDPLATFORM rust:1.79 AS build
WORKDIR /src
COPY . .
# expect: DKL1201 "(this build runs on linux/amd64 for linux/arm64). Build with cargo build --target" predicts="exec format error" severity=error
RUN cargo build --release

FROM debian:bookworm-slim
COPY --from=build /src/target/release/app /usr/local/bin/app
CMD ["app"]
