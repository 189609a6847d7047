#!/usr/bin/env python3
"""The baseline for bench/compare.sh: what a researcher would write by hand, the standard library's csv module reading
both manifests into dicts keyed by clip and counting the same kinds of difference. Usage: compare_baseline.py A B"""
import csv, gzip, sys


def load(path):
    with gzip.open(path, "rt", newline="") as f:
        return {(r["split"], r["youtube_id"], r["time_start"], r["time_end"]): r for r in csv.DictReader(f)}


a, b = load(sys.argv[1]), load(sys.argv[2])
held = lambda r: r is not None and r["status"] in ("present", "replaced")
kinds = {"only in A": 0, "only in B": 0, "source": 0, "output": 0, "label": 0}
for key, ra in a.items():
    rb = b.get(key)
    if not held(ra):
        continue
    if not held(rb):
        kinds["only in A"] += 1
        continue
    if ra["source_sha256"] != rb["source_sha256"]:
        kinds["source"] += 1
    elif ra["output_sha256"] != rb["output_sha256"]:
        kinds["output"] += 1
    if ra["label"] != rb["label"] or ra["label_id"] != rb["label_id"]:
        kinds["label"] += 1
kinds["only in B"] = sum(1 for k, rb in b.items() if held(rb) and not held(a.get(k)))
print(kinds)
