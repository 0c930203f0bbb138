# A RUN's --mount puts files at its target while it runs.
FROM scratch
RUN --mount=from=busybox:musl,dst=/usr/ ["busybox", "sh", "-c", "mkdir -p /kaniko"]
RUN --mount=type=cache,target=/root/.cache ["/root/.cache/tool"]
# expect: DKL1305 "'/usr/bin/tool' does not exist"
RUN ["/usr/bin/tool"]

# A .wasm entry point is for a Wasm runtime, not runc.
FROM scratch
ENTRYPOINT ["app.wasm"]
