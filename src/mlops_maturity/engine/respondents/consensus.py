"""Several respondents' answers merged into one team answer per question, by one conservative rule.

The rule, per question, over all N respondents of the round:

1. The team answer is the highest option that **more than half of the respondents**
   chose or went beyond. With options ranked from least mature, that is the lower
   median when "don't know", "not applicable" and no answer rank below every
   option; so with four respondents three must reach an option, with two both must.
2. When no option has such a majority, the team answer is ``not_applicable`` if
   more than half said so (their reasons kept), no answer at all if nobody answered,
   and ``unknown`` otherwise: the team as a whole does not know.

A respondent who does not know is counted as one who does not know: never as the
lowest option, never left out (leaving them out would let one confident voice speak
for the team). Each team answer can only rise when any one respondent's answer
rises (an option more mature, or an option where there was none), and the
placement only ever asks "at least", so raising any one respondent's answer never
lowers the team's stage, level or delivery setup. The rule does not look at the
order of the files, and N respondents giving the same answer give that answer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mlops_maturity.engine.model.answers import MAX_TEXT_CHARS, Answer, Answers, ConsensusRecord, Respondent
from mlops_maturity.engine.model.disagreements import DisagreementKind
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, UNKNOWN, Question, Questionnaire
from mlops_maturity.errors import AssessmentError, Problem

RULE = (
    "each team answer is the highest option that more than half of the respondents chose or went beyond; "
    "without such a majority it is not applicable when more than half said so, and otherwise don't know"
)
CUT = " [...] (cut to fit; each respondent's own file has the full text)"
SEPARATOR = " | "


@dataclass(frozen=True)
class Voice:
    """One respondent's own answers, as the merge sees them."""

    name: str
    role: str | None
    given: Mapping[str, Answer]
    file: str = ""
    assessed_on: dt.date | None = None


@dataclass(frozen=True)
class Merged:
    """The team's answers and the record of who was merged (the ``consensus:`` block of the team file)."""

    given: dict[str, Answer]
    record: ConsensusRecord
    voices: tuple[Voice, ...]
    disputed: tuple[str, ...] = field(default=())  # question ids where the respondents disagree


def value_of(answer: Answer | None) -> str | None:
    return answer.answer if answer is not None else None


def team_answer(question: Question, values: Sequence[str | None]) -> str | None:
    """The team's answer to one question from each respondent's (``None``: not answered)."""
    need = len(values) // 2 + 1  # more than half
    ranks = sorted((question.rank(v) for v in values if v is not None and v in question.option_ids), reverse=True)
    if len(ranks) >= need:
        return question.option_ids[ranks[need - 1]]
    if sum(v == NOT_APPLICABLE for v in values) >= need:
        return NOT_APPLICABLE
    if all(v is None for v in values):
        return None
    return UNKNOWN


def split_kinds(question: Question, values: Sequence[str | None]) -> tuple[DisagreementKind, ...]:
    """How the respondents disagree on one question, if they do.

    Options two or more apart (``spread``); some chose an option while others answered
    "don't know" (``unknown``) or "not applicable" (``not_applicable``). No answer is not a
    view: the survey leaves out questions that do not apply to what a respondent answered.
    """
    ranks = [question.rank(v) for v in values if v is not None and v in question.option_ids]
    if not ranks:
        return ()
    kinds: list[DisagreementKind] = []
    if max(ranks) - min(ranks) >= 2:
        kinds.append("spread")
    if UNKNOWN in values:
        kinds.append("unknown")
    if NOT_APPLICABLE in values:
        kinds.append("not_applicable")
    return tuple(kinds)


def spread(question: Question, values: Sequence[str | None]) -> int:
    ranks = [question.rank(v) for v in values if v is not None and v in question.option_ids]
    return max(ranks) - min(ranks) if ranks else 0


def name_key(name: str) -> str:
    """Two names that differ only in case or spacing are the same person."""
    return " ".join(name.split()).casefold()


def in_order(voices: Sequence[Voice]) -> tuple[Voice, ...]:
    """Respondents in the order every output lists them: by name, whatever the order of the files."""
    return tuple(sorted(voices, key=lambda v: (name_key(v.name), v.name)))


def merge(q: Questionnaire, voices: Sequence[Voice]) -> Merged:
    """The team answers of one round, each respondent's evidence kept and attributed."""
    ordered = in_order(voices)
    given: dict[str, Answer] = {}
    disputed: list[str] = []
    for question in q.questions:
        answers = [v.given.get(question.id) for v in ordered]
        values = [value_of(a) for a in answers]
        answer = team_answer(question, values)
        if split_kinds(question, values):
            disputed.append(question.id)
        if answer is None:
            continue
        given[question.id] = Answer(
            answer=answer,
            evidence=_attributed(ordered, answers, answer, reasons=False),
            reason=_attributed(ordered, answers, answer, reasons=True) if answer == NOT_APPLICABLE else None,
        )
    record = ConsensusRecord(
        respondents={
            v.name: Respondent(
                role=v.role,
                answers={qid: value for qid in disputed if (value := value_of(v.given.get(qid))) is not None},
            )
            for v in ordered
        }
    )
    return Merged(given=given, record=record, voices=ordered, disputed=tuple(disputed))


def _attributed(voices: Sequence[Voice], answers: Sequence[Answer | None], team: str, *, reasons: bool) -> str | None:
    """Every respondent's text, each after their name (and their own answer where it is not the team's).

    The evidence of a team answer carries every respondent's evidence, and the reasons of
    those who said "not applicable" when the team did not; the reason of a team's
    "not applicable" carries those respondents' reasons.
    """
    said: dict[str, list[str]] = {}  # text -> who wrote it: the same sentence from three people is quoted once
    for voice, answer in zip(voices, answers, strict=True):
        if answer is None:
            continue
        own_na = answer.answer == NOT_APPLICABLE
        if reasons:
            texts = [answer.reason] if own_na else []
        else:
            texts = [answer.reason if own_na and team != NOT_APPLICABLE else None, answer.evidence]
        text = " ".join(" ".join(t.split()) for t in texts if t and t.strip())
        if not text:
            continue
        differs = answer.answer is not None and answer.answer != team
        details = [d for d in (voice.role, f"answered {answer.answer}" if differs else None) if d]
        said.setdefault(text, []).append(f"{voice.name} ({'; '.join(details)})" if details else voice.name)
    return fit(SEPARATOR.join(f"{', '.join(heads)}: {text}" for text, heads in said.items())) if said else None


def fit(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """``text`` within the answers file's limit on evidence, cut with a note when it is longer."""
    if len(text) <= limit:
        return text
    return text[: limit - len(CUT)].rstrip() + CUT


# --- the round: which files may be merged -------------------------------------------------


@dataclass(frozen=True)
class Round:
    """The files of one team's assessment round, checked: who answered, and for which team and date."""

    team: str
    assessed_on: dt.date | None
    voices: tuple[Voice, ...]
    notes: tuple[str, ...] = ()


def respondent_name(answers: Answers) -> str:
    """A file's respondent, or its file name (without extension) when it names none."""
    return answers.respondent or Path(answers.file).stem


def check_round(files: Sequence[Answers]) -> Round:
    """The respondents of one team; a file of another team, a team file or a second file of a respondent is refused.

    Every refused file is named. The team is the one most files name (on a tie, the first
    file's), so the message points at the files that differ.
    """
    problems = [
        Problem(a.file, "is a team file already merged by consensus; give the respondents' own files instead")
        for a in files
        if a.consensus is not None
    ]
    counts = Counter(a.team for a in files)
    team = max(counts, key=lambda t: (counts[t], -[a.team for a in files].index(t))) if files else ""
    for a in files:
        if a.team != team:
            shown = repr(a.team) if a.team else "no team"
            problems.append(
                Problem(
                    a.file,
                    f"names {shown}, but the other files are of team {team!r}; consensus merges the answers of one "
                    "team: leave this file out, or correct its `team:`",
                )
            )
    seen: dict[str, Answers] = {}
    for a in files:
        key = name_key(respondent_name(a))
        if key in seen:
            problems.append(
                Problem(
                    a.file,
                    f"respondent {respondent_name(a)!r} already answered in {seen[key].file}; give each respondent's "
                    "file once (a file without `respondent:` is named by its file name)",
                )
            )
        else:
            seen[key] = a
    if problems:
        raise AssessmentError(str(problems[0]), tuple(problems))
    dates = sorted({a.assessed_on for a in files if a.assessed_on is not None})
    notes: tuple[str, ...] = ()
    if len(dates) > 1:
        notes = (
            f"the respondents answered between {dates[0].isoformat()} and {dates[-1].isoformat()}; "
            f"the team answers are dated {dates[-1].isoformat()}",
        )
    voices = tuple(Voice(respondent_name(a), a.role, a.given, a.file, a.assessed_on) for a in files)
    return Round(team=team, assessed_on=dates[-1] if dates else None, voices=in_order(voices), notes=notes)
