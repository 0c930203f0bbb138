#!/usr/bin/env bash
# ShellCheck for the ShellCheck rule's tests (DKL6000): Debian's shellcheck. Idempotent.
set -euo pipefail
if ! command -v shellcheck >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
fi
shellcheck --version | head -2
