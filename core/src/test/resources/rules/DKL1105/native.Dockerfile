# test: platform=linux/386 build-platform=linux/amd64
FROM --platform=linux/amd64 alpine:3.20 AS tools
RUN apk add --no-cache curl

# not needed for the final stage: BuildKit does not build it
FROM --platform=linux/s390x alpine:3.20 AS unused
RUN true

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY --from=tools /usr/bin/curl /usr/bin/curl
