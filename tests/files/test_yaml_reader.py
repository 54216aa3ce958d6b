from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.errors import InputFileError
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.files.yaml_reader import MAX_DEPTH, parse, read_text


def test_scalars_stay_as_written() -> None:
    doc = parse("team: no\nversion: 1.0\nwhen: 1:30\nflag: on\nempty:\ntilde: ~\nquoted: 'null'\n", "f.yaml")
    assert doc.data == {
        "team": "no",
        "version": "1.0",
        "when": "1:30",
        "flag": "on",
        "empty": None,
        "tilde": None,
        "quoted": "null",
    }


def test_lines_are_recorded_for_keys_and_items() -> None:
    doc = parse("a:\n  b: 1\n  c:\n    - x\n    - y\n", "f.yaml")
    assert doc.line_of(("a", "b")) == 2
    assert doc.line_of(("a", "c", 1)) == 5
    assert doc.line_of(("a", "missing")) == 1


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(InputFileError) as info:
        parse("answers:\n  x: 1\n  x: 2\n", "dup.yaml")
    problem = info.value.problems[0]
    assert (problem.file, problem.line, problem.path) == ("dup.yaml", 3, "answers.x")
    assert "first given on line 2" in problem.message


def test_syntax_error_has_a_line() -> None:
    with pytest.raises(InputFileError) as info:
        parse("a: [1, 2\nb: 3\n", "bad.yaml")
    assert info.value.problems[0].line is not None
    assert str(info.value.problems[0]).startswith("bad.yaml:")


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo hi']\n",
        "a: !custom 1\n",
        "a: &x [1]\nb: *x\n",
        "base: &b {x: 1}\nother:\n  <<: *b\n",
        "? [1, 2]\n: complex\n",
    ],
)
def test_unsafe_or_surprising_constructs_are_refused(text: str) -> None:
    with pytest.raises(InputFileError):
        parse(text, "x.yaml")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    with pytest.raises(InputFileError, match="aliases"):
        parse("\n".join(lines) + "\n", "bomb.yaml")


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(InputFileError, match="nested"):
        parse(text, "deep.yaml")


def test_read_text_accepts_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbfteam: x\r\nanswers:\r\n  q: y\r\n")
    assert parse(read_text(path), str(path)).data == {"team": "x", "answers": {"q": "y"}}


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfeteam", "not UTF-8"), (b"team: \x00x", "binary")],
)
def test_read_text_refuses_non_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message):
        read_text(path)


def test_read_text_refuses_missing_directory_and_huge(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        read_text(tmp_path / "nope.yaml")
    with pytest.raises(InputFileError, match="is a directory"):
        read_text(tmp_path)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 2048)
    with pytest.raises(InputFileError, match="limit"):
        read_text(big, max_bytes=1024)


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "out.yaml"
    path.write_text("old")
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_write_atomic_leaves_no_temp_when_the_text_cannot_be_encoded(tmp_path: Path) -> None:
    path = tmp_path / "out.yaml"
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "lone surrogate \udcff")
    assert list(tmp_path.iterdir()) == []
