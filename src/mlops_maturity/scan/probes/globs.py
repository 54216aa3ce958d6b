"""File globs of probes, contexts and annotations, and a fast index from a path to the globs it matches.

A glob is matched against a path relative to the scanned folder, with ``/``
between folders. As in ``.gitignore``, a glob without ``/`` matches a file name
at any depth (``Dockerfile``, ``*.dvc``); a glob with ``/`` is matched from the
top (``.github/workflows/*.yml``), and a leading ``/`` keeps a file name there
(``/CODEOWNERS``, ``/.travis.yml``: GitHub and Travis read only those). ``*``
and ``?`` stay within one folder name, ``**`` spans folders (``docs/**``,
``**/dags/*.py``), and ``[...]`` is a set of characters (``[!...]`` its
complement). Matching is case-sensitive. In a list of globs, one that starts
with ``!`` takes paths out: ``[Dockerfile, "!.gitlab/**"]`` is every
Dockerfile but those under ``.gitlab/``.

In a :class:`GlobIndex` (the probes' and contexts' globs), "the top" is the top
of a project: the scanned folder's, or a template's output folder, one named by
a placeholder (``{{cookiecutter.project_slug}}/``, ``{{.input_root_dir}}/``),
which becomes the top of every project made from it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

MAX_GLOB_CHARS = 200
_META = frozenset("*?[")


def check_glob(glob: str) -> str:
    """``glob`` if it is well formed; ``ValueError`` with a reason otherwise."""
    if glob.startswith("!"):  # a path it matches is taken out of the list's
        check_glob(glob[1:])
        return glob
    if not glob or glob != glob.strip():
        raise ValueError("a glob cannot be empty or start or end with spaces")
    if len(glob) > MAX_GLOB_CHARS:
        raise ValueError(f"a glob is limited to {MAX_GLOB_CHARS} characters")
    if glob.startswith("//") or glob == "/" or "\\" in glob:
        raise ValueError(f"{glob!r}: write paths relative to the scanned folder, with / between folders")
    if any(part in (".", "..") for part in glob.removeprefix("/").split("/")):
        raise ValueError(f"{glob!r}: '.' and '..' are not allowed in a glob")
    try:
        re.compile(glob_regex(glob))
    except (ValueError, re.error):
        raise ValueError(f"{glob!r}: a [ without its ] (or an empty [])") from None
    return glob


def glob_regex(glob: str, tag: str = "g") -> str:
    """The regular expression (for ``fullmatch``) of one glob; ``tag`` names its groups (unique per pattern).

    Python's ``re`` backtracks, and a glob written as the obvious regex does too: ``*a*a*a*c`` against a
    long name, or ``**/`` repeated, tries every way to share the text out among the wildcards. Between
    two wildcards, though, the leftmost place a piece fits is always a right one (whatever fits after a
    later place fits after it too), so each such piece is matched once, at its leftmost place, inside a
    group the engine cannot go back into (a lookahead, whose text a back-reference then consumes). The
    work is then about the length of the path times the length of the glob, whatever either holds.
    """
    if glob.endswith("/"):
        glob += "**"
    anchored = "/" in glob
    glob = glob.removeprefix("/")
    parts: list[str] = []
    for part in glob.split("/") if anchored else ["**", glob]:
        if not (part == "**" and parts and parts[-1] == "**"):  # **/** means what one ** means
            parts.append(part)
    count = itertools.count()

    def atomic(regex: str) -> str:
        name = f"{tag}{next(count)}"
        return f"(?=(?P<{name}>{regex}))(?P={name})"

    out = ""
    i = 0
    while i < len(parts):
        if parts[i] != "**":
            out += _segment(parts[i], atomic) + ("/" if i < len(parts) - 1 else "")
            i += 1
            continue
        if i == len(parts) - 1:  # a trailing **: the rest of the path, whatever it is
            return out + ".+"
        end = parts.index("**", i + 1) if "**" in parts[i + 1 :] else len(parts)
        run = "".join(_segment(p, atomic) + "/" for p in parts[i + 1 : end])
        if end == len(parts):  # the last run ends the path: try it only where whole segments end
            return out + "(?:[^/]*/)*" + run[:-1]
        out += atomic("(?:[^/]*/)*?" + run)  # a run between two **: its leftmost place
        i = end
    return out


def _segment(part: str, atomic: Callable[[str], str]) -> str:
    """One folder or file name's glob: fixed pieces between ``*``, each middle piece at its leftmost place."""
    pieces = [""]
    i = 0
    while i < len(part):
        char = part[i]
        if char == "*":
            pieces.append("")
        elif char == "?":
            pieces[-1] += "[^/]"
        elif char == "[":
            end = part.index("]", i + 2 if part[i + 1 : i + 2] in ("!", "]") else i + 1)
            body = part[i + 1 : end]
            if body.startswith("!"):
                body = "^/" + body[1:]
            pieces[-1] += "[" + body.replace("\\", "\\\\") + "]"
            i = end
        else:
            pieces[-1] += re.escape(char)
        i += 1
    if len(pieces) == 1:
        return pieces[0]
    middle = "".join(atomic("[^/]*?" + piece) for piece in pieces[1:-1] if piece)
    return pieces[0] + middle + "[^/]*" + pieces[-1]


def globs_pattern(globs: Iterable[str]) -> re.Pattern[str]:
    """One pattern that fully matches a path when any of ``globs`` does (and none of those with ``!``)."""
    unique = dict.fromkeys(globs)
    regexes = {g: f"(?:{glob_regex(g.removeprefix('!'), f'g{n}_')})" for n, g in enumerate(unique)}
    kept = "|".join(r for g, r in regexes.items() if not g.startswith("!")) or "(?!)"
    out = "|".join(r for g, r in regexes.items() if g.startswith("!"))
    return re.compile(f"(?!(?:{out})\\Z)(?:{kept})" if out else kept, re.DOTALL)


@dataclass
class GlobIndex:
    """Which of many glob lists a path matches, without trying every glob on every path.

    A file name without wildcards (``dvc.lock``) and a plain extension (``*.py``)
    are dictionary look-ups. Every other glob has a needle: the longest piece of
    plain text any path it matches contains (``examples`` for ``**/examples/**``);
    the needles found in a path, a few substring tests, say which of those globs
    are worth a regular expression, so that most paths cost none.
    """

    by_name: dict[str, set[int]] = field(default_factory=dict)
    by_suffix: dict[str, set[int]] = field(default_factory=dict)
    by_needle: dict[str, list[tuple[re.Pattern[str], int]]] = field(default_factory=dict)
    others: list[tuple[re.Pattern[str], int]] = field(default_factory=list)  # globs without a needle
    taken_out: list[tuple[re.Pattern[str], int]] = field(default_factory=list)  # the ``!`` globs
    taken_from: set[int] = field(default_factory=set)  # the owners of ``!`` globs
    needles: re.Pattern[str] | None = None  # at each position of a path, the longest needle starting there
    shorter: dict[str, tuple[str, ...]] = field(default_factory=dict)  # needle -> the needles it starts with

    @classmethod
    def build(cls, owners: Sequence[Iterable[str]]) -> GlobIndex:
        """``owners[i]`` is the globs of owner ``i``; :meth:`owners_of` returns the ``i`` a path matches."""
        index = cls()
        compiled: dict[str, re.Pattern[str]] = {}
        for owner, globs in enumerate(owners):
            for glob in globs:
                if glob.startswith("!"):
                    index.taken_out.append((re.compile(glob_regex(glob[1:]), re.DOTALL), owner))
                    index.taken_from.add(owner)
                elif "/" not in glob and not _META & set(glob):
                    index.by_name.setdefault(glob, set()).add(owner)
                elif "/" not in glob and glob.startswith("*.") and not _META & set(glob[1:]):
                    index.by_suffix.setdefault(glob[1:], set()).add(owner)
                else:
                    regex = compiled.get(glob) or compiled.setdefault(glob, re.compile(glob_regex(glob), re.DOTALL))
                    needle = glob_needle(glob)
                    if needle:
                        index.by_needle.setdefault(needle, []).append((regex, owner))
                    else:
                        index.others.append((regex, owner))
        if index.by_needle:
            longest_first = sorted(index.by_needle, key=lambda n: (-len(n), n))
            index.needles = re.compile("(?=(" + "|".join(map(re.escape, longest_first)) + "))")
            index.shorter = {
                n: tuple(m for m in index.by_needle if m != n and n.startswith(m)) for n in index.by_needle
            }
        return index

    def owners_of(self, path: str) -> set[int]:
        """The owners whose globs match ``path``, from the top or from a template's output folder above it."""
        tails = project_paths(path) if "{{" in path else []
        found = self._owners_of(path)
        for tail in tails:
            found |= self._owners_of(tail)
        if self.taken_out and not found.isdisjoint(self.taken_from):
            for regex, owner in self.taken_out:
                if owner in found and any(regex.fullmatch(p) for p in (path, *tails)):
                    found.discard(owner)
        return found

    def _owners_of(self, path: str) -> set[int]:
        name = path.rpartition("/")[2]
        found = set(self.by_name.get(name, ()))
        dot = name.find(".")
        while dot != -1:  # every suffix of the name: .yaml, and .tar.gz as well as .gz
            found |= self.by_suffix.get(name[dot:], set())
            dot = name.find(".", dot + 1)
        if self.needles is not None:
            for longest in set(self.needles.findall(path)):
                for needle in (longest, *self.shorter[longest]):
                    globs = self.by_needle[needle]
                    found |= {owner for regex, owner in globs if owner not in found and regex.fullmatch(path)}
        found |= {owner for regex, owner in self.others if owner not in found and regex.fullmatch(path)}
        return found


def glob_needle(glob: str) -> str:
    """The longest plain text every path ``glob`` matches holds ("" when none): a piece with no wildcard in it.

    A ``/`` at either end of a piece is left out, since ``**/`` may match nothing at all.
    """
    pieces = re.split(r"\*+|\?|\[[^\]]*\]", glob)
    return max((piece.strip("/") for piece in pieces), key=len, default="")


def project_paths(path: str) -> list[str]:
    """``path`` from each template output folder above it: ``a/{{x}}/ci/b.yml`` -> ``ci/b.yml``.

    A folder named by a placeholder (``{{...}}``) is where a project template's output starts: the files
    under it are the top of every project made from it (its ``.github/``, its ``Dockerfile``).
    """
    parts = path.split("/")
    return ["/".join(parts[i + 1 :]) for i, part in enumerate(parts[:-1]) if "{{" in part and "}}" in part]


def rendered(path: str, suffixes: Sequence[str]) -> str:
    """The path a template file becomes: ``Train.py.tmpl`` -> ``Train.py`` (``path`` when it is no template)."""
    if not path.endswith(tuple(suffixes)):  # most paths: one test
        return path
    folder, slash, name = path.rpartition("/")
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return folder + slash + name[: -len(suffix)]
    return path
