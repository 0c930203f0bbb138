FROM --platform=$BUILDPLATFORM alpine:3.20 AS base
RUN apk add --no-cache build-base

FROM base AS build
COPY hello.c .
# expect: DKL1201 "'gcc' runs on the build platform"
RUN gcc -static -o /hello hello.c

FROM alpine:3.20
COPY --from=build /hello /usr/local/bin/hello
