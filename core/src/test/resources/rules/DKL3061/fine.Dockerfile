# a comment
ARG BASE=debian:12
FROM $BASE
RUN true
