#!/usr/bin/env bash
# The cost of deterministic bytes (#32): the encode kinetics-prep ran before (the scaler's CPU-specific paths, x264
# and the filters on the cores a worker had) against the one it runs now (one x264 and filter thread, the scaler's
# bit-exact paths, no muxer version), on the 20 clips of the 24-clip corpus that need scaling, in one run, rounds
# alternating. With the default --workers (the core count), a worker had one core before too; --workers 1 is the case
# where x264 lost threads. Then checks that the new encode's bytes are the same 1 and 2 at a time.
# Usage: bench/determinism.sh [ROUNDS]   (BENCH_ONE_WORKER=0 leaves out the --workers 1 case)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench}
rounds=${1:-3}
cores=$(nproc)
echo "== machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(ffmpeg -version | head -1)"
x264="-c:v libx264 -preset superfast -x264-params mbtree=1:rc-lookahead=10 -crf 23 -pix_fmt yuv420p"
rm -f "$work/variants.txt"
for round in $(seq "$rounds"); do
  # --workers = cores: one thread each, before and after.
  bash "$repo/bench/resize_variants.sh" "before-P$cores-r$round" "" bilinear "$x264 -filter_threads 1 -threads 1" "$cores" >/dev/null
  bash "$repo/bench/resize_variants.sh" "after-P$cores-r$round" "" bilinear+accurate_rnd+bitexact \
    "$x264 -filter_threads 1 -flags:v +bitexact -fflags +bitexact -threads 1" "$cores" >/dev/null
  # --workers 1: every core for the one worker before, one x264 thread now.
  [ "${BENCH_ONE_WORKER:-1}" = 1 ] || continue
  bash "$repo/bench/resize_variants.sh" "before-P1-r$round" "" bilinear "$x264 -filter_threads $cores -threads $cores" 1 >/dev/null
  bash "$repo/bench/resize_variants.sh" "after-P1-r$round" "" bilinear+accurate_rnd+bitexact \
    "$x264 -filter_threads 1 -flags:v +bitexact -fflags +bitexact -threads 1" 1 >/dev/null
done
# variants.txt: "NAME | … | wall,user,sys=W U S | quality". Each round's after/before throughput, then their median: a
# ratio within a round shares that minute's machine, which on a shared host moves by far more than 3 %.
field() { grep "^$1 " "$work/variants.txt" | sed -E 's/.*wall,user,sys=([0-9.]+) ([0-9.]+).*/\1 \2/'; }
for p in "$cores" 1; do
  grep -q "^before-P$p-r" "$work/variants.txt" || continue
  ratios=""
  for round in $(seq "$rounds"); do
    read -r bw bu < <(field "before-P$p-r$round")
    read -r aw au < <(field "after-P$p-r$round")
    ratio=$(echo "$bw / $aw" | bc -l)
    ratios="$ratios $ratio"
    printf 'workers %s, round %s: before %.1f s (%.1f s CPU), after %.1f s (%.1f s CPU): throughput after/before %.3f\n' \
      "$p" "$round" "$bw" "$bu" "$aw" "$au" "$ratio"
  done
  printf 'workers %s: median throughput after/before %.3f\n' "$p" "$(echo "$ratios" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"
done
grep "^after-P$cores-r1 \|^before-P$cores-r1 " "$work/variants.txt" | sed -E 's/.*\| (mean SSIM.*)/\1/' | sed 's/^/quality: /'
# The bytes of one round against another's: the new encode's never differ; the old one's did when a worker's cores did.
compare() {
  local same=0 differ=0 f
  for f in "$work/variant_$1"/*.mp4; do
    if cmp -s "$f" "$work/variant_$2/$(basename "$f")"; then same=$((same+1)); else differ=$((differ+1)); fi
  done
  echo "$1 against $2: $same clips byte-identical, $differ different"
}
compare "after-P$cores-r1" "after-P$cores-r$rounds"
if [ -d "$work/variant_before-P1-r1" ]; then
  compare "after-P$cores-r1" "after-P1-r1"
  compare "before-P$cores-r1" "before-P1-r1"
fi
