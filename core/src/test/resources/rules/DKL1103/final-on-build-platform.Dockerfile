FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .

# expect: DKL1103 "The final stage is built on the build platform ($BUILDPLATFORM)" predicts="exec format error" severity=warning fix="Remove --platform"
FROM --platform=$BUILDPLATFORM alpine:3.20
COPY --from=build /app /app
