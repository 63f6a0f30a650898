"""The reviews to come: how many cards fall due on each of the next days if nothing is studied ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck, Question
from quizapp.srs.memory import utc_stamp
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
    scheduled = (Card.suspended.is_(False), Card.state != CardState.NEW)
    # Most cards are due by the end of today: counted by reading the table, as the due index would send SQLite
    # to the table once per card (unlikely() returns its argument and keeps the index out).
    overdue = select(func.count()).select_from(Card).where(*scheduled, func.unlikely(Card.due) < utc_stamp(day.end))
    coming = select(when, func.count()).select_from(table).join(Card, day_range(table, Card.due)).where(*scheduled)
    if deck_id is not None:
        parts = [(1, select(Question.id).where(Question.deck_id == deck_id, Question.active.is_(True)))]
    else:
        # Every deck: every card counts, less those of retired questions (few, found through the deck index).
        retired = select(Question.id).where(Question.deck_id.in_(select(Deck.id)), Question.active.is_(False))
        parts = [(1, None), (-1, retired)]
    counts = [0] * days
    for sign, ids in parts:
        chosen = [] if ids is None else [Card.question_id.in_(ids)]
        counts[0] += sign * session.execute(overdue.where(*chosen)).scalar_one()
        for moment, due in session.execute(coming.where(*chosen).group_by(when)):
            counts[(date.fromisoformat(moment) - today).days] += sign * due
    return [DueDay(today + timedelta(days=n), counts[n]) for n in range(days)]
