"""The probes of a questionnaire as Markdown tables: what ``scan`` looks for, and which questions it cannot see.

``docs/scan.md`` embeds this output for the shipped questionnaire, and a test
keeps the two equal, so the documentation cannot drift from the data.
"""

from __future__ import annotations

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.render.markdown import code, escape
from mlops_maturity.scan.probes.model import ProbeSet

MAX_GLOBS = 4


def probe_table(questionnaire: Questionnaire, probes: ProbeSet) -> str:
    lines = [
        "| probe | question | supports at least | strength | refutes | looks for |",
        "|---|---|---|---|---|---|",
    ]
    for probe in probes.probes:
        globs = _globs(probe.files)
        refutes = ", ".join(code(option) for option in probe.contradicts) or "—"
        row = [code(probe.id), code(probe.question), code(probe.supports), probe.strength, refutes]
        lines.append("| " + " | ".join(row) + f" | {escape(probe.title)} in {globs} |")
    looked_for = {probe.question for probe in probes.probes}
    unseen = [code(q.id) for q in questionnaire.questions if q.id not in looked_for]
    lines += ["", f"No probe looks for these {len(unseen)} questions: {', '.join(unseen)}."]
    return "\n".join(lines) + "\n"


def _globs(files: tuple[str, ...]) -> str:
    """The first globs a probe looks at, and the first it takes out (``!``): ``*.yml`` … except ``.github/**``."""
    kept = [g for g in files if not g.startswith("!")]
    out = [g[1:] for g in files if g.startswith("!")]
    text = ", ".join(code(g) for g in kept[:MAX_GLOBS]) + (" …" if len(kept) > MAX_GLOBS else "")
    if out:
        text += " except " + ", ".join(code(g) for g in out[:2]) + (" …" if len(out) > 2 else "")
    return text
