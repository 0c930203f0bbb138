# The stage's --platform decides, not the build's target.
# test: context=ctx platform=linux/arm64
FROM --platform=linux/amd64 debian:bookworm-slim AS tools
COPY --chmod=755 tool-arm64 /tool
# expect: DKL1300 "the image is for linux/amd64" predicts="exec format error"
ENTRYPOINT ["/tool"]

FROM scratch
COPY --chmod=755 tool-arm64 /tool
ENTRYPOINT ["/tool"]
