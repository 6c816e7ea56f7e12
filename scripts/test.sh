#!/usr/bin/env bash
# Runs the whole test suite, installing what it needs first from Debian: Chromium (browser tests),
# prometheus-alertmanager (the real-Alertmanager test), PostgreSQL and Redis (the scale-out store and bus
# tests start their own servers on loopback in a temp folder), Node.js and npm (the JavaScript client example).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/prometheus-alertmanager ] || missing+=(prometheus-alertmanager)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# -m:1 runs the test projects one at a time: the browser tests share two cores with nothing else.
dotnet test OperatorConsole.sln -c Release -m:1
