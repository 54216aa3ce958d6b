"""Markdown is built one way: user text stays literal text (no HTML, links, emphasis or block structure)."""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mlops_maturity.render.markdown import Markdown, code, escape, join, markdown_text, md, one_line, url_path

from support import ROOT, Run

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


def test_md_escapes_every_value_but_markdown_and_numbers() -> None:
    built = md("| {} | {} | {:+g} | {} |", "<b>*x*</b>", code("a.b"), -1.5, md("**kept**"))
    assert built == "| &lt;b&gt;\\*x\\*&lt;/b&gt; | `a.b` | -1.5 | **kept** |"
    assert isinstance(built, Markdown)


def test_join_keeps_markdown_and_the_separator() -> None:
    assert join([md("a"), md("{}", "*b*")], " · ") == "a · \\*b\\*"


RENDERERS = ROOT / "src" / "mlops_maturity" / "render"


def _markdown_modules() -> list[Path]:
    return sorted(RENDERERS.glob("*/markdown.py"))


@pytest.mark.parametrize("path", _markdown_modules(), ids=lambda p: p.parent.name)
def test_markdown_renderers_build_only_with_md(path: Path) -> None:
    """No f-string and no str concatenation can put raw text into these modules' output; md() templates are literals."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [n.lineno for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)], "use md(), not f-strings"
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "md" and node.args:
            assert isinstance(node.args[0], ast.Constant), f"{path.name}:{node.lineno}: md() needs a literal template"
        called = getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
        assert called != "Markdown", f"{path.name}:{node.lineno}: build with md(), not Markdown()"


HOSTILE = ["<img src=x onerror=alert(1)>", "[x](https://evil.example)"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_saved_result_with_markup_in_its_date_or_version_is_refused(
    cli: Callable[..., Run], tmp_path: Path, value: str
) -> None:
    from support import EXAMPLES

    saved = cli("score", EXAMPLES / "stage2-first-deployment.yaml", "--format", "json").out
    for field in ("assessed_on", "version"):
        data = json.loads(saved)
        if field == "version":
            data["questionnaire"]["version"] = value
        else:
            data["assessed_on"] = value
        old = tmp_path / f"old-{field}.json"
        old.write_text(json.dumps(data), encoding="utf-8")
        run = cli("compare", old, EXAMPLES / "stage3-platform-serving.yaml", "--format", "markdown")
        assert run.code == 2, run.out
        assert run.out == "" and value not in run.err.replace("\\", "")
        assert "not a result saved by" in run.err
