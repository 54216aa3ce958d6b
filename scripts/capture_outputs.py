"""Run every command over the shipped examples and write what each prints, for before/after comparisons.

usage: python scripts/capture_outputs.py OUT_DIR

Each command's stdout, stderr and exit code go to OUT_DIR/<name>.txt, so that
`diff -r BEFORE AFTER` shows every change in behaviour a refactoring makes.
Written files (reports, charts, heat maps) are captured too.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("stage*.yaml"))
CUSTOM = ROOT / "docs" / "custom-questionnaire"
RESPONDENTS = ROOT / "examples" / "consensus" / "respondents"
REPOSITORY = ROOT / "tests" / "data" / "scan" / "basic"


def calls() -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = [
        ("version", ["--version"]),
        ("help", ["--help"]),
        ("questions-text", ["questions"]),
        ("questions-json", ["questions", "--format", "json"]),
        ("questions-yaml", ["questions", "--format", "yaml"]),
        ("schema-answers", ["schema", "answers"]),
        ("schema-questionnaire", ["schema", "questionnaire"]),
        ("schema-result", ["schema", "result"]),
        ("validate-default", ["validate"]),
        ("validate-examples", ["validate", *map(str, EXAMPLES)]),
        ("init-stdout", ["init", "-o", "-"]),
        ("portfolio-text", ["portfolio", str(ROOT / "examples")]),
        ("portfolio-json", ["portfolio", str(ROOT / "examples"), "--format", "json"]),
        ("portfolio-md", ["portfolio", str(ROOT / "examples"), "--format", "markdown"]),
        ("custom-score", ["score", str(CUSTOM / "answers.yaml"), "--questionnaire", str(CUSTOM / "questionnaire")]),
    ]
    commands = ("score", "report", "survey", "questions", "init", "validate", "schema", "compare", "portfolio")
    for cmd in (*commands, "scan", "consensus", "badge"):
        out.append((f"help-{cmd}", [cmd, "--help"]))
    for fmt in ("text", "json", "markdown", "github", "sarif"):
        out.append((f"scan-basic-{fmt}", ["scan", str(REPOSITORY), "--format", fmt]))
        out.append(
            (f"scan-basic-answers-{fmt}", ["scan", str(REPOSITORY), "--format", fmt, "--answers", str(EXAMPLES[1])])
        )
    for fmt in ("text", "json", "markdown"):
        out.append((f"consensus-{fmt}", ["consensus", str(RESPONDENTS), "--format", fmt]))
    out.append(("consensus-anonymous", ["consensus", str(RESPONDENTS), "--anonymous"]))
    for path in EXAMPLES:
        name = path.stem
        for fmt in ("text", "json", "markdown", "github", "junit"):
            out.append((f"score-{name}-{fmt}", ["score", str(path), "--format", fmt]))
        out.append(
            (
                f"score-{name}-gates",
                [
                    "score",
                    str(path),
                    "--min-stage",
                    "3",
                    "--min-level",
                    "low",
                    "--min-dimension",
                    "monitoring=50",
                    "--format",
                    "junit",
                ],
            )
        )
        out.append((f"report-{name}", ["report", str(path)]))
        out.append((f"report-{name}-html", ["report", str(path), "--format", "html"]))
        out.append((f"badge-{name}", ["badge", str(path)]))
        for fmt in ("text", "json", "markdown", "github"):
            out.append((f"score-{name}-scan-{fmt}", ["score", str(path), "--scan", str(REPOSITORY), "--format", fmt]))
        out.append((f"report-{name}-scan", ["report", str(path), "--scan", str(REPOSITORY)]))
    for a, b in itertools.pairwise(EXAMPLES):
        for fmt in ("text", "json", "markdown"):
            out.append((f"compare-{a.stem}-{b.stem}-{fmt}", ["compare", str(a), str(b), "--format", fmt]))
    return out


def main() -> int:
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    exe = shutil.which("mlops-maturity") or "mlops-maturity"
    for name, args in calls():
        proc = subprocess.run([exe, *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
        command = " ".join(args)
        text = f"$ mlops-maturity {command}\nexit {proc.returncode}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"
        (target / f"{name}.txt").write_text(text.replace(str(ROOT), "<root>"), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for path in EXAMPLES[2:3]:
            subprocess.run([exe, "report", str(path), "-o", f"{tmp}/r.md"], env=env, capture_output=True)
        subprocess.run([exe, "portfolio", str(ROOT / "examples"), "-o", f"{tmp}/p.md"], env=env, capture_output=True)
        for written in sorted(Path(tmp).iterdir()):
            shutil.copy(written, target / f"written-{written.name}")
    print(f"wrote {len(calls())} outputs to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
