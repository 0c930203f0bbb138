FROM debian:12
# expect: DKL3008 "(unpinned: jq)"
RUN <<EOF
set -e
apt-get update
apt-get install -y jq
EOF
