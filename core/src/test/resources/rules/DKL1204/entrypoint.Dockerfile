FROM --platform=linux/arm64 golang:1.22 AS build
RUN go build -o /server .

FROM debian:bookworm-slim
# expect: DKL1204 "COPY --from=build copies /server from a linux/arm64 stage" predicts="exec format error" severity=error
COPY --from=build /server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
