"""Surveys in real pseudo-terminals: every child spawned by a test is closed when it ends."""

from __future__ import annotations

from collections.abc import Iterator

import pexpect
import pytest


@pytest.fixture
def children() -> Iterator[list[pexpect.spawn]]:
    spawned: list[pexpect.spawn] = []
    yield spawned
    for child in spawned:
        child.close(force=True)
