FROM alpine:3.20
# hadolint's documented example
# expect: DKL3018 "Pin versions in apk add"
RUN apk add --no-cache foo
RUN apk add --no-cache foo=1.0
RUN apk add --no-cache foo~1.0
RUN apk add --no-cache "foo>1.0"
RUN apk add --no-cache ./local.apk
RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0
RUN apk add --no-cache -t .deps --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing foo=1.0
RUN apk add --no-cache $PACKAGES
# expect: DKL3018 "(unpinned: curl, git)"
RUN apk add --no-cache curl git bash=5.2.26-r0
