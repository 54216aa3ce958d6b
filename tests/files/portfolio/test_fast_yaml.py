"""The fast reader must agree with ``yaml_reader.parse`` on everything it accepts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.errors import InputFileError
from mlops_maturity.files.portfolio.fast_yaml import quick_parse
from mlops_maturity.files.yaml_reader import Document, parse

COMMON = """\
# Expected: stage 2
questionnaire: tiny
team: Fraud detection   # the team's own name
assessed_on: 2026-11-22
answers:
  deploy.prod: one

  deploy.auto:
    answer: not_applicable
    reason: "batch scoring only, no online serving"
    evidence: 'runbook: it''s in the wiki'
  deploy.who: null
  deploy.extra:
"""


def test_common_shape_is_read_like_the_full_parser() -> None:
    quick = quick_parse(COMMON, "a.yaml")
    assert quick is not None
    assert quick == parse(COMMON, "a.yaml")
    assert quick.data["answers"]["deploy.auto"]["evidence"] == "runbook: it's in the wiki"
    assert quick.data["answers"]["deploy.who"] is None
    assert quick.lines[("answers", "deploy.auto", "reason")] == 10


def test_crlf_line_ends_are_read() -> None:
    text = COMMON.replace("\n", "\r\n")
    assert quick_parse(text, "a.yaml") == parse(text, "a.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "team: [a, b]\n",
        "team: {a: 1}\n",
        "team: |\n  text\n",
        "team: &x a\n",
        "team: !!str a\n",
        "answers:\n  - a\n",
        "team: Fraud\n  detection\n",
        "team: C# team\n",
        "team: a:b\n",
        'team: "a\\"b"\n',
        "team: 'open\n",
        "team:\tx\n",
        "  team: indented root\n",
        "answers:\n    a: x\n  b: y\n",
        "team: a\nteam: b\n",
        "---\nteam: a\n",
        "team: ~\n",
        "a:\n b:\n  c:\n   d:\n    e: x\n",
    ],
)
def test_anything_else_is_left_to_the_full_parser(text: str) -> None:
    assert quick_parse(text, "a.yaml") is None


KEYS = st.sampled_from(["team", "answers", "answer", "evidence", "a.b", "x-y_z", "null", "1", "q", "a", "b"])
PLAIN_CHARS = st.sampled_from(list("abcXYZ019 _-.,()'\"?[]{}|>&*!%@~=<`\\#:é日\t\u00a0\x85"))
SCALARS = st.one_of(
    st.text(PLAIN_CHARS, min_size=1, max_size=12),
    st.text(st.sampled_from(list("abcXYZ019 _-.,()é日")), min_size=1, max_size=12),
    st.builds(lambda s: f'"{s}"', st.text(PLAIN_CHARS, max_size=8)),
    st.builds(lambda s: f"'{s}'", st.text(PLAIN_CHARS, max_size=8)),
    st.sampled_from(["", "null", "Null", "NULL", "~", "yes", "2026-11-22", "1:30", "=", "<<", "- x", "# c", "[]"]),
)
SEPARATORS = st.sampled_from([": ", ": ", ": ", ":", ":  ", " :"])
COMMENTS = st.sampled_from(["", "", "", " # note", "  #note", "#tight", " #"])
NOISE = st.sampled_from(["", "   ", "# comment", "  # indented comment", "- item", "---", "\t", "x"])


@st.composite
def mappings(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> list[str]:
    """A block mapping as lines, mostly well formed, sometimes not."""
    step = draw(st.sampled_from([1, 2, 2, 2, 4]))
    lines: list[str] = []
    for key in draw(st.lists(KEYS, min_size=1, max_size=5)):
        pad = " " * (indent + draw(st.sampled_from([0, 0, 0, 0, 0, 0, 1])))
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            lines.append(f"{pad}{key}:{draw(COMMENTS)}")
            lines += draw(mappings(indent + step, depth + 1))
        else:
            lines.append(f"{pad}{key}{draw(SEPARATORS)}{draw(SCALARS)}{draw(COMMENTS)}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(NOISE))
    return lines


DOCUMENTS = st.builds(
    lambda lines, end: end.join(lines),
    mappings(),
    st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]),
)


def _full(text: str) -> Document | None:
    try:
        return parse(text, "a.yaml")
    except InputFileError:
        return None


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(DOCUMENTS)
def test_whatever_the_fast_reader_accepts_the_full_parser_reads_the_same(text: str) -> None:
    quick = quick_parse(text, "a.yaml")
    if quick is not None:
        assert quick == _full(text)
