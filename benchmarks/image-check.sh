#!/usr/bin/env bash
# Times `dockerlint image` on a ~100 MB image, whole process (JVM start included): cold (empty
# cache: the layers are streamed once) from the Docker Engine and from a registry, then warm (the
# file index comes from the cache; only the tag is resolved again), and `--version` as the
# floor of a JVM start. Targets: cold <= 3 s, warm <= 0.5 s.
#
#   source $DOCKERLINT_STATE/services.env    # .ci/services.sh start: engine + loopback registry
#   benchmarks/image-check.sh [RUNS]          # default 3
#
# The image is built FROM scratch out of generated files (no pulls) with the legacy builder:
# random data, copies of the static busybox fixture as executables and many small scripts, with
# the busybox as entrypoint, and pushed to the test registry. `docker save > /dev/null` is timed
# too: the floor of a cold run from the engine.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-3}"
: "${DOCKER_HOST:?source services.env first}"
: "${DOCKERLINT_TEST_REGISTRY:?source services.env first}"
fixtures="${DOCKERLINT_FIXTURES:-$HOME/.cache/dockerlint-fixtures}"
busybox="$fixtures/$(awk -F'\t' '$1=="busybox.amd64"{print $6}' "$fixtures/manifest.tsv")"
[ -f "$busybox" ] || { echo "run .ci/fixtures.sh first" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ref="$DOCKERLINT_TEST_REGISTRY/bench/check:$(date +%s)"
"$root/dockerlint" --version >/dev/null # build first, outside the timings
dl=("$root/dockerlint")                 # the launcher, with its JVM options and AppCDS archive

echo "building a ~100 MB image $ref" >&2
ctx="$work/ctx"
mkdir -p "$ctx/data" "$ctx/usr/bin" "$ctx/opt/scripts" "$ctx/bin"
for i in $(seq 1 40); do head -c $((1024 * 1024)) /dev/urandom >"$ctx/data/blob$i"; done
for i in $(seq 1 25); do cp "$busybox" "$ctx/usr/bin/tool$i"; chmod 755 "$ctx/usr/bin/tool$i"; done
python3 - "$ctx/opt/scripts" <<'PY'
import os, sys
for i in range(1, 6001):
    p = os.path.join(sys.argv[1], "s%d.sh" % i)
    with open(p, "w") as f:
        f.write("#!/bin/sh\n# script %d\n%s\n" % (i, "x" * 3000))
    os.chmod(p, 0o755)
PY
cp "$busybox" "$ctx/bin/busybox"
ln -s busybox "$ctx/bin/sh"
printf 'FROM scratch\nCOPY . /\nENTRYPOINT ["/opt/scripts/s1.sh"]\nHEALTHCHECK CMD ["/usr/bin/tool2", "true"]\n' >"$ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t "$ref" "$ctx" >/dev/null
docker push -q "$ref" >/dev/null
size=$(docker image inspect --format '{{.Size}}' "$ref")

ms() { # cache-dir args... -> milliseconds of one whole run (its exit code must be 0)
  local cache="$1" s e
  shift
  s=$(date +%s%N)
  XDG_CACHE_HOME="$cache" "${dl[@]}" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
# shellcheck source-path=SCRIPTDIR source=timing.sh
. "$root/benchmarks/timing.sh"
series() { tr '\n' ' ' | sed 's/ $//'; }

save_ms() { # the engine's own docker save of the image, to /dev/null
  local s e
  s=$(date +%s%N)
  docker save "$ref" >/dev/null
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}

cold_engine=(); cold_registry=(); warm_engine=(); warm_registry=(); floor=(); save=()
for i in $(seq "$runs"); do
  floor+=("$(ms "$work/none" --version)")
  save+=("$(save_ms)")
  cold_engine+=("$(ms "$work/ce$i" image "$ref")")
  warm_engine+=("$(ms "$work/ce$i" image "$ref")")
  cold_registry+=("$(ms "$work/cr$i" image --from-registry "$ref")")
  warm_registry+=("$(ms "$work/cr$i" image --from-registry "$ref")")
done

report() { # label values...
  local label="$1"
  shift
  printf '%-34s median %5s ms   runs: %s\n' "$label" "$(printf '%s\n' "$@" | median)" "$(printf '%s\n' "$@" | series)"
}
echo "image: $ref ($size bytes in the engine); $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
report "JVM start (dockerlint --version)" "${floor[@]}"
report "docker save > /dev/null" "${save[@]}"
report "cold, engine (docker save)" "${cold_engine[@]}"
report "warm, engine" "${warm_engine[@]}"
report "cold, registry (--from-registry)" "${cold_registry[@]}"
report "warm, registry" "${warm_registry[@]}"
ce=$(printf '%s\n' "${cold_engine[@]}" | median)
we=$(printf '%s\n' "${warm_engine[@]}" | median)
cr=$(printf '%s\n' "${cold_registry[@]}" | median)
wr=$(printf '%s\n' "${warm_registry[@]}" | median)
fl=$(printf '%s\n' "${floor[@]}" | median)
echo "ratios: warm/cold engine $(python3 -c "print(round($we / $ce, 2))"), warm/cold registry $(python3 -c "print(round($wr / $cr, 2))"), warm engine / JVM start $(python3 -c "print(round($we / $fl, 2))")"
echo "targets: cold <= 3000 ms: engine $([ "$ce" -le 3000 ] && echo met || echo MISSED), registry $([ "$cr" -le 3000 ] && echo met || echo MISSED); warm <= 500 ms: engine $([ "$we" -le 500 ] && echo met || echo MISSED), registry $([ "$wr" -le 500 ] && echo met || echo MISSED)"
