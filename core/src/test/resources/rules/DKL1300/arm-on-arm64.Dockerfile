# 32-bit ARM code runs only on arm64 hosts that support AArch32: a warning.
# test: context=ctx platform=linux/arm64
FROM scratch
COPY --chmod=755 tool-arm /tool
# expect: DKL1300 "runs only on arm64 hosts that can execute 32-bit ARM code" predicts="exec format error" severity=warning
ENTRYPOINT ["/tool"]
