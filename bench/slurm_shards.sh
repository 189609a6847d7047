#!/usr/bin/env bash
# Proves 'prepare' sharding on a real (one-node) Slurm cluster. Brings the cluster up (bench/slurm_cluster.sh), serves
# a synthetic mirror with nginx on loopback, and:
#   1. runs one unsharded prepare as the reference;
#   2. submits a 3-task job array of 'prepare' with no --shard flag (the shard comes from SLURM_ARRAY_TASK_ID and
#      SLURM_ARRAY_TASK_COUNT), cancels task 1 midway with scancel, lets the others finish;
#   3. resubmits task 1 alone (sbatch --array=1, with --shard-count 3) and waits;
#   4. runs --finalize.
# Asserts: every task succeeded; each did a different, non-empty slice; the resubmitted task redid nothing of the
# others; the lists and the set of clips are identical to the reference. Usage: bench/slurm_shards.sh (as root)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/kp-slurm}
kp=$repo/kinetics-prep
# shellcheck source=bench/slurm_cluster.sh
. "$repo/bench/slurm_cluster.sh"
# shellcheck source=bench/nginx.sh
. "$repo/bench/nginx.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
"$kp" --version >/dev/null   # build once, before the tasks start
"$kp" demo --dir "$work/demo" --mirror-only >/dev/null
start_nginx "$work" "$work/demo/mirror" 18082 150k
trap '"$nginx_bin" -c "$work/nginx.conf" -p "$work" -s stop; stop_slurm_cluster' EXIT
url=http://127.0.0.1:18082
start_slurm_cluster
echo "== cluster: $(sinfo -h -o '%N %c CPUs %T')"

"$kp" prepare k400 --root "$work/reference" --mirror "$url" >"$work/reference.log" 2>&1 || { cat "$work/reference.log"; fail "reference run"; }

cat >"$work/prepare.sbatch" <<SBATCH
#!/bin/bash
#SBATCH --job-name=kp-prepare
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/task-%a.out
"$kp" prepare k400 --root "$work/sharded" --mirror "$url" --workers 1 \${SHARD_COUNT:+--shard-count \$SHARD_COUNT}
echo "exit=\$?"
SBATCH

processed() { python3 - "$1" <<'PY'
import sqlite3, sys
try:
    rows = sqlite3.connect(sys.argv[1]).execute("SELECT archive, completed_at FROM processed ORDER BY archive").fetchall()
except sqlite3.Error:
    rows = []
print("\n".join(f"{a} {t}" for a, t in rows))
PY
}

job=$(sbatch --parsable --array=0-2 "$work/prepare.sbatch")
echo "submitted array job $job (tasks 0-2, no --shard)"
# Cancel task 1 once it is running and has made some progress.
for _ in $(seq 1 120); do
  state=$(squeue -h -j "${job}_1" -o '%T' 2>/dev/null || true)
  if [ "$state" = RUNNING ] && [ -s "$work/sharded/.kinetics-prep/shard-1-of-3.db" ] && sleep 2; then
    scancel "${job}_1" && echo "scancel ${job}_1 (midway)"
    break
  fi
  sleep 0.5
done
while [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; do sleep 1; done
grep -q '^exit=0$' "$work/task-0.out" || { cat "$work/task-0.out"; fail "task 0"; }
grep -q '^exit=0$' "$work/task-2.out" || { cat "$work/task-2.out"; fail "task 2"; }
grep -q '^exit=0$' "$work/task-1.out" && fail "task 1 finished before it could be cancelled"
before0=$(processed "$work/sharded/.kinetics-prep/shard-0-of-3.db")
before2=$(processed "$work/sharded/.kinetics-prep/shard-2-of-3.db")
partial1=$(processed "$work/sharded/.kinetics-prep/shard-1-of-3.db" | grep -c . || true)
echo "task 1 was cancelled after $partial1 archive(s)"

SHARD_COUNT=3 sbatch --wait --array=1 --export=ALL,SHARD_COUNT=3 "$work/prepare.sbatch" >/dev/null || { cat "$work/task-1.out"; fail "resubmitted task 1"; }
grep -q '^exit=0$' "$work/task-1.out" || { cat "$work/task-1.out"; fail "resubmitted task 1"; }
[ "$(processed "$work/sharded/.kinetics-prep/shard-0-of-3.db")" = "$before0" ] || fail "shard 0 was touched by the resubmission"
[ "$(processed "$work/sharded/.kinetics-prep/shard-2-of-3.db")" = "$before2" ] || fail "shard 2 was touched by the resubmission"

for i in 0 1 2; do
  processed "$work/sharded/.kinetics-prep/shard-$i-of-3.db" | cut -d' ' -f1 >"$work/slice-$i.txt"
  [ -s "$work/slice-$i.txt" ] || fail "shard $i did nothing"
  echo "shard $i: $(paste -sd' ' "$work/slice-$i.txt")"
done
[ "$(cat "$work"/slice-*.txt | sort | uniq -d | wc -l)" -eq 0 ] || fail "the slices overlap"

"$kp" prepare k400 --root "$work/sharded" --mirror "$url" --finalize >"$work/finalize.log" 2>&1 || { cat "$work/finalize.log"; fail "--finalize"; }
for list in train val test labels; do
  diff <(sed "s|$work/reference|ROOT|" "$work/reference/lists/$list".* ) <(sed "s|$work/sharded|ROOT|" "$work/sharded/lists/$list".*) >/dev/null \
    || fail "lists/$list differs from the one-machine run"
done
diff <(cd "$work/reference/videos_320p" && find . -type f | sort) <(cd "$work/sharded/videos_320p" && find . -type f | sort) >/dev/null \
  || fail "the set of clips differs from the one-machine run"
echo "slurm shards: OK (3 tasks, task 1 cancelled and resubmitted; lists and clips identical to one machine)"
