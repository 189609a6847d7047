#!/usr/bin/env python3
"""Makes a synthetic full-size Kinetics-400 tree for bench/annotate.sh: the official CSV sizes (246,534 train,
19,906 val, 39,805 test rows) in the K400 dialect (multi-word labels quoted), the 400 real class names, and an empty
file for ~98 % of the rows (the rest are 'missing'), plus a replacement folder of 1,392 train clips.
Usage: make_annotate_tree.py OUT LABEL_MAP"""
import os, random, sys

out, label_map = sys.argv[1], sys.argv[2]
labels = [l.strip() for l in open(label_map) if l.strip()]
rng = random.Random(400)
alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
os.makedirs(f"{out}/annotations", exist_ok=True)
for split, rows, csv_name in [("train", 246534, "train.csv"), ("val", 19906, "validate.csv"), ("test", 39805, "test.csv")]:
    os.makedirs(f"{out}/videos/{split}", exist_ok=True)
    with open(f"{out}/annotations/{csv_name}", "w") as f:
        f.write("label,youtube_id,time_start,time_end,split,is_cc\n")
        for i in range(rows):
            label = labels[i % len(labels)]
            yid = "".join(rng.choice(alphabet) for _ in range(11))
            start = rng.randrange(0, 600)
            f.write(f'{chr(34) + label + chr(34) if " " in label else label},{yid},{start},{start + 10},{split},0\n')
            if rng.random() < 0.98:
                open(f"{out}/videos/{split}/{yid}_{start:06d}_{start + 10:06d}.mp4", "w").close()
                if split == "train" and i % 177 == 0:
                    os.makedirs(f"{out}/videos/replacement", exist_ok=True)
                    open(f"{out}/videos/replacement/{yid}_{start:06d}_{start + 10:06d}.mp4", "w").close()
print(out)
