"""The real terminal behind the survey: reading lines, drawing screens, and signals.

This is the only survey module that touches the process: stdin, stdout and
signal handlers. Everything it shows was rendered elsewhere.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import select
import shutil
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from mlops_maturity.inert import inert
from mlops_maturity.render.terminal import color_enabled, unicode_ok, width
from mlops_maturity.survey.layout import ScreenOptions
from mlops_maturity.survey.session import Stopped

CLEAR = "\x1b[H\x1b[2J"
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class TerminalIO:
    """``ask`` and ``show`` on the process's own terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.clear = self.stream.isatty() and os.environ.get("TERM") != "dumb"
        self._pending = ""
        self._decoder = codecs.getincrementaldecoder(sys.stdin.encoding or "utf-8")(errors="replace")

    def layout(self) -> ScreenOptions:
        """Read afresh for every screen, so that resizing the window takes effect."""
        return ScreenOptions(
            color=color_enabled(self.stream),
            unicode=unicode_ok(self.stream),
            width=width(),
            height=shutil.get_terminal_size((80, 24)).lines,
        )

    def show(self, text: str) -> None:
        self.stream.write(printable((CLEAR if self.clear else "\n") + text, self.stream))
        self.stream.flush()

    def note(self, text: str) -> None:
        self.stream.write(printable(inert(text) + "\n", self.stream))
        self.stream.flush()

    def ask(self, prompt: str) -> str:
        """One line from the terminal (still in its normal line-editing mode).

        Not ``input()``: a signal that lands between Python's last check and
        the blocking read would wait for the next keystroke. ``select`` on
        stdin and on the signal wake-up pipe returns as soon as either has
        something, so Ctrl-C and SIGTERM always stop the survey at once.
        """
        self.stream.write(printable(prompt, self.stream))
        self.stream.flush()
        if os.name == "nt":  # pragma: no cover - no select() on a console there
            return input()
        fd = sys.stdin.fileno()
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_w, False)
        previous = signal.set_wakeup_fd(wake_w)
        try:
            while "\n" not in self._pending:
                ready, _, _ = select.select([fd, wake_r], [], [])
                if wake_r in ready:
                    os.read(wake_r, 512)  # the handler itself runs as soon as this returns to Python
                if fd in ready:
                    chunk = os.read(fd, 4096)
                    if not chunk:
                        raise EOFError
                    self._pending += self._decoder.decode(chunk)
        finally:
            signal.set_wakeup_fd(previous)
            os.close(wake_r)
            os.close(wake_w)
        line, _, self._pending = self._pending.partition("\n")
        return line.rstrip("\r")


def printable(text: str, stream: TextIO) -> str:
    """``text`` with what the stream cannot encode replaced, so an ASCII terminal shows ``?``, not a crash."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, "replace").decode(encoding)
    except LookupError:  # pragma: no cover - an encoding Python does not know
        return text
    return text


def _detach() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind the survey like Ctrl-C does; the old handlers come back after.

    Only the first one raises: a closing terminal often sends SIGHUP twice, and
    the second must not cut short the goodbye that the first one started.
    """
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        if signum == getattr(signal, "SIGHUP", None):
            _detach()  # the terminal is gone; writing to it would fail
        raise Stopped(128 + signum)

    previous = {s: signal.signal(s, stop) for s in STOP_SIGNALS}
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
