#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster on 127.0.0.1 for the test suite and print its URL on stdout.
# Any failure exits non-zero with a reason on stderr; .ci/run then simply leaves KEYPROJ_TEST_PG_URL unset,
# so only the PostgreSQL variants of the tests are skipped.
set -euo pipefail

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir="$candidate"
done
if [ -z "$bindir" ]; then
  echo "PostgreSQL server binaries not found" >&2
  exit 1
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
datadir="$(mktemp -d /tmp/keyproj-pg.XXXXXX)"
password="keyproj-ci"

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$datadir"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pwfile="$datadir/pw"
printf '%s\n' "$password" > "$pwfile"
as_owner "$bindir/initdb" -D "$datadir/data" -U keyproj --pwfile="$pwfile" -A scram-sha-256 -E UTF8 \
  --locale=C.UTF-8 >/dev/null
as_owner "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$datadir -c fsync=off" start >/dev/null
PGPASSWORD="$password" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U keyproj keyproj_test
echo "postgresql+psycopg://keyproj:$password@127.0.0.1:$port/keyproj_test"
