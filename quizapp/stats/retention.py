"""True retention: of the cards due for review, how many were remembered (Anki's definition)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import String, case, func, or_, select, type_coerce
from sqlmodel import Session

from quizapp.db.models import CardState, Review
from quizapp.srs.memory import utc_stamp
from quizapp.srs.queue import DayWindow
from quizapp.srs.schedulers import AGAIN
from quizapp.stats.days import day_start_of, study_day_sql, today_of

MATURE_DAYS = 21
"""A card whose interval was this many days or more is mature; below it, young."""

PERIODS = (7, 30, 365)
"""The periods retention is given for, in study days ending today."""


@dataclass(frozen=True, slots=True)
class Pass:
    """Remembered out of asked; `rate` is None when nothing was asked."""

    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Retention:
    """True retention over one period, for young cards, mature cards and both."""

    days: int
    young: Pass
    mature: Pass

    @property
    def all(self) -> Pass:
        return Pass(self.young.passed + self.mature.passed, self.young.total + self.mature.total)


def retention(session: Session, day: DayWindow, *, deck_id: int | None = None) -> dict[int, Retention]:
    """True retention for each of PERIODS: per card and study day only the first answer counts, and only if the
    card was in review state then; it passed unless it was rated Again (a wrong quiz answer is an Again).

    The review-state answers of the year are read through `ix_review_retention`, which holds when each card was
    answered before (`previous_at`): an answer is its card's first of the day unless that was the same day.
    """
    today = today_of(day)
    starts = {days: utc_stamp(day_start_of(today - timedelta(days=days - 1), day)) for days in PERIODS}
    since = day_start_of(today - timedelta(days=max(PERIODS) - 1), day)
    at = type_coerce(Review.reviewed_at, String)
    # Exact for a previous answer up to a day before `since`; one older than that is another day anyway.
    first_of_day = or_(
        Review.previous_at.is_(None),
        study_day_sql(Review.previous_at, day, since - timedelta(days=1), day.end)
        != study_day_sql(Review.reviewed_at, day, since, day.end),
    )
    mature = func.coalesce(Review.interval_before, 0) >= MATURE_DAYS
    passed = Review.rating != AGAIN
    columns = []
    for days in PERIODS:
        within = at >= starts[days]
        for kind in (~mature, mature):
            columns.append(func.count(case((within & kind & passed, 1))))
            columns.append(func.count(case((within & kind, 1))))
    query = select(*columns).where(
        Review.state_before == int(CardState.REVIEW),
        at >= utc_stamp(since),
        at < utc_stamp(day.end),
        first_of_day,
    )
    if deck_id is not None:
        query = query.where(Review.deck_id == deck_id)
    row = session.execute(query).one()
    found = {}
    for n, days in enumerate(PERIODS):
        young_passed, young_total, mature_passed, mature_total = row[4 * n : 4 * n + 4]
        found[days] = Retention(days, Pass(young_passed, young_total), Pass(mature_passed, mature_total))
    return found
