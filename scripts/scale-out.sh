#!/usr/bin/env bash
# Brings up the scale-out set-up on this machine (docs/SCALE-OUT.md): PostgreSQL and Redis from Debian's packages in a
# temp folder on loopback, two console instances on one database and one Redis bus, and the sticky-session proxy in
# front of them at http://127.0.0.1:8080. Ctrl-C stops everything. Demo data is seeded by the first instance.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}
STATE=$(mktemp -d /tmp/operator-console-scale-out.XXXXXX)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
AS_PG=()
if [ "$(id -u)" -eq 0 ]; then
  AS_PG=(runuser -u postgres --)
  chown postgres "$STATE"
fi
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$STATE/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$STATE"
}
trap cleanup EXIT INT TERM

echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT, state in $STATE"
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
echo "$PASSWORD" > "$STATE/pwfile"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$STATE/pg" -U console --pwfile="$STATE/pwfile" -A scram-sha-256 >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$STATE/pg" -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $STATE" -l "$STATE/pg.log" -w start >/dev/null
PGPASSWORD=$PASSWORD "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U console console

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$STATE" >"$STATE/redis.log" 2>&1 &
pids+=($!)

dotnet build -c Release src/OperatorConsole.Web src/OperatorConsole.Proxy -v q -nologo >/dev/null 2>&1 || dotnet build -c Release OperatorConsole.sln -v q -nologo
export Storage__Provider=PostgreSQL
export ConnectionStrings__Console="Host=127.0.0.1;Port=$PG_PORT;Database=console;Username=console;Password=$PASSWORD"
export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
# Both instances on this machine share the checkpoint signing key and log beside this (unused) data file path.
export Storage__DataFile="$STATE/console.db"

start_console() {
  ASPNETCORE_URLS="http://127.0.0.1:$1" dotnet run -c Release --no-build --project src/OperatorConsole.Web -- --demo >"$STATE/console-$1.log" 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null; do sleep 1; done
  echo "console instance on http://127.0.0.1:$1 is ready (log: $STATE/console-$1.log)"
}
start_console 5001
start_console 5002

dotnet run -c Release --no-build --project src/OperatorConsole.Proxy >"$STATE/proxy.log" 2>&1 &
pids+=($!)
echo "Open http://127.0.0.1:8080 (sign in as admin / demo-admin). Ctrl-C stops everything."
wait
