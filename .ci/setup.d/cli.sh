#!/usr/bin/env bash
# Tools the cli tests need: Debian's pre-commit (the hook end-to-end test) and git. Idempotent.
set -euo pipefail
missing=()
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
command -v git >/dev/null 2>&1 || missing+=(git)
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
pre-commit --version
