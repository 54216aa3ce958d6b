"""Answers a scan proposes: for each question strong findings back, the highest option they show, with its evidence.

A proposal never replaces an answer a person gave: questions already in
``given`` (even "unknown") are left alone. The evidence names every place it
rests on, so the team can check it before confirming.
"""

from __future__ import annotations

from collections.abc import Mapping

from mlops_maturity.cut import clip
from mlops_maturity.engine.model.answers import MAX_TEXT_CHARS, Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.repository_evidence import EVIDENCE_PREFIX
from mlops_maturity.scan.verdicts.findings import ScanResult
from mlops_maturity.scan.verdicts.verdicts import shown_option

MAX_PLACES = 5


def proposals(questionnaire: Questionnaire, scan: ScanResult, given: Mapping[str, Answer]) -> dict[str, Answer]:
    """``{question id: proposed answer}`` for questions not in ``given``, in questionnaire order."""
    out: dict[str, Answer] = {}
    for question in questionnaire.questions:
        if question.id in given:
            continue
        findings = [f for f in scan.findings if f.question == question.id and f.supports in question.option_ids]
        option, backing = shown_option(question, findings)
        if option is None:
            continue
        places = [f"{f.where} ({f.probe})" for f in backing[:MAX_PLACES]]
        more = len(backing) - MAX_PLACES
        evidence = clip(
            EVIDENCE_PREFIX + "; ".join(places) + (f"; and {more} more" if more > 0 else ""), MAX_TEXT_CHARS
        )
        out[question.id] = Answer(answer=option, evidence=evidence)
    return out
