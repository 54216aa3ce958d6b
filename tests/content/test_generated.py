"""Every generated file is what its maker makes now; ``python scripts/regenerate.py`` rewrites them.

The makers are in ``tests/support/generated.py``: the generator and this check share them, so the
check cannot pass on an output the generator would not write. Review the diff after regenerating.
"""

from __future__ import annotations

import pytest

from support import ROOT
from support.generated import Artefact, artefacts

ALL = artefacts()


def test_every_maker_has_its_own_file() -> None:
    paths = [a.path for a in ALL]
    assert len(paths) == len(set(paths))
    assert {"docs/methodology.md", "docs/scan.md", "questionnaires/mlops-maturity/snapshot.json"} <= set(paths)


@pytest.mark.parametrize("artefact", ALL, ids=lambda a: a.path)
def test_the_generated_file_is_current(artefact: Artefact) -> None:
    path = ROOT / artefact.path
    assert path.is_file(), f"{artefact.path} is missing: run `python scripts/regenerate.py`"
    current = path.read_text(encoding="utf-8")
    assert current == artefact.expected(current), (
        f"{artefact.path} is stale: run `python scripts/regenerate.py` and review the diff"
    )


def test_every_golden_file_has_a_maker() -> None:
    """A golden file no maker writes is checked by nothing: it would rot silently."""
    made = {a.path for a in ALL}
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "golden").rglob("*") if p.is_file()}
    assert on_disk - made == set()
