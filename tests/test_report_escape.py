"""Free text in the report stays literal text: no HTML, links, emphasis or block structure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mlops_maturity.render.markdown import markdown_text, one_line, url_path

MD = MarkdownIt("commonmark").enable("table")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fraud detection", "Fraud detection"),
        ("a <b> & c", "a &lt;b&gt; &amp; c"),
        ("[x](https://evil.example)", r"\[x\]\(https\://evil.example\)"),
        ("see www.example.com", r"see www\.example.com"),
        ("*bold* _it_ `code` ~s~ $m$ a|b", r"\*bold\* \_it\_ \`code\` \~s\~ \$m\$ a\|b"),
        ("mail me@example.com", r"mail me\@example.com"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("12. item", r"12\. item"),
        ("3) item", r"3\) item"),
        ("2.1.0", "2.1.0"),
        ("55.6", "55.6"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines\r\n\tand  tabs", "two lines and tabs"),
        ("  padded  ", "padded"),
        ("bidi\u202eevil\u2066", "bidievil"),
        ("line\u2028sep", "line sep"),
    ],
)
def test_markdown_text(text: str, expected: str) -> None:
    assert markdown_text(text) == expected


def test_one_line_keeps_text_but_not_line_breaks() -> None:
    assert one_line("a\n\n b\x00c") == "a bc"


def test_url_path_cannot_close_the_link() -> None:
    assert url_path("my team (EU).svg") == "my%20team%20%28EU%29.svg"


def _inline_children(text: str) -> list[str]:
    tokens = MD.parse(text)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], tokens
    return [child.type for child in tokens[1].children or []]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80))
def test_any_text_renders_as_one_plain_paragraph(text: str) -> None:
    escaped = markdown_text(text)
    if not escaped:
        return
    children = _inline_children(escaped)
    assert set(children) == {"text"}, children
    rendered = MD.parse(escaped)[1].children
    assert rendered is not None
    assert "".join(c.content for c in rendered) == one_line(text)


@pytest.mark.parametrize("prefix", ["- ", "| cell | ", "> ", "1. "])
def test_escaped_text_keeps_its_place_after_template_markup(prefix: str) -> None:
    hostile = "| x |\n# title\n<img src=x onerror=alert(1)>"
    tokens = MD.parse(prefix + markdown_text(hostile) + "\n")
    kinds = {t.type for t in tokens}
    assert not kinds & {"heading_open", "html_block", "table_open"}
    inline = [c.type for t in tokens if t.type == "inline" for c in t.children or []]
    assert "html_inline" not in inline and "link_open" not in inline


def test_a_pipe_in_free_text_stays_inside_its_table_cell() -> None:
    table = f"| a | b |\n|---|---|\n| {markdown_text('x | y')} | {markdown_text('<b>z</b>')} |\n"
    tokens = MD.parse(table)
    body = tokens[tokens.index(next(t for t in tokens if t.type == "tbody_open")) :]
    cells = [t.content for t in body if t.type == "inline"]
    assert cells == ["x | y", "&lt;b&gt;z&lt;/b&gt;"]
    rendered = MD.render(table)
    assert "<td>x | y</td>\n<td>&lt;b&gt;z&lt;/b&gt;</td>" in rendered
