# Sourced by ./kinetics-prep and ./test.sh. ensure_command CMD PACKAGE: makes sure CMD is on PATH; as root, installs
# the Debian PACKAGE when it is missing, otherwise says what to install.
ensure_command() {
  local cmd=$1 package=$2
  if command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ]; then
    return 0
  fi
  install_package "$package" "$cmd not found"
}

# install_package PACKAGE WHY: as root, installs the Debian PACKAGE; otherwise says what to install.
install_package() {
  local package=$1 why=$2
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "kinetics-prep: $why; installing Debian's $package package..." >&2
    local log
    log=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      echo "kinetics-prep: installing $package failed (see above)." >&2
      return 2
    fi
    rm -f "$log"
    return 0
  fi
  echo "kinetics-prep: $why. Install Debian's '$package' package: sudo apt-get install -y $package" >&2
  return 2
}

ensure_ffmpeg() {
  ensure_command ffmpeg ffmpeg && ensure_command ffprobe ffmpeg
}

# The launcher's rule: an ffmpeg named by KINETICS_PREP_FFMPEG or found on PATH (conda, module load, a static build)
# is used as it is; only root with apt and no ffmpeg anywhere gets Debian's package. Everyone else is told by the
# tool itself, which names every way to get one, and only by the commands that need it.
install_ffmpeg_if_root() {
  if [ -n "${KINETICS_PREP_FFMPEG:-}" ] || command -v ffmpeg >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    ensure_ffmpeg || true
  fi
}
