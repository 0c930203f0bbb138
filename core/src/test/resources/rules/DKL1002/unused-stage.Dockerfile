FROM scratch AS broken
# expect: DKL1002 "building this stage fails" severity=warning
RUN echo never built by BuildKit

FROM alpine:3.20
RUN echo hi
