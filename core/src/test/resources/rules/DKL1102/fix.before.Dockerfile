# expect: DKL1102 "redundant"
FROM --platform=$TARGETPLATFORM   alpine:3.20 AS base
RUN true
