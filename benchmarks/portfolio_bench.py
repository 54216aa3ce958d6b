"""How much does ``portfolio`` over N answers files cost, next to one ``score`` run?

Generates N synthetic answers files (teams x quarters, answers drawn around each
team's maturity, which rises over the quarters), then times, in the same run:

- ``mlops-maturity score ONE_FILE --format json`` (the reference: start-up plus one file),
- ``mlops-maturity portfolio DIR --format json`` over all N files, and over N/10,

each as a fresh process, best of ``--repeat``. It prints the ratio of the two,
the cost per file beyond start-up, and the peak memory of each run, so that a
memory that grows with N shows up as a difference between N/10 and N.

    python benchmarks/portfolio_bench.py --files 2000
    python benchmarks/portfolio_bench.py --files 2000 --jobs 1      # one process
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire

GOAL_RATIO = 5.0


def answers_text(q: Questionnaire, team: str, quarter: int, maturity: float, rng: random.Random) -> str:
    """One plausible answers file: short and long forms, evidence, unknowns, the odd not-applicable."""
    year, month = 2024 + quarter // 4, 3 * (quarter % 4) + 3
    lines = [
        f"# synthetic assessment {quarter} of {team}",
        f"questionnaire: {q.id}",
        f"team: {team}",
        f"assessed_on: {year}-{month:02d}-28",
        "answers:",
    ]
    for question in q.questions:
        if question.scope:  # synthetic teams train models, as every team did before the scope questions
            continue
        roll = rng.random()
        if roll < 0.04:
            lines.append(f"  {question.id}: unknown")
            continue
        if roll < 0.06 and question.allow_not_applicable:
            lines += [f"  {question.id}:", "    answer: not_applicable", '    reason: "does not apply to this team"']
            continue
        top = len(question.options) - 1
        rank = min(top, max(0, round(maturity * top + rng.gauss(0, 0.8))))
        option = question.options[rank].id
        if roll > 0.85:
            evidence = f'    evidence: "wiki page {rng.randrange(10_000)}"'
            lines += [f"  {question.id}:", f"    answer: {option}", evidence]
        else:
            lines.append(f"  {question.id}: {option}")
    return "\n".join(lines) + "\n"


def generate(q: Questionnaire, folder: Path, files: int, teams: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    quarters = -(-files // teams)
    written: list[Path] = []
    for t in range(teams):
        start = rng.random() * 0.6
        for quarter in range(quarters):
            if len(written) == files:
                return written
            maturity = min(1.0, start + quarter * rng.uniform(0.0, 0.08))
            path = folder / f"team-{t:04d}" / f"{2024 + quarter // 4}-q{quarter % 4 + 1}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(answers_text(q, f"Team {t:04d}", quarter, maturity, rng), encoding="utf-8")
            written.append(path)
    return written


def run_once(argv: list[str]) -> tuple[float, float]:
    """Wall time in seconds and peak RSS in MiB of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"}
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit code {code}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def timed(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Best time and largest peak memory per command; runs are interleaved so that a burst of
    load from elsewhere on the machine hits every command alike rather than one of them."""
    best = {name: (float("inf"), 0.0) for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            elapsed, peak = run_once(argv)
            best[name] = (min(best[name][0], elapsed), max(best[name][1], peak))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000, help="answers files to generate (default 2000)")
    parser.add_argument("--teams", type=int, default=0, help="distinct teams (default: files / 4, four quarters each)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command; the best counts (default 5)")
    parser.add_argument("--jobs", type=int, default=0, help="pass --jobs to portfolio (default: its own choice)")
    parser.add_argument("--format", default="json", choices=("json", "text", "markdown"))
    parser.add_argument("--questionnaire", type=Path, default=None, help="questionnaire folder (default: shipped)")
    args = parser.parse_args()
    q = load_questionnaire(args.questionnaire)
    teams = args.teams or max(1, args.files // 4)
    base = [sys.executable, "-m", "mlops_maturity"]
    qflag = ["--questionnaire", str(args.questionnaire)] if args.questionnaire else []
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    with tempfile.TemporaryDirectory(prefix="mm-bench-") as tmp:
        big, small = Path(tmp) / "all", Path(tmp) / "tenth"
        paths = generate(q, big, args.files, teams)
        generate(q, small, max(1, args.files // 10), max(1, teams // 10))
        results = timed(
            {
                "score": [*base, "score", str(paths[-1]), "--format", "json", *qflag],
                "tenth": [*base, "portfolio", str(small), "--format", args.format, *jobs, *qflag],
                "full": [*base, "portfolio", str(big), "--format", args.format, *jobs, *qflag],
            },
            args.repeat,
        )
    (single, single_mem), (tenth, tenth_mem), (full, full_mem) = results["score"], results["tenth"], results["full"]
    ratio = full / single
    per_file = (full - single) / args.files * 1000
    print(f"questionnaire {q.id} {q.version}: {len(q.questions)} questions; {os.cpu_count()} cores")
    print(f"score, 1 file:               {single * 1000:8.1f} ms   peak {single_mem:6.1f} MiB")
    print(f"portfolio, {args.files // 10:>5} files:      {tenth * 1000:8.1f} ms   peak {tenth_mem:6.1f} MiB")
    print(f"portfolio, {args.files:>5} files:      {full * 1000:8.1f} ms   peak {full_mem:6.1f} MiB")
    print(f"ratio portfolio / score:     {ratio:8.2f}   (goal: at most {GOAL_RATIO:g})")
    print(f"per file beyond start-up:    {per_file:8.3f} ms")
    print(f"memory, {args.files} vs {args.files // 10} files: {full_mem - tenth_mem:+.1f} MiB")
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
