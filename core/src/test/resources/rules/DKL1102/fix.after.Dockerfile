# expect: DKL1102 "redundant"
FROM alpine:3.20 AS base
RUN true
