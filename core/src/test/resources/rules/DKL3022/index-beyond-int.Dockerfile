# a number no stage index can be is an image name, as in BuildKit
FROM alpine:3.20 AS build
RUN echo built > /x
FROM alpine:3.20
# expect: DKL3022 "no stage is named '99999999999'"
COPY --from=99999999999 /x /x
# expect: DKL3022 "no stage is named '00000000000000000002'"
COPY --from=00000000000000000002 /x /x
COPY --from=0000000000000000000 /x /x
