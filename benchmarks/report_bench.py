"""Report benchmark: ``report`` against ``score`` on the same answers file, as a user runs them.

Prints, from one run on this machine:
  report (Markdown to stdout)   / score --format json   (goal: under 1.5x; issue 13)
  report -o OUT.md (with chart) / score --format json
  report -o OUT.html            / score --format json

Each command runs REPEAT times as a separate process; wall time is the median,
CPU time (user+system of the child) the minimum, which is steadier on a busy machine.
Usage: python benchmarks/report_bench.py [--repeat N] [ANSWERS_FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from startup import timed

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("answers", nargs="?", default=str(ROOT / "examples" / "stage3-platform-serving.yaml"))
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    script = Path(sys.executable).with_name("mlops-maturity")
    cli = [str(script)] if script.is_file() else [sys.executable, "-m", "mlops_maturity"]
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "score --format json": [*cli, "score", args.answers, "--format", "json"],
            "report (stdout)": [*cli, "report", args.answers],
            "report -o OUT.md": [*cli, "report", args.answers, "-o", str(Path(tmp) / "r.md")],
            "report -o OUT.html": [*cli, "report", args.answers, "-o", str(Path(tmp) / "r.html")],
        }
        for command in commands.values():
            timed(command, 2)  # warm the file cache
        results = {name: timed(command, args.repeat) for name, command in commands.items()}
    print(f"{'':22s} {'wall':>9s} {'cpu':>9s}")
    for name, (wall, cpu) in results.items():
        print(f"{name:22s} {wall * 1000:6.1f} ms {cpu * 1000:6.1f} ms")
    base_wall, base_cpu = results["score --format json"]
    for name in ("report (stdout)", "report -o OUT.md", "report -o OUT.html"):
        wall, cpu = results[name]
        goal = "  (goal < 1.5x)" if name == "report (stdout)" else ""
        print(f"ratio {name:18s} / score: {wall / base_wall:.2f}x wall, {cpu / base_cpu:.2f}x cpu{goal}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
