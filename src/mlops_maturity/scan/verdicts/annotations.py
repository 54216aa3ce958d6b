"""Annotations: a scanned repository's own word on findings, with a reason each (``.mlops-maturity.yaml``).

A team knows what a scanner cannot: that ``examples/`` is never deployed, that
a notebook is the real training. An annotation selects findings by probe,
question and path, and either dismisses them or makes them count as weak.
Every finding it touches is listed with its reason, so nothing disappears
silently, and an annotation that touches nothing is reported too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from mlops_maturity.engine.model.frozen import Frozen, QuestionId
from mlops_maturity.scan.probes.globs import globs_pattern
from mlops_maturity.scan.probes.model import Glob, ProbeId, Sentence
from mlops_maturity.scan.verdicts.findings import Dismissal, Finding

ANNOTATIONS_FILE = ".mlops-maturity.yaml"


class Annotation(Frozen):
    """Findings of these probes, for these questions, in these paths (all of them when left out)."""

    probes: tuple[ProbeId, ...] = ()
    questions: tuple[QuestionId, ...] = ()
    paths: tuple[Glob, ...] = ()
    action: Literal["dismiss", "weak"] = "dismiss"
    reason: Sentence

    @model_validator(mode="after")
    def _selects_something(self) -> Annotation:
        if not (self.probes or self.questions or self.paths):
            raise ValueError("say which findings: give probes, questions or paths (or several)")
        return self


class AnnotationsFile(Frozen):
    annotations: tuple[Annotation, ...] = Field(min_length=1, max_length=500)


@dataclass(frozen=True)
class Annotations:
    """The annotations of one repository, each with the line it starts on."""

    file: str
    items: tuple[Annotation, ...]
    lines: tuple[int, ...]

    def where(self, index: int) -> str:
        return f"{self.file}:{self.lines[index]}"


@dataclass(frozen=True)
class Applied:
    kept: tuple[Finding, ...]
    dismissed: tuple[Dismissal, ...]
    notes: tuple[str, ...]


def apply(findings: Sequence[Finding], annotations: Annotations | None, known_probes: set[str]) -> Applied:
    """Dismiss or weaken what the annotations select; the first annotation that selects a finding decides."""
    if annotations is None:
        return Applied(tuple(findings), (), ())
    paths = [globs_pattern(a.paths) for a in annotations.items]
    used = [False] * len(annotations.items)
    kept: list[Finding] = []
    dismissed: list[Dismissal] = []
    for finding in findings:
        for i, item in enumerate(annotations.items):
            if item.probes and finding.probe not in item.probes:
                continue
            if item.questions and finding.question not in item.questions:
                continue
            if item.paths and not paths[i].fullmatch(finding.path):
                continue
            used[i] = True
            if item.action == "dismiss":
                dismissed.append(Dismissal(finding=finding, reason=item.reason, annotation=annotations.where(i)))
            else:
                note = f"{item.reason} ({annotations.where(i)})"
                kept.append(finding.model_copy(update={"strength": "weak", "note": note}))
            break
        else:
            kept.append(finding)
    notes = []
    for i, item in enumerate(annotations.items):
        unknown = [p for p in item.probes if p not in known_probes]
        if unknown:
            notes.append(f"{annotations.where(i)}: no probe is called {', '.join(map(repr, unknown))}")
        elif not used[i]:
            notes.append(f"{annotations.where(i)}: this annotation matched no finding")
    return Applied(tuple(kept), tuple(dismissed), tuple(notes))
