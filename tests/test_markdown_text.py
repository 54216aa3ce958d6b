"""User text in Markdown stays text."""

from __future__ import annotations

import pytest

from mlops_maturity.render.markdown import code, escape


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fraud detection", "Fraud detection"),
        ("a|b", "a\\|b"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert\\(1\\)&gt;"),
        ("*bold* _it_ `c` [l](u) #1 ~s~", "\\*bold\\* \\_it\\_ \\`c\\` \\[l\\]\\(u\\) #1 \\~s\\~"),
        ("back\\slash & co", "back\\\\slash &amp; co"),
        ("two\nlines\r\n  here", "two lines here"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("deploy.auto", "`deploy.auto`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``")],
)
def test_code(text: str, expected: str) -> None:
    assert code(text) == expected
