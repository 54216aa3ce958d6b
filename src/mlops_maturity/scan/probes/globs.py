"""File globs of probes, contexts and annotations, and a fast index from a path to the globs it matches.

A glob is matched against a path relative to the scanned folder, with ``/``
between folders. As in ``.gitignore``, a glob without ``/`` matches a file name
at any depth (``Dockerfile``, ``*.dvc``); a glob with ``/`` is matched from the
top (``.github/workflows/*.yml``). ``*`` and ``?`` stay within one folder name,
``**`` spans folders (``docs/**``, ``**/dags/*.py``), and ``[...]`` is a set of
characters (``[!...]`` its complement). Matching is case-sensitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_GLOB_CHARS = 200
_META = frozenset("*?[")


def check_glob(glob: str) -> str:
    """``glob`` if it is well formed; ``ValueError`` with a reason otherwise."""
    if not glob or glob != glob.strip():
        raise ValueError("a glob cannot be empty or start or end with spaces")
    if len(glob) > MAX_GLOB_CHARS:
        raise ValueError(f"a glob is limited to {MAX_GLOB_CHARS} characters")
    if glob.startswith("/") or "\\" in glob:
        raise ValueError(f"{glob!r}: write paths relative to the scanned folder, with / between folders")
    if any(part in (".", "..") for part in glob.split("/")):
        raise ValueError(f"{glob!r}: '.' and '..' are not allowed in a glob")
    try:
        re.compile(glob_regex(glob))
    except (ValueError, re.error):
        raise ValueError(f"{glob!r}: a [ without its ] (or an empty [])") from None
    return glob


def glob_regex(glob: str) -> str:
    """The regular expression (for ``fullmatch``) of one glob."""
    if glob.endswith("/"):
        glob += "**"
    anchored = "/" in glob
    out = "" if anchored else "(?:.*/)?"
    parts = glob.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out += ".*" if last else "(?:.*/)?"
            continue
        out += _segment(part) + ("" if last else "/")
    return out


def _segment(part: str) -> str:
    out, i = "", 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[":
            end = part.index("]", i + 2 if part[i + 1 : i + 2] in ("!", "]") else i + 1)
            body = part[i + 1 : end]
            if body.startswith("!"):
                body = "^/" + body[1:]
            out += "[" + body.replace("\\", "\\\\") + "]"
            i = end
        else:
            out += re.escape(char)
        i += 1
    return out


@dataclass
class GlobIndex:
    """Which of many glob lists a path matches, without trying every glob on every path.

    A file name without wildcards (``dvc.lock``) and a plain extension (``*.py``)
    are dictionary look-ups; only the remaining globs are regular expressions,
    and those are tried together first so that most paths cost one match.
    """

    by_name: dict[str, set[int]] = field(default_factory=dict)
    by_suffix: dict[str, set[int]] = field(default_factory=dict)
    others: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    any_other: re.Pattern[str] | None = None

    @classmethod
    def build(cls, owners: Sequence[Iterable[str]]) -> GlobIndex:
        """``owners[i]`` is the globs of owner ``i``; :meth:`owners_of` returns the ``i`` a path matches."""
        index = cls()
        others: list[str] = []
        for owner, globs in enumerate(owners):
            for glob in globs:
                if "/" not in glob and not _META & set(glob):
                    index.by_name.setdefault(glob, set()).add(owner)
                elif "/" not in glob and glob.startswith("*.") and not _META & set(glob[1:]):
                    index.by_suffix.setdefault(glob[1:], set()).add(owner)
                else:
                    regex = glob_regex(glob)
                    index.others.append((re.compile(regex, re.DOTALL), owner))
                    others.append(regex)
        if others:
            index.any_other = re.compile("|".join(f"(?:{r})" for r in dict.fromkeys(others)), re.DOTALL)
        return index

    def owners_of(self, path: str) -> set[int]:
        name = path.rpartition("/")[2]
        found = set(self.by_name.get(name, ()))
        dot = name.find(".")
        while dot != -1:  # every suffix of the name: .yaml, and .tar.gz as well as .gz
            found |= self.by_suffix.get(name[dot:], set())
            dot = name.find(".", dot + 1)
        if self.any_other is not None and self.any_other.fullmatch(path):
            found |= {owner for regex, owner in self.others if regex.fullmatch(path)}
        return found
