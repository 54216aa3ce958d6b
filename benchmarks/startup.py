"""Start-up benchmark: the CLI against the cost of Python and of its own dependencies.

Prints, from one run on this machine:
  --version            / python -c pass                 (goal: at most 3x)
  score --format json  / import of every dependency     (goal: at most 0.8x; issue 2 asks 1.0x)
  score --format json  / one pydantic model and yaml    (goal: at most 1.10x; issue 11)

and, to show what is within reach, the same ratio for the smallest program that
validates one pydantic model: ``score`` cannot cost less than that without
leaving pydantic out of the scoring, and on CPython 3.11 with pydantic 2.14
that program alone costs about as much as the whole dependency floor.

The CLI runs as the ``mlops-maturity`` console script beside this Python when
there is one, else as ``python -m mlops_maturity``. Each command runs REPEAT
times. Wall time is the median; CPU time (user+system of the child) is the
minimum, which is steadier on a busy machine.
Usage: python benchmarks/startup.py [--repeat N] [ANSWERS_FILE]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = "import typer, pydantic, yaml, rich.console, jinja2"
PYDANTIC_MINIMUM = (
    "import yaml\n"
    "from pydantic import BaseModel, Field\n"
    "class One(BaseModel):\n"
    "    x: str = Field(min_length=1)\n"
    "One(x='y')\n"
)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("answers", nargs="?", default=str(ROOT / "examples" / "stage5-full-automation.yaml"))
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    script = Path(py).with_name("mlops-maturity")
    # what users run: the console script pip writes (python -m adds runpy, about 15 ms)
    cli = [str(script)] if script.is_file() else [py, "-m", "mlops_maturity"]
    timed([*cli, "--version"], 2)  # warm the file cache
    timed([*cli, "score", args.answers, "--format", "json"], 2)
    results = {
        "python -c pass": timed([py, "-c", "pass"], args.repeat),
        "--version": timed([*cli, "--version"], args.repeat),
        "import floor": timed([py, "-c", FLOOR], args.repeat),
        "score --format json": timed([*cli, "score", args.answers, "--format", "json"], args.repeat),
        "one pydantic model": timed([py, "-c", PYDANTIC_MINIMUM], args.repeat),
    }
    print(f"{'':22s} {'wall':>9s} {'cpu':>9s}")
    for name, (wall, cpu) in results.items():
        print(f"{name:22s} {wall * 1000:6.1f} ms {cpu * 1000:6.1f} ms")

    def ratio(a: str, b: str) -> str:
        return f"{results[a][0] / results[b][0]:.2f}x wall, {results[a][1] / results[b][1]:.2f}x cpu"

    print(f"ratio --version / python:            {ratio('--version', 'python -c pass')}  (goal <= 3.0x)")
    print(f"ratio score json / dependency floor:  {ratio('score --format json', 'import floor')}  (goal <= 0.8x)")
    print(f"ratio one pydantic model / floor:     {ratio('one pydantic model', 'import floor')}  (the lower bound)")
    against_one_model = ratio("score --format json", "one pydantic model")
    print(f"ratio score json / one pydantic model: {against_one_model}  (goal <= 1.10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
