#!/usr/bin/env bash
# Proves the standalone executable from scripts/publish.sh on this machine, as a user without .NET would run it:
# the .NET installation is hidden (a private mount namespace mounts an empty folder over it), the environment is
# empty, and ffmpeg is found only through a private folder on PATH. Then: with no ffmpeg anywhere, exit 2 and a
# message about ffmpeg. Then the Python wheel installs offline into a fresh venv and its kinetics-prep runs --version
# and demo with .NET still hidden. Last, the .NET tool package installs and runs. Needs root (unshare, mount). Run by CI.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
. scripts/ensure-packages.sh
ensure_ffmpeg
python3 -c 'import ensurepip, venv' 2>/dev/null || install_package python3-venv "python3's venv module not found"
scripts/publish.sh linux-x64 >/dev/null
exe=$repo/dist/linux-x64/kinetics-prep
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home" "$work/empty"
ln -s "$(command -v ffmpeg)" "$work/bin/ffmpeg"
ln -s "$(command -v ffprobe)" "$work/bin/ffprobe"
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")

# Runs an executable ($exe unless EXE says another) with no .NET on the machine, an empty environment and PATH=$1.
standalone() {
  local path=$1; shift
  unshare --mount -- sh -c 'hidden=$0 home=$1 path=$2 exe=$3; shift 3
    mount -t tmpfs none "$hidden" && exec env -i HOME="$home" PATH="$path" "$exe" "$@"' \
    "$dotnet_root" "$work/home" "$path" "${EXE:-$exe}" "$@"
}
fail() { echo "check-standalone: FAILED: $*" >&2; exit 1; }

echo "check-standalone: $(du -h "$exe" | cut -f1) executable; .NET hidden at $dotnet_root"
[ "$(standalone "$work/bin" --version)" = "$version" ] || fail "--version does not print $version"
standalone "$work/bin" demo --dir "$work/demo" >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; fail "demo"; }
root=$work/demo/k400
[ "$(wc -l <"$root/lists/train.csv")" -gt 0 ] || fail "demo wrote no train list"
standalone "$work/bin" verify --root "$root" >/dev/null || fail "verify"
standalone "$work/bin" report --root "$root" >/dev/null || fail "report"
grep -q '"splits"' "$root/report.json" || fail "report.json has no splits"
standalone "$work/bin" status --root "$root" >/dev/null || fail "status"
for format in csv json; do
  standalone "$work/bin" annotate --annotations "$root/annotations" --videos "$root/videos_320p" --out "$work/$format" \
    --format "$format" >/dev/null || fail "annotate --format $format"
done
head -1 "$work/csv/train.csv" | grep -q '^path,label_id,label' || fail "annotate --format csv header"
standalone "$work/bin" annotate --annotations "$root/annotations" --videos "$root/videos_320p" --out "$work/labels" \
  --format uniformerv2 --labels videomaev2-k400 >/dev/null || fail "annotate with a built-in label map"
[ "$(wc -l <"$work/labels/labels.txt")" = 400 ] || fail "the built-in label map was not used"
[ "$(wc -l <"$root/lists/index.csv")" -gt 1 ] || fail "demo wrote no clip index"
standalone "$work/bin" export webdataset --root "$root" --out "$work/wds" --shard-size 200KiB >/dev/null || fail "export webdataset"
grep -q '"shards"' "$work/wds/train-shards.json" || fail "export webdataset wrote no manifest"
[ "$(tar -tf "$work/wds/train-000000.tar" | grep -c '\.cls$')" -gt 0 ] || fail "the first shard holds no samples"
echo "check-standalone: demo, verify, report, status, annotate and export ran with no .NET on the machine"

set +e
standalone "$work/empty" demo --dir "$work/demo2" >"$work/noffmpeg.log" 2>&1
code=$?
set -e
[ "$code" = 2 ] || { cat "$work/noffmpeg.log"; fail "with no ffmpeg the exit code is $code, not 2"; }
grep -q "ffmpeg and ffprobe not found on PATH" "$work/noffmpeg.log" || { cat "$work/noffmpeg.log"; fail "no message about ffmpeg"; }
! grep -q "   at " "$work/noffmpeg.log" || fail "a stack trace with no ffmpeg"
echo "check-standalone: with no ffmpeg anywhere: exit 2, '$(head -1 "$work/noffmpeg.log")'"

wheel=$(ls "$repo"/dist/kinetics_prep-"$version"-py3-none-manylinux_*_x86_64.whl)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --no-index --quiet "$wheel"
EXE=$work/venv/bin/kinetics-prep
[ "$(EXE=$EXE standalone "$work/venv/bin:$work/bin" --version)" = "$version" ] || fail "the wheel's kinetics-prep --version"
EXE=$EXE standalone "$work/venv/bin:$work/bin" demo --dir "$work/wheel-demo" >"$work/wheel-demo.log" 2>&1 \
  || { cat "$work/wheel-demo.log"; fail "the wheel's kinetics-prep demo"; }
[ "$(wc -l <"$work/wheel-demo/k400/lists/train.csv")" -gt 0 ] || fail "the wheel's demo wrote no train list"
echo "check-standalone: pip install $(basename "$wheel") (offline, fresh venv): --version and demo run with no .NET"

dotnet tool install --tool-path "$work/tool" kinetics-prep --version "$version" --add-source "$repo/dist" >/dev/null
[ "$("$work/tool/kinetics-prep" --version)" = "$version" ] || fail ".NET tool --version"
echo "check-standalone: the .NET tool package installs and runs"
echo "1 passed, 0 failed"
