"""Study days in SQL agree with the same rule in Python, also across summer-time changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlmodel import Session
from stats_history import History  # type: ignore[import-not-found]

from quizapp.db import Review
from quizapp.srs.queue import window
from quizapp.stats.days import day_of, shifts, study_day_sql

LONDON = ZoneInfo("Europe/London")
# Around the clocks going forward (29 March 2026, 01:00 UTC) and back (25 October 2026, 01:00 UTC).
CHANGES = [datetime(2026, 3, 29, 1, tzinfo=UTC), datetime(2026, 10, 25, 1, tzinfo=UTC)]


def test_the_offsets_in_force_are_found_to_the_second() -> None:
    found = shifts(LONDON, 4, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 12, 31, tzinfo=UTC))
    assert found == [(None, -4 * 3600), (CHANGES[0], -3 * 3600), (CHANGES[1], -4 * 3600)]
    assert shifts(ZoneInfo("Asia/Kolkata"), 4, CHANGES[0], CHANGES[1]) == [(None, 5 * 3600 + 1800 - 4 * 3600)]


@pytest.mark.parametrize("starts_at", [0, 4])
def test_sql_and_python_put_every_moment_on_the_same_study_day(
    session: Session, history: History, starts_at: int
) -> None:
    moments = [change + timedelta(minutes=minutes) for change in CHANGES for minutes in range(-26 * 60, 26 * 60, 20)]
    for n, moment in enumerate(moments):
        session.add(Review(question_id="a-6", deck_id=history.alpha, reviewed_at=moment, mode=f"m{n}"))
    session.commit()
    day = window(datetime(2026, 11, 24, 12, tzinfo=UTC), zone=LONDON, starts_at=starts_at)
    column = study_day_sql(Review.reviewed_at, day, datetime(2026, 1, 1, tzinfo=UTC), day.end)
    rows = session.execute(select(Review.reviewed_at, column).where(Review.question_id == "a-6")).all()
    assert len(rows) == len(moments)
    wrong = [(at, sql) for at, sql in rows if sql != day_of(at, day).isoformat()]
    assert wrong == []
    # The rule itself: 03:59 local is still the day before when days start at 4.
    spring = datetime(2026, 6, 2, 2, 59, tzinfo=UTC)  # 03:59 BST
    assert day_of(spring, day).day == (1 if starts_at == 4 else 2)
