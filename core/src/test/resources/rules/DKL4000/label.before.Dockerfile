FROM alpine
# expect: DKL4000
MAINTAINER Jane "JD" Doe <jane@example.com>
RUN true
