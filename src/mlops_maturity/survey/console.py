"""The real terminal behind the survey: reading lines, drawing screens, and signals.

This is the only survey module that touches the process: stdin, stdout and
signal handlers. Everything it shows was rendered elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from mlops_maturity.survey.screen import ScreenOptions
from mlops_maturity.survey.session import Stopped
from mlops_maturity.terminal import color_enabled, unicode_ok, width

CLEAR = "\x1b[H\x1b[2J"
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class TerminalIO:
    """``ask`` and ``show`` on the process's own terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.clear = self.stream.isatty() and os.environ.get("TERM") != "dumb"

    def layout(self) -> ScreenOptions:
        """Read afresh for every screen, so that resizing the window takes effect."""
        return ScreenOptions(
            color=color_enabled(self.stream),
            unicode=unicode_ok(self.stream),
            width=width(),
            height=shutil.get_terminal_size((80, 24)).lines,
        )

    def show(self, text: str) -> None:
        self.stream.write((CLEAR if self.clear else "\n") + text)
        self.stream.flush()

    def note(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def ask(self, prompt: str) -> str:
        self.stream.flush()
        return input(prompt)


def _stop(signum: int, frame: FrameType | None) -> None:
    if signum == getattr(signal, "SIGHUP", None):
        _detach()  # the terminal is gone; writing to it would fail
    raise Stopped(128 + signum)


def _detach() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind the survey like Ctrl-C does; the old handlers come back after."""
    previous = {s: signal.signal(s, _stop) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and stop signals while a save is under way; they arrive as soon as it is done."""
    held = {signal.SIGINT, *STOP_SIGNALS}
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
