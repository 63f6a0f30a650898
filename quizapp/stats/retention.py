"""True retention: of the cards due for review, how many were remembered (Anki's definition)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import case, func, select
from sqlmodel import Session

from quizapp.db.models import CardState, Review
from quizapp.srs.queue import DayWindow
from quizapp.srs.schedulers import AGAIN
from quizapp.stats.days import study_day_sql, today_of

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
    card was in review state then; it passed unless it was rated Again (a wrong quiz answer is an Again)."""
    longest = max(PERIODS)
    since = day.start - timedelta(days=longest)
    study_day = study_day_sql(Review.reviewed_at, day, since, day.end)
    first_of_day = func.row_number().over(
        partition_by=(Review.question_id, study_day), order_by=(Review.reviewed_at, Review.id)
    )
    answers = (
        select(
            study_day.label("day"),
            Review.state_before.label("state"),
            Review.interval_before.label("interval"),
            (Review.rating != AGAIN).label("passed"),
            first_of_day.label("nth"),
        )
        .where(Review.reviewed_at >= since, Review.reviewed_at < day.end)
        .where(*([] if deck_id is None else [Review.deck_id == deck_id]))
        .subquery()
    )
    mature = func.coalesce(answers.c.interval, 0) >= MATURE_DAYS
    today = today_of(day)
    columns = []
    for days in PERIODS:
        within = answers.c.day >= (today - timedelta(days=days - 1)).isoformat()
        for is_mature in (False, True):
            kind = mature if is_mature else ~mature
            columns.append(func.count(case((within & kind & answers.c.passed, 1))))
            columns.append(func.count(case((within & kind, 1))))
    query = select(*columns).where(answers.c.nth == 1, answers.c.state == int(CardState.REVIEW))
    row = session.execute(query).one()
    found = {}
    for n, days in enumerate(PERIODS):
        young_passed, young_total, mature_passed, mature_total = row[4 * n : 4 * n + 4]
        found[days] = Retention(days, Pass(young_passed, young_total), Pass(mature_passed, mature_total))
    return found
