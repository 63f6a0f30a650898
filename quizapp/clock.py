"""The one place that reads the wall clock; everything else is handed `now`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""A function giving the current time, timezone-aware; tests pass a fixed one."""


def utc_now() -> datetime:
    return datetime.now(UTC)
