#!/usr/bin/env bash
# Real foreign-architecture ELF binaries from Debian for ForeignElfTest (8 architectures), in the
# folder the test reads by default. Idempotent: fetched once, then cached.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
bash core/src/test/fixtures/fetch-foreign-elves.sh "$HOME/.cache/dockerlint-test"
