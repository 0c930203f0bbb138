# The script runs, but its interpreter is a foreign binary.
# test: context=ctx
FROM scratch
COPY --chmod=755 tool-arm64 /usr/local/bin/tool
COPY --chmod=755 <<EOF /run.sh
#!/usr/local/bin/tool
print("hi")
EOF
# expect: DKL1300 "'/run.sh' starts with '#!/usr/local/bin/tool', and '/usr/local/bin/tool' is an ELF binary for arm64" predicts="exec format error"
ENTRYPOINT ["/run.sh"]
