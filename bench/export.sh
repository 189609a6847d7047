#!/usr/bin/env bash
# Benchmark: `export webdataset` against `tar -cf` over the same clips, in one run, alternating, with a warm page cache.
# export flushes each shard to disk before naming it (so a crash never leaves a shard that looks whole); plain tar leaves
# its output in the page cache. Both comparisons are printed: against plain tar, and against tar followed by
# `sync -f` of its archive (the same durability).
# The root: the 24 resized clips of bench/make_corpus.sh, copied COPIES times (default 60: ~1,440 clips, ~1.1 GB) into
# videos_320p/train, with a train list and labels.txt, as prepare leaves them.
# Usage: bench/export.sh [COPIES]   Env: BENCH_DIR (work folder, default /tmp/kp-bench), ROUNDS (default 3).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench}
copies=${1:-60}
rounds=${ROUNDS:-3}
corpus=$work/corpus
root=$work/export-root
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(df -T "$work" 2>/dev/null | awk 'NR==2{print $2}' || true) disk"
mkdir -p "$work"
bash "$repo/bench/make_corpus.sh" "$corpus" 4 >/dev/null
"$repo/kinetics-prep" --version >/dev/null   # build before timing

if [ ! -f "$root/lists/train.csv" ]; then
  rm -rf "$root" "$work/export-resized"
  "$repo/kinetics-prep" resize "$corpus" "$work/export-resized" >/dev/null
  mkdir -p "$root/videos_320p/train" "$root/lists"
  printf 'class_%s\n' $(seq -w 0 23) >"$root/lists/labels.txt"
  : >"$root/lists/train.csv"
  for c in $(seq 1 "$copies"); do
    label=0
    for clip in "$work/export-resized"/*.mp4; do
      target="$root/videos_320p/train/$(printf 'x%02d%08d' "$label" "$c")_000000_000010.mp4"
      cp "$clip" "$target"
      echo "$target $label" >>"$root/lists/train.csv"
      label=$((label + 1))
    done
  done
fi
files=$(wc -l <"$root/lists/train.csv")
bytes=$(cut -d' ' -f1 "$root/lists/train.csv" | xargs stat -c %s | paste -sd+ | bc)
echo "== $files clips, $((bytes / 1048576)) MiB"
cut -d' ' -f1 "$root/lists/train.csv" >"$work/export-files.txt"
cat $(cat "$work/export-files.txt") >/dev/null   # warm the page cache for both

seconds() { local start; start=$(date +%s.%N); "$@" >"$work/export.log" 2>&1 || { cat "$work/export.log"; exit 1; }; echo "$(date +%s.%N) - $start" | bc -l; }
tar_synced() { tar -cf "$1" -T "$work/export-files.txt" && sync -f "$1"; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
plain=() synced=()
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/export-tar" "$work/export-wds"; mkdir -p "$work/export-tar"; sync
  tar_s=$(seconds tar -cf "$work/export-tar/all.tar" -T "$work/export-files.txt")
  rm -f "$work/export-tar/all.tar"; sync
  sync_s=$(seconds tar_synced "$work/export-tar/all.tar")
  sync
  wds_s=$(seconds "$repo/kinetics-prep" export webdataset --root "$root" --out "$work/export-wds" --shard-size 256MiB)
  plain+=("$(echo "$tar_s / $wds_s" | bc -l)")
  synced+=("$(echo "$sync_s / $wds_s" | bc -l)")
  printf 'round %d: tar -cf %.2f s (%.0f MB/s), tar -cf + sync %.2f s (%.0f MB/s), export webdataset %.2f s (%.0f MB/s): %.2fx tar, %.2fx tar + sync\n' \
    "$round" "$tar_s" "$(echo "$bytes / 1000000 / $tar_s" | bc -l)" "$sync_s" "$(echo "$bytes / 1000000 / $sync_s" | bc -l)" \
    "$wds_s" "$(echo "$bytes / 1000000 / $wds_s" | bc -l)" "${plain[-1]}" "${synced[-1]}"
done
printf 'median throughput ratio: %.2fx tar -cf, %.2fx tar -cf + sync\n' "$(median "${plain[@]}")" "$(median "${synced[@]}")"
tail -2 "$work/export.log"
