# Without a build context nothing is known about copied files.
FROM scratch
COPY --chmod=755 tool-arm64 /tool
ENTRYPOINT ["/tool"]
