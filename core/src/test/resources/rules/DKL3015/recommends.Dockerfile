FROM debian:12
# hadolint's documented example
# expect: DKL3015 "Avoid additional packages by specifying `--no-install-recommends`"
RUN apt-get install -y python=2.7
RUN apt-get install -y --no-install-recommends python=2.7
RUN apt-get -o APT::Install-Recommends=false install -y python=2.7
RUN apt-get update
