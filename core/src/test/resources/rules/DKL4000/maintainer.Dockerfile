FROM alpine
# expect: DKL4000 "MAINTAINER instruction is deprecated" fix="authors LABEL"
MAINTAINER Jane Doe <jane@example.com>
LABEL org.opencontainers.image.authors="Jane"
