FROM scratch
COPY busybox /busybox
# expect: DKL1002 "FROM scratch" severity=error
RUN ["/busybox", "mkdir", "-p", "/data"]
