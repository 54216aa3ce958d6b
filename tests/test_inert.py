"""``inert.py``: the one escaping of text for a terminal or a CI log."""

from __future__ import annotations

import dataclasses
import enum
from functools import cached_property

from hypothesis import given
from hypothesis import strategies as st

from mlops_maturity.engine.model.frozen import Frozen
from mlops_maturity.errors import FilesError, MaturityError, Problem
from mlops_maturity.inert import inert, inert_all


def test_controls_are_shown_escaped_and_line_breaks_become_spaces() -> None:
    assert inert("a\nb\r\nc\td") == "a b  c d"
    assert inert("\x1b[31mred\x07\x08") == "\\x1b[31mred\\x07\\x08"
    assert inert("\x9b2J \x85x \u2028y") == "\\x9b2J  x  y"
    assert inert("\u202egnp.exe \u2066x\u2069 \u200f") == "\\u202egnp.exe \\u2066x\\u2069 \\u200f"


def test_colons_that_could_open_a_workflow_command_are_split() -> None:
    assert inert("::warning file=z::x") == ":\u200b:warning file=z:\u200b:x"
    assert inert("a: b") == "a: b"


def test_plain_text_comes_back_as_it_is() -> None:
    text = "Équipe fraude — stage 3 · 57.5 / 100 [bold] 日本"
    assert inert(text) is text


@given(st.text())
def test_it_is_idempotent_and_leaves_nothing_to_act_on(text: str) -> None:
    once = inert(text)
    assert inert(once) == once
    assert "\n" not in once and "\x1b" not in once and "::" not in once


class Kind(str, enum.Enum):
    a = "x\ny"


class Inner(Frozen):
    label: str
    points: int = 0


class Outer(Frozen):
    name: str
    inner: tuple[Inner, ...]
    lines: dict[str, int]
    kind: Kind = Kind.a

    @cached_property
    def shout(self) -> str:
        return self.name.upper()


@dataclasses.dataclass(frozen=True)
class Report:
    outer: Outer
    file: str
    checks: tuple[str, ...] = ()


def test_every_string_of_a_model_is_made_inert_and_the_rest_is_shared() -> None:
    clean = Inner(label="fine")
    outer = Outer(name="a\nb", inner=(clean, Inner(label="\x1b[2J")), lines={"q\n": 3})
    assert outer.shout == "A\nB"  # cached from the raw text; the copy must not carry it over
    report = Report(outer=outer, file="f\x07", checks=("ok",))
    shown = inert_all(report)
    assert shown.file == "f\\x07" and shown.checks is report.checks
    assert shown.outer.name == "a b" and shown.outer.shout == "A B"
    assert shown.outer.inner[0] is clean and shown.outer.inner[1].label == "\\x1b[2J"
    assert shown.outer.lines == {"q ": 3}
    assert shown.outer.kind is Kind.a  # an enum is a value, not text
    assert report.outer.name == "a\nb"  # the original is untouched
    untouched = Report(outer=Outer(name="n", inner=(), lines={}), file="f")
    assert inert_all(untouched) is untouched


def test_an_error_prints_one_inert_line_per_problem() -> None:
    problem = Problem("x\n::warning file=z::y.yaml", "bad \x1b[31m", 3, "answers.a\nb")
    assert str(problem) == "x :\u200b:warning file=z:\u200b:y.yaml:3: answers.a b: bad \\x1b[31m"
    assert MaturityError("one\ntwo").lines() == ("one two",)
    several = FilesError("2 of 3 files could not be read", (Problem("a", "m"), Problem("b\r", "n")))
    assert str(several) == "a: m\nb : n\n2 of 3 files could not be read"
