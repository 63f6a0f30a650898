"""The reviews to come: how many cards fall due on each of the next days if nothing is studied ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState
from quizapp.srs.queue import DayWindow
from quizapp.stats.days import day_range, study_days, today_of


@dataclass(frozen=True, slots=True)
class DueDay:
    day: date
    due: int


def forecast(session: Session, day: DayWindow, *, days: int = 30, deck_id: int | None = None) -> list[DueDay]:
    """Studied cards due on each of the next `days` study days, today first; overdue cards count for today.

    New cards are left out (they have no due day of their own), and so are suspended and retired cards.
    """
    today = today_of(day)
    table, when = study_days(day, today + timedelta(days=1), today + timedelta(days=days - 1))
    # The conditions of the partial index ix_card_scheduled, written as it is, so SQLite counts in it alone.
    scheduled = [Card.active == True, Card.suspended == False, Card.state != CardState.NEW]  # noqa: E712
    if deck_id is not None:
        scheduled.append(Card.deck_id == deck_id)
    overdue = select(func.count()).select_from(Card).where(*scheduled, Card.due < day.end)
    coming = select(when, func.count()).select_from(table).join(Card, day_range(table, Card.due)).where(*scheduled)
    counts = [0] * days
    counts[0] = session.execute(overdue).scalar_one()
    for moment, due in session.execute(coming.group_by(when)):
        counts[(date.fromisoformat(moment) - today).days] += due
    return [DueDay(today + timedelta(days=n), counts[n]) for n in range(days)]
