#!/usr/bin/env python3
"""Wraps a self-contained kinetics-prep executable in a Python wheel, the way ruff and uv ship theirs: the executable
is the wheel's one script (NAME-VERSION.data/scripts/kinetics-prep), so `pip install` puts it on the venv's PATH, and
`python -m kinetics_prep` runs it too. Standard library only (PEP 427 layout, PEP 376 RECORD).

Usage: make_wheel.py EXECUTABLE VERSION RID OUT_DIR   (RID: linux-x64, linux-arm64 or osx-arm64)
Prints the wheel's path.
"""
import base64
import hashlib
import os
import sys
import zipfile

# The platform tag each .NET runtime identifier's executable runs on. .NET 10's self-contained Linux builds need
# glibc 2.27 or later (manylinux_2_27); its macOS builds need macOS 12 or later.
PLATFORMS = {
    "linux-x64": "manylinux_2_27_x86_64",
    "linux-arm64": "manylinux_2_27_aarch64",
    "osx-arm64": "macosx_12_0_arm64",
}

INIT = '''"""kinetics-prep: from nothing to a training-ready Kinetics dataset. The tool is the kinetics-prep executable."""
import os
import sys
import sysconfig


def executable():
    """The path of the kinetics-prep executable this wheel installed."""
    name = "kinetics-prep.exe" if os.name == "nt" else "kinetics-prep"
    for scheme in (sysconfig.get_default_scheme(), "posix_user" if os.name != "nt" else "nt_user"):
        path = os.path.join(sysconfig.get_path("scripts", scheme), name)
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(name)
'''

MAIN = '''import os
import sys

from kinetics_prep import executable

if __name__ == "__main__":
    path = executable()
    os.execv(path, [path, *sys.argv[1:]])
'''


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def main(executable, version, rid, out_dir):
    tag = f"py3-none-{PLATFORMS[rid]}"
    dist = f"kinetics_prep-{version}"
    wheel = os.path.join(out_dir, f"{dist}-{tag}.whl")
    with open(executable, "rb") as f:
        binary = f.read()
    metadata = (
        "Metadata-Version: 2.1\n"
        "Name: kinetics-prep\n"
        f"Version: {version}\n"
        "Summary: From nothing to a training-ready Kinetics dataset (K400, K600, K700-2020), in one resumable command.\n"
        "License: MIT\n"
        "Requires-Python: >=3.8\n"
        "Description-Content-Type: text/plain\n\n"
        "kinetics-prep downloads the CVDF archives and annotation CSVs, extracts them, resizes every clip with ffmpeg\n"
        "and writes the training lists. This wheel carries the self-contained executable; it needs ffmpeg on PATH.\n"
    )
    files = [
        ("kinetics_prep/__init__.py", INIT.encode(), 0o644),
        ("kinetics_prep/__main__.py", MAIN.encode(), 0o644),
        (f"{dist}.data/scripts/kinetics-prep", binary, 0o755),
        (f"{dist}.dist-info/METADATA", metadata.encode(), 0o644),
        (f"{dist}.dist-info/WHEEL", f"Wheel-Version: 1.0\nGenerator: kinetics-prep make_wheel.py\nRoot-Is-Purelib: false\nTag: {tag}\n".encode(), 0o644),
    ]
    record_name = f"{dist}.dist-info/RECORD"
    record = "\n".join([record_line(name, data) for name, data, _ in files] + [f"{record_name},,"]) + "\n"
    files.append((record_name, record.encode(), 0o644))
    os.makedirs(out_dir, exist_ok=True)
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data, mode in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    print(wheel)


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[3] not in PLATFORMS:
        sys.exit(__doc__)
    main(*sys.argv[1:])
