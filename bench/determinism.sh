#!/usr/bin/env bash
# The cost of deterministic bytes (#32): the encode kinetics-prep ran before (the scaler's CPU-specific paths, x264
# and the filters on the cores a worker had) against the one it runs now (one x264 and filter thread, the scaler's
# bit-exact paths, no muxer version), on the 20 clips of the 24-clip corpus that need scaling, in one run, rounds
# alternating. With the default --workers (the core count), a worker had one core before too; --workers 1 is the case
# where x264 lost threads. Then checks that the new encode's bytes are the same 1 and 2 at a time.
# Usage: bench/determinism.sh [ROUNDS]
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
  bash "$repo/bench/resize_variants.sh" "before-P1-r$round" "" bilinear "$x264 -filter_threads $cores -threads $cores" 1 >/dev/null
  bash "$repo/bench/resize_variants.sh" "after-P1-r$round" "" bilinear+accurate_rnd+bitexact \
    "$x264 -filter_threads 1 -flags:v +bitexact -fflags +bitexact -threads 1" 1 >/dev/null
done
# variants.txt: "NAME | … | wall,user,sys=W U S | quality"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
wall() { grep "^$1-r" "$work/variants.txt" | sed -E 's/.*wall,user,sys=([0-9.]+).*/\1/' | median; }
for p in "$cores" 1; do
  before=$(wall "before-P$p") after=$(wall "after-P$p")
  printf 'workers %s: before %.1f s, after %.1f s (medians of %s): throughput after/before %.3f\n' \
    "$p" "$before" "$after" "$rounds" "$(echo "$before / $after" | bc -l)"
done
grep "^after-P$cores-r1 \|^before-P$cores-r1 " "$work/variants.txt" | sed -E 's/.*\| (mean SSIM.*)/\1/' | sed 's/^/quality: /'
same=0 differ=0
for f in "$work/variant_after-P$cores-r$rounds"/*.mp4; do
  if cmp -s "$f" "$work/variant_after-P1-r$rounds/$(basename "$f")"; then same=$((same+1)); else differ=$((differ+1)); fi
done
echo "after: $same clips byte-identical at $cores at a time and at 1, $differ different"
