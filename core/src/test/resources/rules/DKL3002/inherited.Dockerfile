FROM debian:12 AS base
# the final stage inherits this user
# expect: DKL3002
USER root
FROM base
RUN true
