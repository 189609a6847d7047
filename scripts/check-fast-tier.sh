#!/usr/bin/env bash
# Proves that the fast tier (./test.sh --fast) needs what it says it needs, and nothing more: it runs as an
# unprivileged user (nobody), with ffmpeg, ffprobe and nginx made unrunnable (a private mount namespace mounts
# /dev/null over them), and must pass. A test that starts ffmpeg, a server or a mount fails here: move it out of the
# tier. Needs root (unshare, mount, setpriv). Run by CI.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
dotnet build tests/KineticsPrep.Tests/KineticsPrep.Tests.csproj -c Release --nologo -v quiet
tests=$repo/tests/KineticsPrep.Tests/bin/Release/net10.0/KineticsPrep.Tests.dll
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
chown nobody "$home"
hide=()
for tool in ffmpeg ffprobe nginx; do
  if found=$(command -v "$tool"); then hide+=("$(readlink -f "$found")"); fi
done
start=$(date +%s)
unshare --mount -- bash -c '
  home=$1; tests=$2; shift 2
  for tool in "$@"; do mount --bind /dev/null "$tool"; done
  exec setpriv --reuid=nobody --regid=nogroup --clear-groups \
    env HOME="$home" DOTNET_CLI_HOME="$home" DOTNET_NOLOGO=1 PATH="$PATH" dotnet test "$tests" --filter Tier=Fast
' bash "$home" "$tests" "${hide[@]}"
echo "check-fast-tier: passed as nobody with ${hide[*]:-nothing} hidden, in $(( $(date +%s) - start )) s"
