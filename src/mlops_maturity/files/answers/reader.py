"""Read an answers file: parse, then check every answer against the questionnaire."""

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator, model_validator

from mlops_maturity.cut import excerpt
from mlops_maturity.engine.model.answers import DATE_PATTERN, Answer, Answers, ConsensusRecord, TeamName
from mlops_maturity.engine.model.frozen import MAX_QUESTION_ID_CHARS, Frozen
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, Questionnaire
from mlops_maturity.errors import MAX_PROBLEMS, AnswersError, Problem
from mlops_maturity.files.yaml_reader import Document, load_file

TOP_KEYS = ("questionnaire", "team", "assessed_on", "answers", "respondent", "role", "consensus")


class AnswersFile(Frozen):
    """The answers file as written, before it is checked against a questionnaire."""

    questionnaire: str | None = None
    team: TeamName | None = None
    respondent: TeamName | None = None
    role: TeamName | None = None
    assessed_on: dt.date | None = None
    answers: dict[str, Answer | None] = Field(min_length=1)
    consensus: ConsensusRecord | None = None

    @model_validator(mode="after")
    def _one_voice_or_many(self) -> "AnswersFile":
        if self.respondent is not None and self.consensus is not None:
            raise ValueError(
                "a file names either its one `respondent` or, merged by consensus, its `consensus.respondents`; "
                "not both"
            )
        return self

    @field_validator("answers", mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: {"answer": v} if isinstance(v, str) else v for k, v in value.items()}
        return value

    @field_validator("assessed_on", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if value is None:
            return value
        if not isinstance(value, str) or not re.fullmatch(DATE_PATTERN, value):
            raise ValueError(f"{excerpt(value)} is not a date; use YYYY-MM-DD, for example 2026-09-30")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{excerpt(value)} is not a real date; use YYYY-MM-DD, for example 2026-09-30") from None


def load_answers(path: Path, questionnaire: Questionnaire, *, drop_stale: bool = False) -> Answers:
    return check_answers(load_file(path), questionnaire, drop_stale=drop_stale)


def check_answers(doc: Document, questionnaire: Questionnaire, *, drop_stale: bool = False) -> Answers:
    """Validate a parsed answers document; every problem is reported, not just the first.

    ``drop_stale`` is for an older file kept for comparison (``--baseline``): an answer
    to a question the questionnaire no longer has, or naming an option it no longer
    offers, is left out (and listed in ``ignored``) instead of being an error.
    """
    if doc.data is None:
        raise AnswersError(f"{doc.file}: the file is empty; run `mlops-maturity init` for a template")
    if not isinstance(doc.data, dict):
        problem = doc.problem((), "expected a mapping with the keys questionnaire, team, assessed_on, answers")
        raise AnswersError(str(problem), (problem,))
    if doc.data and not any(key in TOP_KEYS for key in doc.data):
        problem = doc.problem((), _not_answers(doc.data))
        raise AnswersError(str(problem), (problem,))
    try:
        parsed = AnswersFile.model_validate(doc.data)
    except ValidationError as exc:
        from mlops_maturity.files.located_errors import pydantic_problems  # only a bad file pays for it

        problems = pydantic_problems(doc, exc, root_hint=_answers_hint)
        raise AnswersError(problems[0].message, problems) from None
    if parsed.questionnaire is not None and parsed.questionnaire != questionnaire.id:
        # Answers to another questionnaire: checking them against this one would only list follow-on errors.
        problem = doc.problem(
            ("questionnaire",),
            f"this file answers questionnaire {excerpt(parsed.questionnaire)}, but the questionnaire in use is "
            f"{questionnaire.id!r}, so its answers were not checked; pass --questionnaire DIR for the right one",
        )
        raise AnswersError(problem.message, (problem,))
    stale = _stale(parsed, questionnaire) if drop_stale else ()
    found = tuple(_against(doc, parsed, questionnaire, skip=frozenset(stale)))
    if not drop_stale:  # an older team file kept for comparison drops what no longer fits instead
        found += tuple(_against_record(doc, parsed.consensus, questionnaire))
    if found:
        raise AnswersError(found[0].message, found)
    # Evidence without an answer stays (as not answered), so every output can say so and quote it.
    given = {
        qid: a
        for qid, a in parsed.answers.items()
        if a is not None and (a.answer is not None or a.evidence) and qid not in stale
    }
    lines = {qid: doc.lines.get(("answers", qid), 0) for qid in parsed.answers}
    return Answers(
        file=doc.file,
        questionnaire=parsed.questionnaire,
        team=(parsed.team or "").strip(),
        assessed_on=parsed.assessed_on,
        given=given,
        lines=lines,
        ignored=stale,
        respondent=(parsed.respondent or "").strip() or None,
        role=(parsed.role or "").strip() or None,
        consensus=_without_stale(parsed.consensus, questionnaire) if drop_stale else parsed.consensus,
    )


def _stale(parsed: AnswersFile, questionnaire: Questionnaire) -> tuple[str, ...]:
    def fits(qid: str, answer: Answer | None) -> bool:
        question = questionnaire.by_id.get(qid)
        if question is None:
            return False
        return answer is None or answer.answer is None or answer.answer in question.valid_answers()

    return tuple(qid for qid, answer in parsed.answers.items() if not fits(qid, answer))


def _not_answers(data: dict[Any, Any]) -> str:
    """YAML, but none of an answers file's keys: a CI configuration, a docker-compose file, another tool's data."""
    from mlops_maturity.cut import clip

    keys = [clip(str(key), 40) for key in list(data)[:5]]
    more = f" and {len(data) - 5} more" if len(data) > 5 else ""
    return (
        f"YAML, but not an answers file: its top-level keys ({', '.join(keys)}{more}) include none of "
        f"{', '.join(TOP_KEYS[:4])}; answers files are written by `mlops-maturity init` or `survey`"
    )


def _answers_hint(loc: tuple[str | int, ...]) -> str:
    if len(loc) == 1 and loc[0] not in TOP_KEYS:
        return f"; the top-level keys are: {', '.join(TOP_KEYS)}"
    if len(loc) == 3 and loc[0] == "answers":
        return "; an answer's keys are: answer, evidence, reason"
    if len(loc) == 4 and loc[:2] == ("consensus", "respondents"):
        return "; a respondent's keys are: role, answers"
    return ""


def _against(
    doc: Document, parsed: AnswersFile, questionnaire: Questionnaire, skip: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    unknown = 0
    for qid, answer in parsed.answers.items():
        if qid in skip:
            continue
        loc: tuple[str | int, ...] = ("answers", qid)
        question = questionnaire.by_id.get(qid)
        if question is None:
            unknown += 1
            hint = _did_you_mean(qid, questionnaire) if unknown <= MAX_PROBLEMS else ""  # only for ids shown
            message = f"unknown question id {excerpt(qid)}; {hint}run `mlops-maturity questions` for the list"
            yield doc.problem(loc, message)
            continue
        if answer is None or answer.answer is None:
            continue
        value, valid = answer.answer, question.valid_answers()
        if value not in valid:
            if value == NOT_APPLICABLE:
                yield doc.problem(loc, f"{qid!r} cannot be answered not_applicable; choose one of: {', '.join(valid)}")
            elif value in question.retired_options:
                since = f" in version {question.changed_in}" if question.changed_in else ""
                yield doc.problem(
                    loc,
                    f"{excerpt(value)} is an option this questionnaire retired when it reworded the question{since}; "
                    f"read the new options (`mlops-maturity questions`) and choose one of: {', '.join(valid)}",
                )
            else:
                yield doc.problem(loc, f"{excerpt(value)} is not an option; choose one of: {', '.join(valid)}")
        elif value == NOT_APPLICABLE and not (answer.reason or "").strip():
            yield doc.problem(loc, "not_applicable needs a reason: write it under `reason:` in the long form")


def _did_you_mean(qid: str, questionnaire: Questionnaire) -> str:
    """The question ids close to a mistyped one; a long id is like none of them, and is not compared."""
    if len(qid) > MAX_QUESTION_ID_CHARS:
        return ""
    import difflib  # only a typo pays for it

    close = difflib.get_close_matches(qid, questionnaire.by_id, n=3, cutoff=0.75)
    return f"did you mean {', '.join(close)}? " if close else ""


def _against_record(doc: Document, record: ConsensusRecord | None, questionnaire: Questionnaire) -> Iterator[Problem]:
    """Each respondent's answers in a team file name real questions and valid answers (the short form only)."""
    for name, respondent in record.respondents.items() if record is not None else ():
        for qid, value in (respondent.answers if respondent is not None else {}).items():
            loc: tuple[str | int, ...] = ("consensus", "respondents", name, "answers", qid)
            question = questionnaire.by_id.get(qid)
            if question is None:
                message = f"unknown question id {excerpt(qid)}; run `mlops-maturity questions` for the list"
                yield doc.problem(loc, message)
            elif value not in question.valid_answers():
                valid = ", ".join(question.valid_answers())
                yield doc.problem(loc, f"{excerpt(value)} is not an answer to {excerpt(qid)}; choose one of: {valid}")


def _without_stale(record: ConsensusRecord | None, questionnaire: Questionnaire) -> ConsensusRecord | None:
    """A team record kept for comparison, less the answers this questionnaire no longer has."""
    if record is None:
        return None

    def fits(qid: str, value: str) -> bool:
        question = questionnaire.by_id.get(qid)
        return question is not None and value in question.valid_answers()

    return record.model_copy(
        update={
            "respondents": {
                name: None
                if r is None
                else r.model_copy(update={"answers": {q: v for q, v in r.answers.items() if fits(q, v)}})
                for name, r in record.respondents.items()
            }
        }
    )
