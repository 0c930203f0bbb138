FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
# expect: DKL1002 "unless RUN on line 3 put it there" predicts="no such file or directory" severity=warning
RUN mkdir -p /data
