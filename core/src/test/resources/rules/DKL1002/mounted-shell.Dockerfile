FROM scratch
RUN --mount=from=busybox:1.36-musl,src=/bin,target=/bin echo hi
