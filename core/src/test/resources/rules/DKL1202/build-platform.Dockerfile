FROM --platform=$BUILDPLATFORM golang:1.22 AS build
# expect: DKL1202 "the stage runs on the build machine ($BUILDPLATFORM)"
RUN curl -fsSLo /usr/local/bin/protoc https://github.com/protocolbuffers/protobuf/releases/download/v27.0/protoc-27.0-linux-x86_64.zip
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .

FROM scratch
COPY --from=build /app /app
