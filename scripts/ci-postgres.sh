#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the PostgreSQL store, queue and fault tests (CI and local runs).
#
#   eval "$(scripts/ci-postgres.sh start)"   # installs PostgreSQL if needed, initialises a cluster in a
#                                            # temp dir, starts it on 127.0.0.1:<free port>, creates the
#                                            # database and prints the export lines for the tests
#   scripts/ci-postgres.sh halt | resume     # stop / restart the same cluster, data kept (fault tests)
#   scripts/ci-postgres.sh stop              # stop the server and delete the cluster
#
# State lives in $NEWSGRAPH_PG_DIR (default /tmp/newsgraph-pg-ci). The server runs as a non-root user
# (`postgres` when invoked as root, as CI does; the invoking user otherwise), only on 127.0.0.1, with
# password-free local trust authentication — it is for tests only, never for data worth keeping.
set -euo pipefail

STATE_DIR="${NEWSGRAPH_PG_DIR:-/tmp/newsgraph-pg-ci}"
DATA_DIR="$STATE_DIR/data"
DB_NAME="${NEWSGRAPH_PG_DBNAME:-newsgraph_test}"

log() { echo "ci-postgres: $*" >&2; }

pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if pg_bindir >/dev/null; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then log "PostgreSQL is not installed and this is not root: apt-get install postgresql"; exit 1; fi
  log "installing postgresql from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  pg_bindir >/dev/null || { log "postgresql installed but no initdb found"; exit 1; }
}

# Runs a command as the cluster's owner: PostgreSQL refuses to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

owner_name() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

print_env() {
  local port
  port="$(cat "$STATE_DIR/port")"
  echo "export NEWSGRAPH_TEST_PG=postgres://$(owner_name)@127.0.0.1:$port/$DB_NAME"
  # Lets the fault tests stop and restart this cluster (database outage test).
  echo "export NEWSGRAPH_TEST_PG_CTL=$(cd "$(dirname "$0")" && pwd)/ci-postgres.sh"
  echo "export NEWSGRAPH_PG_DIR=$STATE_DIR"
}

server_start() {
  local bin port
  bin="$(pg_bindir)"
  port="$(cat "$STATE_DIR/port")"
  as_owner "$bin/pg_ctl" -D "$DATA_DIR" -l "$STATE_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$STATE_DIR/sock -c max_connections=200" \
    start >/dev/null
}

server_stop() {
  local bin
  bin="$(pg_bindir)"
  [ -f "$DATA_DIR/postmaster.pid" ] || return 0
  as_owner "$bin/pg_ctl" -D "$DATA_DIR" -m fast -w -t 60 stop >/dev/null
}

cmd_start() {
  ensure_installed
  local bin port
  bin="$(pg_bindir)"
  if [ -f "$DATA_DIR/postmaster.pid" ]; then
    log "already running (state in $STATE_DIR)"
    print_env
    return 0
  fi
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR/sock"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$STATE_DIR"; fi
  as_owner "$bin/initdb" -D "$DATA_DIR" -U "$(owner_name)" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  port="$(free_port)"
  echo "$port" >"$STATE_DIR/port"
  server_start
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$(owner_name)" "$DB_NAME"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, database $DB_NAME (state in $STATE_DIR)"
  print_env
}

cmd_stop() {
  if [ -d "$DATA_DIR" ]; then
    server_stop || true
  fi
  rm -rf "$STATE_DIR"
  log "stopped and removed $STATE_DIR"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  halt) server_stop; log "halted (data kept in $DATA_DIR)" ;;
  resume) server_start; log "resumed" ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|halt|resume|env" >&2; exit 2 ;;
esac
