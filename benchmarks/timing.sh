# shellcheck shell=bash
# Shell functions the benchmark scripts share (source it).

# wall-clock milliseconds of one run of a command; its exit code does not matter (findings exit 1)
run_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# the median of the numbers on standard input, one per line
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
