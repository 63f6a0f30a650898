"""The reviews to come: how many cards fall due on each of the next days if nothing is studied ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Question
from quizapp.srs.queue import DayWindow
from quizapp.stats.days import study_day_sql, today_of


@dataclass(frozen=True, slots=True)
class DueDay:
    day: date
    due: int


def forecast(session: Session, day: DayWindow, *, days: int = 30, deck_id: int | None = None) -> list[DueDay]:
    """Studied cards due on each of the next `days` study days, today first; overdue cards count for today.

    New cards are left out (they have no due day of their own), and so are suspended and retired cards.
    """
    until = day.end + timedelta(days=days)
    study_day = study_day_sql(Card.due, day, day.start, until)
    query = (
        select(study_day, func.count())
        .join(Question, Question.id == Card.question_id)
        .where(
            Question.active.is_(True),
            Card.suspended.is_(False),
            Card.state != CardState.NEW,
            Card.due < until,
            *([] if deck_id is None else [Question.deck_id == deck_id]),
        )
        .group_by(study_day)
    )
    today = today_of(day)
    counts = [0] * days
    for when, due in session.execute(query):
        offset = max(0, (date.fromisoformat(when) - today).days)
        if offset < days:
            counts[offset] += due
    return [DueDay(today + timedelta(days=n), counts[n]) for n in range(days)]
