#!/usr/bin/env bash
# Benchmark: 'kinetics-prep annotate' at full Kinetics-400 scale (306k CSV rows, ~300k files). Target: <= 3 s, <= 300 MB.
# Usage: bench/annotate.sh   Env: BENCH_DIR (default /tmp/kp-bench-annotate).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench-annotate}
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
if [ ! -f "$work/annotations/test.csv" ]; then
  echo "making the tree in $work..."
  python3 "$repo/bench/make_annotate_tree.py" "$work" "$repo/tests/fixtures/annotations/label_map_k400.txt" >/dev/null
fi
"$repo/kinetics-prep" --version >/dev/null   # build before timing
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== rows: $(($(cat "$work"/annotations/*.csv | wc -l) - 3)), files: $(find "$work/videos" -type f | wc -l)"
for run in 1 2 3; do
  rm -rf "$work/lists"
  /usr/bin/time -f "run $run: wall %e s, peak RSS %M KB" "$repo/kinetics-prep" annotate \
    --annotations "$work/annotations" --videos "$work/videos" --out "$work/lists" >"$work/annotate.log" 2>"$work/time.log" || { cat "$work/annotate.log" "$work/time.log"; exit 1; }
  tail -1 "$work/time.log"
done
cat "$work/annotate.log"
