#!/usr/bin/env bash
# Times image facts: a cold file index of a ~100 MB image from the Docker Engine (docker save)
# and from a registry (layer blobs), a warm (cached) lookup, and a warm whole-process lint
# against the same lint with no image source.
#
#   source $DOCKERLINT_STATE/services.env    # .ci/services.sh start: engine + loopback registry
#   benchmarks/image-sources.sh [RUNS]
#   BENCH_IMAGE=127.0.0.1:PORT/bench/big:TAG benchmarks/image-sources.sh   # reuse an image
#
# The image is built FROM scratch out of generated files (no pulls): random data, copies of the
# static busybox fixture as executables (their ELF facts are read) and many small scripts.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-5}"
: "${DOCKER_HOST:?source services.env first}"
: "${DOCKERLINT_TEST_REGISTRY:?source services.env first}"
fixtures="${DOCKERLINT_FIXTURES:-$HOME/.cache/dockerlint-fixtures}"
busybox="$fixtures/$(awk -F'\t' '$1=="busybox.amd64"{print $6}' "$fixtures/manifest.tsv")"
[ -f "$busybox" ] || { echo "run .ci/fixtures.sh first" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ref="${BENCH_IMAGE:-$DOCKERLINT_TEST_REGISTRY/bench/big:$(date +%s)}"
"$root/dockerlint" --version >/dev/null # build first, outside the timings
java=("$root/dockerlint")               # the launcher, with its JVM options and AppCDS archive

if [ -z "${BENCH_IMAGE:-}" ]; then
echo "building a ~100 MB image $ref" >&2
ctx="$work/ctx"
mkdir -p "$ctx/data" "$ctx/usr/bin" "$ctx/usr/lib" "$ctx/opt/scripts"
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
ln -s tool1 "$ctx/usr/bin/sh"
printf 'FROM scratch\nCOPY . /\nENTRYPOINT ["/usr/bin/tool1"]\n' >"$ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t "$ref" "$ctx" >/dev/null
docker push "$ref" >/dev/null
fi
size_engine=$(docker image inspect --format '{{.Size}}' "$ref")
size_registry=$("${java[@]}" image --facts --image-source registry --platform linux/amd64 "$ref" >/dev/null; \
  curl -s -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$DOCKERLINT_TEST_REGISTRY/v2/bench/big/manifests/${ref##*:}" |
  python3 -c 'import json,sys; print(sum(l["size"] for l in json.load(sys.stdin)["layers"]))')

seconds() { python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])'; }
mbps() { python3 -c "print(round($1 / 1048576 / $2, 1))"; }

cold() { # source
  local cache="$work/cache-$1-$RANDOM"
  XDG_CACHE_HOME="$cache" "${java[@]}" image --facts --image-source "$1" --platform linux/amd64 --files "$ref" | seconds
}
# shellcheck source-path=SCRIPTDIR source=timing.sh
. "$root/benchmarks/timing.sh"

engine_s=$(for _ in $(seq "$runs"); do cold docker; done | median)
registry_s=$(for _ in $(seq "$runs"); do cold registry; done | median)
warm_cache="$work/cache-warm"
XDG_CACHE_HOME="$warm_cache" "${java[@]}" image --facts --image-source registry --platform linux/amd64 --files "$ref" >/dev/null
warm_s=$(for _ in $(seq "$runs"); do
  XDG_CACHE_HOME="$warm_cache" "${java[@]}" image --facts --image-source registry --platform linux/amd64 --files "$ref" | seconds
done | median)

printf 'FROM %s\nRUN tool2 echo hi\nCMD ["/opt/scripts/s1.sh"]\n' "$ref" >"$work/Dockerfile"
whole_ms() { # args...
  local s e
  s=$(date +%s%N)
  XDG_CACHE_HOME="$warm_cache" "${java[@]}" "$@" "$work/Dockerfile" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
XDG_CACHE_HOME="$warm_cache" "${java[@]}" --image-source registry --platform linux/amd64 "$work/Dockerfile" >/dev/null 2>&1 || true
none_ms=$(for _ in $(seq "$runs"); do whole_ms --image-source none --platform linux/amd64; done | median)
warm_ms=$(for _ in $(seq "$runs"); do whole_ms --image-source auto --platform linux/amd64; done | median)

echo "image: $ref"
echo "  engine (docker save): $size_engine bytes; registry (compressed layers): $size_registry bytes"
echo "cold file index, engine:   ${engine_s} s  ($(mbps "$size_engine" "$engine_s") MB/s)"
echo "cold file index, registry: ${registry_s} s  ($(mbps "$size_registry" "$registry_s") MB/s)"
echo "warm (cached) file index:  ${warm_s} s"
echo "whole-process lint, no image source:    ${none_ms} ms (median of $runs)"
echo "whole-process lint, warm cache (auto):  ${warm_ms} ms (median of $runs)"
echo "ratio warm/none: $(python3 -c "print(round($warm_ms / $none_ms, 2))")"
