"""Start-up benchmark: ``score`` against the least a pydantic CLI can cost, and every command's wall time.

Prints, from one run on this machine:

- ``score --format json`` against the smallest program that validates one pydantic model and imports
  PyYAML (the floor: answers must be validated by pydantic models, so no ``score`` can cost less);
  goal at most 1.5x;
- ``score`` parsed by typer instead of the plain-call parser (``cli/fast_path.py``), to show what that
  second parser buys;
- ``--version`` against ``python -c pass`` (goal at most 3x);
- the wall time of every command on the shipped examples (goal: each under 0.5 s on a quiet machine).

The CLI runs as the ``mlops-maturity`` console script beside this Python when there is one, else as
``python -m mlops_maturity``. Each command runs REPEAT times: wall time is the median, CPU time
(user + system of the child) the minimum, which is steadier on a busy machine. Run it from a
non-editable install (``pip install .``): an editable one may recompile on every run.

Usage: python benchmarks/startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ONE_MODEL = (
    "import yaml\n"
    "from pydantic import BaseModel, Field\n"
    "class One(BaseModel):\n"
    "    x: str = Field(min_length=1)\n"
    "One(x='y')\n"
)
SCORE_GOAL = 1.5
COMMAND_GOAL = 0.5  # seconds, wall


def timed(command: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float]:
    """Median wall time and minimum CPU time (user + system, the command and its workers) of ``command``, in s."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), min(cpus)


def commands(out: Path) -> dict[str, list[str]]:
    """Every command, on the shipped examples (written files go to ``out``)."""
    team = str(EXAMPLES / "stage3-platform-serving.yaml")
    older = str(EXAMPLES / "stage2-first-deployment.yaml")
    return {
        "score": ["score", team, "--format", "json"],
        "score (typer)": ["score", "--format", "json", "--", team],
        "report": ["report", team],
        "report -o x.html": ["report", team, "-o", str(out / "report.html")],
        "survey --help": ["survey", "--help"],
        "questions": ["questions"],
        "init": ["init", "-o", str(out / "answers.yaml"), "--force"],
        "validate": ["validate", team],
        "schema": ["schema", "result"],
        "compare": ["compare", older, team],
        "portfolio": ["portfolio", *map(str, sorted(EXAMPLES.glob("stage*.yaml")))],
        "badge": ["badge", team],
        "consensus": ["consensus", str(EXAMPLES / "consensus" / "respondents")],
        "scan": ["scan", str(ROOT / "tests" / "data" / "scan" / "basic")],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    py = sys.executable
    script = Path(py).with_name("mlops-maturity")
    cli = [str(script)] if script.is_file() else [py, "-m", "mlops_maturity"]
    with tempfile.TemporaryDirectory() as tmp:
        calls = commands(Path(tmp))
        for call in calls.values():  # warm the file cache and Jinja's bytecode cache
            timed([*cli, *call], 1)
        base = {
            "python -c pass": timed([py, "-c", "pass"], args.repeat),
            "one pydantic model": timed([py, "-c", ONE_MODEL], args.repeat),
            "--version": timed([*cli, "--version"], args.repeat),
        }
        measured = {name: timed([*cli, *call], args.repeat) for name, call in calls.items()}
    print(f"{'':22s} {'wall':>9s} {'cpu':>9s}")
    for name, (wall, cpu) in {**base, **measured}.items():
        mark = "" if name in base or wall < COMMAND_GOAL else f"  over {COMMAND_GOAL:g} s"
        print(f"{name:22s} {wall * 1000:6.1f} ms {cpu * 1000:6.1f} ms{mark}")

    def ratio(a: tuple[float, float], b: tuple[float, float]) -> str:
        return f"{a[0] / b[0]:.2f}x wall, {a[1] / b[1]:.2f}x cpu"

    floor = base["one pydantic model"]
    print(f"score / one pydantic model:         {ratio(measured['score'], floor)}  (goal <= {SCORE_GOAL}x)")
    print(f"score (typer) / one pydantic model: {ratio(measured['score (typer)'], floor)}  (without the fast path)")
    print(f"--version / python -c pass:         {ratio(base['--version'], base['python -c pass'])}  (goal <= 3x)")
    slow = [name for name, (wall, _) in measured.items() if wall >= COMMAND_GOAL]
    print(f"commands at or over {COMMAND_GOAL:g} s: {', '.join(slow) if slow else 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
