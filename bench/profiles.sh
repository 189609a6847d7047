#!/usr/bin/env bash
# Benchmark: the size and speed cost of each --profile against default, on the 24-clip corpus of bench/make_corpus.sh,
# in one run (default measured before and after the others, for the machine's drift).
# Usage: bench/profiles.sh   Env: BENCH_DIR (work folder, default /tmp/kp-bench).
set -euo pipefail
# shellcheck source=bench/corpus.sh
. "$(dirname "${BASH_SOURCE[0]}")/corpus.sh"

declare -A wall bytes
for profile in default seekable dali default2; do
  out=$work/profile-$profile
  rm -rf "$out"
  start=$(date +%s.%N)
  "$repo/kinetics-prep" resize "$corpus" "$out" --profile "${profile%2}" --always-encode >"$work/profile.log" 2>&1 || { cat "$work/profile.log"; exit 1; }
  wall[$profile]=$(echo "$(date +%s.%N) - $start" | bc -l)
  bytes[$profile]=$(du -cb "$out"/*.mp4 | tail -1 | cut -f1)
  printf '%-9s wall %6.1f s  bytes %10d\n' "${profile%2}" "${wall[$profile]}" "${bytes[$profile]}"
done
base_wall=$(echo "(${wall[default]} + ${wall[default2]}) / 2" | bc -l)
for profile in seekable dali; do
  printf '%-9s time %.2fx default, size %.2fx default\n' "$profile" \
    "$(echo "${wall[$profile]} / $base_wall" | bc -l)" "$(echo "${bytes[$profile]} / ${bytes[default]}" | bc -l)"
done
