#!/usr/bin/env bash
# Machine setup for the language server's tests: Neovim (its built-in LSP client drives the
# end-to-end test). Idempotent: does nothing when nvim is already installed.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
bash "$(dirname "${BASH_SOURCE[0]}")/../apt-install.sh" neovim
command -v nvim >/dev/null
