"""The safe YAML reader: plain nulls, whichever loader PyYAML was built with."""

from __future__ import annotations

import pytest
import yaml

from mlops_maturity import yamlio


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
def test_plain_nulls_are_none_and_quoted_empty_is_text(monkeypatch: pytest.MonkeyPatch, loader: type) -> None:
    monkeypatch.setattr(yamlio, "_Loader", loader)
    data = yamlio.parse('a:\nb: ~\nc: null\nd: ""\ne: "null"\n', "x.yaml").data
    assert data == {"a": None, "b": None, "c": None, "d": "", "e": "null"}
