FROM debian:12 AS base
USER root
RUN true
FROM base
RUN apt-get update
USER app
