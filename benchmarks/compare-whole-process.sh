#!/usr/bin/env bash
# Times whole-process runs of dockerlint against two node linters, in the same run on the same
# files, and prints the medians and ratios:
#   - dockerfile-utils (the linter of the Dockerfile language server): validate() over the files
#     in one node process (benchmarks/peer/lint-all.js);
#   - dockerfilelint: its own command line.
# dockerlint is timed with its AppCDS archive (what ./dockerlint does) and without it
# (DOCKERLINT_NO_CDS=1), to show what the archive buys.
#
#   benchmarks/compare-whole-process.sh [CORPUS_DIR] [RUNS]
#
# Installs the peers from npm into benchmarks/target/peer on first use.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="${1:-$root/../shared/corpus/real}"
runs="${2:-7}"
peer="$root/benchmarks/target/peer"

if [ ! -d "$peer/node_modules/dockerfile-utils" ] || [ ! -d "$peer/node_modules/dockerfilelint" ]; then
  mkdir -p "$peer"
  (cd "$peer" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund dockerfile-utils@0.16.3 dockerfilelint@1.8.0 >/dev/null)
fi
cp "$root/benchmarks/peer/lint-all.js" "$peer/lint-all.js"
dfl="$peer/node_modules/.bin/dockerfilelint"

mapfile -t files < <(find "$corpus" -type f ! -name MANIFEST.tsv | sort)
one="${files[0]}"
"$root/dockerlint" --version >/dev/null   # build first if needed, outside the timings
[ -f "$root/cli/target/dockerlint.jsa" ] || echo "warning: no AppCDS archive; the cds rows equal the plain ones" >&2

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

no_cds() { DOCKERLINT_NO_CDS=1 "$@"; }
ratio() { echo "$1 / $2" | bc -l; }

printf 'files: %d (%s), %d runs each, %s cores, load %s\n' "${#files[@]}" "$corpus" "$runs" \
  "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
dl_all=$(median_ms "$root/dockerlint" --format json "${files[@]}")
dn_all=$(median_ms no_cds "$root/dockerlint" --format json "${files[@]}")
du_all=$(median_ms node "$peer/lint-all.js" "${files[@]}")
df_all=$(median_ms "$dfl" -o json "${files[@]}")
dl_one=$(median_ms "$root/dockerlint" --format json "$one")
dn_one=$(median_ms no_cds "$root/dockerlint" --format json "$one")
du_one=$(median_ms node "$peer/lint-all.js" "$one")
df_one=$(median_ms "$dfl" -o json "$one")

printf '\n%-26s %12s %14s %18s %15s\n' "median wall time (ms)" "dockerlint" "no AppCDS" "dockerfile-utils" "dockerfilelint"
printf '%-26s %12d %14d %18d %15d\n' "all files, one process" "$dl_all" "$dn_all" "$du_all" "$df_all"
printf '%-26s %12d %14d %18d %15d\n' "one file, one process" "$dl_one" "$dn_one" "$du_one" "$df_one"
printf '\n%-26s %14s %18s %15s\n' "ratio (lower is better)" "AppCDS/none" "dl/dfile-utils" "dl/dfilelint"
printf '%-26s %14.2f %18.2f %15.2f\n' "all files, one process" "$(ratio "$dl_all" "$dn_all")" "$(ratio "$dl_all" "$du_all")" "$(ratio "$dl_all" "$df_all")"
printf '%-26s %14.2f %18.2f %15.2f\n' "one file, one process" "$(ratio "$dl_one" "$dn_one")" "$(ratio "$dl_one" "$du_one")" "$(ratio "$dl_one" "$df_one")"
echo "(dockerlint = ./dockerlint with its AppCDS archive; ratios are dockerlint with AppCDS / the other)"
