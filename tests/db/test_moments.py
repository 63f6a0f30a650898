"""Moments are stored as SQLAlchemy's DateTime stores them on SQLite (naive UTC text), whatever zone they come in."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import DateTime, select
from sqlalchemy.dialects import sqlite
from sqlmodel import Session

from quizapp.db import import_paths
from quizapp.db.models import Card, UTCDateTime


def test_the_quick_writer_writes_what_sqlalchemy_writes_and_reads_back_the_same_moment() -> None:
    dialect = sqlite.dialect()
    quick = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    read = UTCDateTime().dialect_impl(dialect).result_processor(dialect, None)
    general = DateTime().dialect_impl(dialect).bind_processor(dialect)
    rng = random.Random(5)
    start = datetime(2, 1, 1, tzinfo=UTC)
    span = (datetime(9998, 1, 1, tzinfo=UTC) - start) // timedelta(microseconds=1)
    for turn in range(20_000):
        moment = start + timedelta(microseconds=rng.randrange(span))
        if turn % 3 == 0:
            moment = moment.replace(microsecond=0)  # whole seconds still carry ".000000"
        moment = moment.astimezone(timezone(timedelta(minutes=rng.randrange(-720, 841))))
        stored = quick(moment)
        assert stored == general(moment.astimezone(UTC).replace(tzinfo=None))
        assert read(stored) == moment and read(stored).tzinfo == UTC
    assert quick(None) is None
    with pytest.raises(ValueError, match="timezone-aware"):
        quick(datetime(2026, 11, 24, 10, 0))


def test_a_card_due_in_india_is_stored_in_utc_and_compared_as_text(engine, small_bank, now) -> None:  # type: ignore[no-untyped-def]
    assert not import_paths(engine, [small_bank], now=now).problems
    ist = timezone(timedelta(hours=5, minutes=30))
    due = datetime(2026, 11, 24, 10, 0, 0, 250, tzinfo=ist)
    with Session(engine) as session:
        card = session.get(Card, "g-1")
        assert card is not None
        card.due = due
        session.add(card)
        session.commit()
        stored = session.connection().exec_driver_sql("SELECT due FROM card WHERE question_id = 'g-1'").scalar()
        assert stored == "2026-11-24 04:30:00.000250"
        later = select(Card.question_id).where(Card.due > due - timedelta(microseconds=1), Card.question_id == "g-1")
        assert session.execute(later).scalar() == "g-1"
        assert session.execute(later.where(Card.due > due)).scalar() is None
