#!/usr/bin/env bash
# Retakes the README's screenshots (docs/screenshots/) from a fresh demo console in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export OC_SCREENSHOTS_DIR="$PWD/docs/screenshots"
dotnet build tests/OperatorConsole.E2E -c Release
dotnet test tests/OperatorConsole.E2E -c Release --no-build --filter "FullyQualifiedName~ReadmeScreenshotTests"
