#!/usr/bin/env bash
# What prepare's work costs without kinetics-prep (the scale benchmark's baseline): extract every train archive of a
# mirror, and start the ffmpeg stand-in once per clip, two at a time.
# Usage: bare_loop.sh MIRROR SCRATCH STAND_IN
set -euo pipefail
mirror=$1 scratch=$2 stand_in=$3
rm -rf "$scratch" && mkdir -p "$scratch"
for archive in "$mirror"/400/train/*.tar.gz; do tar -C "$scratch" -xzf "$archive"; done
find "$scratch" -name '*.mp4' -print0 | xargs -0 -P 2 -I{} "$stand_in" -progress pipe:1 -i "file:{}" "file:{}.out" >/dev/null
rm -rf "$scratch"
