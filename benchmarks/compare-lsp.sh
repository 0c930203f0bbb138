#!/usr/bin/env bash
# Times dockerlint's language server against dockerfile-language-server-nodejs in the same run:
# startup, didChange->publishDiagnostics, hover, completion and semantic tokens on a 50-line and a
# 2,000-line Dockerfile, and RSS after 10,000 edits. See benchmarks/README.md.
#
#   benchmarks/compare-lsp.sh [EXTRA LspLatency ARGS...]     e.g. --edits 500 --requests 500
#
# Installs the peer from npm into benchmarks/target/peer-lsp on first use.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
peer="$root/benchmarks/target/peer-lsp"
version="0.15.0"

if [ ! -x "$peer/node_modules/.bin/docker-langserver" ]; then
  mkdir -p "$peer"
  (cd "$peer" && npm init -y >/dev/null \
    && npm install --no-audit --no-fund "dockerfile-language-server-nodejs@$version" >/dev/null)
fi

(cd "$root" && mvn -B -q -Pbench -pl benchmarks,cli -am package -DskipTests)

java -cp "$root/benchmarks/target/benchmarks.jar" dev.dockerlint.benchmarks.LspLatency \
  --server "dockerlint=java ${DOCKERLINT_LSP_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto} -jar $root/cli/target/dockerlint.jar lsp --stdio" \
  --server "node=node $peer/node_modules/dockerfile-language-server-nodejs/bin/docker-langserver --stdio" \
  --out "$root/benchmarks/target/lsp-latency.json" "$@"
