FROM scratch
COPY rootfs/bin/ /bin/
# expect: DKL1001 "unless COPY on line 2 puts it there" predicts="no such file or directory" severity=warning
CMD /usr/bin/app
