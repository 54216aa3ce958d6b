"""Answers as the engine sees them: what a team chose, with the limits every reader and writer shares."""

import datetime as dt
from typing import Annotated

from pydantic import Field, field_validator

from mlops_maturity.engine.model.frozen import Frozen

# The limits of an answers file; the file model, the JSON Schema, the fast portfolio check
# and the survey all take them from here.
MAX_TEAM_CHARS = 200
MAX_TEXT_CHARS = 2000
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # assessed_on: YYYY-MM-DD and nothing else

FreeText = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
TeamName = Annotated[str, Field(max_length=MAX_TEAM_CHARS)]


class Answer(Frozen):
    """One answer in long form; the short form ``id: option`` becomes ``Answer(answer=option)``."""

    answer: str | None = None
    evidence: FreeText | None = None
    reason: FreeText | None = None


class Respondent(Frozen):
    """One respondent of a team file: their role, and their own answers where the team disagrees."""

    role: TeamName | None = None
    answers: dict[str, str] = Field(
        default_factory=dict, description="question id -> this respondent's answer, on the questions in dispute"
    )


class ConsensusRecord(Frozen):
    """The ``consensus:`` block of a team file written by ``mlops-maturity consensus``: who was merged.

    Only facts are kept (names, roles, who answered what where the team disagrees);
    spreads, rankings and the disagreement index are worked out again when the file is read.
    """

    respondents: dict[TeamName, Respondent | None] = Field(min_length=1)

    @field_validator("respondents")
    @classmethod
    def _named(cls, value: dict[str, Respondent | None]) -> dict[str, Respondent | None]:
        for name in value:
            if not name.strip():
                raise ValueError("a respondent's name must not be blank")
        return value


class Answers(Frozen):
    """Answers that passed every check, plus where each one stands in its file."""

    file: str
    questionnaire: str | None
    team: str
    assessed_on: dt.date | None
    given: dict[str, Answer]
    lines: dict[str, int] = Field(default_factory=dict)
    ignored: tuple[str, ...] = ()  # stale answers left out of an older file (see ``check_answers``)
    respondent: str | None = None  # the one person whose answers these are, when the file names them
    role: str | None = None
    consensus: ConsensusRecord | None = None  # set in a team file merged from several respondents

    def evidence_notes(self) -> list[str]:
        """A note for each long-form entry with evidence but no ``answer:``: it counts as not answered."""
        notes = []
        for qid, given in self.given.items():
            if given.answer is None and given.evidence:
                where = f"{self.file}:{self.lines[qid]}" if qid in self.lines else self.file
                notes.append(
                    f"note: {where}: answers.{qid}: evidence is given but no answer, so the question counts as not "
                    "answered; add `answer:` with one of its options (`mlops-maturity questions` lists them)"
                )
        return notes
