#!/usr/bin/env bash
# A throwaway PostgreSQL for the test suites (issue 13, point 4): initdb + pg_ctl into a temporary
# directory as the `postgres` user when run as root, on 127.0.0.1 and a free random port, stopped
# and deleted on exit by a trap. Runs the given command with DATABASE_URL pointing at it.
#
#   scripts/pg-throwaway.sh npx vitest run test/http     # one command against a fresh server
set -euo pipefail
cd "$(dirname "$0")/.."

# Where initdb, pg_ctl and postgres live (PG_BIN, /usr/lib/postgresql/15/bin, or PATH); installs
# Debian's postgresql when it is missing and we are root.
node scripts/system-deps.mjs >/dev/null
PG_BIN_DIR="$(node scripts/system-deps.mjs --list | awk '/postgresql found/ { for (i = 1; i <= NF; i++) if ($i ~ /\/initdb$/) { sub(/\/initdb$/, "", $i); print $i } }' | head -n1)"
[ -n "$PG_BIN_DIR" ] || PG_BIN_DIR="$(dirname "$(command -v initdb)")"

DIR="$(mktemp -d /tmp/cxbench-pg.XXXXXX)"
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

# As root, the server must run as an unprivileged user; otherwise as ourselves.
if [ "$(id -u)" = 0 ]; then
  chown postgres "$DIR"
  as_pg() { runuser -u postgres -- "$@"; }
  USER_NAME=postgres
else
  as_pg() { "$@"; }
  USER_NAME="$(id -un)"
fi

stop() {
  as_pg "$PG_BIN_DIR/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT INT TERM

as_pg "$PG_BIN_DIR/initdb" -D "$DIR/data" -U "$USER_NAME" --auth=trust --encoding=UTF8 --locale=C >/dev/null
# Test databases only: durability off makes CREATE DATABASE … TEMPLATE and commits fast.
as_pg "$PG_BIN_DIR/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null

export DATABASE_URL="postgres://$USER_NAME@127.0.0.1:$PORT/postgres"
echo "PostgreSQL throwaway server on 127.0.0.1:$PORT ($PG_BIN_DIR)" >&2
"$@"
