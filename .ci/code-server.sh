#!/usr/bin/env bash
# Installs a real VS Code for the extension's end-to-end test (vscode-extension/e2e): code-server
# 4.99.4 (VS Code in the browser, from the npm registry) plus Debian's Chromium and playwright-core
# to drive it headless. Its install scripts try to download ripgrep and node headers from the
# internet; this script gives them local ones instead.
#
# usage: code-server.sh DIR      (idempotent; prints DIR/node_modules/.bin/code-server)
set -euo pipefail
dir=${1:?usage: code-server.sh DIR}
bin=$dir/node_modules/.bin/code-server
if [ -x "$bin" ] && [ -e "$dir/.ready" ]; then echo "$bin"; exit 0; fi
export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_unsafe_perm=true
need=""; for p in pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
# shellcheck disable=SC2086 # a space-separated list of package names, split on purpose
if [ -n "$need" ]; then bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" $need; fi
command -v node-gyp >/dev/null || npm install -g --no-audit --no-fund node-gyp@12.4.0 >/dev/null
mkdir -p "$dir"; cd "$dir"
[ -f package.json ] || echo '{"private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts code-server@4.99.4 playwright-core >/dev/null
npm rebuild argon2 >/dev/null
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null)
touch "$dir/.ready"
echo "$bin"
