# The base image's files are unknown, but the copied file is not.
# test: context=ctx
FROM debian:bookworm
COPY --chmod=755 tool-arm64 /usr/local/bin/tool
# expect: DKL1300 "'/usr/local/bin/tool' is an ELF binary for arm64" severity=error
ENTRYPOINT ["/usr/local/bin/tool"]
# Nothing is known about programs of the base image.
RUN ["/usr/bin/true"]
