# COPY --from a stage brings what that stage has: its /bin/sh
FROM scratch AS tools
COPY --from=busybox:1.36-musl /bin/busybox /bin/sh

FROM scratch
COPY --from=tools /bin/ /bin/
RUN echo hi
