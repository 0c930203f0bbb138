# an export stage (docker build --output) holds only what it copies
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM --platform=$BUILDPLATFORM scratch
COPY --from=build /out/ /
