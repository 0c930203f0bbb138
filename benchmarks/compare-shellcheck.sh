#!/usr/bin/env bash
# Times whole-process runs of dockerlint over a corpus with ShellCheck off and on, in the same
# run on the same files, and prints the medians and the ratio (on / off). Off and on runs take
# turns, so that a change in the machine's load hits both. Every run is a fresh process. "Cold"
# runs get an empty cache directory (XDG_CACHE_HOME) each, so they check every distinct RUN script
# once, in batches; "warm" runs share one that an earlier run filled, as reruns in CI or
# pre-commit do. Base images are not looked up (--image-source none): the timings are linting and
# ShellCheck only.
#
#   benchmarks/compare-shellcheck.sh [CORPUS_DIR] [RUNS]
#
# Needs the shellcheck executable (Debian: apt-get install shellcheck).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="${1:-$root/../shared/corpus/real}"
runs="${2:-5}"

command -v shellcheck >/dev/null 2>&1 || { echo "shellcheck is not installed" >&2; exit 2; }
mapfile -t files < <(find "$corpus" -type f ! -name MANIFEST.tsv | sort)
"$root/dockerlint" --version >/dev/null   # build first if needed, outside the timings

lint=("$root/dockerlint" --format json --no-fail --image-source none)

# shellcheck source-path=SCRIPTDIR source=timing.sh
. "$root/benchmarks/timing.sh"

cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
# a cold run: its own empty cache directory
cold() { local d; d="$(mktemp -d "$cache/cold.XXXX")"; XDG_CACHE_HOME="$d" "$@"; rm -rf "$d"; }
warm() { XDG_CACHE_HOME="$cache/warm" "$@"; }

scripts=$(warm "${lint[@]}" --shellcheck on "${files[@]}" 2>/dev/null \
  | grep -o '"code":"DKL6000"' | wc -l)
printf 'files: %d (%s), %d runs each, %s cores, load %s, %s\n' "${#files[@]}" "$corpus" "$runs" \
  "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" "$(shellcheck --version | sed -n 2p)"
offs=() ons=() warms=()
for _ in $(seq "$runs"); do
  offs+=("$(run_ms cold "${lint[@]}" --shellcheck off "${files[@]}")")
  ons+=("$(run_ms cold "${lint[@]}" --shellcheck on "${files[@]}")")
  warms+=("$(run_ms warm "${lint[@]}" --shellcheck on "${files[@]}")")
done
off=$(printf '%s\n' "${offs[@]}" | median)
on=$(printf '%s\n' "${ons[@]}" | median)
wm=$(printf '%s\n' "${warms[@]}" | median)
printf '\n%-34s %10s\n' "median wall time (ms)" ""
printf '%-34s %10d   (runs: %s)\n' "ShellCheck off" "$off" "${offs[*]}"
printf '%-34s %10d   (runs: %s; %d ShellCheck findings)\n' "ShellCheck on (cold cache)" "$on" \
  "${ons[*]}" "$scripts"
printf '%-34s %10d   (runs: %s)\n' "ShellCheck on (warm cache)" "$wm" "${warms[*]}"
printf '%-34s %10.2f\n' "ratio cold / off (goal: at most 3)" "$(echo "$on / $off" | bc -l)"
printf '%-34s %10.2f\n' "ratio warm / off" "$(echo "$wm / $off" | bc -l)"
printf 'load after: %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
