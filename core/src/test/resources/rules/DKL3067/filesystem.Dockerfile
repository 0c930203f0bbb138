FROM debian:12 AS build
RUN make install DESTDIR=/out
FROM debian:12
# expect: DKL3067 "Do not copy an entire filesystem from another stage"
COPY --from=build / /
COPY --from=build /out/ /
COPY / /
