"""True retention: of the cards due for review, how many were remembered (Anki's definition)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import String, case, func, literal, or_, select, type_coerce, union_all
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
    counts = (
        func.count(case((~mature & passed, 1))),
        func.count(case((~mature, 1))),
        func.count(case((mature & passed, 1))),
        func.count(case((mature, 1))),
    )
    # Each answer is counted once, in the part of the year it falls in (the last 7 days, the 23 before them,
    # the rest of the year); the periods are sums of parts. Testing every answer against every period's
    # start instead, in 12 counts, takes twice as long.
    edges = [starts[days] for days in sorted(PERIODS)]
    ends = [utc_stamp(day.end), *edges[:-1]]
    parts = []
    for part, (start, end) in enumerate(zip(edges, ends, strict=True)):
        query = select(literal(part), *counts).where(
            Review.state_before == int(CardState.REVIEW), at >= start, at < end, first_of_day
        )
        if deck_id is not None:
            query = query.where(Review.deck_id == deck_id)
        parts.append(query)
    rows = {part: cells for part, *cells in session.execute(union_all(*parts))}
    found = {}
    totals = [0, 0, 0, 0]
    for part, days in enumerate(sorted(PERIODS)):
        totals = [a + b for a, b in zip(totals, rows[part], strict=True)]
        young_passed, young_total, mature_passed, mature_total = totals
        found[days] = Retention(days, Pass(young_passed, young_total), Pass(mature_passed, mature_total))
    return found
