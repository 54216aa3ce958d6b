"""The verdicts a team would get if it answered as the corpus labels say: each "contradicted" and "unverified" one
listed with file and line, so that a person can read the file and say whether the verdict is right.

Answers are made from the labels, per question some probe with a ``practice`` looks for:

* a practice labelled ``present``: the lowest option the probes of that practice support for the
  question (what the practice at least proves); with several present practices, the highest of those;
* every practice of the question labelled ``absent``: the question's lowest option ("none", "never");
* otherwise (a ``partial`` label): no answer, since a partial practice maps to no one option.

So a "contradicted" verdict is a strong finding that refutes a practice the labels call absent
(it shows the finding's place and line), and an "unverified" one is a practice labelled present that no
strong finding backs (it shows where the label's evidence is, for the reader to look).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.scan.verdicts.findings import ScanResult
from mlops_maturity.scan.verdicts.verdicts import verdicts


def label_answers(q: Questionnaire, labels: Mapping[str, Mapping[str, object]], scan: ScanResult) -> dict[str, Answer]:
    """``{question id: answer}`` made from the labels, as the module says."""
    lowest: dict[tuple[str, str], int] = {}  # (question, practice) -> rank of the lowest option its probes support
    for probe in scan.probes:
        if probe.practice is None:
            continue
        question = q.by_id[probe.question]
        key = (probe.question, probe.practice)
        lowest[key] = min(lowest.get(key, len(question.option_ids)), question.rank(probe.supports))
    practices: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (question_id, practice), rank in lowest.items():
        practices[question_id].append((practice, rank))
    out: dict[str, Answer] = {}
    for question_id, found in practices.items():
        question = q.by_id[question_id]
        statuses = [(str(labels.get(p, {}).get("status", "")), rank) for p, rank in found]
        present = [rank for status, rank in statuses if status == "present"]
        if present:
            out[question_id] = Answer(answer=question.option_ids[max(present)])
        elif statuses and all(status == "absent" for status, _ in statuses):
            out[question_id] = Answer(answer=question.option_ids[0])
    return out


def label_verdicts(
    q: Questionnaire, repo: str, labels: Mapping[str, Mapping[str, object]], scan: ScanResult, found: set[str]
) -> list[str]:
    """One line per "contradicted" or "unverified" verdict, with where to look.

    A practice the probes find under one of its questions (``found``) is not listed as unverified under
    another (a DVC pipeline answers ``training.code_form``, not ``automation.orchestrator``).
    """
    given = label_answers(q, labels, scan)
    answers = Answers(file="labels.yaml", questionnaire=q.id, team=repo, assessed_on=None, given=given)
    by_question: dict[str, list[str]] = defaultdict(list)
    for probe in scan.probes:
        if probe.practice and probe.practice not in by_question[probe.question]:
            by_question[probe.question].append(probe.practice)
    out = []
    for verdict in verdicts(q, answers, scan):
        if verdict.status == "contradicted":
            for f in verdict.findings:
                out.append(
                    f"  contradicted  {repo}  {verdict.question}={verdict.answer}  {f.where} [{f.probe}]: {f.text}"
                )
        elif verdict.status == "unverified":
            places = []
            for practice in by_question[verdict.question]:
                label = labels.get(practice, {})
                if label.get("status") == "present" and practice not in found:
                    evidence = label.get("evidence") or []
                    shown = ", ".join(str(e) for e in evidence[:3]) if isinstance(evidence, list) else str(evidence)
                    places.append(f"{practice}: {shown}")
            if not places:
                continue
            out.append(
                f"  unverified    {repo}  {verdict.question}={verdict.answer}  {verdict.message}; "
                f"the label's evidence: {'; '.join(places)}"
            )
    return out
