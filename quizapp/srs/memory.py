"""FSRS's chance of recall as an SQL expression, for figures over many cards at once (readiness, weakest first)."""

from __future__ import annotations

from datetime import UTC, datetime

from fsrs import Scheduler
from sqlalchemy import ColumnElement, func
from sqlmodel import Session

from quizapp.db.models import Card

_DECAY = -Scheduler().parameters[20]
_FACTOR = 0.9 ** (1 / _DECAY) - 1
"""FSRS's forgetting curve, R = (1 + FACTOR · t / S) ^ DECAY, with the default parameters."""


def utc_stamp(moment: datetime) -> str:
    """A moment written as the UTC datetime columns store it, for SQLite's julianday()."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def recall_sql(session: Session, now: datetime | ColumnElement[str]) -> ColumnElement[float] | None:
    """The card's chance of recall at `now` (NULL for a card never studied); None where the database cannot say.

    `now` may also be an expression of a `utc_stamp` per card (NULL for no moment, and then NULL recall).
    """
    if session.get_bind().dialect.name != "sqlite":
        return None
    stamp = utc_stamp(now) if isinstance(now, datetime) else now
    elapsed = func.max(0.0, func.julianday(stamp) - func.julianday(Card.last_review))
    return func.pow(1 + _FACTOR * elapsed / Card.stability, _DECAY)
