FROM debian:12
# hadolint's documented example
# expect: DKL3027 "Do not use apt as it is meant to be an end-user tool"
RUN apt install -y python=2.7
RUN apt-get install -y python=2.7
# expect: DKL3027
RUN apt search python
