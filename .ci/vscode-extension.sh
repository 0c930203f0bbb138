#!/usr/bin/env bash
# The VS Code extension, after Maven built the server jar: install its npm packages, type check
# and lint it, run its unit tests, package the .vsix (with the jar) and run the end-to-end test
# in code-server (see vscode-extension/README.md).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../vscode-extension"
export CODE_SERVER_DIR="${CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerlint-ci/code-server-4.99.4}"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm ci
npm run lint
npm test
npm run package
npm run e2e
