FROM node:20
# hadolint's documented example
# expect: DKL3021 "COPY with more than 2 arguments requires the last argument to end with /"
COPY foo bar baz /tmp
COPY foo bar baz /tmp/
COPY foo /bar
ENV DEST=/app/
COPY a b $DEST
# expect: DKL3021 "ADD with more than 2 arguments"
ADD a.txt b.txt /opt
