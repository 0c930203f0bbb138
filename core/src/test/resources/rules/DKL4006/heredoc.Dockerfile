FROM debian:12
RUN <<EOF
#!/bin/bash
set -o pipefail
curl -fsSL https://example.com/x | tar -xz
EOF
# expect: DKL4006
RUN <<EOF
curl -fsSL https://example.com/x | tar -xz
EOF
