# expect: DKL3063 "Stage name should not use the same name as reserved stage \"scratch\""
FROM alpine:3.20 AS scratch
# expect: DKL3063 "\"context\""
FROM alpine:3.20 AS CONTEXT
FROM alpine:3.20 AS base
FROM scratch
