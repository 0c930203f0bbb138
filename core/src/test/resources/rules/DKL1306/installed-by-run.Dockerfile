# test: context=ctx
FROM scratch
COPY --chmod=755 static-amd64 /bin/sh
RUN apk add --no-cache bash
COPY --chmod=755 entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]

FROM scratch
COPY --chmod=755 static-amd64 /bin/sh
RUN ./get-bash.sh
COPY --chmod=755 entrypoint.sh /entrypoint.sh
# expect: DKL1306 "the RUN at line 10 may change this" severity=warning
ENTRYPOINT ["/entrypoint.sh"]
