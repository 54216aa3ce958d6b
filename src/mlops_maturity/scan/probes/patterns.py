"""Read a probe's regular expression before ``re`` does: refuse the shapes that backtrack without end, and
find the literal text every match must contain, so that a scan can skip a file without running the pattern.

Python's ``re`` backtracks. A repeated group that can itself repeat or branch (``(a+)+``, ``(a|aa)*``)
takes exponential time on a line that almost matches, and several unbounded repeats in a row take
polynomial time of a high degree. Probes come from questionnaire folders anyone can write, so such
shapes are refused when the probes are loaded; what is left is bounded further by the scan (line
length, a time limit). Only the syntax ``re`` accepts is read here, and ``re.compile`` has the last
word on validity.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from mlops_maturity.scan.probes.literals import selectivity

MAX_PATTERN_CHARS = 300
MAX_UNBOUNDED = 4  # repeats without an upper bound (*, +, {n,}) one match passes through
MAX_BOUND = 100  # the largest explicit repeat count, as in {1,100}

_CLASS_ESCAPES = frozenset("dDsSwW")
_ANCHOR_ESCAPES = frozenset("bBAZ")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_QUANT = re.compile(r"\{(\d*)(,?)(\d*)\}")


@dataclass(frozen=True)
class Node:
    """One parsed piece: ``lit`` (one character), ``other`` (a class, ``.``, an anchor), ``group``, ``alt``."""

    kind: str
    char: str = ""
    branches: tuple[tuple[Item, ...], ...] = ()  # alt: the branches; group: one alt in branches[0][0]
    consuming: bool = True  # False for lookarounds and scoped flags we cannot read literally


@dataclass(frozen=True)
class Item:
    node: Node
    low: int = 1
    high: int | None = 1  # None: unbounded


@dataclass(frozen=True)
class Analysis:
    """What the scan needs to know about a checked pattern."""

    literals: frozenset[str] | None  # every match contains one of these; None when no such set is known
    ignore_case: bool
    regex: re.Pattern[str] = field(compare=False, repr=False)  # compiled once, by the check


@functools.lru_cache(maxsize=4096)
def analyse(pattern: str) -> Analysis:
    """Check ``pattern``; raise ``ValueError`` with a reason a probe author can act on (the result is kept)."""
    if not pattern:
        raise ValueError("a pattern cannot be empty")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ValueError(f"a pattern is limited to {MAX_PATTERN_CHARS} characters")
    try:
        regex = re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    parser = _Parser(pattern)
    tree = parser.parse()
    _check_repeats(tree)
    unbounded = _count_unbounded(tree)
    if unbounded > MAX_UNBOUNDED:
        raise ValueError(
            f"{unbounded} unbounded repeats (*, +, {{n,}}); at most {MAX_UNBOUNDED} keep a scan fast on long lines"
        )
    literals = None if parser.verbose else _required(tree)
    if literals is not None and parser.ignore_case:
        literals = frozenset(s.lower() for s in literals)
    return Analysis(literals=literals, ignore_case=parser.ignore_case, regex=regex)


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0
        self.ignore_case = False
        self.verbose = False  # (?x): spaces in the pattern are not text, so no literal can be read off it

    def parse(self) -> Node:
        if self.text.startswith("(?") and re.match(r"\(\?[aiLmsux]+\)", self.text):
            flags = self.text[2 : self.text.index(")")]
            self.ignore_case = "i" in flags
            self.verbose = "x" in flags
            self.pos = len(flags) + 3
        node = self._alt()
        if self.pos != len(self.text):  # pragma: no cover - re.compile refused it already
            raise ValueError("unbalanced parenthesis")
        return node

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _alt(self) -> Node:
        branches = [self._seq()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._seq())
        return Node("alt", branches=tuple(branches))

    def _seq(self) -> tuple[Item, ...]:
        items: list[Item] = []
        while self._peek() not in ("", "|", ")"):
            node = self._atom()
            if node is None:
                continue
            low, high = self._quantifier()
            items.append(Item(node, low, high))
        return tuple(items)

    def _quantifier(self) -> tuple[int, int | None]:
        char = self._peek()
        if char in ("*", "+", "?"):
            self.pos += 1
            bounds: tuple[int, int | None] = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        else:
            match = _QUANT.match(self.text, self.pos)
            if match is None or not (match[1] or match[3]):
                return 1, 1
            self.pos = match.end()
            low = int(match[1] or 0)
            high = None if match[2] and not match[3] else int(match[3] or match[1])
            if max(low, high or 0) > MAX_BOUND:
                raise ValueError(f"a repeat count above {MAX_BOUND}; use + or * instead")
            bounds = (low, high)
        if self._peek() in ("?", "+"):  # lazy or possessive: the same bounds
            self.pos += 1
        return bounds

    def _atom(self) -> Node | None:
        char = self._peek()
        self.pos += 1
        if char == "(":
            return self._group()
        if char == "[":
            self._skip_class()
            return Node("other")
        if char == "\\":
            return self._escape()
        if char in (".", "^", "$"):
            return Node("other")
        return Node("lit", char=char)

    def _group(self) -> Node | None:
        consuming = True
        if self.text.startswith("?#", self.pos):
            self.pos = self.text.index(")", self.pos) + 1
            return None
        if self.text.startswith("?P=", self.pos) or self.text.startswith("?(", self.pos):
            raise ValueError("back-references and conditional groups are not allowed in probes")
        if self.text.startswith("?P<", self.pos):
            self.pos = self.text.index(">", self.pos) + 1
        elif self.text.startswith(("?=", "?!"), self.pos):
            self.pos += 2
            consuming = False
        elif self.text.startswith(("?<=", "?<!"), self.pos):
            self.pos += 3
            consuming = False
        elif self._peek() == "?":
            flags = re.match(r"\?([aiLmsux-]*):", self.text[self.pos :])
            if flags is None:
                raise ValueError("inline flags such as (?i) may only open a pattern")
            self.pos += flags.end()
            consuming = not set(flags[1]) & set("ix")  # case-blind or verbose: no literal text to look for
        inner = self._alt()
        self.pos += 1  # the closing parenthesis
        return Node("group", branches=((Item(inner),),), consuming=consuming)

    def _skip_class(self) -> None:
        if self._peek() == "^":
            self.pos += 1
        if self._peek() == "]":
            self.pos += 1
        while self._peek() not in ("]", ""):
            self.pos += 2 if self._peek() == "\\" else 1
        self.pos += 1

    def _escape(self) -> Node:
        char = self._peek()
        self.pos += 1
        if char.isdigit() and char != "0":
            raise ValueError("back-references are not allowed in probes")
        if char in _CLASS_ESCAPES or char in _ANCHOR_ESCAPES:
            return Node("other")
        if char in _CHAR_ESCAPES:
            return Node("lit", char=_CHAR_ESCAPES[char])
        for lead, size in (("x", 2), ("u", 4), ("U", 8)):
            if char == lead:
                code = self.text[self.pos : self.pos + size]
                self.pos += size
                return Node("lit", char=chr(int(code, 16)))
        if char == "N" or char == "0":  # named characters and octal: leave them to re
            match = re.match(r"\{[^}]*\}|[0-7]{0,2}", self.text[self.pos :])
            self.pos += match.end() if match else 0
            return Node("other")
        return Node("lit", char=char)


def _children(node: Node) -> list[Item]:
    return [item for branch in node.branches for item in branch]


def _repeats_inside(node: Node) -> bool:
    """True when ``node`` holds a repeat or a choice between branches."""
    if node.kind == "alt" and len(node.branches) > 1:
        return True
    return any(item.high != 1 or _repeats_inside(item.node) for item in _children(node))


def _check_repeats(node: Node) -> None:
    for item in _children(node):
        if (item.high is None or item.high > 1) and _repeats_inside(item.node):
            raise ValueError(
                "a repeated group that itself repeats or branches, such as (a+)+ or (a|b)*, can take "
                "exponential time; use a character class such as [ab]+ instead"
            )
        _check_repeats(item.node)


def _count_unbounded(node: Node) -> int:
    """Unbounded repeats one match can pass through: summed along a sequence, the most of any branch."""
    return max(
        (sum((item.high is None) + _count_unbounded(item.node) for item in branch) for branch in node.branches),
        default=0,
    )


def _required(node: Node) -> frozenset[str] | None:
    """Strings one of which every match contains, or None."""
    if node.kind == "alt":
        found: set[str] = set()
        for branch in node.branches:
            required = _required_in_sequence(branch)
            if required is None:
                return None
            found |= required
        return frozenset(found)
    if node.kind == "group" and node.consuming:
        return _required(node.branches[0][0].node)
    return None


def _required_in_sequence(items: tuple[Item, ...]) -> frozenset[str] | None:
    """The best requirement of a sequence: its longest run of plain characters, or a group's alternatives."""
    candidates: list[frozenset[str]] = []
    run = ""
    for item in items:
        if item.node.kind == "lit" and item.low == 1 and item.high == 1:
            run += item.node.char
            continue
        if run:
            candidates.append(frozenset((run,)))
            run = ""
        if item.low >= 1 and item.node.kind == "group":
            required = _required(item.node)
            if required:
                candidates.append(required)
    if run:
        candidates.append(frozenset((run,)))
    if not candidates:
        return None
    ranked = max(enumerate(candidates), key=lambda item: (*selectivity(item[1]), item[0]))
    return ranked[1]
