#!/usr/bin/env bash
# Renders report.html in a real browser (Debian's headless Chromium): the page must load with no console messages
# (no script, no external resource) and show its charts (SVG bars in the class chart and in the eight histograms)
# and its contact sheet (the embedded JPEGs decode: each image has a natural width).
# Keeps a screenshot. Usage: bench/report_browser.sh [ROOT] [SCREENSHOT]
# Without ROOT it runs 'kinetics-prep demo', then verify and report, on a temporary folder.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=${1:-}
screenshot=${2:-$repo/docs/report-screenshot.png}
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$root" ]; then
  "$repo/kinetics-prep" demo --dir "$work/demo" >/dev/null
  root=$work/demo/k400
  "$repo/kinetics-prep" verify --root "$root" >/dev/null
fi
"$repo/kinetics-prep" report --root "$root" >/dev/null

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile" --enable-logging=stderr --v=0)
chromium "${flags[@]}" --dump-dom "file://$root/report.html" >"$work/dom.html" 2>"$work/console.log"
chromium "${flags[@]}" --window-size=1200,2900 --screenshot="$screenshot" "file://$root/report.html" >/dev/null 2>>"$work/console.log"

fail=0
if grep -E "CONSOLE|Uncaught|Failed to load resource" "$work/console.log"; then
  echo "FAIL: the page wrote to the console (above)"; fail=1
fi
class_bars=$(python3 - "$work/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1]).read()
svg = re.search(r'<svg id="classes".*?</svg>', dom, re.S)
print(len(re.findall(r'<rect ', svg.group(0))) if svg else 0)
PY
)
histograms=$(grep -o 'class="histogram"' "$work/dom.html" | wc -l)
thumbnails=$(grep -o 'src="data:image/jpeg;base64,' "$work/dom.html" | wc -l)
echo "rendered DOM: $class_bars class bars, $histograms histograms, $thumbnails thumbnails; screenshot: $screenshot"
[ "$class_bars" -gt 0 ] || { echo "FAIL: no bars in the class chart"; fail=1; }
[ "$histograms" -eq 8 ] || { echo "FAIL: expected 8 histograms"; fail=1; }
[ "$thumbnails" -gt 0 ] || { echo "FAIL: no contact sheet"; fail=1; }
[ -s "$screenshot" ] || { echo "FAIL: no screenshot"; fail=1; }
[ "$fail" -eq 0 ] && echo "report.html renders in Chromium: OK"
exit "$fail"
