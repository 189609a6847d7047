#!/usr/bin/env bash
# Proves the launcher for a user who can read the checkout but not write it (a shared checkout on a cluster): as
# nobody, with a home of its own, ./kinetics-prep builds into that home and runs. Needs root (setpriv). Run by CI.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
chown nobody "$home"
before=$(cd "$repo" && git status --porcelain --ignored | sort | sha256sum)
version=$(setpriv --reuid=nobody --regid=nogroup --clear-groups \
  env -i HOME="$home" PATH="$PATH" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 "$repo/kinetics-prep" --version)
after=$(cd "$repo" && git status --porcelain --ignored | sort | sha256sum)
[ "$before" = "$after" ] || { echo "check-launcher: FAILED: the launcher wrote into the checkout" >&2; exit 1; }
echo "check-launcher: nobody built and ran kinetics-prep $version from a checkout it cannot write"
