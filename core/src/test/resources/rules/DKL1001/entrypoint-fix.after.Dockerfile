FROM scratch AS base
COPY server /server

FROM base
# expect: DKL1001 "FROM base, which is FROM scratch" severity=error
ENTRYPOINT ["/server", "--listen", ":80"]
