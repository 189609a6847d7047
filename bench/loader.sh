#!/usr/bin/env bash
# Benchmark: how fast a data loader reads training samples from each output, on the same clips, in one run: the
# 24-clip corpus (bench/make_corpus.sh) resized with each --profile, the default one exported as WebDataset shards and
# as rawframes; read with PyAV and torchvision's reader (Debian's python3-av, python3-torchvision), dense and sparse
# sampling (bench/loader.py says how).
# Usage: bench/loader.sh [SAMPLES]   Env: BENCH_DIR (work folder, default /tmp/kp-bench), SEED (default 1).
set -euo pipefail
# shellcheck source=bench/corpus.sh
. "$(dirname "${BASH_SOURCE[0]}")/corpus.sh"
samples=${1:-48}
for package in python3-av python3-torchvision; do
  dpkg -s "$package" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$package" >/dev/null; }
done

# One root per profile: the corpus resized into videos_320p/train, a hand-made annotation file (six classes, by the
# corpus' six frame sizes), and the lists annotate writes from it.
for profile in default seekable dali; do
  root=$work/loader-$profile
  if [ ! -s "$root/lists/train.csv" ]; then
    rm -rf "$root"
    "$repo/kinetics-prep" resize "$corpus" "$root/videos_320p/train" --profile "$profile" --always-encode >"$work/loader.log" 2>&1 || { cat "$work/loader.log"; exit 1; }
    mkdir -p "$root/annotations"
    { echo "label,youtube_id,time_start,time_end,split"
      i=0
      for clip in "$corpus"/*.mp4; do
        name=$(basename "$clip" .mp4)
        echo "class $((i / 4)),${name%_*_*},$(echo "$name" | cut -d_ -f2 | sed 's/^0*//'),$(echo "$name" | cut -d_ -f3 | sed 's/^0*//'),train"
        i=$((i + 1))
      done; } >"$root/annotations/train.csv"
    "$repo/kinetics-prep" annotate --root "$root" >"$work/loader.log" 2>&1 || { cat "$work/loader.log"; exit 1; }
  fi
done
root=$work/loader-default
[ -s "$root/webdataset/train-shards.json" ] || "$repo/kinetics-prep" export webdataset --root "$root" --shard-size 64MiB >"$work/loader.log" 2>&1 || { cat "$work/loader.log"; exit 1; }
[ -s "$root/lists/train_rawframes.txt" ] || "$repo/kinetics-prep" export rawframes --root "$root" >"$work/loader.log" 2>&1 || { cat "$work/loader.log"; exit 1; }

echo "== $(ls "$corpus" | wc -l) clips of 10 s at 29.97 fps, 320p; $samples samples per cell after one untimed; seed ${SEED:-1}"
/usr/bin/python3 "$repo/bench/loader.py" "$samples" "${SEED:-1}" \
  "default (mp4)=$work/loader-default/videos_320p/train" \
  "seekable (mp4)=$work/loader-seekable/videos_320p/train" \
  "dali (mp4)=$work/loader-dali/videos_320p/train" \
  "WebDataset shards (default, sequential)=$root/webdataset" \
  "rawframes (JPEG q2)=$root/lists/train_rawframes.txt"
