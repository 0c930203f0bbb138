FROM scratch
COPY --from=busybox:1.36-musl /bin/busybox /bin/sh
COPY app /app
# the shell exists, so only the signal warning remains
# expect: DKL1001 "JSON arguments recommended for CMD" severity=warning
CMD /app
