#!/usr/bin/env bash
# Scale benchmark (#35): what every command costs on a finished root as the clip count grows, with tiny clips and a
# stand-in for ffmpeg's encode that copies (copy_ffmpeg.c), so that only kinetics-prep's own cost is measured.
# For each size: wall time, peak RSS and CPU of the first prepare, a no-op rerun, a rerun with the mirror unreachable,
# status, report (first, and again with its thumbnails kept), verify (first and second), annotate --root, compare,
# and both exports; prepare's bookkeeping per clip (its CPU less that of a bare loop that extracts the same archives
# and starts the stand-in once per clip), and besides its process starts (against the same loop starting the stand-in
# once per 8 clips, as prepare starts ffmpeg); then each command's growth exponent between the two largest sizes given
# (1.0: linear; 0: flat). Each size's figures stay in results-SIZE.tsv; KEEP=1 measures on the root already there.
# Usage: bench/scale/run.sh [SIZE ...]        (default: 4000 20000)
# Env: BENCH_DIR (default /tmp/kp-scale), SKIP="export-rawframes verify-first …" to leave commands out, KEEP=1.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${BENCH_DIR:-/tmp/kp-scale}
sizes=("${@:-4000 20000}")
read -r -a sizes <<<"${sizes[*]}"
mkdir -p "$work"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, $(ffmpeg -version | head -1)"
# A build of its own, so that editing the sources while it runs changes nothing measured.
dotnet build "$repo/src/KineticsPrep.Cli/KineticsPrep.Cli.csproj" -c Release -o "$work/cli" --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 2; }
gcc -O2 -o "$work/copy_ffmpeg" "$repo/bench/scale/copy_ffmpeg.c"
export KINETICS_PREP_FFMPEG=$work/copy_ffmpeg KP_REAL_FFMPEG
KP_REAL_FFMPEG=$(command -v ffmpeg)

if [ ! -d "$work/sources" ]; then
  mkdir -p "$work/sources.tmp"
  for k in $(seq 0 7); do
    ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=96x72:rate=10:duration=1,hue=H=$k" \
      -c:v libx264 -preset veryfast -pix_fmt yuv420p "$work/sources.tmp/src$k.mp4"
  done
  mv "$work/sources.tmp" "$work/sources"
fi
[ -f "$work/sources/frame.jpg" ] ||
  ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=96x72:rate=10:duration=0.1" -frames:v 1 "$work/sources/frame.jpg"
export KP_STAND_IN_JPEG=$work/sources/frame.jpg KP_STAND_IN_FRAMES=10   # the sources' 10 frames

# measure NAME SIZE COMMAND…: one line "name size seconds peak_kib cpu_seconds exit" in results-SIZE.tsv.
measure() {
  local name=$1 size=$2; shift 2
  if [[ " ${SKIP:-} " == *" $name "* ]]; then return; fi
  local code=0
  # Let the file system settle first: on ext4 without a journal, a file created within minutes of many deletes (the
  # last command's root or scratch folder) costs the kernel a scan past each of them while their inode blocks are
  # cached, whoever made the deletes. Written out and dropped from the cache (as root), they cost nothing: so before
  # the commands whose CPU is compared. The others find the root in the cache, as a rerun after a stop does.
  sync
  if [[ " bare-loop bare-loop-batched prepare " == *" $name "* && -w /proc/sys/vm/drop_caches ]]; then echo 3 >/proc/sys/vm/drop_caches; else sleep 6; fi
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >"$work/$name-$size.log" 2>&1 || code=$?
  read -r seconds kib user system < <(tail -1 "$work/time")
  local cpu; cpu=$(echo "$user + $system" | bc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$size" "$seconds" "$kib" "$cpu" "$code" >>"$work/results-$size.tsv"
  printf '%-18s %7d clips: %7.2f s, %6.0f MB peak, %7.2f s CPU, exit %d\n' "$name" "$size" "$seconds" "$(echo "$kib / 1024" | bc -l)" "$cpu" "$code"
}


kp=$work/cli/kinetics-prep
for n in "${sizes[@]}"; do
  mirror=$work/mirror-$n root=$work/root-$n
  if [ ! -d "$mirror" ]; then
    python3 "$repo/bench/scale/make_mirror.py" "$mirror.tmp" "$n" "$repo/src/KineticsPrep/Dataset/LabelMaps/mmaction2-k400.txt" "$work"/sources/*.mp4
    mv "$mirror.tmp" "$mirror"
  fi
  rm -f "$work/tmp-before" && ls /tmp >"$work/tmp-before"
  if [ "${KEEP:-}" != 1 ] || [ ! -d "$root" ]; then
    : >"$work/results-$n.tsv"
    rm -rf "$root"
    measure bare-loop "$n" "$repo/bench/scale/bare_loop.sh" "$mirror" "$work/bare" "$work/copy_ffmpeg"
    measure bare-loop-batched "$n" env CLIPS_PER_START=8 "$repo/bench/scale/bare_loop.sh" "$mirror" "$work/bare" "$work/copy_ffmpeg"
    measure prepare "$n" "$kp" prepare k400 --root "$root" --splits train --mirror "$mirror" --workers 2
  fi
  measure prepare-noop "$n" "$kp" prepare k400 --root "$root" --splits train --mirror "$mirror" --workers 2
  mv "$mirror" "$mirror.away"
  measure prepare-offline "$n" "$kp" prepare k400 --root "$root" --splits train --mirror "$mirror" --workers 2
  mv "$mirror.away" "$mirror"
  measure status "$n" "$kp" status "$root"
  rm -rf "$root/.kinetics-prep/thumbnails"
  measure report "$n" "$kp" report --root "$root"
  measure report-again "$n" "$kp" report --root "$root"
  measure verify-first "$n" "$kp" verify --root "$root" --workers 2
  measure verify-second "$n" "$kp" verify --root "$root" --workers 2
  measure annotate "$n" "$kp" annotate --root "$root"
  measure compare "$n" "$kp" compare "$root" "$root/lists/manifest.csv.gz"
  measure export-webdataset "$n" "$kp" export webdataset --root "$root"
  measure export-rawframes "$n" "$kp" export rawframes --root "$root" --workers 2
  left=$(comm -13 "$work/tmp-before" <(ls /tmp) | grep -c kinetics-prep || true)
  echo "left in /tmp by the commands above: $left"
  awk -F'\t' -v n="$n" '$1 == "prepare" { p = $5 } $1 == "bare-loop" { b = $5 } $1 == "bare-loop-batched" { g = $5 }
    END { if (p != "" && b != "") printf "bookkeeping: %.2f ms of CPU per clip (prepare %.1f s, bare loop %.1f s)\n", (p - b) * 1000 / n, p, b
          if (p != "" && g != "") printf "besides process starts: %.2f ms of CPU per clip (bare loop starting the stand-in once per 8 clips: %.1f s)\n", (p - g) * 1000 / n, g }' "$work/results-$n.tsv"
done

if [ "${#sizes[@]}" -ge 2 ]; then
  a=${sizes[-2]} b=${sizes[-1]}
  echo "== growth exponent from $a to $b clips (time, peak RSS)"
  cat "$work/results-$a.tsv" "$work/results-$b.tsv" | awk -F'\t' -v a="$a" -v b="$b" '
    $2 == a { ta[$1] = $3; ma[$1] = $4 } $2 == b { tb[$1] = $3; mb[$1] = $4; order[++k] = $1 }
    END { for (i = 1; i <= k; i++) { c = order[i]; if (!(c in ta)) continue;
      printf "%-18s time^%.2f  rss^%.2f\n", c, log((tb[c] + 0.01) / (ta[c] + 0.01)) / log(b / a), log(mb[c] / ma[c]) / log(b / a) } }'
fi
