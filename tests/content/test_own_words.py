"""What the project writes is in its own words: no run of nine words copied from the source articles.

The seeds (``../shared/seeds/`` beside the checkout) give the facts; the questions, risks, reports
and documents say them in other words. A quotation of a few words, with its source named, stays
under the limit. The check needs the seeds, which a clone of this repository alone does not have.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from support import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 9  # words in a row
# What the project writes in prose: documents, the questionnaire and its probes, report templates, code.
WRITTEN = re.compile(r"\.(?:md|ya?ml|j2|py|txt)$")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _written() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False)
    if listed.returncode != 0:
        pytest.skip("needs a git checkout, to list the project's files")
    return [
        ROOT / p
        for p in listed.stdout.splitlines()
        if WRITTEN.search(p) and not p.startswith(("benchmarks/scan-corpus/", "tests/golden/"))
    ]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds beside the checkout")
def test_no_run_of_nine_words_is_copied_from_the_seeds() -> None:
    seeds: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        seeds |= _runs(_words(seed.read_text(encoding="utf-8", errors="replace")))
    assert seeds, SEEDS
    copied = [
        f"{path.relative_to(ROOT)}: {' '.join(run)}"
        for path in _written()
        for run in sorted(_runs(_words(path.read_text(encoding="utf-8", errors="replace"))) & seeds)
    ]
    assert not copied, "\n".join(copied)
