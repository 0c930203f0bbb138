# test: context=ctx
FROM scratch
COPY entrypoint.sh /entrypoint.sh
# expect: DKL1304 "'/entrypoint.sh' is not executable (mode 0644" predicts="permission denied" severity=error fix="Copy it with --chmod=755"
ENTRYPOINT ["/entrypoint.sh"]
