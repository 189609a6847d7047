#!/usr/bin/env python3
"""Two synthetic manifest.csv.gz files of full Kinetics-400's size (306,245 rows: 246,534 train, 19,906 val, 39,805
test), with manifest.json beside each, for bench/compare.sh. B differs from A in 3 clips missing, 100 resized other
ways and 10 labels. Usage: make_manifests.py DIR"""
import gzip, hashlib, json, os, sys

FIELDS = ("youtube_id,time_start,time_end,split,label,label_id,status,archive,source_bytes,source_sha256,"
          "output_path,output_bytes,output_sha256,frames,fps,width,height")
SPLITS = (("train", 246534), ("val", 19906), ("test", 39805))


def rows(variant):
    n = 0
    for split, count in SPLITS:
        for i in range(count):
            n += 1
            yid = f"y{n:010d}"
            label_id = n % 400
            status = "present"
            out_sha = hashlib.sha256(f"out{n}".encode()).hexdigest()
            if variant == "b" and n in (5, 50_000, 300_000):
                status = "missing"
            if variant == "b" and 1000 <= n < 1100:
                out_sha = hashlib.sha256(f"other{n}".encode()).hexdigest()
            if variant == "b" and 2000 <= n < 2010:
                label_id = (label_id + 1) % 400
            src_sha = hashlib.sha256(f"src{n}".encode()).hexdigest()
            yield (f"{yid},{n % 300},{n % 300 + 10},{split},class {label_id},{label_id},{status},archives/{split}/part_{n % 300}.tar.gz,"
                   f"{1_000_000 + n},{src_sha},/data/k400/videos_320p/{split}/{yid}_{n % 300:06d}_{n % 300 + 10:06d}.mp4,{300_000 + n},"
                   f"{out_sha},300,30,426,320")


def main(folder):
    for variant in ("a", "b"):
        lists = os.path.join(folder, variant, "lists")
        os.makedirs(lists, exist_ok=True)
        with gzip.open(os.path.join(lists, "manifest.csv.gz"), "wt", compresslevel=1) as f:
            f.write(FIELDS + "\n")
            for row in rows(variant):
                f.write(row + "\n")
        settings = {"--short-side": "320", "--crf": "23" if variant == "a" else "28"}
        with open(os.path.join(lists, "manifest.json"), "w") as f:
            json.dump({"tool": "bench", "settings": settings, "downloads": [], "written": "2026-01-01T00:00:00Z"}, f)


if __name__ == "__main__":
    main(sys.argv[1])
