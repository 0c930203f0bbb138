#!/usr/bin/env bash
# Machine setup for the VS Code extension's end-to-end test: code-server, Debian's Chromium and
# playwright-core, cached in ~/.cache/dockerlint-ci (or $CODE_SERVER_DIR) so that later runs
# reuse them. Idempotent.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "the VS Code extension needs Node.js 20+ and npm" >&2
  exit 1
}
bash code-server.sh "${CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerlint-ci/code-server-4.99.4}"
