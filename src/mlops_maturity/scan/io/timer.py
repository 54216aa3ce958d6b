"""A time limit on a pattern: ``re`` checks for signals while it backtracks, so on POSIX a timer can stop one."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TooSlow(Exception):
    """A pattern ran past its time limit."""


class Timer:
    """A SIGALRM limit on the main thread of a POSIX process; elsewhere only the load-time checks bound a pattern."""

    def __enter__(self) -> Timer:
        self.enabled = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.armed = False
        if self.enabled:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            raise TooSlow

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            self.armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
