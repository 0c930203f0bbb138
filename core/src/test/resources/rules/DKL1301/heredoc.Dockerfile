FROM scratch
COPY --chmod=755 <<EOF /run.sh
echo "hello"
EOF
# expect: DKL1301 "'/run.sh' is a text file without a '#!' line" predicts="exec format error" severity=error fix="Start the heredoc with '#!/bin/sh'"
ENTRYPOINT ["/run.sh"]
