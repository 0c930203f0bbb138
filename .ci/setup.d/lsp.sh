#!/usr/bin/env bash
# Machine setup for the language server's tests: Neovim (its built-in LSP client drives the
# end-to-end test). Idempotent: does nothing when nvim is already installed.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# An index of a foreign architecture may fail to download; the native one is what we need.
apt-get update -qq || true
apt-get install -y -qq neovim >/dev/null
command -v nvim >/dev/null
