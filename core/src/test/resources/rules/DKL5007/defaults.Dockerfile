# test: build-arg=VERSION=latest build-arg=IMAGE=busybox:latest
ARG VERSION
ARG IMAGE
ARG GOOD="latest"
ARG EMPTY=""
# expect: DKL5007 "Default value for ARG busybox:$VERSION results in empty or invalid base image name"
FROM busybox:$VERSION
# expect: DKL5007 "ARG $IMAGE"
FROM $IMAGE
FROM busybox:${GOOD}
FROM busybox:stable${EMPTY}
FROM busybox:stable${UNDECLARED}
