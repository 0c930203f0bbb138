# test: platform=linux/arm64 build-platform=linux/amd64
FROM --platform=$BUILDPLATFORM alpine:3.20 AS fetch
RUN apk add --no-cache curl

FROM alpine:3.20
# expect: DKL1204 "from a linux/amd64 stage into this linux/arm64 stage"
COPY --from=fetch /usr/bin/curl /usr/local/bin/
