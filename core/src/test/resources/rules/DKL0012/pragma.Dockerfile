FROM debian:12
# expect: DKL0012 "Please refrain from using inline ignore pragmas"
# hadolint ignore=DL3008
RUN apt-get install -y curl
# an ordinary comment
RUN true
