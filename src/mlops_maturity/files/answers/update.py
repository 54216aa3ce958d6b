"""Save answers into an existing file by editing only what changed, so a team's own comments stay.

The survey saves after every answer. Writing the whole file afresh from the
template would drop every comment and layout choice the team made by hand, so an
existing file is edited in place instead: the lines of an entry whose answer
changed are replaced, a missing entry is added at the end of ``answers:``, and
everything else stays byte for byte. The edit is used only when it reads back
exactly as the file written afresh would; otherwise the caller writes afresh.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import InputFileError
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.answers.writer import answer_lines, quote, render_answers_file
from mlops_maturity.files.yaml_reader import Document, Loc, parse

# Line breaks YAML counts but ``str.split("\n")`` does not: a file holding any is written afresh.
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_NESTED_KEY = re.compile(r"[A-Za-z_]+:(?=\s|$)")  # answer:, evidence:, reason:
_Edit = tuple[int, int, list[str]]  # replace lines[start:end] with these lines


def update_answers_text(
    text: str,
    q: Questionnaire,
    team: str,
    assessed_on: dt.date | None,
    given: Mapping[str, Answer],
    *,
    respondent: str = "",
    role: str = "",
) -> str | None:
    """``text`` with its team, respondent, date and answers set to these and the rest untouched; None when unsafe."""
    if _OTHER_BREAKS.search(text):
        return None
    fresh = render_answers_file(
        q, team=team, assessed_on=assessed_on, given=given, evidence_slots=True, respondent=respondent, role=role
    )
    try:
        doc = parse(text, "answers")
        before, wanted = check_answers(doc, q), _read(fresh, q)
    except InputFileError:
        return None
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("answers"), dict):
        return None
    lines = text.split("\n")
    eol = "\r" if "\r\n" in text else ""
    edits = _head_edits(doc, lines, before, wanted, team, assessed_on, (respondent.strip(), role.strip()))
    entries = _entry_edits(doc, lines, q, before, wanted, given)
    if edits is None or entries is None:
        return None
    for start, end, new in sorted(edits + entries, key=lambda edit: edit[0], reverse=True):
        lines[start:end] = [line if line.endswith("\r") else line + eol for line in new]
    updated = "\n".join(lines)
    try:
        after = _read(updated, q)
    except InputFileError:
        return None
    if _head(after) != _head(wanted) or after.given != wanted.given:
        return None
    return updated


def _read(text: str, q: Questionnaire) -> Answers:
    return check_answers(parse(text, "answers"), q)


def _head(answers: Answers) -> tuple[object, ...]:
    return (answers.team, answers.respondent, answers.role, answers.assessed_on)


def _head_edits(
    doc: Document,
    lines: list[str],
    before: Answers,
    wanted: Answers,
    team: str,
    assessed_on: dt.date | None,
    person: tuple[str, str],
) -> list[_Edit] | None:
    """``team:``, ``respondent:``, ``role:`` and ``assessed_on:``: rewritten where they changed, added above
    ``answers:`` if absent."""
    respondent, role = person
    new = {
        "team": (before.team != wanted.team, f"team: {quote(team)}"),
        "respondent": (
            before.respondent != wanted.respondent,
            f"respondent: {quote(respondent)}" if respondent else "respondent:",
        ),
        "role": (before.role != wanted.role, f"role: {quote(role)}" if role else "role:"),
        "assessed_on": (
            before.assessed_on != wanted.assessed_on,
            f"assessed_on: {assessed_on.isoformat() if assessed_on else ''}".rstrip(),
        ),
    }
    edits: list[_Edit] = []
    missing: list[str] = []
    for key, (changed, line) in new.items():
        if not changed:
            continue
        if (key,) not in doc.lines:
            missing.append(line)
            continue
        span = _span(doc, lines, (key,), indent="")
        if span is None:
            return None
        start, end, kept = span
        edits.append((start, end, [line + _trailing_comment(lines[start]), *kept]))
    if missing:
        top = doc.lines[("answers",)] - 1
        edits.append((top, top, missing))
    return edits


def _entry_edits(
    doc: Document,
    lines: list[str],
    q: Questionnaire,
    before: Answers,
    wanted: Answers,
    given: Mapping[str, Answer],
) -> list[_Edit] | None:
    """The entries under ``answers:`` whose answer changed, and new entries at its end."""
    present = list(doc.data["answers"])
    first = lines[doc.lines[("answers", present[0])] - 1]
    indent = first[: len(first) - len(first.lstrip(" "))]
    if not indent:
        return None
    edits: list[_Edit] = []
    added: list[str] = []
    for question in q.questions:
        if before.given.get(question.id) == wanted.given.get(question.id):
            continue
        new = [indent + line[2:] for line in answer_lines(question, given.get(question.id), evidence_slots=True)]
        if question.id not in doc.data["answers"]:
            added += ["", *new]
            continue
        span = _span(doc, lines, ("answers", question.id), indent)
        if span is None:
            return None
        start, end, kept = span
        new[0] += _trailing_comment(lines[start])
        edits.append((start, end, new + kept))
    if added:
        last = _span(doc, lines, ("answers", present[-1]), indent)
        if last is None:
            return None
        edits.append((last[1], last[1], added))
    return edits


def _span(doc: Document, lines: list[str], loc: Loc, indent: str) -> tuple[int, int, list[str]] | None:
    """Where the key at ``loc`` and its value are written: first line, end, and comment lines inside.

    The value ends with its last line indented deeper than the key, before the
    next key at the same or an outer level. None when the key does not open its
    line at ``indent``, as in flow style.
    """
    start = doc.lines[loc] - 1
    line = lines[start]
    split = _split_key(line)
    if split is None or split[0] != loc[-1] or not line.startswith(indent) or line[len(indent)] == " ":
        return None
    later = [n - 1 for other, n in doc.lines.items() if len(other) <= len(loc) and n - 1 > start]
    end, comments = start + 1, []
    for i in range(start + 1, min(later, default=len(lines))):
        line, stripped = lines[i], lines[i].strip()
        if not stripped:
            continue
        depth = len(line) - len(line.lstrip(" "))
        if stripped.startswith("#"):
            comments.append((i, line))
        elif depth > len(indent):
            end = i + 1
            comment = _trailing_comment(stripped) if _NESTED_KEY.match(stripped) else ""
            if comment:  # its line is rewritten, so the comment moves to a line of its own
                comments.append((i, " " * depth + comment.strip()))
        else:
            break
    return start, end, [line for i, line in comments if i < end]


def _split_key(line: str) -> tuple[str, str] | None:
    """``key: rest`` -> (key, rest), the key plain or simply quoted; None for anything else."""
    text = line.lstrip(" ")
    if text[:1] in ("'", '"'):
        close = _closing_quote(text)
        if close is None or text[close + 1 : close + 2] != ":" or "\\" in text[:close] or "''" in text[:close]:
            return None
        return text[1:close], text[close + 2 :]
    key, colon, rest = text.partition(":")
    return (key, rest) if colon else None


def _trailing_comment(line: str) -> str:
    """The comment after the value on a key's line, with the space before it; "" if none."""
    split = _split_key(line)
    if split is None:
        return ""
    rest = split[1].rstrip("\r")
    value = rest.lstrip(" \t")
    if value[:1] in ("'", '"'):
        close = _closing_quote(value)
        if close is None:  # the value goes on to the next line
            return ""
        rest = value[close + 1 :]
    match = re.search(r"(^|[ \t]+)#", rest)
    return rest[match.start() :] if match else ""


def _closing_quote(value: str) -> int | None:
    """Index of the quote that closes the quoted scalar ``value`` starts with, if on this line."""
    quote_mark, i = value[0], 1
    while i < len(value):
        if quote_mark == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == quote_mark:
            if quote_mark == "'" and value[i + 1 : i + 2] == "'":  # '' is an escaped quote
                i += 2
                continue
            return i
        i += 1
    return None
