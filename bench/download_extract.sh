#!/usr/bin/env bash
# Benchmark: 'kinetics-prep download' against wget -c one file at a time (the CVDF way) and aria2c -j 8, from nginx on
# loopback with limit_rate 50m per connection serving 8 archives of 256 MB; then 'kinetics-prep extract' against
# tar -xzf, on one archive and on the set. Targets: download >= 6x wget and >= 0.9x aria2c; extract >= 1.0x tar on
# one archive and >= 1.8x on the set with 2 cores.
# Usage: bench/download_extract.sh   Env: BENCH_DIR (default /tmp/kp-bench-download), ARCHIVES (8), ARCHIVE_MB (256).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench-download}
archives=${ARCHIVES:-8}
archive_mb=${ARCHIVE_MB:-256}
for tool in aria2c:aria2 wget:wget; do
  command -v "${tool%%:*}" >/dev/null || [ -x "/usr/sbin/${tool%%:*}" ] || { apt-get update -qq && apt-get install -y -qq "${tool#*:}"; }
done
mkdir -p "$work"
mirror=$work/mirror
if [ ! -f "$mirror/400/train/k400_train_path.txt" ]; then
  echo "making $archives archives of $archive_mb MB (clips of random bytes, like mp4: incompressible)..."
  mkdir -p "$mirror/400/train" "$mirror/400/annotations" "$work/src"
  : >"$mirror/400/train/k400_train_path.txt"
  for i in $(seq 0 $((archives - 1))); do
    rm -rf "$work/src" && mkdir -p "$work/src/train_256/class_$i"
    for j in $(seq 0 $((archive_mb / 8 - 1))); do
      head -c 8M /dev/urandom >"$work/src/train_256/class_$i/clip${i}x${j}_000001_000011.mp4"
    done
    tar -C "$work/src" -cf - train_256 | gzip -1 >"$mirror/400/train/part_$i.tar.gz"
    echo "https://s3.amazonaws.com/kinetics/400/train/part_$i.tar.gz" >>"$mirror/400/train/k400_train_path.txt"
  done
  echo "label,youtube_id,time_start,time_end,split" >"$mirror/400/annotations/train.csv"
  mkdir -p "$work/src/replacement" && head -c 1M /dev/urandom >"$work/src/replacement/r_000001_000011.mp4"
  tar -C "$work/src" -czf "$mirror/400/replacement_for_corrupted_k400.tgz" replacement
  rm -rf "$work/src"
fi

port=18080
# shellcheck source=bench/nginx.sh
. "$repo/bench/nginx.sh"
start_nginx "$work" "$mirror" "$port" 50m
url=http://127.0.0.1:$port
"$repo/kinetics-prep" --version >/dev/null   # build before timing

seconds() { local s e; s=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; return 1; }; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $archives x $archive_mb MB, limit_rate 50m"
sed "s|https://s3.amazonaws.com/kinetics|$url|" "$mirror/400/train/k400_train_path.txt" >"$work/urls.txt"

rm -rf "$work/wget" && mkdir -p "$work/wget"
t_wget=$(seconds bash -c "cd '$work/wget' && while read -r u; do wget -q -c \"\$u\"; done <'$work/urls.txt'")
rm -rf "$work/wget"
rm -rf "$work/aria2" && mkdir -p "$work/aria2"
t_aria=$(seconds aria2c -q -j 8 -d "$work/aria2" -i "$work/urls.txt")
rm -rf "$work/aria2"
rm -rf "$work/root"
t_kp=$(seconds "$repo/kinetics-prep" download k400 --root "$work/root" --splits train --mirror "$url")
printf 'download: wget -c sequential %.1f s, aria2c -j 8 %.1f s, kinetics-prep %.1f s -> %.2fx wget, %.2fx aria2c\n' \
  "$t_wget" "$t_aria" "$t_kp" "$(echo "$t_wget / $t_kp" | bc -l)" "$(echo "$t_aria / $t_kp" | bc -l)"

one=$work/root/archives/train/part_0.tar.gz
rm -rf "$work/tar1" && mkdir -p "$work/tar1"
t_tar1=$(seconds tar -C "$work/tar1" -xzf "$one")
rm -rf "$work/tar1" "$work/one" && mkdir -p "$work/one/archives/train" && cp "$one" "$work/one/archives/train/" && sync
t_kp1=$(seconds "$repo/kinetics-prep" extract --root "$work/one" --jobs 1)
rm -rf "$work/one"
rm -rf "$work/tarall" && mkdir -p "$work/tarall"
t_tarall=$(seconds bash -c "for a in '$work'/root/archives/train/*.tar.gz; do tar -C '$work/tarall' -xzf \"\$a\"; done")
rm -rf "$work/tarall"
t_kpall=$(seconds "$repo/kinetics-prep" extract --root "$work/root" --jobs "$(nproc)")
printf 'extract one archive: tar -xzf %.2f s, kinetics-prep %.2f s -> %.2fx\n' "$t_tar1" "$t_kp1" "$(echo "$t_tar1 / $t_kp1" | bc -l)"
printf 'extract the set: tar -xzf one by one %.1f s, kinetics-prep --jobs %d %.1f s -> %.2fx\n' "$t_tarall" "$(nproc)" "$t_kpall" "$(echo "$t_tarall / $t_kpall" | bc -l)"
rm -rf "$work/root"
