#!/usr/bin/python3
"""How fast a data loader gets training samples out of each output of kinetics-prep, measured side by side.

Usage: loader.py SAMPLES SEED NAME=SOURCE ...
  SOURCE is a folder of .mp4 clips (videos), a folder of WebDataset shards (*.tar), or a rawframe list (*_rawframes.txt).

Two sampling patterns, each with the same seeded random choices for every source:
  dense:  16 consecutive frames from a random start (VideoMAE, SlowFast, TimeSformer);
  sparse: TSN's 8 segments, one random frame in each.
Two readers, one thread each, as a DataLoader worker runs them:
  pyav:        PyAV (python3-av): seek to the keyframe before each wanted frame, decode forward to it. Rawframes: each
               JPEG opened and decoded with PyAV.
  torchvision: torchvision.io.read_video (python3-torchvision, its PyAV backend) over each wanted time range. Rawframes:
               torchvision.io.decode_jpeg. WebDataset shards hold clips as bytes, which read_video cannot take: n/a.
Prints a markdown table: samples/s, frames decoded per sample (pyav, videos), and bytes per clip.
"""
import io
import os
import random
import sys
import tarfile
import time

import av
import torch
import torchvision
from torchvision.io import decode_jpeg, read_file, read_video

torchvision.set_video_backend("pyav")
torch.set_num_threads(1)

DENSE = 16
SEGMENTS = 8


def frame_times(source):
    """Each frame's pts (stream time base) and time in seconds in display order, and the keyframes' frame numbers, as
    a reader gets them from the container's index at open; not timed."""
    with av.open(source) as container:
        stream = container.streams.video[0]
        packets = sorted((p.pts, p.is_keyframe) for p in container.demux(stream) if p.pts is not None)
        pts = [p for p, _ in packets]
        return pts, [float(p * stream.time_base) for p in pts], [i for i, (_, key) in enumerate(packets) if key]


def runs(indices):
    """Runs of consecutive frame numbers."""
    grouped = []
    for i in indices:
        if grouped and i == grouped[-1][-1] + 1:
            grouped[-1].append(i)
        else:
            grouped.append([i])
    return grouped


def wanted(frames, pattern, rng):
    """The frame numbers a sample needs."""
    if pattern == "dense":
        start = rng.randrange(0, max(1, frames - DENSE + 1))
        return list(range(start, min(frames, start + DENSE)))
    bounds = [frames * i // SEGMENTS for i in range(SEGMENTS + 1)]
    return [rng.randrange(bounds[i], max(bounds[i] + 1, bounds[i + 1])) for i in range(SEGMENTS)]


def pyav_sample(source, times, indices):
    """Frames decoded to get these, as decord does it: seek to the keyframe before a wanted frame unless decoding on
    from where the decoder is gets there without passing that keyframe."""
    pts, _, keyframes = times
    number = {p: i for i, p in enumerate(pts)}
    decoded = 0
    with av.open(source) as container:
        stream = container.streams.video[0]
        stream.thread_count = 1
        frames, position = None, None
        for run in runs(indices):
            key = max(k for k in keyframes if k <= run[0]) if keyframes[0] <= run[0] else 0
            if frames is None or not key <= position <= run[0]:
                container.seek(pts[run[0]], stream=stream, backward=True, any_frame=False)
                frames = container.decode(stream)
            got = 0
            for frame in frames:
                decoded += 1
                position = number.get(frame.pts, -1) + 1
                if frame.pts is None or frame.pts < pts[run[0]]:
                    continue
                frame.to_ndarray(format="rgb24")
                got += 1
                if got == len(run):
                    break
    return decoded


def torchvision_sample(path, seconds, indices):
    """read_video over each run's time range: it seeks on every call."""
    for run in runs(indices):
        read_video(path, start_pts=seconds[run[0]], end_pts=seconds[run[-1]], pts_unit="sec", output_format="TCHW")


class Videos:
    def __init__(self, folder):
        self.paths = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".mp4"))
        self.times = {p: frame_times(p) for p in self.paths}
        self.bytes = sum(os.path.getsize(p) for p in self.paths) / len(self.paths)
        self.readers = ["pyav", "torchvision"]

    def samples(self, reader, pattern, rng):
        while True:
            for path in self.paths:
                times = self.times[path]
                indices = wanted(len(times[0]), pattern, rng)
                yield pyav_sample(path, times, indices) if reader == "pyav" else torchvision_sample(path, times[1], indices)


class Shards:
    """WebDataset shards read in order, as a tar stream, each clip decoded from its bytes."""

    def __init__(self, folder):
        self.paths = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".tar"))
        clips = sum(1 for p in self.paths for m in tarfile.open(p) if m.name.endswith(".mp4"))
        self.bytes = sum(os.path.getsize(p) for p in self.paths) / clips
        self.readers = ["pyav"]

    def samples(self, reader, pattern, rng):
        while True:
            for path in self.paths:
                with tarfile.open(path, mode="r|") as tar:
                    for member in tar:
                        if not member.name.endswith(".mp4"):
                            continue
                        data = tar.extractfile(member).read()
                        times = frame_times(io.BytesIO(data))
                        yield pyav_sample(io.BytesIO(data), times, wanted(len(times[0]), pattern, rng))


class Rawframes:
    def __init__(self, listfile):
        self.clips = [(line.split()[0], int(line.split()[1])) for line in open(listfile) if line.strip()]
        self.bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _ in self.clips for f in os.listdir(d)) / len(self.clips)
        self.readers = ["pyav", "torchvision"]

    def samples(self, reader, pattern, rng):
        while True:
            for folder, frames in self.clips:
                for i in wanted(frames, pattern, rng):
                    path = os.path.join(folder, "img_{:05}.jpg".format(i + 1))
                    if reader == "pyav":
                        with av.open(path) as image:
                            next(image.decode(video=0)).to_ndarray(format="rgb24")
                    else:
                        decode_jpeg(read_file(path))
                yield None


def source(spec):
    if spec.endswith(".txt"):
        return Rawframes(spec)
    if any(f.endswith(".tar") for f in os.listdir(spec)):
        return Shards(spec)
    return Videos(spec)


def measure(src, reader, pattern, count, seed):
    """Samples per second over `count` samples after one untimed, and the mean frames decoded per sample."""
    samples = src.samples(reader, pattern, random.Random(seed))
    next(samples)
    decoded = []
    start = time.perf_counter()
    for _ in range(count):
        decoded.append(next(samples))
    rate = count / (time.perf_counter() - start)
    return rate, (sum(decoded) / len(decoded) if decoded[0] is not None else None)


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    sources = [(arg.split("=", 1)[0], source(arg.split("=", 1)[1])) for arg in sys.argv[3:]]
    print("| output | bytes per clip | dense, PyAV | dense, torchvision | sparse (TSN 8), PyAV | sparse, torchvision |")
    print("|---|---|---|---|---|---|")
    for name, src in sources:
        cells = []
        for pattern in ("dense", "sparse"):
            for reader in ("pyav", "torchvision"):
                if reader not in src.readers:
                    cells.append("n/a")
                    continue
                rate, decoded = measure(src, reader, pattern, count, seed)
                cells.append(f"{rate:.1f}/s" + (f" ({decoded:.0f} frames decoded)" if decoded is not None else ""))
        print(f"| {name} | {src.bytes / 2**20:.2f} MiB | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
