#!/usr/bin/env bash
# ShellCheck for the ShellCheck rule's tests (DKL6000): Debian's shellcheck. Idempotent.
set -euo pipefail
if ! command -v shellcheck >/dev/null 2>&1; then
  bash "$(dirname "${BASH_SOURCE[0]}")/../apt-install.sh" shellcheck
fi
shellcheck --version | head -2
