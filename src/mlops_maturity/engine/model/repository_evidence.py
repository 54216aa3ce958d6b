"""What a scan of the team's repository says about its answers, as a result carries it (``score --scan``).

Light on purpose: a result that holds this needs none of the scan's own
modules. ``engine.evidence`` builds it from the verdicts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from mlops_maturity.engine.model.frozen import Frozen

EVIDENCE_PREFIX = "scan: "  # how an answer proposed by a scan says so in its evidence

Status = Literal["supported", "shows_more", "contradicted", "unverified", "consistent", "unanswered"]
VERDICT_ORDER: tuple[Status, ...] = (
    "contradicted",
    "unverified",
    "shows_more",
    "supported",
    "unanswered",
    "consistent",
)
VERDICT_LABELS: dict[Status, str] = {
    "contradicted": "contradicted",
    "unverified": "unverified",
    "shows_more": "the repo shows more",
    "supported": "supported",
    "consistent": "consistent",
    "unanswered": "not answered",
}


class RepositoryCheck(Frozen):
    """One answer set against the repository's files."""

    question: str
    title: str
    status: Status
    answer: str | None = Field(description='the answer given: an option id, "unknown", "not_applicable", or none')
    answer_label: str | None
    shown: str | None = Field(description="the highest option strong findings support, if any")
    shown_label: str | None
    where: tuple[str, ...] = Field(description="path:line of the findings the verdict rests on (at most five)")
    refuted_by: str | None = Field(default=None, description="for a contradicted answer: what the files show instead")
    message: str


class RepositoryEvidence(Frozen):
    """The scan behind ``score --scan DIR`` or ``report --scan DIR``; it never changes the placement."""

    root: str = Field(description="the scanned folder, as given")
    files_read: int = Field(ge=0)
    findings: int = Field(ge=0, description="strong and weak findings, after annotations")
    dismissed: int = Field(ge=0, description="findings set aside by the repository's annotations")
    counts: dict[str, int] = Field(description="verdicts by status")
    checks: tuple[RepositoryCheck, ...] = Field(description="one per question a probe looks for, most telling first")

    def with_status(self, *statuses: Status) -> tuple[RepositoryCheck, ...]:
        return tuple(c for c in self.checks if c.status in statuses)
