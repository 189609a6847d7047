#!/usr/bin/env bash
# Benchmark: what kinetics-prep adds per clip, in one run. On N tiny clips (0.5 s, 480x360, H.264 mp4):
#   - `resize` against a bare loop of one ffmpeg per clip with the same arguments, 2 at a time (target: <= 1.15x);
#   - `verify` against a bare loop of one ffmpeg decode per clip, 2 at a time (target: <= 0.6x);
#   - `prepare` over a K400-like mirror of ARCHIVES archives (default 303, K400's count) of 2 tiny clips each, served by
#     nginx on loopback, against the bare encode loop over the same clips: the rest is prepare's per-archive and
#     per-clip bookkeeping (downloads, extraction, state writes);
# then the 24-clip resize benchmark (bench/resize.sh) for the real-clip ratio against mmaction2's resize.
# Usage: bench/overhead.sh [N]   (default 240)
# Env: BENCH_DIR (default /tmp/kp-bench), ARCHIVES (303), SKIP_PREPARE=1, SKIP_RESIZE_BENCH=1.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench}
n=${1:-240}
tiny=$work/tiny-$n
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(ffmpeg -version | head -1)"
mkdir -p "$work"
"$repo/kinetics-prep" --version >/dev/null   # build before timing

if [ ! -d "$tiny" ]; then
  mkdir -p "$tiny.tmp"
  # 8 different sources, copied under Kinetics-like names: decoding and encoding cost the same for a copy.
  for k in $(seq 0 7); do
    ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=480x360:rate=30:duration=0.5,hue=H=$k" \
      -c:v libx264 -preset veryfast -pix_fmt yuv420p "$tiny.tmp/src$k.mp4"
  done
  for i in $(seq 0 $((n - 1))); do
    cp "$tiny.tmp/src$((i % 8)).mp4" "$tiny.tmp/$(printf 'tiny%07d' "$i")_000000_000001.mp4"
  done
  rm "$tiny.tmp"/src*.mp4
  mv "$tiny.tmp" "$tiny"
fi
ls "$tiny"/*.mp4 >"$work/tiny-files.txt"

seconds() { local start; start=$(date +%s.%N); "$@" >"$work/overhead.log" 2>&1 || { cat "$work/overhead.log"; exit 1; }; echo "$(date +%s.%N) - $start" | bc -l; }

# The arguments resize gives ffmpeg for these clips (2 workers on 2 cores: 1 thread each), per clip.
bare_encode() {
  rm -rf "$work/bare-encode"; mkdir -p "$work/bare-encode"
  xargs -P 2 -I{} sh -c 'ffmpeg -nostdin -hide_banner -v error -nostats -progress pipe:1 -y -threads 1 -i "file:$1" -map 0:0 \
    -filter_threads 1 -vf scale=426:320:flags=bilinear,setsar=1 -fps_mode passthrough -c:v libx264 -preset superfast \
    -x264-params mbtree=1:rc-lookahead=10 -crf 23 -pix_fmt yuv420p -threads 1 -an -movflags +faststart -f mp4 \
    "file:$2/$(basename "$1")" >/dev/null' _ {} "$work/bare-encode" <"$work/tiny-files.txt"
}
bare_decode() { xargs -P 2 -I{} ffmpeg -nostdin -v error -xerror -i "file:{}" -map 0:v:0 -f null - <"$work/tiny-files.txt"; }
resize() { rm -rf "$work/tiny-resized"; "$repo/kinetics-prep" resize "$tiny" "$work/tiny-resized" --workers 2; }
verify() { "$repo/kinetics-prep" verify "$tiny" --workers 2; }

bare_encode_s=$(seconds bare_encode)
resize_s=$(seconds resize)
bare_decode_s=$(seconds bare_decode)
verify_s=$(seconds verify)
printf '%d tiny clips: bare encode loop %.1f s, resize %.1f s: %.2fx (target <= 1.15x)\n' "$n" "$bare_encode_s" "$resize_s" "$(echo "$resize_s / $bare_encode_s" | bc -l)"
printf '%d tiny clips: bare decode loop %.1f s, verify %.1f s: %.2fx (target <= 0.6x)\n' "$n" "$bare_decode_s" "$verify_s" "$(echo "$verify_s / $bare_decode_s" | bc -l)"

if [ "${SKIP_PREPARE:-}" != 1 ]; then
  archives=${ARCHIVES:-303}
  mirror=$work/tiny-mirror-$archives
  if [ ! -d "$mirror" ]; then
    mkdir -p "$mirror.tmp/400/train" "$mirror.tmp/400/annotations" "$work/tiny-archive/train_256"
    echo "label,youtube_id,time_start,time_end,split,is_cc" >"$mirror.tmp/400/annotations/train.csv"
    : >"$mirror.tmp/400/train/k400_train_path.txt"
    sources=("$tiny"/*.mp4)
    for a in $(seq 0 $((archives - 1))); do
      rm -f "$work/tiny-archive/train_256"/*
      for c in 0 1; do
        id=$(printf 'arch%04d_c%d' "$a" "$c")
        cp "${sources[$(( (2 * a + c) % ${#sources[@]} ))]}" "$work/tiny-archive/train_256/${id}_000000_000001.mp4"
        echo "\"class $((a % 10))\",$id,0,1,train,0" >>"$mirror.tmp/400/annotations/train.csv"
      done
      tar -C "$work/tiny-archive" -czf "$mirror.tmp/400/train/part_$a.tar.gz" train_256
      echo "https://s3.amazonaws.com/kinetics/400/train/part_$a.tar.gz" >>"$mirror.tmp/400/train/k400_train_path.txt"
    done
    mkdir -p "$work/tiny-archive/replacement" && rm -f "$work/tiny-archive/replacement"/*
    cp "${sources[0]}" "$work/tiny-archive/replacement/arch0000_c0_000000_000001.mp4"
    tar -C "$work/tiny-archive" -czf "$mirror.tmp/400/replacement_for_corrupted_k400.tgz" replacement
    rm -rf "$work/tiny-archive"
    mv "$mirror.tmp" "$mirror"
  fi
  # The same clips, extracted, for the bare loop.
  rm -rf "$work/tiny-extracted" && mkdir -p "$work/tiny-extracted"
  for archive in "$mirror"/400/train/*.tar.gz; do tar -C "$work/tiny-extracted" -xzf "$archive"; done
  ls "$work/tiny-extracted"/train_256/*.mp4 >"$work/tiny-files.txt"
  # shellcheck source=bench/nginx.sh
  . "$repo/bench/nginx.sh"
  start_nginx "$work" "$mirror" 18082 0
  bare_s=$(seconds bare_encode)
  rm -rf "$work/tiny-prepared"
  prepare_s=$(seconds "$repo/kinetics-prep" prepare k400 --root "$work/tiny-prepared" --splits train --mirror http://127.0.0.1:18082 --workers 2)
  clips=$(wc -l <"$work/tiny-files.txt")
  printf 'prepare of %d archives, %d clips: bare encode loop %.1f s, prepare %.1f s: %.2fx, %.0f ms of bookkeeping per archive\n' \
    "$archives" "$clips" "$bare_s" "$prepare_s" "$(echo "$prepare_s / $bare_s" | bc -l)" "$(echo "($prepare_s - $bare_s) * 1000 / $archives" | bc -l)"
fi

if [ "${SKIP_RESIZE_BENCH:-}" != 1 ]; then
  echo "== the 24-clip resize benchmark"
  bash "$repo/bench/resize.sh"
fi
