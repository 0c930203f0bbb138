FROM scratch AS base
WORKDIR /app
COPY --chmod=755 <<EOF /app/server
#!/app/server
EOF

FROM base AS typo
# expect: DKL1305 "'/app/sever' does not exist in this stage (FROM scratch starts with an empty filesystem)" predicts="no such file or directory" severity=error
ENTRYPOINT ["/app/sever"]

FROM base AS absolute
ENTRYPOINT ["/app/server"]

FROM base AS relative
ENTRYPOINT ["./server"]

FROM base AS relative-missing
# expect: DKL1305 "'/app/bin/server' does not exist" predicts="no such file or directory"
ENTRYPOINT ["bin/server"]

# Only the last ENTRYPOINT of a stage runs.
FROM base
ENTRYPOINT ["/app/sever"]
ENTRYPOINT ["/app/server"]
