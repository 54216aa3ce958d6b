"""The shipped templates through Jinja's bytecode cache: the same report cold and warm, and no cache is no error."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.render.report import render as report_render
from mlops_maturity.render.report import render_report

from support.reports import PARTIAL, report_for


def test_a_warm_cache_gives_the_same_report_and_is_used(
    tiny: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = jinja2.FileSystemBytecodeCache(str(tmp_path), "%s.cache")
    loaded: list[str] = []
    original = cache.load_bytecode

    def load(bucket: jinja2.bccache.Bucket) -> None:
        original(bucket)
        if bucket.code is not None:
            loaded.append(bucket.key)

    monkeypatch.setattr(cache, "load_bytecode", load)
    monkeypatch.setattr(report_render, "_bytecode_cache", lambda: cache)
    result = report_for(tiny, PARTIAL).result
    cold = render_report(result)
    assert sorted(p.name for p in tmp_path.iterdir()), "the first report fills the cache"
    assert loaded == []
    warm = render_report(result)
    assert loaded, "the second report reads its templates from the cache"
    assert warm == cold


def test_without_a_usable_cache_folder_the_report_is_made_all_the_same(
    tiny: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsafe(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the temporary folder is not ours")  # what Jinja raises for a folder it cannot trust

    monkeypatch.setattr(jinja2, "FileSystemBytecodeCache", unsafe)
    assert report_render._bytecode_cache() is None
    assert "Fraud" in render_report(report_for(tiny, PARTIAL).result).markdown
