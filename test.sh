#!/usr/bin/env bash
# Runs the test suite. Installs what the tests need (ffmpeg, nginx, Python's pandas and PyAV) on a fresh Debian machine.
#   ./test.sh            every test (needs root for the mount tests; installs what is missing)
#   ./test.sh --fast     the fast tier: no ffmpeg, no server, no Python, no root; seconds (Tier=Fast)
# Other arguments go to dotnet test.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$repo"
if [ "${1:-}" = "--fast" ]; then
  shift
  set -- --filter "Tier=Fast" "$@"
else
  # shellcheck source=scripts/ensure-packages.sh
  . scripts/ensure-packages.sh
  ensure_ffmpeg
  # The download tests serve a mirror with a real nginx on loopback.
  ensure_command nginx nginx-light
  # The list tests read our lists with pandas, as VideoMAE does: Debian's python3 and its pandas, whatever else is on PATH.
  /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || install_package python3-pandas "pandas not found for /usr/bin/python3"
  /usr/bin/python3 -c 'import av' >/dev/null 2>&1 || install_package python3-av "PyAV not found for /usr/bin/python3"
fi

log=$(mktemp)
status=0
dotnet test tests/KineticsPrep.Tests/KineticsPrep.Tests.csproj -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?
# A plain closing line that any CI reader understands.
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -1 || true)
rm -f "$log"
if [ -n "$summary" ]; then
  failed=$(echo "$summary" | sed -E 's/Failed: +([0-9]+).*/\1/')
  passed=$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')
  skipped=$(echo "$summary" | sed -E 's/.*Skipped: +([0-9]+).*/\1/')
  echo "$passed passed, $failed failed, $skipped skipped"
fi
exit "$status"
