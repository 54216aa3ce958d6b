"""How soon does a runaway report template stop, next to a real report rendering?

Renders, in this process, the shipped report (the reference) and a set of runaway
templates, each as a ``--template-dir`` of its own, and prints for each the time it took
to stop, the limit that stopped it, and the ratio to the shipped report. The templates
are the ones issue 22 named (a 900,000-step loop that printed every step; a text doubled
in a ``namespace``; ``center(10**9)``; ``'%900000000s'|format``; ``'{:>900000000}'.format``)
plus the heaviest loop body found since: a search of a 4-million-character text at every
step, which only the step or the time limit stops.

    python benchmarks/template_limits_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from mlops_maturity.engine.model.result import Result
from mlops_maturity.errors import TemplateError
from mlops_maturity.render.report import render_report
from mlops_maturity.render.report.render import REPORT_TEMPLATE

ROOT = Path(__file__).resolve().parent.parent

RUNAWAY = {
    "900,000-step loop printing each step": (
        "{% for i in range(9) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}"
    ),
    "namespace text doubled 40 times": (
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}"
    ),
    "center(10**9)": "{{ 'x'.center(10**9) }}",
    "'%900000000s'|format": "{{ '%900000000s'|format('x') }}",
    "'{:>900000000}'.format": "{{ '{:>900000000}'.format('x') }}",
    "macro calling itself twice, 40 deep": (
        "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"
    ),
    "search of a 4M-character text per step": (
        "{% set big = 'x' * 4000000 %}{% for i in range(100000) %}{% if 'y' in big %}{% endif %}{% endfor %}"
    ),
}


def _result() -> Result:
    from mlops_maturity.engine.assess import assess
    from mlops_maturity.files.answers.reader import load_answers
    from mlops_maturity.files.questionnaire.loader import load_questionnaire

    q = load_questionnaire()
    return assess(q, load_answers(ROOT / "examples" / "stage3-platform-serving.yaml", q))


def _time(folder: Path | None, result: Result) -> tuple[float, str]:
    """Seconds of processor time the render took (steadier than wall time on a busy machine), and how it ended."""
    started = time.process_time()
    try:
        render_report(result, template_dir=folder)
        outcome = "rendered"
    except TemplateError as exc:
        outcome = str(exc).split("over a template limit: ", 1)[-1][:70]
    return time.process_time() - started, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = _result()
    shipped_runs = [_time(None, result) for _ in range(max(args.repeat, 9))]
    assert all(outcome == "rendered" for _, outcome in shipped_runs), shipped_runs[0][1]
    shipped = min(seconds for seconds, _ in shipped_runs)
    print(f"shipped report: {shipped * 1000:.1f} ms of processor time (the reference, best of {len(shipped_runs)})")
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in RUNAWAY.items():
            folder = Path(tmp) / f"t{len(name)}-{abs(hash(name))}"
            folder.mkdir()
            (folder / REPORT_TEMPLATE).write_text(source + "\n", encoding="utf-8")
            runs = [_time(folder, result) for _ in range(args.repeat)]
            seconds = min(r[0] for r in runs)
            print(f"{name:42s} stopped after {seconds:6.2f} s = {seconds / shipped:7.1f}x the report: {runs[0][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
