#!/usr/bin/env bash
# What prepare's work costs without kinetics-prep (the scale benchmark's baseline): extract every train archive of a
# mirror, start the ffmpeg stand-in once per clip, two at a time, and delete each archive's originals once its clips
# are made, as prepare does by default; originals and outputs each in one flat folder, as prepare's videos/train and
# videos_320p/train. Both belong in the baseline: on ext4 without a journal (this bench's machine), a file created in
# a folder where many files were deleted in the last minutes costs the kernel a scan past each of them.
# With CLIPS_PER_START=N (as prepare starts one ffmpeg for up to ClipResizer.MaxBatch clips), each start of the stand-in
# makes N clips: the baseline for what prepare costs besides its process starts.
# Usage: bare_loop.sh MIRROR SCRATCH STAND_IN
set -euo pipefail
mirror=$1 scratch=$2 stand_in=$(realpath "$3") per_start=${CLIPS_PER_START:-1}
rm -rf "$scratch" && mkdir -p "$scratch/videos" "$scratch/resized"
for archive in "$mirror"/400/train/*.tar.gz; do
  tar -C "$scratch/videos" --transform 's,.*/,,' -xzf "$archive"
  (cd "$scratch/videos" && find . -name '*.mp4' -printf '-i\0file:%f\0-f\0mp4\0file:../resized/%f\0' |
    xargs -0 -r -P 2 -n $((5 * per_start)) "$stand_in" -progress pipe:1 >/dev/null)
  find "$scratch/videos" -name '*.mp4' -delete
done
rm -rf "$scratch"
