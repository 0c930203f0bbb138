FROM alpine
# expect: DKL0003 "Empty continuation line"
RUN apk add \

    curl
# a comment line inside a continuation is fine
RUN apk add \
# curl is needed below
    curl
