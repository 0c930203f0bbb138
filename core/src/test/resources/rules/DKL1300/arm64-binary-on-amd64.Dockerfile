# An arm64 program in an image for linux/amd64.
# test: context=ctx platform=linux/amd64
FROM scratch
COPY --chmod=755 tool-arm64 /tool
# expect: DKL1300 "'/tool' is an ELF binary for arm64" predicts="exec format error" severity=error
ENTRYPOINT ["/tool"]
