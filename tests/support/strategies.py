"""Hypothesis strategies for ids, awkward text and answers (generated questionnaires: ``questionnaire_strategies.py``).

Ids are drawn partly from words that YAML 1.1 reads as something other than
text (``yes``, ``null``, ``1e3``, a date), and free text partly from pieces
that break naive YAML writers (quotes, ``: ``, `` #``, line breaks, control
characters, right-to-left marks).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, Question, Questionnaire

# Slugs YAML 1.1 would read as booleans, null, numbers or dates if written plain, and other shapes
# the id pattern allows (leading digits, dashes, underscores, the maximum length). Ids come from a
# fixed pool: the engine treats them as opaque, and one draw per id keeps generation fast.
YAML_WORDS = ("yes", "no", "on", "off", "y", "n", "true", "null", "1e3", "0", "012", "0x1f", "1_000", "2024-01-02")
OTHER_SLUGS = ("a", "b", "c", "d", "e", "f", "g", "h", "one", "two", "x_y", "x-y", "9lives", "a--b", "z_", "k-")
LONG_SLUG = "s" * 64
SLUG_POOL = YAML_WORDS + OTHER_SLUGS + (LONG_SLUG,)

# Pieces of text that trip up hand-written YAML: quoting, comments, indicators, line breaks of every kind.
AWKWARD = (
    '"',
    "'",
    ": ",
    ":",
    " #",
    "#",
    "- ",
    "? ",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "  ",
    "yes",
    "on",
    "null",
    "~",
    "1e3",
    "&a",
    "*a",
    "!!str",
    "{}",
    "[x]",
    "%",
    "@",
    "`",
    "|",
    ">",
    "---",
    "...",
    "é",
    "日本",
    "🙂",
    "\u200f",
    "\u2028",
    "\u2029",
    "\x85",
    "\x7f",
    "\x9b",
    "\x00",
    "\ufeff",
    "\ufffe",
    "<b>",
    "&amp;",
    "word",
    " ",
)


# Strategies are built once: building them inside every draw is what makes generation slow.
SLUGS = st.sampled_from(SLUG_POOL)
# The pool holds neither reserved answer; "null" is refused as an option id (a plain `q: null` in an
# answers file reads as no answer), so options draw from the rest.
OPTION_IDS = st.sampled_from(tuple(s for s in SLUG_POOL if s != "null"))
QUESTION_IDS = st.lists(SLUGS, min_size=1, max_size=2).map(".".join).filter(lambda qid: len(qid) <= 128)
_PIECES = st.lists(st.sampled_from(AWKWARD), min_size=1, max_size=8).map("".join)


def texts(max_size: int = 40, min_size: int = 1) -> st.SearchStrategy[str]:
    """Free text: any characters, or a run of awkward pieces."""
    return st.one_of(st.text(min_size=min_size, max_size=max_size), _PIECES.map(lambda t: t[:max_size]))


TEXTS = texts()
NON_BLANK = texts(200).filter(lambda t: bool(t.strip()))
EVIDENCE = st.one_of(st.none(), texts(200))
PLAIN_LABELS = ("Alpha", "Two words", "A longer sentence, with a comma.")


def _answer(draw: st.DrawFn, choices: tuple[str, ...], texts_too: bool) -> Answer | None:
    value = draw(st.one_of(st.none(), st.sampled_from(choices)))
    if value is None:
        return None
    evidence = draw(EVIDENCE) if texts_too else None
    reason = draw(EVIDENCE) if texts_too else None
    if value == NOT_APPLICABLE and not (reason or "").strip():
        reason = draw(NON_BLANK)
    return Answer(answer=value, evidence=evidence, reason=reason)


@st.composite
def given_answers(draw: st.DrawFn, q: Questionnaire, texts_too: bool = True) -> dict[str, Answer]:
    """Any mix of options, ``unknown``, ``not_applicable`` (where allowed, with a reason) and no answer.

    Questions that do not apply may be answered too: ``score`` ignores those with a warning.
    """
    out: dict[str, Answer] = {}
    for question in q.questions:
        answer = _answer(draw, question.valid_answers(), texts_too)
        if answer is not None:
            out[question.id] = answer
    return out


def answers_of(q: Questionnaire, given: dict[str, Answer], team: str = "t") -> Answers:
    return Answers(file="a.yaml", questionnaire=q.id, team=team, assessed_on=None, given=given)


def dates() -> st.SearchStrategy[dt.date | None]:
    return st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))


def raisable(question: Question, answer: Answer | None) -> list[str]:
    """Options strictly above the current answer; any option when the answer is not an option."""
    value = answer.answer if answer is not None else None
    if value in question.option_ids:
        return list(question.option_ids[question.rank(value) + 1 :])
    return list(question.option_ids)
