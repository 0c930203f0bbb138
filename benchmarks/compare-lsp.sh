#!/usr/bin/env bash
# Times dockerlint's language server against dockerfile-language-server-nodejs in the same run:
# startup, didChange->publishDiagnostics, hover, completion and semantic tokens on a 50-line and a
# 2,000-line Dockerfile, and RSS after 10,000 edits. See benchmarks/README.md.
#
#   benchmarks/compare-lsp.sh [EXTRA LspLatency ARGS...]     e.g. --edits 500 --requests 500
#
# Runs LspLatency twice, once in each order of the servers.
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
"$root/dockerlint" version >/dev/null   # makes the class data sharing archive, outside the timings

# The launcher execs java, so the measured process is the server itself. Each server runs for
# minutes, and on a shared machine the figures drift over that time: the servers are measured in
# both orders, and both tables printed.
bench=(java -cp "$root/benchmarks/target/benchmarks.jar" dev.dockerlint.benchmarks.LspLatency)
dockerlint="dockerlint=$root/dockerlint lsp --stdio"
node="node=node $peer/node_modules/dockerfile-language-server-nodejs/bin/docker-langserver --stdio"
echo "== dockerlint first"
"${bench[@]}" --server "$dockerlint" --server "$node" \
  --out "$root/benchmarks/target/lsp-latency.json" "$@"
echo "== node first"
"${bench[@]}" --server "$node" --server "$dockerlint" \
  --out "$root/benchmarks/target/lsp-latency-node-first.json" "$@"
