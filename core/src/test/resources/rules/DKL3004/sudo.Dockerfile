FROM debian:12
# hadolint's documented example
# expect: DKL3004 "Do not use sudo"
RUN sudo apt-get install -y curl=7.88.1-10
RUN apt-get install -y curl=7.88.1-10
RUN echo sudo
# running a step as another user is what gosu would do
RUN sudo -u node npm install -g typescript@5.4.5
