FROM scratch
COPY --chmod=755 <<EOF /run.sh
#!/bin/sh
echo hi
EOF
# expect: DKL1304 "'/run.sh' is not executable (mode 0644, written from the heredoc <<EOF" fix="Copy it with --chmod=755"
CMD ["/run.sh"]
