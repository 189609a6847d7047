# Sourced by ./kinetics-prep and ./test.sh: makes sure ffmpeg and ffprobe are on PATH.
# As root, installs Debian's ffmpeg package when they are missing; otherwise says what to install.
ensure_ffmpeg() {
  if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "kinetics-prep: ffmpeg not found; installing Debian's ffmpeg package..." >&2
    local log
    log=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg; } >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      echo "kinetics-prep: installing ffmpeg failed (see above)." >&2
      return 2
    fi
    rm -f "$log"
    return 0
  fi
  echo "kinetics-prep: ffmpeg and ffprobe are required. Install Debian's 'ffmpeg' package: sudo apt-get install -y ffmpeg" >&2
  return 2
}
