# BuildKit builds a stage the final stage does not need only as --target: a warning.
FROM scratch AS lint
# expect: DKL1307 "BuildKit builds stage lint only as --target" severity=warning
SHELL ["/bin/bash", "-c"]
RUN echo "needs bash"

FROM scratch
COPY --chmod=755 <<EOF /app
#!/app
EOF
ENTRYPOINT ["/app"]
