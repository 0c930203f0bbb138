# a root filesystem copied to / most likely brings its shell: only the signal warning
FROM scratch
ADD alpine-minirootfs.tar.gz /
# expect: DKL1001 "JSON arguments recommended for CMD" severity=warning
CMD /bin/sh -l
