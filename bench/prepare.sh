#!/usr/bin/env bash
# Benchmark: 'kinetics-prep prepare' against the four stages run one after another (download, extract, resize,
# annotate) on the same mirror: nginx on loopback, limit_rate per connection so that downloading takes about as long
# as resizing. Target: prepare <= 1.15x the slowest single stage (the stages overlap). Also records the peak disk.
# Usage: bench/prepare.sh   Env: BENCH_DIR (default /tmp/kp-bench-prepare), ARCHIVES (12), CLIPS (2), RATE (5m).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench-prepare}
archives=${ARCHIVES:-12} clips=${CLIPS:-2} rate=${RATE:-5m}
mirror=$work/mirror/400
if [ ! -f "$mirror/train/k400_train_path.txt" ]; then
  echo "making a mirror of $archives archives x $clips clips (10 s, 640x360, noisy, like bench/make_corpus.sh)..."
  mkdir -p "$mirror/train" "$mirror/annotations" "$work/clips"
  echo "label,youtube_id,time_start,time_end,split,is_cc" >"$mirror/annotations/train.csv"
  : >"$mirror/train/k400_train_path.txt"
  n=0
  for a in $(seq 0 $((archives - 1))); do
    rm -rf "$work/clips" && mkdir -p "$work/clips/train_256"
    for c in $(seq 1 "$clips"); do
      id=$(printf 'bench%06d' $n)
      ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=640x360:rate=30000/1001:duration=10" \
        -vf "noise=alls=10:allf=t+u,hue=H=t*$c" -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p \
        "$work/clips/train_256/${id}_000010_000020.mp4"
      echo "\"class $((n % 5))\",$id,10,20,train,0" >>"$mirror/annotations/train.csv"
      n=$((n + 1))
    done
    tar -C "$work/clips" -czf "$mirror/train/part_$a.tar.gz" train_256
    echo "https://s3.amazonaws.com/kinetics/400/train/part_$a.tar.gz" >>"$mirror/train/k400_train_path.txt"
  done
  rm -rf "$work/clips" && mkdir -p "$work/clips/replacement"
  ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=640x360:rate=30:duration=2" -c:v libx264 -pix_fmt yuv420p \
    "$work/clips/replacement/bench000000_000010_000020.mp4"
  tar -C "$work/clips" -czf "$mirror/replacement_for_corrupted_k400.tgz" replacement
  rm -rf "$work/clips"
fi

port=18081
# shellcheck source=bench/nginx.sh
. "$repo/bench/nginx.sh"
start_nginx "$work" "$work/mirror" "$port" "$rate"
url=http://127.0.0.1:$port
kp=$repo/kinetics-prep
"$kp" --version >/dev/null   # build before timing

seconds() { local s e; s=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; return 1; }; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
peak_du() { local max=0 now; while kill -0 "$1" 2>/dev/null; do now=$(du -sb "$2" 2>/dev/null | cut -f1 || echo 0); [ "${now:-0}" -gt "$max" ] && max=$now; sleep 0.2; done; echo "$max"; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $archives archives x $clips clips; limit_rate $rate"
seq_root=$work/sequential
rm -rf "$seq_root"
t_download=$(seconds "$kp" download k400 --root "$seq_root" --splits train --mirror "$url" --jobs 2)
t_extract=$(seconds "$kp" extract --root "$seq_root")
t_resize=$(seconds "$kp" resize "$seq_root/videos" "$seq_root/videos_320p")
t_annotate=$(seconds "$kp" annotate --annotations "$seq_root/annotations" --videos "$seq_root/videos_320p" --out "$seq_root/lists")
seq_disk=$(du -sb "$seq_root" | cut -f1)

prep_root=$work/prepared
rm -rf "$prep_root" && mkdir -p "$prep_root"
start=$(date +%s.%N)
"$kp" prepare k400 --root "$prep_root" --splits train --mirror "$url" >"$work/prepare.log" 2>&1 &
pid=$!
prep_disk=$(peak_du "$pid" "$prep_root")
wait "$pid" || { cat "$work/prepare.log"; exit 1; }
t_prepare=$(echo "$(date +%s.%N) - $start" | bc -l)

slowest=$(printf '%s\n' "$t_download" "$t_extract" "$t_resize" "$t_annotate" | sort -g | tail -1)
sum=$(echo "$t_download + $t_extract + $t_resize + $t_annotate" | bc -l)
printf 'stages one after another: download %.1f s, extract %.1f s, resize %.1f s, annotate %.1f s; sum %.1f s\n' \
  "$t_download" "$t_extract" "$t_resize" "$t_annotate" "$sum"
printf 'prepare: %.1f s = %.2fx the slowest stage (target <= 1.15x), %.2fx the sum\n' \
  "$t_prepare" "$(echo "$t_prepare / $slowest" | bc -l)" "$(echo "$t_prepare / $sum" | bc -l)"
printf 'disk: sequential stages end with %.1f MB on disk; prepare peaked at %.1f MB (sampled every 0.2 s)\n' \
  "$(echo "$seq_disk / 1000000" | bc -l)" "$(echo "$prep_disk / 1000000" | bc -l)"
cmp "$seq_root/lists/train.csv" <(sed "s|$prep_root|$seq_root|" "$prep_root/lists/train.csv") && echo "lists: identical (up to the root)"
