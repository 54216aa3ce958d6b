"""How a scan's verdicts on the answers are put into words, the same in every format (plain text)."""

from __future__ import annotations

from mlops_maturity.engine.model.repository_evidence import RepositoryCheck, RepositoryEvidence
from mlops_maturity.render.wording import plural

TOP = 5  # answers named one per line for each status worth reading; the rest are counted


def headline(e: RepositoryEvidence) -> str:
    """One sentence: what the repository's files say about the answers, by status."""
    return f"The files of {e.root} ({plural(e.files_read, 'file')} read) {said(e)}. A scan never changes the placement."


def said(e: RepositoryEvidence) -> str:
    """``back 3 answers, show more than 1 answer claims and contradict 1 answer; 4 answers have no evidence there``."""
    n = e.counts
    parts = []
    if n.get("supported"):
        parts.append(f"back {plural(n['supported'], 'answer')}")
    if n.get("shows_more"):
        parts.append(
            f"show more than {plural(n['shows_more'], 'answer')} {'claims' if n['shows_more'] == 1 else 'claim'}"
        )
    if n.get("contradicted"):
        parts.append(f"contradict {plural(n['contradicted'], 'answer')}")
    what = _series(parts) if parts else "neither back nor contradict any answer"
    unverified = n.get("unverified", 0)
    rest = (
        f"; {plural(unverified, 'answer')} {'has' if unverified == 1 else 'have'} no evidence there (unverified)"
        if unverified
        else ""
    )
    return f"{what}{rest}"


def line(check: RepositoryCheck) -> str:
    """One answer and what the files say about it, with where they say it."""
    answered = f"answered “{check.answer_label}”" if check.answer_label else "not answered"
    at = f" ({_places(check.where)})" if check.where else ""
    if check.status == "contradicted":
        return f"{check.title}: {answered}, but the files show otherwise: {check.refuted_by}{at}"
    if check.status == "shows_more":
        return f"{check.title}: {answered}; the files show at least “{check.shown_label}”{at}"
    if check.status == "unverified":
        only = f"; they show only “{check.shown_label}”{at}" if check.shown_label else ""
        return f"{check.title}: {answered}; no file shows it{only}"
    if check.status == "supported":
        return f"{check.title}: “{check.answer_label}”, backed by {_places(check.where)}"
    return f"{check.title}: {answered}; {check.message}"


def _places(where: tuple[str, ...]) -> str:
    return ", ".join(where)


def _series(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
