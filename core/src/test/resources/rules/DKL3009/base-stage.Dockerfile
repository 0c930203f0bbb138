FROM debian:12 AS base
# a later stage is based on this one
# expect: DKL3009
RUN apt-get update
FROM base
RUN true
