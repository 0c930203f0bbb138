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

# shellcheck source-path=SCRIPTDIR source=timing.sh
. "$root/benchmarks/timing.sh"

no_cds() { DOCKERLINT_NO_CDS=1 "$@"; }
ratio() { echo "$1 / $2" | bc -l; }

# The tools take turns, one run each per round, so that a slow spell of a shared machine falls on
# all of them alike instead of on whichever ran during it.
declare -A t
for _ in $(seq "$runs"); do
  t[dl_all]+="$(run_ms "$root/dockerlint" --format json "${files[@]}") "
  t[dn_all]+="$(run_ms no_cds "$root/dockerlint" --format json "${files[@]}") "
  t[du_all]+="$(run_ms node "$peer/lint-all.js" "${files[@]}") "
  t[df_all]+="$(run_ms "$dfl" -o json "${files[@]}") "
  t[dl_one]+="$(run_ms "$root/dockerlint" --format json "$one") "
  t[dn_one]+="$(run_ms no_cds "$root/dockerlint" --format json "$one") "
  t[du_one]+="$(run_ms node "$peer/lint-all.js" "$one") "
  t[df_one]+="$(run_ms "$dfl" -o json "$one") "
done
# shellcheck disable=SC2086 # each entry is a space-separated list of run times, split on purpose
med() { printf '%s\n' ${t[$1]} | median; }

printf 'files: %d (%s), %d runs each, %s cores, load %s\n' "${#files[@]}" "$corpus" "$runs" \
  "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)"
dl_all=$(med dl_all); dn_all=$(med dn_all); du_all=$(med du_all); df_all=$(med df_all)
dl_one=$(med dl_one); dn_one=$(med dn_one); du_one=$(med du_one); df_one=$(med df_one)

printf '\n%-26s %12s %14s %18s %15s\n' "median wall time (ms)" "dockerlint" "no AppCDS" "dockerfile-utils" "dockerfilelint"
printf '%-26s %12d %14d %18d %15d\n' "all files, one process" "$dl_all" "$dn_all" "$du_all" "$df_all"
printf '%-26s %12d %14d %18d %15d\n' "one file, one process" "$dl_one" "$dn_one" "$du_one" "$df_one"
printf '\n%-26s %14s %18s %15s\n' "ratio (lower is better)" "AppCDS/none" "dl/dfile-utils" "dl/dfilelint"
printf '%-26s %14.2f %18.2f %15.2f\n' "all files, one process" "$(ratio "$dl_all" "$dn_all")" "$(ratio "$dl_all" "$du_all")" "$(ratio "$dl_all" "$df_all")"
printf '%-26s %14.2f %18.2f %15.2f\n' "one file, one process" "$(ratio "$dl_one" "$dn_one")" "$(ratio "$dl_one" "$du_one")" "$(ratio "$dl_one" "$df_one")"
echo "(dockerlint = ./dockerlint with its AppCDS archive; ratios are dockerlint with AppCDS / the other)"
# the ratio within each round, whose median a slow spell moves less than the medians' ratio
# shellcheck disable=SC2086 # as in med
per_round() { paste -d' ' <(printf '%s\n' ${t[$1]}) <(printf '%s\n' ${t[$2]}) | awk '{print $1 / $2}' | median; }
printf 'median of the per-round ratios dl/dfile-utils: all files %.2f, one file %.2f\n' \
  "$(per_round dl_all du_all)" "$(per_round dl_one du_one)"
