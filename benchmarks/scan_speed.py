"""How fast ``scan`` is on a large checkout, against the floor of reading every tracked file once.

Generates a git checkout of 50,000 files (Python, notebooks, YAML, JSON, Markdown,
TypeScript, shell, data, each a few kilobytes of plausible text, with some MLOps
evidence sown in), then times, in the same run:

  scan      ``mlops-maturity scan TREE --format json``, the whole command as a user runs it
            (with ``--compare SRC``, also the same command from another source tree, such
            as the main branch's ``src``: today's scan beside this one)
  read      the floor: ``git ls-files -z | xargs -0 cat > /dev/null``, every tracked file
            read once, in as few processes as the system allows
  grep-20   the floor issue 21 measured: ``git grep -c -E`` of twenty tool names
  git grep  ``git grep -E -I -n -f PATTERNS`` over the same tree, PATTERNS being every
            pattern of the shipped probes (``patterns``, ``requires``, ``forbids``) that
            POSIX extended syntax can express ((?:...) written as (...), \\d as [0-9])

and prints the times and the ratios of scan to each (goal: at most 2 against the read floor),
in wall time and in CPU time. Wall time is the median of ``--repeat`` runs, CPU time (user
and system, workers included) the minimum: on a shared machine the CPU time is the steadier
measure, and the one to compare.

Then, in this process (no start-up, no workers, CPU time of this process): reading every
listed file once with the scan's own reader, against reading and probing them
(``scan_paths``): the cost of the probing itself. And last the whole command on a smaller
generated checkout (``--small``, 1,200 files: the size of a library repository; goal under 2 s).

Usage: python benchmarks/scan_speed.py [--files N] [--small N] [--repeat N] [--keep DIR] [--compare SRC] [--no-grep]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup import timed

from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.io.reading import scan_paths
from mlops_maturity.scan.io.walk import list_files, read_file
from mlops_maturity.scan.matching.matcher import Matcher

WORDS = [
    "data",
    "frame",
    "model",
    "train",
    "test",
    "value",
    "config",
    "path",
    "load",
    "save",
    "result",
    "metric",
    "score",
    "param",
    "batch",
    "epoch",
    "loss",
    "feature",
    "label",
    "split",
    "sample",
    "record",
    "user",
    "order",
    "item",
    "price",
    "count",
    "total",
    "index",
    "key",
    "name",
    "status",
    "time",
    "date",
    "request",
    "response",
    "client",
    "server",
    "handler",
    "service",
    "cache",
    "queue",
    "event",
    "table",
    "column",
    "row",
    "query",
    "schema",
]
IMPORTS = ("numpy as np", "pandas as pd", "os", "sys", "json", "logging", "typing", "pathlib", "requests", "torch")


def _identifier(rng: random.Random) -> str:
    return "_".join(rng.sample(WORDS, rng.randint(1, 3)))


def _python(rng: random.Random) -> str:
    lines = [f'"""{" ".join(rng.sample(WORDS, 6)).capitalize()}."""', ""]
    lines += [f"import {module}" for module in rng.sample(IMPORTS, 3)]
    for _ in range(rng.randint(2, 6)):
        name = _identifier(rng)
        lines += ["", "", f"def {name}({_identifier(rng)}, {_identifier(rng)}=None):"]
        lines.append(f'    """Return the {" ".join(rng.sample(WORDS, 4))}."""')
        for _ in range(rng.randint(3, 12)):
            lines.append(f"    {_identifier(rng)} = {_identifier(rng)}.{_identifier(rng)}({rng.randint(0, 99)})")
        lines.append(f"    return {_identifier(rng)}")
    lines.append(f"\n\nclass {''.join(w.title() for w in rng.sample(WORDS, 2))}:\n    pass\n")
    return "\n".join(lines)


def _yaml(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(5, 40)):
        out.append(f"{_identifier(rng)}:\n  {_identifier(rng)}: {rng.randint(0, 1000)}\n  name: {rng.choice(WORDS)}")
    return "\n".join(out) + "\n"


def _prose(rng: random.Random) -> str:
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) for _ in range(rng.randint(8, 60)))


def _json(rng: random.Random) -> str:
    pairs = ", ".join(f'"{_identifier(rng)}": {rng.randint(0, 9999)}' for _ in range(rng.randint(5, 80)))
    return "{" + pairs + "}\n"


def _typescript(rng: random.Random) -> str:
    body = "\n".join(f"  const {_identifier(rng)} = await {_identifier(rng)}({rng.randint(0, 9)});" for _ in range(30))
    return f"export async function {_identifier(rng)}() {{\n{body}\n}}\n"


KINDS = (
    ("py", _python, 40),
    ("md", _prose, 10),
    ("json", _json, 10),
    ("yaml", _yaml, 8),
    ("txt", _prose, 6),
    ("ts", _typescript, 10),
    ("sh", _prose, 4),
    ("csv", _json, 6),
    ("ipynb", _json, 2),
    ("yml", _yaml, 4),
)
EVIDENCE = {
    "Dockerfile": "FROM python:3.11-slim\nCOPY . /app\n",
    "dvc.lock": "schema: '2.0'\nstages:\n  train:\n    deps:\n    - path: data.csv\n      md5: 0123456789abcdef\n",
    "dvc.yaml": "stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - metrics.json\n",
    ".github/workflows/ci.yml": "on:\n  push:\njobs:\n  t:\n    steps:\n      - run: pytest -q\n",
    "src/train.py": "import mlflow\n\nwith mlflow.start_run():\n    mlflow.log_metric('rmse', 0.1)\n",
}


READ_ALL = "git ls-files -z | xargs -0 cat > /dev/null"
TOOL_NAMES = (
    "mlflow",
    "dvc",
    "wandb",
    "feast",
    "evidently",
    "great_expectations",
    "pandera",
    "kubeflow",
    "kfp",
    "tfx",
    "airflow",
    "prefect",
    "dagster",
    "zenml",
    "metaflow",
    "sagemaker",
    "aiplatform",
    "optuna",
    "bentoml",
    "kserve",
)
TOOLS = [f"-e{name}" for name in TOOL_NAMES]


def generate(root: Path, files: int) -> None:
    rng = random.Random(15)
    weights = [weight for _, _, weight in KINDS]
    for i in range(files - len(EVIDENCE)):
        ext, make, _ = rng.choices(KINDS, weights)[0]
        folder = root / f"pkg{i % 40}" / f"mod{i % 997}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{_identifier(rng)}_{i}.{ext}").write_text(make(rng), encoding="utf-8")
    for path, text in EVIDENCE.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=bench", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "generated"], cwd=root, check=True)


def ere_patterns() -> tuple[list[str], int]:
    """The shipped probes' patterns in POSIX extended syntax, and how many could not be written so."""
    probes = load_probes(None, load_questionnaire())
    out, skipped = [], 0
    for probe in probes.probes:
        for pattern in (*probe.patterns, *probe.requires, *probe.forbids):
            if any(token in pattern for token in ("(?=", "(?!", "(?<", "(?i")):
                skipped += 1
                continue
            out.append(pattern.replace("(?:", "(").replace(r"\d", "[0-9]"))
    return sorted(set(out)), skipped


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def in_process(tree: Path, repeat: int) -> tuple[int, float, float]:
    """(files listed, CPU of reading each once, CPU of reading and probing them), the least of ``repeat`` runs."""
    probes = load_probes(None, load_questionnaire())
    paths = list_files(tree).paths
    read, probed = [], []
    for _ in range(repeat):
        start = _cpu()
        for path in paths:
            read_file(tree, path)
        read.append(_cpu() - start)
        start = _cpu()
        scan_paths(tree, Matcher(probes), paths)
        probed.append(_cpu() - start)
    return len(paths), min(read), min(probed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=1_200, help="files of the small checkout (0: leave it out)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the tree here (or reuse it) and keep it")
    parser.add_argument("--compare", type=Path, help="a src folder of another version of scan, timed beside this one")
    parser.add_argument("--no-grep", action="store_true", help="leave out git grep with every pattern (minutes)")
    args = parser.parse_args()
    if shutil.which("git") is None:
        print("needs git", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="scan-speed-")) if args.keep is None else args.keep
    tree = workdir / "tree"
    try:
        if not (tree / ".git").exists():
            tree.mkdir(parents=True)
            start = time.perf_counter()
            generate(tree, args.files)
            print(f"generated {args.files} files in {time.perf_counter() - start:.1f} s")
        size = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file() and ".git" not in p.parts)
        patterns, skipped = ere_patterns()
        pattern_file = workdir / "patterns.txt"
        pattern_file.write_text("\n".join(patterns) + "\n", encoding="utf-8")
        script = Path(sys.executable).with_name("mlops-maturity")
        cli = [str(script)] if script.exists() else [sys.executable, "-m", "mlops_maturity"]
        timed(["sh", "-c", READ_ALL], 1, tree)  # the first read comes from disk: warm the page cache once
        rows = {"scan (whole command)": timed([*cli, "scan", ".", "--format", "json"], args.repeat, tree)}
        if args.compare is not None:
            env_cli = ["env", f"PYTHONPATH={args.compare.resolve()}", sys.executable, "-m", "mlops_maturity"]
            rows[f"scan from {args.compare}"] = timed([*env_cli, "scan", ".", "--format", "json"], args.repeat, tree)
        floor = timed(["sh", "-c", READ_ALL], args.repeat, tree)
        rows["read floor"] = floor
        rows["grep-20 (issue 21)"] = timed(["git", "grep", "-c", "-E", *TOOLS], args.repeat, tree)
        if not args.no_grep:
            rows["git grep -E (all)"] = timed(
                ["git", "grep", "-E", "-I", "-n", "-f", str(pattern_file)], args.repeat, tree
            )
        print(
            f"tree: {args.files} files, {size / 1e6:.0f} MB; {len(patterns)} patterns for git grep ({skipped} not ERE)"
        )
        print(
            f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (scan and git grep use every core)"
        )
        print(f"{'':26} {'wall':>7} {'cpu':>7}   {'wall / read floor':>17} {'cpu / read floor':>16}")
        for name, (wall, cpu) in rows.items():
            print(f"{name:26} {wall:6.2f}s {cpu:6.2f}s   {wall / floor[0]:17.2f} {cpu / floor[1]:16.2f}")
        print("goal: scan at most 2x the read floor")
        listed, read_cpu, probe_cpu = in_process(tree, args.repeat)
        print(
            f"in this process, {listed} files listed: reading each once {read_cpu:.2f}s of CPU, "
            f"reading and probing them {probe_cpu:.2f}s ({probe_cpu / read_cpu:.1f}x)"
        )
        if args.small:
            small = workdir / f"small-{args.small}"
            if not (small / ".git").exists():
                small.mkdir(parents=True)
                generate(small, args.small)
            wall, cpu = timed([*cli, "scan", ".", "--format", "json"], args.repeat, small)
            print(f"a {args.small}-file checkout: scan {wall:.2f}s wall, {cpu:.2f}s cpu (goal: under 2 s)")
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
