"""A generated file and how it is made: the types every maker shares, and the CLI run in-process as a maker runs it."""

import contextlib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.cli import main

PLAIN_TERMINAL = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


@dataclass(frozen=True)
class Section:
    """The lines between ``start`` and ``end`` (markers included, unchanged) in a hand-written file."""

    start: str
    end: str


@dataclass(frozen=True)
class Artefact:
    path: str
    make: Callable[[], str]
    section: Section | None = None
    also: tuple[tuple[Section, Callable[[], str]], ...] = ()  # more generated sections of the same file

    def expected(self, current: str) -> str:
        """What the file should hold, given what it holds now (only a section's inside is generated)."""
        if self.section is None:
            return self.make()
        out = current
        for section, make in ((self.section, self.make), *self.also):
            out = self._fill(out, section, make)
        return out

    def _fill(self, current: str, section: Section, make: Callable[[], str]) -> str:
        head, found, rest = current.partition(section.start)
        _, found_end, tail = rest.partition(section.end)
        if not (found and found_end):
            raise AssertionError(f"{self.path} lost its markers {section.start.strip()!r}")
        return head + section.start + make() + section.end + tail


@contextlib.contextmanager
def environment(env: dict[str, str], cwd: Path | None = None) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in env}
    before = Path.cwd()
    os.environ.update(env)
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class _Captured(io.StringIO):
    """A captured stream that says it is UTF-8, as a terminal or a CI log is."""

    encoding = "utf-8"


def cli_output(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """What ``mlops-maturity ARGS`` prints on stdout, run in-process; it must succeed."""
    out, err = _Captured(), _Captured()
    with (
        environment({**PLAIN_TERMINAL, **(env or {})}, cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main([str(a) for a in args])
    if code != 0:
        raise AssertionError(f"mlops-maturity {' '.join(map(str, args))} exited {code}: {err.getvalue()}")
    return out.getvalue()
