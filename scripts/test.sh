#!/usr/bin/env bash
# Runs the whole test suite, installing what it needs first (Debian's Chromium for the browser tests and Debian's
# prometheus-alertmanager for the real-Alertmanager test).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -x /usr/bin/prometheus-alertmanager ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq prometheus-alertmanager >/dev/null
fi

# -m:1 runs the test projects one at a time: the browser tests share two cores with nothing else.
dotnet test OperatorConsole.sln -c Release -m:1
