# hadolint's documented example
# expect: DKL3006 "Always tag the version of an image explicitly"
FROM debian
RUN true

# expect: DKL3006 "'alpine'"
FROM alpine AS builder

# a previous stage needs no tag
FROM builder
RUN true

FROM scratch
FROM debian:jessie
FROM debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb
