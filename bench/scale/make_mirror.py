#!/usr/bin/env python3
"""A K400-like mirror folder of N tiny clips for the scale benchmark: <out>/400/train/part_K.tar.gz of about 1,000 clips
each (K400's train archives hold about 1,000), the list file with CVDF URLs, train.csv with one row per clip over K400's
400 classes, and the replacement archive. The clips' bytes are copies of the few sources given (tiny H.264 mp4s), so
building a 306k-clip mirror takes minutes, not hours.

Usage: make_mirror.py OUT N LABELS_TXT SOURCE.mp4 [SOURCE.mp4 ...]"""
import io
import os
import sys
import tarfile

out, n, labels_path, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
labels = [line.strip() for line in open(labels_path, encoding="utf-8") if line.strip()]
clips = [open(path, "rb").read() for path in sources]
per_archive = 1000
base = os.path.join(out, "400")
os.makedirs(os.path.join(base, "train"), exist_ok=True)
os.makedirs(os.path.join(base, "annotations"), exist_ok=True)


def add(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 1_600_000_000
    tar.addfile(info, io.BytesIO(data))


def clip_name(i):
    return f"s{i:010d}_000010_000020.mp4"


urls = []
with open(os.path.join(base, "annotations", "train.csv"), "w", encoding="utf-8") as csv:
    csv.write("label,youtube_id,time_start,time_end,split,is_cc\n")
    for archive in range((n + per_archive - 1) // per_archive):
        name = f"part_{archive}.tar.gz"
        with tarfile.open(os.path.join(base, "train", name), "w:gz", compresslevel=1) as tar:
            for i in range(archive * per_archive, min(n, (archive + 1) * per_archive)):
                add(tar, "train_256/" + clip_name(i), clips[i % len(clips)])
                label = labels[i % len(labels)]
                csv.write(f"\"{label}\",s{i:010d},10,20,train,0\n" if " " in label else f"{label},s{i:010d},10,20,train,0\n")
        urls.append(f"https://s3.amazonaws.com/kinetics/400/train/{name}")
with open(os.path.join(base, "train", "k400_train_path.txt"), "w", encoding="utf-8") as listing:
    listing.write("".join(url + "\n" for url in urls))
with tarfile.open(os.path.join(base, "replacement_for_corrupted_k400.tgz"), "w:gz") as tar:
    add(tar, "replacement/" + clip_name(0), clips[0])
