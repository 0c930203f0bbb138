#!/usr/bin/env bash
# Installs Debian packages for the tests: apt-get install first, and when that fails, apt-get
# update and again, up to four times with a pause. A failed update is not fatal: a mirror half-way
# through a sync (one architecture's index of the wrong size, say) leaves apt with the lists it
# could fetch, which usually hold what the install needs.
#
# usage: apt-install.sh PACKAGE...
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
for try in 1 2 3 4; do
  if apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    exit 0
  fi
  echo "apt-install: installing $* failed (try $try of 4); apt-get update" >&2
  apt-get update -qq >&2 || echo "apt-install: apt-get update failed; going on with the lists apt has" >&2
  [ "$try" = 4 ] || sleep $((try * 5))
done
echo "apt-install: cannot install $*" >&2
exit 1
