FROM alpine:3.20
MAINTAINER me
RUN echo hi
