#!/usr/bin/env bash
# Times one raw ffmpeg variant over the 20 clips of the 24-clip corpus that need scaling (the four 340x256 ones are
# stream-copied, as kinetics-prep does), 2 at a time, largest first, then scores it with bench/quality.sh.
# This is how the encode defaults in docs/BENCHMARKS.md were chosen. Appends one line to $BENCH_DIR/variants.txt.
# Usage: bench/resize_variants.sh NAME "DECODER_OPTIONS" "SCALE_FLAGS" "ENCODER_OPTIONS" [PARALLEL]
# e.g.   bench/resize_variants.sh sfmb "" bilinear "-c:v libx264 -preset superfast -x264-params mbtree=1:rc-lookahead=10 -crf 23 -threads 1"
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench}
name=$1 decoder=$2 flags=$3 encoder=$4 parallel=${5:-2}
corpus=$work/corpus
out=$work/variant_$name
bash "$repo/bench/make_corpus.sh" "$corpus" 4 >/dev/null
rm -rf "$out" && mkdir -p "$out"

small=$(for f in "$corpus"/*.mp4; do
  [ "$(ffprobe -v error -select_streams v:0 -show_entries stream=height -of csv=p=0 "$f")" -le 320 ] && echo "$f"; done || true)
for f in $small; do ffmpeg -nostdin -v error -y -i "$f" -map 0:v:0 -c copy "$out/$(basename "$f")"; done

scale="scale='if(gt(iw,ih),-2,320)':'if(gt(iw,ih),320,-2)'${flags:+:flags=$flags}"
export decoder encoder scale out
TIMEFORMAT="%R %U %S"
timing=$( { time (ls -S "$corpus"/*.mp4 | grep -v -F "${small:-/nothing/}" | xargs -P "$parallel" -I{} bash -c \
  'ffmpeg -nostdin -v error -y -threads 1 $decoder -i "$1" -vf "$scale" $encoder -an "$out/$(basename "$1")"' _ {}) ; } 2>&1 )
quality=$(bash "$repo/bench/quality.sh" "$corpus" "$out")
echo "$name | decoder=[$decoder] scaler=[${flags:-bicubic}] encoder=[$encoder] P=$parallel | wall,user,sys=$timing | $quality" \
  | tee -a "$work/variants.txt"
