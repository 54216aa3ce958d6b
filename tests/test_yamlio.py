"""Null handling of the safe YAML reader, whichever PyYAML loader is in use."""

from __future__ import annotations

import pytest

from mlops_maturity import yamlio


@pytest.mark.parametrize("value", ["", " ~", " null"])
def test_plain_null_is_none(value: str) -> None:
    assert yamlio.parse(f"a:\n  b:{value}\n", "f.yaml").data == {"a": {"b": None}}


def test_quoted_empty_string_stays_a_string() -> None:
    assert yamlio.parse("a: ''\n", "f.yaml").data == {"a": ""}


def test_pure_python_loader_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    monkeypatch.setattr(yamlio, "_Loader", yaml.SafeLoader)
    assert yamlio.parse("a:\nb: ~\nc: ''\n", "f.yaml").data == {"a": None, "b": None, "c": ""}
