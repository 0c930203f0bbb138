FROM debian:12
# hadolint's documented example
# expect: DKL3001 "makes no sense running them in a Docker container"
RUN top
# expect: DKL3001 "(found `service`)"
RUN service nginx start
RUN apt-get install -y nginx=1.22.1-9
# expect: DKL3001 "`vim`"
ONBUILD RUN vim /etc/hosts
