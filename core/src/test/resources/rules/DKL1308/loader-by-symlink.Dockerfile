# test: context=ctx
FROM scratch
COPY --chmod=755 ld-musl-x86_64.so.1 /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
COPY --chmod=755 app-static /bin/sh
RUN mkdir -p /lib64 && ln -s /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2
COPY --chmod=755 app-glibc /app
ENTRYPOINT ["/app"]
