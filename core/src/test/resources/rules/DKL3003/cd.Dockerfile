FROM debian:12
# hadolint's documented example
# expect: DKL3003 "Use WORKDIR to switch to a directory"
RUN cd /usr/src/app && git clone git@github.com:lukasmartinelli/hadolint.git
RUN git clone git@github.com:lukasmartinelli/hadolint.git /usr/src/app
WORKDIR /usr/src/app
# a subshell: the change of directory ends with it
RUN (cd /tmp && make) && echo done
RUN echo "$(cd /opt && pwd)"
# back to / or the previous directory, into a temporary directory, into one removed later
RUN cd /usr/src/php && ./configure && make install && cd / && rm -rf /usr/src/php
RUN tmp="$(mktemp -d)" && cd "$tmp" && make && cd - && rm -rf "$tmp"
