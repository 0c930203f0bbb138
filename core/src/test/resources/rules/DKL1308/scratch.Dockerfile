# test: context=ctx
FROM scratch AS glibc
COPY --chmod=755 app-glibc /app
# expect: DKL1308 "'/app' is dynamically linked (copied from 'app-glibc' in the build context at line 3) and needs /lib64/ld-linux-x86-64.so.2 (the glibc loader), which does not exist in this stage" predicts="no such file or directory" severity=error
ENTRYPOINT ["/app"]

FROM scratch AS musl-with-loader
COPY --chmod=755 app-musl /app
COPY --chmod=755 ld-musl-x86_64.so.1 /lib/
ENTRYPOINT ["/app"]

FROM scratch AS static
COPY --chmod=755 app-static /app
ENTRYPOINT ["/app"]
