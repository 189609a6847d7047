#!/usr/bin/env bash
# Benchmark: kinetics-prep resize against the mmaction2 baseline, in one run, on the 24-clip corpus of bench/make_corpus.sh.
# Usage: bench/resize.sh [extra 'kinetics-prep resize' options...]
# Env: BENCH_DIR (work folder, default /tmp/kp-bench), WORKERS_BASELINE (default 8).
set -euo pipefail
# shellcheck source=bench/corpus.sh
. "$(dirname "${BASH_SOURCE[0]}")/corpus.sh"
echo "== corpus: $corpus"

# seconds (wall, user+sys of children) of a command
measure() {
  local start end cpu0 cpu1 me=$BASHPID
  start=$(date +%s.%N)
  cpu0=$(awk '{print $16+$17}' "/proc/$me/stat")
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; return 1; }
  end=$(date +%s.%N)
  cpu1=$(awk '{print $16+$17}' "/proc/$me/stat")
  echo "$(echo "$end - $start" | bc -l) $(echo "($cpu1 - $cpu0) / $(getconf CLK_TCK)" | bc -l)"
}

rm -rf "$work/baseline" "$work/kinetics-prep"
read -r base_wall base_cpu < <(measure python3 "$repo/bench/mmaction2_resize.py" "$corpus" "$work/baseline" \
  --scale 320 --num-worker "${WORKERS_BASELINE:-8}")
read -r kp_wall kp_cpu < <(measure "$repo/kinetics-prep" resize "$corpus" "$work/kinetics-prep" "$@")
tail -1 "$work/last.log"

printf 'baseline (mmaction2, %s workers): wall %.1f s, cpu %.1f s\n' "${WORKERS_BASELINE:-8}" "$base_wall" "$base_cpu"
printf 'kinetics-prep resize %s: wall %.1f s, cpu %.1f s\n' "$*" "$kp_wall" "$kp_cpu"
printf 'throughput ratio (baseline wall / kinetics-prep wall): %.2fx\n' "$(echo "$base_wall / $kp_wall" | bc -l)"
echo "quality baseline:      $(bash "$repo/bench/quality.sh" "$corpus" "$work/baseline")"
echo "quality kinetics-prep: $(bash "$repo/bench/quality.sh" "$corpus" "$work/kinetics-prep")"
