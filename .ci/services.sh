#!/usr/bin/env bash
# Starts and stops the real services the container tests run against:
#   - a Docker Engine (dockerd, with the containerd it starts itself) on a
#     private unix socket, vfs storage, no iptables, no bridge; the same engine
#     also listens on 127.0.0.1 over TCP with mutual TLS (a throw-away CA);
#   - an anonymous registry (distribution v2) on 127.0.0.1, plain HTTP;
#   - a registry that requires htpasswd basic auth, on 127.0.0.1, plain HTTP.
# Nothing is pulled from any public registry.
#
# Usage: .ci/services.sh start|stop|env|status
#
# Everything lives in ${DOCKERLINT_STATE:-/tmp/dockerlint-ci}. After `start`,
# $STATE/services.env holds `export` lines for:
#   DOCKER_HOST                     unix://$STATE/docker.sock
#   DOCKERLINT_STATE                the state directory
#   DOCKERLINT_TEST_REGISTRY        127.0.0.1:PORT (anonymous)
#   DOCKERLINT_TEST_AUTH_REGISTRY   127.0.0.1:PORT (basic auth)
#   DOCKERLINT_TEST_AUTH_USER       user of the basic auth registry
#   DOCKERLINT_TEST_AUTH_PASSWORD   its password
#   DOCKERLINT_TEST_DOCKER_TLS_HOST tcp://127.0.0.1:PORT, the engine over TLS
#   DOCKERLINT_TEST_DOCKER_CERT_PATH  ca.pem, cert.pem, key.pem of a client
#                                   (DOCKER_CERT_PATH for that address)
# and, for the registry token flow (stretch goal, separate from the above):
#   DOCKERLINT_TEST_TOKEN_REGISTRY  127.0.0.1:PORT (auth: token; same user/password)
#   DOCKERLINT_TEST_TOKEN_REALM     http://127.0.0.1:PORT/token, the token server
#                                   (testkit's TokenServer.java, run from source)
# `env` prints those lines; `start` is idempotent; `stop` ends every process
# that `start` started.
set -euo pipefail

STATE="${DOCKERLINT_STATE:-/tmp/dockerlint-ci}"
STARTUP_TIMEOUT="${DOCKERLINT_STARTUP_TIMEOUT:-120}"
AUTH_USER=dockerlint
AUTH_PASSWORD=dockerlint-test-password
TOKEN_ISSUER=dockerlint-test-issuer
TOKEN_SERVICE=dockerlint-test-registry
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOKEN_SERVER_SOURCE="$ROOT/testkit/src/main/java/dev/dockerlint/testkit/TokenServer.java"

log() { printf 'services: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The exec root holds containerd's socket; unix socket paths are limited to
# 108 bytes, so it gets a short path derived from the state directory.
state_hash() { printf '%s' "$STATE" | sha256sum | cut -c1-10; }
exec_root() { printf '/tmp/dlx-%s' "$(state_hash)"; }
# The containers' cgroups go under a parent of this state directory's own, so
# that `stop` finds container processes that outlived their shim.
cgroup_parent() { printf 'dockerlint-%s' "$(state_hash)"; }

docker_cmd() { DOCKER_HOST="unix://$STATE/docker.sock" docker "$@"; }

running() { # pid; a zombie counts as gone
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

cmdline() { # pid
  { tr '\0' ' ' < "/proc/$1/cmdline"; } 2>/dev/null
}

alive() { # pidfile
  local pid
  [ -f "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null)" || return 1
  [ -n "$pid" ] && running "$pid"
}

# Prints the pid in pidfile if that process is alive and its command line
# contains marker (so that a recycled pid is never signalled).
our_pid() { # pidfile marker
  local pid
  alive "$1" || return 1
  pid="$(cat "$1")"
  cmdline "$pid" | grep -qF -- "$2" || return 1
  printf '%s\n' "$pid"
}

# ---------------------------------------------------------------- packages

ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null && command -v docker >/dev/null || missing+=(docker.io)
  command -v containerd >/dev/null || missing+=(containerd)
  command -v runc >/dev/null || missing+=(runc)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  [ "${#missing[@]}" = 0 ] && return 0
  log "installing ${missing[*]}"
  local try
  for try in 1 2 3 4; do
    # apt-get update only when the install cannot find what it needs
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >&2; then
      return 0
    fi
    log "apt-get install failed (try $try of 4), running apt-get update"
    apt-get update -qq >&2 || log "apt-get update failed"
    [ "$try" = 4 ] || sleep $((try * 5))
  done
  die "cannot install ${missing[*]}"
}

# ---------------------------------------------------------------- dockerd

docker_answers() { docker_cmd version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# A CA, a server certificate for 127.0.0.1 and a client certificate, as the
# docker CLI expects them in DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem).
make_docker_tls() { # dir
  local d="$1"
  [ -s "$d/client/cert.pem" ] && [ -s "$d/server/cert.pem" ] && return 0
  command -v openssl >/dev/null || die "openssl is needed for the engine's TLS listener"
  rm -rf "$d"
  mkdir -p "$d/ca" "$d/server" "$d/client"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=dockerlint-test-ca \
    -keyout "$d/ca/key.pem" -out "$d/ca/cert.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 \
    -keyout "$d/server/key.pem" -out "$d/server/req.pem" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$d/server/ext.cnf"
  openssl x509 -req -days 30 -in "$d/server/req.pem" -CA "$d/ca/cert.pem" -CAkey "$d/ca/key.pem" \
    -CAcreateserial -extfile "$d/server/ext.cnf" -out "$d/server/cert.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj /CN=dockerlint-test-client \
    -keyout "$d/client/key.pem" -out "$d/client/req.pem" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' > "$d/client/ext.cnf"
  openssl x509 -req -days 30 -in "$d/client/req.pem" -CA "$d/ca/cert.pem" -CAkey "$d/ca/key.pem" \
    -CAcreateserial -extfile "$d/client/ext.cnf" -out "$d/client/cert.pem" 2>/dev/null
  cp "$d/ca/cert.pem" "$d/client/ca.pem"
}

free_tcp_port() { # a port nothing on 127.0.0.1 listens on
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      printf '%s\n' "$p"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1"
}

start_dockerd() {
  local exec_root sock pidfile
  exec_root="$(exec_root)"
  sock="$STATE/docker.sock"
  pidfile="$STATE/dockerd.pid"
  [ "${#sock}" -le 100 ] || die "socket path too long (${#sock} > 100 bytes): $sock; set DOCKERLINT_STATE to a shorter directory"

  if our_pid "$pidfile" "$sock" >/dev/null && docker_answers && [ -s "$STATE/docker-tls/addr" ]; then
    log "dockerd already running (pid $(cat "$pidfile"))"
    return 0
  fi
  stop_dockerd # whatever is left of an earlier run

  mkdir -p "$STATE/docker-data" "$exec_root"
  make_docker_tls "$STATE/docker-tls"
  local tls_port
  tls_port="$(free_tcp_port)"
  printf 'tcp://127.0.0.1:%s\n' "$tls_port" > "$STATE/docker-tls/addr"
  echo '{}' > "$STATE/daemon.json" # keep /etc/docker/daemon.json out
  log "starting dockerd (log: $STATE/dockerd.log)"
  # setsid: dockerd and its containerd get their own session, so a Ctrl-C in
  # the calling terminal does not reach them; `stop` ends them.
  setsid dockerd \
    --config-file "$STATE/daemon.json" \
    --host "unix://$sock" \
    --host "tcp://127.0.0.1:$tls_port" \
    --tlsverify \
    --tlscacert "$STATE/docker-tls/ca/cert.pem" \
    --tlscert "$STATE/docker-tls/server/cert.pem" \
    --tlskey "$STATE/docker-tls/server/key.pem" \
    --data-root "$STATE/docker-data" \
    --exec-root "$exec_root" \
    --pidfile "$pidfile" \
    --storage-driver vfs \
    --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    --bridge=none \
    --cgroup-parent "$(cgroup_parent)" \
    --log-level info \
    </dev/null >"$STATE/dockerd.log" 2>&1 &
  local pid=$! waited=0
  until docker_answers; do
    if ! running "$pid"; then
      log "dockerd exited; last lines of $STATE/dockerd.log:"
      tail -n 30 "$STATE/dockerd.log" >&2
      die "dockerd did not start"
    fi
    if [ "$waited" -ge "$STARTUP_TIMEOUT" ]; then
      log "dockerd did not answer within ${STARTUP_TIMEOUT}s; last lines of $STATE/dockerd.log:"
      tail -n 30 "$STATE/dockerd.log" >&2
      stop_dockerd
      die "dockerd did not answer on $sock"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "dockerd $(docker_cmd version --format '{{.Server.Version}}') answers on $sock after ${waited}s"
}

# Pids of processes whose command line mentions path (letters, digits, / - _ .
# only): the containerd and containerd-shim processes of our dockerd carry its
# exec root. The last character goes in brackets so that grep, whose own
# command line holds the pattern, does not find itself.
pids_mentioning() {
  local head="${1%?}" last="${1: -1}"
  grep -alE -- "${head//./\\.}[$last]" /proc/[0-9]*/cmdline 2>/dev/null \
    | sed -n 's|^/proc/\([0-9]*\)/cmdline$|\1|p' | grep -vx "$$" || true
}

wait_gone() { # seconds pid...
  local secs="$1" i p left
  shift
  for ((i = 0; i < secs * 10; i++)); do
    left=0
    for p in "$@"; do running "$p" && left=1; done
    [ "$left" = 0 ] && return 0
    sleep 0.1
  done
  return 1
}

stop_dockerd() {
  local exec_root sock pidfile pid pids
  exec_root="$(exec_root)"
  sock="$STATE/docker.sock"
  pidfile="$STATE/dockerd.pid"
  if pid="$(our_pid "$pidfile" "$sock")"; then
    if docker_answers; then
      # every container of this private daemon is ours
      local ids
      ids="$(docker_cmd ps -aq 2>/dev/null || true)"
      [ -z "$ids" ] || docker_cmd rm -f $ids >/dev/null 2>&1 || true
    fi
    log "stopping dockerd (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone 30 "$pid"; then
      log "dockerd did not stop in 30s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone 5 "$pid" || true
    fi
  fi
  # containerd and shims that outlived dockerd (e.g. after a kill -9)
  pids="$(pids_mentioning "$exec_root")"
  if [ -n "$pids" ]; then
    log "stopping leftover processes of $exec_root: $(echo $pids)"
    kill -TERM $pids 2>/dev/null || true
    wait_gone 10 $pids || kill -KILL $pids 2>/dev/null || true
  fi
  # container processes whose shim is gone (they live in their own pid
  # namespace, so killing the shim leaves them running)
  local cg procs
  cg="$(cgroup_parent)"
  procs="$(cat /sys/fs/cgroup/{,*/}"$cg"/*/cgroup.procs 2>/dev/null | sort -u || true)"
  if [ -n "$procs" ]; then
    log "killing leftover container processes: $(echo $procs)"
    kill -KILL $procs 2>/dev/null || true
    wait_gone 10 $procs || log "warning: container processes still there: $(echo $procs)"
  fi
  local d
  for d in /sys/fs/cgroup/{,*/}"$cg"/* /sys/fs/cgroup/{,*/}"$cg"; do
    [ -d "$d" ] && rmdir "$d" 2>/dev/null || true
  done
  # mounts left by killed containers (netns, shm)
  local m
  for m in $(awk -v a="$exec_root" -v b="$STATE/" 'index($2, a) == 1 || index($2, b) == 1 {print $2}' /proc/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || log "warning: cannot unmount $m"
  done
  rm -f "$pidfile" "$sock"
  # containerd's state and sockets; nothing is left running or mounted there
  rm -rf "$exec_root"
}

# ---------------------------------------------------------------- registries

registry_answers() { # addr [user:password] [expected status, default 200]
  local code
  if [ -n "${2:-}" ]; then
    code="$(curl -s -o /dev/null -w '%{http_code}' -u "$2" "http://$1/v2/" || true)"
  else
    code="$(curl -s -o /dev/null -w '%{http_code}' "http://$1/v2/" || true)"
  fi
  [ "$code" = "${3:-200}" ]
}

write_registry_config() { # name auth-yaml
  local dir="$STATE/$1"
  mkdir -p "$dir/data"
  cat > "$dir/config.yml" <<EOF
version: 0.1
log:
  level: info
  fields:
    service: $1
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  # port 0: the kernel picks a free port, read back from the log
  addr: 127.0.0.1:0
  secret: dockerlint-$1-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  headers:
    X-Content-Type-Options: [nosniff]
$2
EOF
}

# Starts registry NAME unless it already answers; its address is in $STATE/NAME/addr.
start_registry() { # name auth-yaml [user:password] [expected status of /v2/]
  local name="$1" auth="$2" creds="${3:-}" expect="${4:-200}" dir="$STATE/$1"
  if our_pid "$dir/pid" "$dir/config.yml" >/dev/null && [ -f "$dir/addr" ] \
    && registry_answers "$(cat "$dir/addr")" "$creds" "$expect"; then
    log "registry $name already running on $(cat "$dir/addr")"
    return 0
  fi
  stop_registry "$name"
  write_registry_config "$name" "$auth"
  log "starting registry $name (log: $dir/registry.log)"
  : > "$dir/registry.log" # exists before the loop below reads it
  setsid docker-registry serve "$dir/config.yml" </dev/null >>"$dir/registry.log" 2>&1 &
  local pid=$! waited=0 addr=""
  echo "$pid" > "$dir/pid"
  while :; do
    if ! running "$pid"; then
      tail -n 20 "$dir/registry.log" >&2
      die "registry $name exited"
    fi
    [ -n "$addr" ] || addr="$(sed -n 's/.*msg="listening on \(127\.0\.0\.1:[0-9]*\)".*/\1/p' "$dir/registry.log" | head -1 || true)"
    if [ -n "$addr" ] && registry_answers "$addr" "$creds" "$expect"; then
      break
    fi
    if [ "$waited" -ge $((STARTUP_TIMEOUT * 10)) ]; then
      tail -n 20 "$dir/registry.log" >&2
      kill -TERM "$pid" 2>/dev/null || true
      die "registry $name did not answer within ${STARTUP_TIMEOUT}s"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "$addr" > "$dir/addr"
  log "registry $name answers on $addr"
}

stop_registry() { # name
  local dir="$STATE/$1" pid
  if pid="$(our_pid "$dir/pid" "$dir/config.yml")"; then
    log "stopping registry $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone 10 "$pid" || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid" "$dir/addr"
}

start_registries() {
  start_registry registry-anon ""
  mkdir -p "$STATE/registry-auth"
  [ -s "$STATE/registry-auth/htpasswd" ] \
    || htpasswd -Bbn "$AUTH_USER" "$AUTH_PASSWORD" > "$STATE/registry-auth/htpasswd"
  start_registry registry-auth "auth:
  htpasswd:
    realm: dockerlint-test
    path: $STATE/registry-auth/htpasswd" "$AUTH_USER:$AUTH_PASSWORD"
}

# ---------------------------------------------------------------- token flow
# A third registry with `auth: token`, and the token server it sends clients
# to. Separate from the two registries above: nothing else depends on it.

token_server_running() {
  local dir="$STATE/registry-token"
  our_pid "$dir/token-server.pid" "$dir/token.key" >/dev/null && [ -f "$dir/realm" ] \
    && [ "$(curl -s -o /dev/null -w '%{http_code}' "$(cat "$dir/realm")?service=$TOKEN_SERVICE" || true)" = 200 ]
}

start_token_server() {
  local dir="$STATE/registry-token"
  mkdir -p "$dir"
  command -v java >/dev/null || die "java is needed for the token server"
  [ -f "$TOKEN_SERVER_SOURCE" ] || die "missing $TOKEN_SERVER_SOURCE"
  if [ ! -s "$dir/token.key" ] || [ ! -s "$dir/token.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$TOKEN_ISSUER" \
      -keyout "$dir/token.key" -out "$dir/token.crt" 2>/dev/null \
      || die "openssl cannot make the token signing key"
  fi
  (umask 077 && printf '%s\n' "$AUTH_PASSWORD" > "$dir/password")
  stop_token_server
  log "starting token server (log: $dir/token-server.log)"
  : > "$dir/token-server.log"
  setsid java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$TOKEN_SERVER_SOURCE" \
    --listen 127.0.0.1:0 --issuer "$TOKEN_ISSUER" --service "$TOKEN_SERVICE" \
    --key "$dir/token.key" --cert "$dir/token.crt" \
    --user "$AUTH_USER" --password-file "$dir/password" \
    </dev/null >>"$dir/token-server.log" 2>&1 &
  local pid=$! waited=0 addr=""
  echo "$pid" > "$dir/token-server.pid"
  until [ -n "$addr" ]; do
    if ! running "$pid"; then
      tail -n 20 "$dir/token-server.log" >&2
      die "token server exited"
    fi
    if [ "$waited" -ge $((STARTUP_TIMEOUT * 10)) ]; then
      tail -n 20 "$dir/token-server.log" >&2
      stop_token_server
      die "token server did not start within ${STARTUP_TIMEOUT}s"
    fi
    sleep 0.1
    waited=$((waited + 1))
    addr="$(sed -n 's/^listening on \(127\.0\.0\.1:[0-9]*\)$/\1/p' "$dir/token-server.log" | head -1 || true)"
  done
  echo "http://$addr/token" > "$dir/realm"
  log "token server answers on $addr"
}

stop_token_server() {
  local dir="$STATE/registry-token" pid
  if pid="$(our_pid "$dir/token-server.pid" "$dir/token.key")"; then
    log "stopping token server (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone 10 "$pid" || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/token-server.pid" "$dir/realm"
}

start_token_registry() {
  if ! token_server_running; then
    start_token_server
    stop_registry registry-token # its config names the old realm
  else
    log "token server already running on $(cat "$STATE/registry-token/realm")"
  fi
  start_registry registry-token "auth:
  token:
    realm: $(cat "$STATE/registry-token/realm")
    service: $TOKEN_SERVICE
    issuer: $TOKEN_ISSUER
    rootcertbundle: $STATE/registry-token/token.crt" "" 401
}

# ---------------------------------------------------------------- commands

write_env() {
  local tmp="$STATE/services.env.tmp"
  {
    printf '# written by .ci/services.sh start; source it\n'
    printf "export DOCKER_HOST='unix://%s'\n" "$STATE/docker.sock"
    printf "export DOCKERLINT_STATE='%s'\n" "$STATE"
    printf "export DOCKERLINT_TEST_REGISTRY='%s'\n" "$(cat "$STATE/registry-anon/addr")"
    printf "export DOCKERLINT_TEST_AUTH_REGISTRY='%s'\n" "$(cat "$STATE/registry-auth/addr")"
    printf "export DOCKERLINT_TEST_AUTH_USER='%s'\n" "$AUTH_USER"
    printf "export DOCKERLINT_TEST_AUTH_PASSWORD='%s'\n" "$AUTH_PASSWORD"
    printf "export DOCKERLINT_TEST_TOKEN_REGISTRY='%s'\n" "$(cat "$STATE/registry-token/addr")"
    printf "export DOCKERLINT_TEST_TOKEN_REALM='%s'\n" "$(cat "$STATE/registry-token/realm")"
    printf "export DOCKERLINT_TEST_DOCKER_TLS_HOST='%s'\n" "$(cat "$STATE/docker-tls/addr")"
    printf "export DOCKERLINT_TEST_DOCKER_CERT_PATH='%s'\n" "$STATE/docker-tls/client"
  } > "$tmp"
  mv "$tmp" "$STATE/services.env"
}

cmd_start() {
  case "$STATE" in *"'"* | *' '*) die "DOCKERLINT_STATE must not contain quotes or spaces: $STATE" ;; esac
  ensure_packages
  mkdir -p "$STATE"
  local t0=$SECONDS
  start_dockerd
  start_registries
  start_token_registry
  write_env
  log "ready in $((SECONDS - t0))s; source $STATE/services.env"
}

cmd_stop() {
  rm -f "$STATE/services.env"
  [ -d "$STATE" ] || return 0
  stop_registry registry-token
  stop_token_server
  stop_registry registry-auth
  stop_registry registry-anon
  stop_dockerd
  log "stopped"
}

cmd_env() {
  [ -f "$STATE/services.env" ] || die "services are not started: run .ci/services.sh start"
  grep '^export ' "$STATE/services.env"
}

cmd_status() {
  local rc=0
  if our_pid "$STATE/dockerd.pid" "$STATE/docker.sock" >/dev/null && docker_answers; then
    echo "dockerd: running (pid $(cat "$STATE/dockerd.pid"))"
  else
    echo "dockerd: stopped"
    rc=1
  fi
  local name
  if our_pid "$STATE/registry-token/token-server.pid" "$STATE/registry-token/token.key" >/dev/null; then
    echo "token server: running on $(cat "$STATE/registry-token/realm" 2>/dev/null)"
  else
    echo "token server: stopped"
    rc=1
  fi
  for name in registry-anon registry-auth registry-token; do
    if our_pid "$STATE/$name/pid" "$STATE/$name/config.yml" >/dev/null; then
      echo "$name: running on $(cat "$STATE/$name/addr" 2>/dev/null) (pid $(cat "$STATE/$name/pid"))"
    else
      echo "$name: stopped"
      rc=1
    fi
  done
  return "$rc"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) cmd_status ;;
  *) die "usage: $0 start|stop|env|status" ;;
esac
