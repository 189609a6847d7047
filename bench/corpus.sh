# Sourced by the benchmarks that run on the 24-clip corpus: sets repo, work and corpus, prints the machine, makes the
# corpus (bench/make_corpus.sh, N=4) once, and builds the tool before anything is timed.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-bench}
corpus=$work/corpus
mkdir -p "$work"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(ffmpeg -version | head -1)"
bash "$repo/bench/make_corpus.sh" "$corpus" 4 >/dev/null
"$repo/kinetics-prep" --version >/dev/null
