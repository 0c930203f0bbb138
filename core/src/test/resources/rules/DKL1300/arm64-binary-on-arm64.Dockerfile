# The same program in an image for linux/arm64 is fine.
# test: context=ctx platform=linux/arm64
FROM scratch
COPY --chmod=755 tool-arm64 /tool
ENTRYPOINT ["/tool"]
