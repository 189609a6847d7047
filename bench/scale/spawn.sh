#!/usr/bin/env bash
# What one ffmpeg start costs kinetics-prep, the floor under prepare's bookkeeping (run.sh): the stand-in started once
# for each of N tiny clips, two at a time, by xargs and by kinetics-prep's own FFmpeg.RunAsync (spawn/, through
# CliWrap: pipes for the progress and stderr, a wait for the exit). Prints each one's CPU and the difference per start.
# Usage: bench/scale/spawn.sh [N]   (default 10000; BENCH_DIR as run.sh's, default /tmp/kp-scale)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${BENCH_DIR:-/tmp/kp-scale}
n=${1:-10000}
mkdir -p "$work"
gcc -O2 -o "$work/copy_ffmpeg" "$repo/bench/scale/copy_ffmpeg.c"
dotnet build "$repo/bench/scale/spawn/Spawn.csproj" -c Release -o "$work/spawn" --nologo -v quiet >"$work/spawn-build.log" 2>&1 ||
  { cat "$work/spawn-build.log"; exit 2; }
export KP_REAL_FFMPEG
KP_REAL_FFMPEG=$(command -v ffmpeg)

inputs=$work/spawn-in-$n
if [ ! -d "$inputs" ]; then
  mkdir -p "$inputs.tmp"
  ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=96x72:rate=10:duration=1" -c:v libx264 -preset veryfast \
    -pix_fmt yuv420p "$inputs.tmp/source.mp4"
  for i in $(seq 0 $((n - 1))); do ln "$inputs.tmp/source.mp4" "$inputs.tmp/$(printf 'c%07d' "$i").mp4"; done
  rm "$inputs.tmp/source.mp4" && mv "$inputs.tmp" "$inputs"
fi

# cpu NAME COMMAND…: prints and returns (in $cpu) the CPU seconds of the command and its children.
cpu() {
  local name=$1; shift
  rm -rf "$work/spawn-out" && sync
  if [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; fi
  /usr/bin/time -f "%U %S" -o "$work/spawn-time" "$@" >/dev/null
  cpu=$(awk '{ print $1 + $2 }' "$work/spawn-time")
  printf '%-8s %6d starts: %7.2f s CPU\n' "$name" "$n" "$cpu"
}
cpu xargs sh -c "cd '$inputs' && mkdir -p '$work/spawn-out' && ls | xargs -P 2 -I{} '$work/copy_ffmpeg' -nostdin -progress pipe:1 -i file:{} '$work/spawn-out/{}'"
bare=$cpu
cpu dotnet "$work/spawn/Spawn" "$work/copy_ffmpeg" "$inputs" "$work/spawn-out"
awk -v a="$cpu" -v b="$bare" -v n="$n" 'BEGIN { printf "one start from kinetics-prep costs %.2f ms of CPU more than from xargs\n", (a - b) * 1000 / n }'
rm -rf "$work/spawn-out"
