# A later RUN that dockerlint cannot follow may replace the binary: only a warning.
# test: context=ctx
FROM scratch
COPY --chmod=755 tool-arm64 /tool
COPY --chmod=755 tool-amd64 /bin/sh
RUN ./build.sh
# expect: DKL1300 "the RUN at line 6 may change this" severity=warning
ENTRYPOINT ["/tool"]
