# test: build-arg=FROMARG=ubuntu:24.04
ARG TAGGED=debian:12
ARG UNTAGGED=debian
ARG UNKNOWN
ARG FROMARG
# hadolint skips every image starting with '$'; dockerlint expands first
FROM $TAGGED
# expect: DKL3006 "'debian'"
FROM ${UNTAGGED}
# an ARG without a value: the image is not known, nothing is reported
FROM $UNKNOWN
# a build argument gives the value
FROM $FROMARG
