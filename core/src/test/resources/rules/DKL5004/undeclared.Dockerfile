ARG tag=latest
ARG MY_ARCH=amd64
# expect: DKL5004 "FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)"
FROM --platform=$BULIDPLATFORM scratch AS a
# expect: DKL5004 "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)"
FROM --platform=linux/${MYARCH} busybox AS b
FROM --platform=$BUILDPLATFORM scratch AS c
# expect: DKL5004 "FROM argument 'version' is not declared"
FROM busybox:${tag}${version} AS d
ARG inside=stage
# an ARG inside a stage is not visible to FROM lines
# expect: DKL5004 "'inside'"
FROM alpine:${inside}
