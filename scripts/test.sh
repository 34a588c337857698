#!/usr/bin/env bash
# Runs every test tier (rules and services on SQLite, bunit components, HTTP, Chromium end to end)
# and ends with one line: "tests: N passed, N failed, N skipped". Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# End-to-end tests drive Debian's Chromium; install it where missing.
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium for the end-to-end tests..."
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore KopUkm.Dashboard.sln
dotnet build KopUkm.Dashboard.sln --no-restore

log="$(mktemp)"
set +e
dotnet test KopUkm.Dashboard.sln --no-build --blame-hang-timeout 10m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-assembly summaries: "Passed!  - Failed: 0, Passed: 120, Skipped: 0, Total: 120, ..."
read -r failed passed skipped < <(grep -E '^(Passed|Failed)!' "$log" \
    | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
    | awk '{f+=$1; p+=$2; s+=$3} END {print f+0, p+0, s+0}')
rm -f "$log"

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
