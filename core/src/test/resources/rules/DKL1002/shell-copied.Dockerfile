FROM scratch
COPY --from=busybox:1.36-musl /bin/busybox /bin/sh
RUN echo hi > /greeting
