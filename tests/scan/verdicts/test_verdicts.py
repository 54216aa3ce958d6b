"""Verdicts and proposals: pure functions of (questionnaire, answers, findings), one status at a time."""

from __future__ import annotations

import pytest

from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.scan.verdicts.annotations import Annotation, Annotations, apply
from mlops_maturity.scan.verdicts.findings import Finding, ProbeInfo, ScanResult
from mlops_maturity.scan.verdicts.proposals import proposals
from mlops_maturity.scan.verdicts.verdicts import failing, verdicts

from support import DATA

PROBES = (
    ProbeInfo(
        id="lock",
        title="Lock",
        question="data.versioning",
        supports="linked",
        contradicts=("cannot",),
        remediation="R",
        docs="https://x.org",
    ),
    ProbeInfo(
        id="pointer",
        title="Pointer",
        question="data.versioning",
        supports="snapshots",
        remediation="R",
        docs="https://x.org",
    ),
)


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return load_questionnaire(DATA / "questionnaires" / "scan")


def finding(probe: str, supports: str, strength: str = "strong", path: str = "dvc.lock") -> Finding:
    return Finding(
        probe=probe, question="data.versioning", supports=supports, path=path, line=3, text="md5: x", strength=strength
    )  # type: ignore[arg-type]


def result(*findings: Finding) -> ScanResult:
    return ScanResult(root=".", listing="walk", files_listed=1, files_read=1, probes=PROBES, findings=findings)


def answers(answer: str | None) -> Answers:
    given = {} if answer is None else {"data.versioning": Answer(answer=answer)}
    return Answers(file="a.yaml", questionnaire="scanq", team="t", assessed_on=None, given=given)


@pytest.mark.parametrize(
    ("answer", "found", "status"),
    [
        ("linked", [finding("lock", "linked")], "supported"),
        ("snapshots", [finding("lock", "linked")], "shows_more"),
        ("copies", [finding("pointer", "snapshots")], "shows_more"),
        ("cannot", [finding("lock", "linked")], "contradicted"),
        ("cannot", [finding("pointer", "snapshots")], "shows_more"),  # only the lock probe refutes "cannot"
        ("linked", [], "unverified"),
        ("linked", [finding("pointer", "snapshots")], "unverified"),
        ("snapshots", [], "unverified"),
        ("copies", [], "consistent"),
        ("cannot", [finding("lock", "linked", "weak")], "consistent"),  # weak findings decide nothing
        ("unknown", [finding("lock", "linked")], "unanswered"),
        (None, [], "unanswered"),
    ],
)
def test_each_verdict(q: Questionnaire, answer: str | None, found: list[Finding], status: str) -> None:
    (verdict,) = [v for v in verdicts(q, answers(answer), result(*found)) if v.question == "data.versioning"]
    assert verdict.status == status


def test_a_verdict_rests_on_the_findings_at_the_level_shown(q: Questionnaire) -> None:
    found = result(finding("pointer", "snapshots", path="d.dvc"), finding("lock", "linked"))
    (verdict,) = verdicts(q, answers("snapshots"), found)
    assert verdict.shown == "linked"
    assert [f.path for f in verdict.findings] == ["dvc.lock"]
    assert verdict.message == "answered snapshots; the repository shows at least linked (dvc.lock:3)"


def test_fail_on_unverified_also_fails_on_contradicted(q: Questionnaire) -> None:
    contradicted = verdicts(q, answers("cannot"), result(finding("lock", "linked")))
    unverified = verdicts(q, answers("linked"), result())
    assert failing(contradicted, "contradicted") and failing(contradicted, "unverified")
    assert not failing(unverified, "contradicted") and failing(unverified, "unverified")


def test_proposals_leave_given_answers_alone(q: Questionnaire) -> None:
    scan = result(finding("pointer", "snapshots", path="d.dvc"), finding("lock", "linked"))
    proposed = proposals(q, scan, {})
    assert proposed == {"data.versioning": Answer(answer="linked", evidence="scan: dvc.lock:3 (lock)")}
    assert proposals(q, scan, {"data.versioning": Answer(answer="unknown")}) == {}
    assert proposals(q, result(finding("lock", "linked", "weak")), {}) == {}


def test_annotations_dismiss_weaken_and_report_what_they_did_not_touch() -> None:
    notes = Annotations(
        file=".mlops-maturity.yaml",
        items=(
            Annotation(probes=("lock",), reason="old lock"),
            Annotation(paths=("data/**",), action="weak", reason="sample data"),
            Annotation(probes=("gone",), reason="renamed"),
        ),
        lines=(2, 4, 6),
    )
    applied = apply([finding("lock", "linked"), finding("pointer", "snapshots", path="data/x.dvc")], notes, {"lock"})
    assert [d.reason for d in applied.dismissed] == ["old lock"]
    assert applied.dismissed[0].annotation == ".mlops-maturity.yaml:2"
    assert [(f.strength, f.note) for f in applied.kept] == [("weak", "sample data (.mlops-maturity.yaml:4)")]
    assert applied.notes == (".mlops-maturity.yaml:6: no probe is called 'gone'",)
