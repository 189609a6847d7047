#!/usr/bin/env bash
# Benchmark: 'kinetics-prep compare' on two manifests of full Kinetics-400's size (306,245 rows each), against a
# baseline measured in the same run: the standard library's csv module comparing the same two files by hand.
# Usage: bench/compare.sh   Env: BENCH_DIR (default /tmp/kp-bench-compare).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench-compare}
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
[ -f "$work/b/lists/manifest.csv.gz" ] || { echo "making the manifests in $work..."; python3 "$repo/bench/make_manifests.py" "$work"; }
"$repo/kinetics-prep" --version >/dev/null   # build before timing
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== rows: $(($(zcat "$work/a/lists/manifest.csv.gz" | wc -l) - 1)) and $(($(zcat "$work/b/lists/manifest.csv.gz" | wc -l) - 1))"
for run in 1 2 3; do
  /usr/bin/time -f "run $run baseline (python csv): wall %e s, peak RSS %M KB" \
    python3 "$repo/bench/compare_baseline.py" "$work/a/lists/manifest.csv.gz" "$work/b/lists/manifest.csv.gz" >"$work/baseline.log" 2>"$work/time.log"
  tail -1 "$work/time.log"
  set +e
  /usr/bin/time -f "run $run kinetics-prep compare:  wall %e s, peak RSS %M KB" \
    "$repo/kinetics-prep" compare "$work/a" "$work/b" --same output >"$work/compare.log" 2>"$work/time.log"
  code=$?
  set -e
  [ "$code" = 1 ] || { cat "$work/compare.log" "$work/time.log"; echo "expected exit 1 (the copies differ)"; exit 1; }
  tail -1 "$work/time.log"
done
cat "$work/baseline.log"
grep -E "^Differences|^Settings" "$work/compare.log"
