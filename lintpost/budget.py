"""The time budget of one file: a deadline that slow steps check, enforced by a timer when possible.

`limit(seconds)` sets the deadline for the work inside it. On the main thread of a process whose
interval timer is free (the CLI and its worker processes), SIGALRM interrupts even a pattern stuck
inside the regex engine; elsewhere (threads of a server) the deadline is checked between rules and
findings, and `pattern_timeout()` gives each user pattern a share of what is left.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_state = threading.local()

# Smallest time a pattern is given, so a nearly spent budget still fails cleanly.
_MIN_PATTERN_TIMEOUT = 0.05


class FileTimeout(BaseException):
    """The file ran past its budget.

    A BaseException, like KeyboardInterrupt, so that a rule's `except Exception` cannot swallow it.
    """


def remaining() -> float | None:
    """Seconds left for the current file, or None outside `limit`."""
    deadline: float | None = getattr(_state, "deadline", None)
    return None if deadline is None else deadline - time.monotonic()


def check() -> None:
    """Raise FileTimeout when the current file's budget is spent."""
    left = remaining()
    if left is not None and left <= 0:
        raise FileTimeout


# A pattern call gets time in proportion to the text it searches: half a second, plus five
# seconds a megabyte (a hundred times what the slowest built-in pattern needs).
_PATTERN_BASE = 0.5
_PATTERN_PER_CHAR = 5e-6


def pattern_timeout(length: int = 0) -> float:
    """Timeout for one pattern call over `length` characters.

    Never more than half of what is left of the file's budget, so that one runaway pattern fails
    its own rule while the other rules still get their time.
    """
    allowed = _PATTERN_BASE + length * _PATTERN_PER_CHAR
    left = remaining()
    if left is None:
        return allowed
    return max(_MIN_PATTERN_TIMEOUT, min(allowed, left / 2))


@contextmanager
def limit(seconds: float) -> Iterator[None]:
    """Run the body with a deadline `seconds` from now (nested limits keep the earlier one)."""
    previous: float | None = getattr(_state, "deadline", None)
    deadline = time.monotonic() + seconds
    if previous is not None:
        deadline = min(deadline, previous)
    _state.deadline = deadline
    saved = _arm(seconds) if previous is None else None
    try:
        yield
    finally:
        _state.deadline = previous
        if saved is not None:
            _disarm(saved)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if getattr(_state, "deadline", None) is not None:
        raise FileTimeout


def _arm(seconds: float) -> object | None:
    """Start a one-shot SIGALRM timer; returns the handler to restore, or None if not possible."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
            return None  # someone else's timer (a test runner's, say): do not take it over
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    except (ValueError, OSError):
        return None
    return old if old is not None else signal.SIG_DFL


def _disarm(saved: object) -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, saved)  # type: ignore[arg-type]
