"""``consensus --anonymous``: respondents numbered, roles and files dropped, and the names the round knows taken
out of the evidence and reasons it quotes (what it cannot recognise is said in ``ANONYMOUS_NOTE``)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.respondents.consensus import Voice, name_key


def anonymised(voices: Sequence[Voice]) -> tuple[Voice, ...]:
    """Names replaced by "Respondent 1".."Respondent N", roles dropped, and the names taken out of the text.

    The numbers follow a hash of each name: fixed for a given team, independent of the
    order of the files, and not alphabetical, so they do not point back at the names.
    Evidence and reasons are quoted, so the names the round knows (each respondent's,
    in full or by one part of it, see :func:`name_pattern`) are replaced there too.
    """
    ordered = sorted(voices, key=lambda v: hashlib.sha256(name_key(v.name).encode()).hexdigest())
    shown = {v.name: f"Respondent {i}" for i, v in enumerate(ordered, 1)}
    scrub = name_scrubber(shown)
    return tuple(
        Voice(
            name=shown[v.name],
            role=None,
            given={qid: _scrubbed(a, scrub) for qid, a in v.given.items()},
            file="",
            assessed_on=v.assessed_on,
        )
        for v in ordered
    )


ANONYMOUS_NOTE = (
    "anonymous: respondents are numbered, their roles and files left out, and their names (in full, or a first or "
    "last name written as in the files) replaced in the evidence quoted; initials, nicknames, e-mail addresses, "
    "other people's names, and what an answer says about its author's own work are not recognised"
)


def name_scrubber(shown: Mapping[str, str]) -> Callable[[str], str]:
    """A function that replaces each name in ``shown`` (a respondent's name -> what to show instead) in a text.

    A full name is found whatever its case and spacing; one part of it (``Ana`` of ``Ana Lima``)
    as written in the file, capitalised or in capitals, so that a word such as "dev" is not
    taken for Dev Patel. A part two respondents share is shown as "a respondent".
    """
    owners: dict[str, set[str]] = {}
    for name in shown:
        for part in _parts(name):
            owners.setdefault(part, set()).add(name)
    replacement: dict[str, str] = {}
    for part, owned_by in owners.items():
        replacement[part] = shown[next(iter(owned_by))] if len(owned_by) == 1 else "a respondent"
    full = {_folded(" ".join(name.split())).casefold(): shown[name] for name in shown}
    names = sorted((_spaced(name) for name in shown if name.split()), key=len, reverse=True)
    parts = sorted((re.escape(part) for part in replacement), key=len, reverse=True)
    if not names:
        return lambda text: text
    either = [f"(?i:{'|'.join(names)})", *(["|".join(parts)] if parts else [])]  # full names first: the longest
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(either) + r")(?!\w)")

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        key = _folded(" ".join(found.split())).casefold()
        if key in full:
            return full[key]
        return replacement.get(found) or replacement.get(_folded(found)) or found

    def scrub(text: str) -> str:
        return pattern.sub(replace, text)

    return scrub


def _parts(name: str) -> set[str]:
    """The forms of a name's parts that count as naming the person: as written, capitalised, in capitals,
    with and without accents (``Chloé``, ``Chloe``, ``CHLOÉ``); parts of one letter are left alone."""
    forms: set[str] = set()
    for part in re.findall(r"\w+", name):
        if len(part) < 2 or part.isdigit():
            continue
        for form in (part, part.capitalize(), part.upper()):
            forms |= {form, _folded(form)}
    return forms


def _spaced(name: str) -> str:
    """A folded full name as a pattern that allows any spacing between its parts (and accents or not)."""
    return r"\s+".join(_accent_free_pattern(word) for word in name.split())


def _accent_free_pattern(word: str) -> str:
    out = []
    for char in word:
        plain = _folded(char)
        out.append(re.escape(char) if plain == char else f"[{re.escape(char)}{re.escape(plain)}]")
    return "".join(out)


def _folded(text: str) -> str:
    """``text`` without accents: ``Chloé`` -> ``Chloe``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _scrubbed(answer: Answer, scrub: Callable[[str], str]) -> Answer:
    changes = {
        key: scrub(text) for key in ("evidence", "reason") if (text := getattr(answer, key)) and scrub(text) != text
    }
    return answer.model_copy(update=changes) if changes else answer
