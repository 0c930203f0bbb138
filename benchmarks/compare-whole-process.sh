#!/usr/bin/env bash
# Times whole-process runs of dockerlint against dockerfile-utils (node), the linter of the
# Dockerfile language server, in the same run on the same files, and prints the ratios.
#
#   benchmarks/compare-whole-process.sh [CORPUS_DIR] [RUNS]
#
# Installs dockerfile-utils from npm into benchmarks/target/peer on first use.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="${1:-$root/../shared/corpus/real}"
runs="${2:-7}"
peer="$root/benchmarks/target/peer"

if [ ! -d "$peer/node_modules/dockerfile-utils" ]; then
  mkdir -p "$peer"
  (cd "$peer" && npm init -y >/dev/null && npm install --no-audit --no-fund dockerfile-utils@0.16.3 >/dev/null)
fi
cp "$root/benchmarks/peer/lint-all.js" "$peer/lint-all.js"

mapfile -t files < <(find "$corpus" -type f ! -name MANIFEST.tsv | sort)
one="${files[0]}"
"$root/dockerlint" --version >/dev/null   # build first if needed, outside the timings

# median wall-clock milliseconds of RUNS runs of a command
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

printf 'files: %d (%s)\n' "${#files[@]}" "$corpus"
dl_all=$(median_ms "$root/dockerlint" --format json "${files[@]}")
du_all=$(median_ms node "$peer/lint-all.js" "${files[@]}")
dl_one=$(median_ms "$root/dockerlint" --format json "$one")
du_one=$(median_ms node "$peer/lint-all.js" "$one")

printf '%-28s %10s %16s %8s\n' "run" "dockerlint" "dockerfile-utils" "ratio"
printf '%-28s %8d ms %13d ms %8.2f\n' "all files, one process" "$dl_all" "$du_all" "$(echo "$dl_all / $du_all" | bc -l)"
printf '%-28s %8d ms %13d ms %8.2f\n' "one file, one process" "$dl_one" "$du_one" "$(echo "$dl_one / $du_one" | bc -l)"
echo "(median of $runs runs each; ratio = dockerlint / dockerfile-utils, lower is better)"
