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
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # Each pid is the program itself (no `dotnet run` in between), so waiting for them leaves no process behind.
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$STATE/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT, state in $STATE"
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
echo "$PASSWORD" > "$STATE/pwfile"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$STATE/pg" -U console --pwfile="$STATE/pwfile" -A scram-sha-256 >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$STATE/pg" -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $STATE" -l "$STATE/pg.log" -w start >/dev/null
PGPASSWORD=$PASSWORD "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U console console

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$STATE" >"$STATE/redis.log" 2>&1 &
pids+=($!)

# dotnet build takes one project at a time.
for project in src/OperatorConsole.Web src/OperatorConsole.Proxy; do dotnet build -c Release "$project" -v q -nologo; done
export Storage__Provider=PostgreSQL
export ConnectionStrings__Console="Host=127.0.0.1;Port=$PG_PORT;Database=console;Username=console;Password=$PASSWORD"
export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
# Both instances on this machine share the checkpoint signing key and log beside this (unused) data file path.
export Storage__DataFile="$STATE/console.db"

# Runs a built program from its project folder (its content root, where appsettings.json is). exec makes the pid the
# program's own, so stopping it stops the program rather than a `dotnet run` wrapper that leaves it running.
run_built() {
  local project=$1 log=$2
  shift 2
  (cd "src/$project" && exec dotnet "bin/Release/net10.0/$project.dll" "$@") >"$log" 2>&1 &
  pids+=($!)
}
wait_ready() {
  local pid=$1 url=$2 log=$3
  until curl -sf "$url" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "it exited; the end of $log:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 1
  done
}
start_console() {
  # Each instance writes its own log files: two processes cannot share one rolling file.
  ASPNETCORE_URLS="http://127.0.0.1:$1" Logs__Folder="$STATE/logs-$1" run_built OperatorConsole.Web "$STATE/console-$1.log" --demo
  wait_ready "${pids[-1]}" "http://127.0.0.1:$1/health/ready" "$STATE/console-$1.log"
  echo "console instance on http://127.0.0.1:$1 is ready (log: $STATE/console-$1.log)"
}
start_console 5001
start_console 5002

run_built OperatorConsole.Proxy "$STATE/proxy.log"
wait_ready "${pids[-1]}" "http://127.0.0.1:8080/health/live" "$STATE/proxy.log"
echo "Open http://127.0.0.1:8080 (sign in as admin / demo-admin). Ctrl-C stops everything."
wait
