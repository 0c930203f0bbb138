# The interpreter a '#!' line names is itself a text file without '#!'.
# test: context=ctx
FROM scratch
COPY --chmod=755 helper /usr/local/bin/helper
COPY --chmod=755 <<EOF /run.py
#!/usr/local/bin/helper
EOF
# expect: DKL1301 "'/run.py' starts with '#!/usr/local/bin/helper', and '/usr/local/bin/helper' is a text file without a '#!' line" predicts="exec format error"
ENTRYPOINT ["/run.py"]
