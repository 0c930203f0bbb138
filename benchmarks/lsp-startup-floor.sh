#!/usr/bin/env bash
# What a language server on the JVM and lsp4j needs to start on this machine, next to dockerlint's:
# the time from starting the process to the initialize answer of
#   - dockerlint's server (./dockerlint lsp, with its AppCDS archives and cli/src/main/jvm/lsp.options);
#   - the least an lsp4j server does (benchmarks/minimal-lsp: answer initialize, shutdown, exit),
#     with the same JVM options and a dynamic AppCDS archive of its own, and without one;
#   - dockerfile-language-server-nodejs, when benchmarks/compare-lsp.sh has installed it;
# the servers taking turns. Also the median of `java -version` with the same options.
#
#   benchmarks/lsp-startup-floor.sh [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-9}"
work="$root/benchmarks/target/minimal-lsp"
options="$root/cli/src/main/jvm/lsp.options"

(cd "$root" && mvn -B -q -Pbench -pl benchmarks,cli -am package -DskipTests)
"$root/dockerlint" version >/dev/null   # builds the class data sharing archives, outside the timings

# The minimal server, compiled against the lsp4j and Gson jars the language server uses.
rm -rf "$work" && mkdir -p "$work/classes"
(cd "$root" && mvn -B -q -pl lsp-server dependency:build-classpath \
  -Dmdep.outputFile="$work/lsp-server.classpath")
deps="$(tr ':' '\n' <"$work/lsp-server.classpath" | grep -E '/org\.eclipse\.lsp4j|/gson-' | paste -sd: -)"
javac -d "$work/classes" -cp "$deps" "$root/benchmarks/minimal-lsp/MinimalLsp4jServer.java"
jar cf "$work/minimal-lsp.jar" -C "$work/classes" .
cp="$work/minimal-lsp.jar:$deps"

bench=(java -cp "$root/benchmarks/target/benchmarks.jar" dev.dockerlint.benchmarks.LspLatency --startup-only)
minimal="java @$options -cp $cp MinimalLsp4jServer"

# Its archive, as dockerlint's dynamic one is made: the classes one session loaded, dumped at exit.
"${bench[@]}" --startups 1 \
  --server "training=java @$options -XX:ArchiveClassesAtExit=$work/minimal.jsa -cp $cp MinimalLsp4jServer" \
  >/dev/null 2>&1
[ -f "$work/minimal.jsa" ] || { echo "no class data sharing archive was written for the minimal server" >&2; exit 1; }

servers=(
  --server "dockerlint=$root/dockerlint lsp --stdio"
  --server "minimal-lsp4j=java @$options -XX:SharedArchiveFile=$work/minimal.jsa -Xlog:cds=off -cp $cp MinimalLsp4jServer"
  --server "minimal-lsp4j-no-cds=$minimal"
)
node_server="$root/benchmarks/target/peer-lsp/node_modules/dockerfile-language-server-nodejs/bin/docker-langserver"
if [ -f "$node_server" ]; then
  servers+=(--server "node=node $node_server --stdio")
fi

# shellcheck source-path=SCRIPTDIR source=timing.sh
. "$root/benchmarks/timing.sh"
version_ms="$(for _ in $(seq "$rounds"); do run_ms java "@$options" -version; done | median)"

printf '%s cores, load %s, %s rounds\n' "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" "$rounds"
"${bench[@]}" --startups "$rounds" "${servers[@]}" 2>/dev/null
printf '\njava -version with lsp.options (median ms): %s\n' "$version_ms"
