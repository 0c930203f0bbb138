# hadolint's documented example
# expect: DKL3007 "Using latest is prone to errors"
FROM debian:latest
RUN true

FROM debian:jessie
FROM debian
FROM debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb
