FROM scratch
COPY busybox /busybox
# expect: DKL1001 "unless RUN on line 6 puts it there" predicts="no such file or directory" severity=warning
CMD /busybox httpd -f
# a later RUN may still install the shell
RUN ["/busybox", "--install", "-s", "/bin"]
