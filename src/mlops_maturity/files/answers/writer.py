"""Write answers files: the ``init`` template and the file the survey keeps up to date."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Mapping

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.condition_words import asked_when
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, UNKNOWN, Question, Questionnaire
from mlops_maturity.files.yaml_reader import MAX_FILE_BYTES, MAX_NODES

WRAP = 88

# Characters YAML takes as they are and reads back unchanged: its printable set, less the line
# breaks NEL, LS and PS (folded inside quotes, and the end of a comment) and the byte order mark.
_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# Lone surrogates come from undecodable bytes in argv; UTF-8 cannot store them. The terminal's
# decoder turns such bytes into U+FFFD, and so does the writer.
_SURROGATE = re.compile("[\ud800-\udfff]")
_PLAIN_NULLS = frozenset(("", "~", "null", "Null", "NULL"))  # what a plain scalar reads back as "no value"


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as ``text`` (JSON strings are valid YAML)."""
    escaped = json.dumps(_SURROGATE.sub("\ufffd", text), ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)


def _plain(value: str) -> str:
    """An id as written: plain, unless YAML would read it as no value."""
    return quote(value) if value in _PLAIN_NULLS else value


def one_line(text: str) -> str:
    """``text`` fit for a comment: one line, runs of whitespace as one space, unsafe characters as U+FFFD."""
    return _UNSAFE.sub("\ufffd", " ".join(_SURROGATE.sub("\ufffd", text).split()))


def render_answers_file(
    q: Questionnaire,
    team: str = "",
    assessed_on: dt.date | None = None,
    given: Mapping[str, Answer] | None = None,
    with_help: bool = True,
    schema_hint: str | None = None,
    evidence_slots: bool = False,
    respondent: str = "",
    role: str = "",
) -> str:
    """An answers file listing every question; unanswered ones are left empty.

    With ``evidence_slots``, every answered question is written in the long form
    with an empty ``evidence:`` key, so the team can back its answers later.
    ``respondent`` and ``role`` name the one person who answered, when given.
    """
    given = given or {}
    lines = []
    if schema_hint:
        lines.append(f"# yaml-language-server: $schema={one_line(schema_hint)}")
    lines += [
        f"# Answers to the {one_line(q.title)} questionnaire ({q.id} {q.version}).",
        '# Put one option id after each question id; "unknown" means don\'t know.',
        "# Long form, to add evidence (a link or a sentence) or a not_applicable reason:",
        "#   some.question:",
        "#     answer: option_id",
        '#     evidence: "https://... or one sentence"',
        "# Then: mlops-maturity score THIS_FILE",
        f"questionnaire: {_plain(q.id)}",
        f"team: {quote(team)}",
        *([f"respondent: {quote(respondent)}"] if respondent.strip() else []),
        *([f"role: {quote(role)}"] if role.strip() else []),
        f"assessed_on: {assessed_on.isoformat() if assessed_on else ''}".rstrip()
        + ("" if assessed_on else "  # YYYY-MM-DD"),
        "answers:",
    ]
    dimension = None
    for question in q.questions:
        if question.dimension != dimension:
            dimension = question.dimension
            lines += ["", f"  # == {one_line(q.dimension_by_id[dimension].title)} =="]
        lines.append("")
        if with_help:
            lines += _comment(question, q)
        lines += answer_lines(question, given.get(question.id), evidence_slots)
    return "\n".join(lines) + "\n"


def fits_limits(text: str, questions: int) -> bool:
    """Whether an answers file of ``questions`` entries in ``text`` is inside the limits it is read with.

    Each entry is at most two values (its key and its answer); the top-level keys add a few more.
    """
    return len(text.encode("utf-8")) <= MAX_FILE_BYTES and 2 * questions + _TOP_VALUES <= MAX_NODES


_TOP_VALUES = 16  # the document, its top-level keys and values, the answers mapping


def _comment(question: Question, q: Questionnaire) -> list[str]:
    head = f"{one_line(question.title)}: {one_line(question.text)}"
    out = textwrap.wrap(head, WRAP, initial_indent="  # ", subsequent_indent="  #   ")
    out += textwrap.wrap(one_line(question.help), WRAP, initial_indent="  #   ", subsequent_indent="  #   ")
    width = max(len(o.id) for o in question.options)
    for option in question.options:
        out.append(f"  #   - {option.id.ljust(width)}  {one_line(option.label)}")
    out.append(f"  #   - {UNKNOWN.ljust(width)}  don't know")
    if question.allow_not_applicable:
        out.append(f"  #   - {NOT_APPLICABLE.ljust(width)}  does not apply to us (give a reason)")
    condition = asked_when(question.applies_when, q)
    if condition is not None:
        out += textwrap.wrap(one_line(f"({condition})"), WRAP, initial_indent="  #   ", subsequent_indent="  #    ")
    return out


def answer_lines(question: Question, answer: Answer | None, evidence_slots: bool = False) -> list[str]:
    """One entry under ``answers:``, indented by two spaces: short form, or long form when it has more to say."""
    if answer is None or answer.answer is None:
        return [f"  {question.id}:"]
    if not answer.evidence and not answer.reason and not evidence_slots:
        return [f"  {question.id}: {_plain(answer.answer)}"]
    out = [f"  {question.id}:", f"    answer: {_plain(answer.answer)}"]
    if answer.evidence:
        out.append(f"    evidence: {quote(answer.evidence)}")
    elif evidence_slots:
        out.append("    evidence:")
    if answer.reason:
        out.append(f"    reason: {quote(answer.reason)}")
    return out
