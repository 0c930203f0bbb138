FROM debian:12 AS build
# a build stage may run as root
USER root
RUN make
FROM debian:12
# hadolint's documented example
USER root
RUN apt-get update
# expect: DKL3002 "Last USER should not be root"
USER 0:0
