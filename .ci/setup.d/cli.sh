#!/usr/bin/env bash
# Tools the cli tests need: Debian's pre-commit (the hook end-to-end test) and git. Idempotent.
set -euo pipefail
missing=()
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
command -v git >/dev/null 2>&1 || missing+=(git)
if [ "${#missing[@]}" -gt 0 ]; then
  bash "$(dirname "${BASH_SOURCE[0]}")/../apt-install.sh" "${missing[@]}"
fi
pre-commit --version
