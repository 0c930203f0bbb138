#!/usr/bin/env bash
# Downloads, once, the Debian packages the container tests need and unpacks
# them into ${DOCKERLINT_FIXTURES:-$HOME/.cache/dockerlint-fixtures}.
#
# Layout:
#   $DIR/<package>_<arch>/...      the package as `dpkg -x` unpacks it
#   $DIR/manifest.tsv              one line per fixture file (see below)
#
# manifest.tsv: a "# ... format=N" line, then tab separated columns with a
# header line:
#   key  package  version  arch  image_path  path  sha256
# image_path is where the package installs the file (e.g. the ELF interpreter
# path of a loader, /lib64/ld-linux-x86-64.so.2); path is the regular file it
# resolves to, relative to $DIR, with symlinks followed inside the package.
# Tests find fixtures by key, e.g. "busybox.arm64".
#
# Idempotent: packages already unpacked are not downloaded again. Set
# DOCKERLINT_FIXTURES_REFRESH=1 to start over.
set -euo pipefail

DIR="${DOCKERLINT_FIXTURES:-$HOME/.cache/dockerlint-fixtures}"
# Bump when the list below changes so that an old cache is completed.
FORMAT=3

# key | package | arch | file inside the package
FIXTURES=(
  "busybox.amd64|busybox-static|amd64|bin/busybox"
  "busybox.arm64|busybox-static|arm64|bin/busybox"
  "busybox.armhf|busybox-static|armhf|bin/busybox"
  "bash-static.amd64|bash-static|amd64|bin/bash-static"
  "bash-static.arm64|bash-static|arm64|bin/bash-static"
  "hello.amd64|hello|amd64|usr/bin/hello"
  "hello.arm64|hello|arm64|usr/bin/hello"
  "glibc-loader.amd64|libc6|amd64|lib64/ld-linux-x86-64.so.2"
  "glibc-libc.amd64|libc6|amd64|lib/x86_64-linux-gnu/libc.so.6"
  "glibc-loader.arm64|libc6|arm64|lib/ld-linux-aarch64.so.1"
  "glibc-libc.arm64|libc6|arm64|lib/aarch64-linux-gnu/libc.so.6"
  "musl-loader.amd64|musl|amd64|lib/ld-musl-x86_64.so.1"
  "musl-loader.arm64|musl|arm64|lib/ld-musl-aarch64.so.1"
)

log() { printf 'fixtures: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs an apt command up to 4 times: mirrors can be mid-sync, and another
# apt on the same machine can hold the lock or change the architectures.
apt_retry() {
  local try
  for try in 1 2 3 4; do
    "$@" >&2 && return 0
    log "'$*' failed (try $try of 4)"
    [ "$try" = 4 ] || sleep $((try * 5))
  done
  return 1
}

apt_updated=0
arch_added=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    # apt keeps the lists it could fetch; a package that is still missing
    # is reported by the caller.
    apt_retry apt-get update -qq || log "warning: going on with the package lists apt has"
    apt_updated=1
  fi
}

need_arch() {
  local arch="$1"
  [ "$arch" = "$(dpkg --print-architecture)" ] && return 0
  if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
    log "adding dpkg architecture $arch"
    dpkg --add-architecture "$arch"
    arch_added=1 # the package lists of the new architecture are missing
  fi
}

# Downloads the given package:arch names in one apt-get call and unpacks each
# into $DIR/<package>_<arch>, with its version in .complete.
download_and_unpack() { # package:arch...
  local tmp deb pkg arch version dest
  tmp="$(mktemp -d)"
  chmod 0777 "$tmp" # apt-get download drops privileges to _apt
  log "downloading $*"
  if ! (cd "$tmp" && apt-get download -qq "$@" >&2); then
    # a package that apt cannot find yet is often only missing from stale lists
    apt_updated=0
    apt_update_once
    (cd "$tmp" && apt_retry apt-get download -qq "$@") \
      || { rm -rf "$tmp"; die "apt-get download $* failed"; }
  fi
  for deb in "$tmp"/*.deb; do
    pkg="$(dpkg-deb -f "$deb" Package)"
    arch="$(dpkg-deb -f "$deb" Architecture)"
    version="$(dpkg-deb -f "$deb" Version)"
    dest="$DIR/${pkg}_${arch}"
    rm -rf "$dest"
    mkdir -p "$dest"
    dpkg -x "$deb" "$dest"
    printf '%s\n' "$version" > "$dest/.complete"
    log "unpacked $pkg:$arch $version"
  done
  rm -rf "$tmp"
}

# Follows symlinks of a path inside an unpacked package, treating absolute
# targets as relative to the package root. Prints the resolved path.
resolve_in() { # root relpath
  local root="$1" rel="$2" hops target
  for hops in 1 2 3 4 5 6 7 8; do
    [ -L "$root/$rel" ] || { printf '%s\n' "$rel"; return 0; }
    target="$(readlink "$root/$rel")"
    case "$target" in
      /*) rel="${target#/}" ;;
      *) rel="$(dirname "$rel")/$target" ;;
    esac
  done
  die "too many symlinks at $root/$2"
}

main() {
  if [ "${DOCKERLINT_FIXTURES_REFRESH:-0}" = 1 ]; then
    rm -rf "$DIR"
  fi
  mkdir -p "$DIR"
  if [ -f "$DIR/manifest.tsv" ] && head -1 "$DIR/manifest.tsv" | grep -q "format=$FORMAT\$"; then
    log "cached in $DIR"
    return 0
  fi
  command -v apt-get >/dev/null || die "apt-get not found: fixtures come from Debian packages"
  local line key pkg arch file missing=()
  for line in "${FIXTURES[@]}"; do
    IFS='|' read -r key pkg arch file <<<"$line"
    if [ ! -f "$DIR/${pkg}_${arch}/.complete" ] && [[ " ${missing[*]} " != *" $pkg:$arch "* ]]; then
      need_arch "$arch"
      missing+=("$pkg:$arch")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    [ "$arch_added" = 0 ] || apt_update_once
    download_and_unpack "${missing[@]}"
  fi
  local manifest="$DIR/manifest.tsv.tmp"
  printf '# dockerlint fixtures format=%s\n' "$FORMAT" > "$manifest"
  printf 'key\tpackage\tversion\tarch\timage_path\tpath\tsha256\n' >> "$manifest"
  for line in "${FIXTURES[@]}"; do
    IFS='|' read -r key pkg arch file <<<"$line"
    local root="${pkg}_${arch}" real sum
    real="$(resolve_in "$DIR/$root" "$file")"
    [ -f "$DIR/$root/$real" ] && [ ! -L "$DIR/$root/$real" ] || die "$pkg:$arch has no $file"
    sum="$(sha256sum "$DIR/$root/$real" | cut -d' ' -f1)"
    printf '%s\t%s\t%s\t%s\t/%s\t%s\t%s\n' "$key" "$pkg" "$(cat "$DIR/$root/.complete")" \
      "$arch" "$file" "$root/$(realpath -s -m --relative-to=/ "/$real")" "$sum" >> "$manifest"
  done
  mv "$manifest" "$DIR/manifest.tsv"
  log "ready in $DIR"
}

main "$@"
