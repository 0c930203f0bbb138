# test: context=ctx
FROM scratch
COPY --chmod=755 busybox /bin/sh
COPY --chmod=755 entrypoint.sh /entrypoint.sh
RUN sed -i '1i #!/bin/sh' /entrypoint.sh
# expect: DKL1301 "the RUN at line 5 may change this" severity=warning
ENTRYPOINT ["/entrypoint.sh"]
