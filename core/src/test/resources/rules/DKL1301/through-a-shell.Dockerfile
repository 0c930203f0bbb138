# Run through a shell, a script needs no '#!' line.
# test: context=ctx
FROM scratch
COPY --chmod=755 busybox /bin/sh
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/bin/sh", "/entrypoint.sh"]
