"""Export one public repository's tree, pruned as the scan corpus is, from a local git snapshot.

The scan corpus (``benchmarks/scan-corpus/README.md``) keeps labels in this
repository and the trees they describe outside it. This script makes a tree
from a git directory that already holds the commit (a clone or a mirror):
every tracked file at that commit, minus the files the corpus prunes (larger
than 256 KiB, binary or media, a NUL byte in the first 8,000 bytes, symlinks,
submodules, files the snapshot lacks), plus a ``MANIFEST.txt`` naming the
source, the commit, the licence and every pruned path. Nothing is built or run.

Usage: python scripts/corpus_export.py OWNER/NAME --git-dir DIR [--commit REV] [--out DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

MAX_BYTES = 262_144
SNAPSHOT_LIMIT = 4 * 1024 * 1024
BINARY = frozenset(
    [
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".tif",
        ".tiff",
        ".ico",
        ".svg",
        ".webp",
        ".pkl",
        ".pickle",
        ".pt",
        ".pth",
        ".h5",
        ".hdf5",
        ".onnx",
        ".bin",
        ".joblib",
        ".npy",
        ".npz",
        ".parquet",
        ".feather",
        ".arrow",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".7z",
        ".tar",
        ".rar",
        ".whl",
        ".pdf",
        ".ttf",
        ".otf",
        ".woff",
        ".woff2",
        ".eot",
        ".mp3",
        ".mp4",
        ".wav",
        ".avi",
        ".mov",
        ".so",
        ".dll",
        ".dylib",
        ".exe",
        ".jar",
        ".class",
        ".pyc",
        ".db",
        ".sqlite",
        ".safetensors",
        ".ckpt",
        ".tflite",
        ".pb",
        ".model",
        ".xlsx",
        ".xls",
        ".docx",
        ".pptx",
    ]
)
RULES = (
    "files > 262144 bytes; binary/media extensions (images incl. .svg, models, arrays, parquet, archives, pdf, "
    "fonts); any file with a NUL byte in its first 8000 bytes; symlinks; submodules; files of 4 MiB or more"
)
LICENCES = (
    ("Apache License", "Apache-2.0"),
    ("MIT License", "MIT"),
    ("Permission is hereby granted, free of charge", "MIT"),
    ("Redistribution and use in source and binary forms", "BSD"),
    ("GNU GENERAL PUBLIC LICENSE", "GPL"),
    ("GNU LESSER GENERAL PUBLIC LICENSE", "LGPL"),
    ("Mozilla Public License", "MPL-2.0"),
    ("MIT No Attribution", "MIT-0"),
    ("Creative Commons", "CC"),
)


def git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True).stdout


def licence(files: dict[str, bytes]) -> tuple[str, str]:
    """The licence file at the top of the tree and what it says, as the corpus's manifests word them."""
    for name in sorted(files):
        if "/" not in name and name.upper().startswith(("LICENSE", "LICENCE", "COPYING")):
            text = files[name][:4000].decode("utf-8", "replace")
            terms = next((spdx for phrase, spdx in LICENCES if phrase.lower() in text.lower()), "see the file")
            return name, f"{terms} ({name})"
    return (
        "none (no licence file at repository root)",
        "none found: no licence file at the top of the repository (all rights reserved by default); "
        "kept only as test data",
    )


def export(repo: str, git_dir: Path, rev: str, out: Path) -> Path:
    commit = git(git_dir, "rev-parse", f"{rev}^{{commit}}").decode().strip()
    date = git(git_dir, "show", "-s", "--format=%cI", commit).decode().strip()
    subject = git(git_dir, "show", "-s", "--format=%s", commit).decode().strip()
    listing = git(git_dir, "ls-tree", "-r", "-l", "-z", "--full-tree", commit).split(b"\0")
    target = out / repo.replace("/", "__")
    if target.exists():
        raise SystemExit(f"{target} exists; remove it first")
    kept: dict[str, bytes] = {}
    pruned: list[tuple[str, int, str]] = []
    total = 0
    for entry in filter(None, listing):
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, sha, size_text = meta.split()
        path = raw_path.decode("utf-8", "surrogateescape")
        size = int(size_text) if size_text.isdigit() else 0
        total += size
        suffix = Path(path).suffix.lower()
        if kind == b"blob" and not size_text.isdigit():  # listed, but the snapshot lacks its content
            pruned.append((path, size, "not in the exported snapshot (4 MiB or more)"))
        elif kind == b"commit":
            pruned.append((path, 0, "submodule"))
        elif mode == b"120000":
            pruned.append((path, size, "symlink"))
        elif suffix in BINARY:
            pruned.append((path, size, f"binary/media extension {suffix}"))
        elif size > MAX_BYTES:
            pruned.append((path, size, "larger than 256 KiB"))
        else:
            try:
                data = git(git_dir, "cat-file", "blob", sha.decode())
            except subprocess.CalledProcessError:
                pruned.append((path, size, "not in the exported snapshot (4 MiB or more)"))
                continue
            if b"\0" in data[:8000]:
                pruned.append((path, size, "NUL byte in the first 8000 bytes"))
            else:
                kept[path] = data
    if "MANIFEST.txt" in kept:
        raise SystemExit(f"{repo} has its own MANIFEST.txt at the top; the corpus cannot hold it")
    for path, data in kept.items():
        dest = target / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    licence_file, terms = licence(kept)
    kept_bytes = sum(len(d) for d in kept.values())
    lines = [
        "MANIFEST (added by the scan corpus; NOT a file of the upstream repository)",
        f"source_repo: https://github.com/{repo}",
        f"commit: {commit}",
        f"commit_date: {date}",
        f"commit_subject: {subject}",
        f"license_file: {licence_file}",
        f"licence_terms: {terms}",
        f"tracked_files: {len(kept) + len(pruned)} ({total} bytes)",
        f"kept_files: {len(kept)} ({kept_bytes} bytes)",
        f"pruned_files: {len(pruned)} ({sum(s for _, s, _ in pruned)} bytes)",
        f"prune_rules: {RULES}",
        "",
        "pruned:",
        *(f"  - {path}\t{size}\t{why}" for path, size, why in sorted(pruned)),
    ]
    target.mkdir(parents=True, exist_ok=True)
    (target / "MANIFEST.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("repo", help="OWNER/NAME as GitHub spells it")
    parser.add_argument("--git-dir", type=Path, required=True, help="a git directory that holds the commit")
    parser.add_argument("--commit", default="HEAD", help="the commit to export (default: HEAD)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/scan-corpus/repos"))
    args = parser.parse_args()
    target = export(args.repo, args.git_dir, args.commit, args.out)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
