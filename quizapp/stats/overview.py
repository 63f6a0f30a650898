"""The home screen's figures: per-deck counts and readiness, today's answers and the study streak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import case, func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck, Question, Review
from quizapp.srs.day import day_start
from quizapp.srs.memory import recall_sql
from quizapp.srs.queue import DayWindow, Queue


@dataclass(frozen=True, slots=True)
class DeckOverview:
    """What the home screen shows of one deck."""

    deck_id: int
    name: str
    questions: int
    """Active questions (retired ones are not counted)."""
    new: int
    learning: int
    review: int
    suspended: int
    retired: int
    due_today: int
    """Cards left to study today, daily limits applied."""
    readiness: float | None
    """Mean FSRS retrievability of the studied cards now; None before any card was studied."""

    @property
    def studied(self) -> int:
        return self.learning + self.review


def deck_overview(session: Session, day: DayWindow) -> list[DeckOverview]:
    """Every deck with its counts, by name; decks without questions included."""
    active = Question.active.is_(True)
    usable = active & Card.suspended.is_(False)
    columns = [
        Deck.id,
        Deck.name,
        func.count(case((active, 1))),
        func.count(case((usable & (Card.state == CardState.NEW), 1))),
        func.count(case((usable & Card.state.in_((CardState.LEARNING, CardState.RELEARNING)), 1))),
        func.count(case((usable & (Card.state == CardState.REVIEW), 1))),
        func.count(case((active & Card.suspended.is_(True), 1))),
        func.count(case((Question.active.is_(False), 1))),
    ]
    recall = recall_sql(session, day.now)
    if recall is not None:
        studied = active & (Card.state != CardState.NEW) & Card.stability.is_not(None)
        columns.append(func.avg(case((studied, recall))))
    query = (
        select(*columns)
        .select_from(Deck)
        .outerjoin(Question, Question.deck_id == Deck.id)
        .outerjoin(Card, Card.question_id == Question.id)
        .group_by(Deck.id, Deck.name)
        .order_by(Deck.name)
    )
    decks = []
    for row in session.execute(query):
        deck_id, name, questions, new, learning, review, suspended, retired, *readiness = row
        due = Queue(session, day, deck_id).counts().total
        decks.append(
            DeckOverview(
                deck_id,
                name,
                questions,
                new,
                learning,
                review,
                suspended,
                retired,
                due,
                readiness[0] if readiness else None,
            )
        )
    return decks


@dataclass(frozen=True, slots=True)
class Today:
    """Today's work and the streak of study days (a day counts with at least one answer)."""

    answers: int
    seconds: float
    streak: int


def today(session: Session, day: DayWindow) -> Today:
    answers, millis = session.execute(
        select(func.count(), func.coalesce(func.sum(Review.duration_ms), 0)).where(Review.reviewed_at >= day.start)
    ).one()
    # The study days with answers, newest first: a streak is a run of consecutive ones reaching today or yesterday.
    recent = session.execute(
        select(Review.reviewed_at)
        .where(Review.reviewed_at >= day.start - timedelta(days=3650))
        .order_by(Review.reviewed_at.desc())
    ).scalars()
    streak = 0
    expected = day.start
    for moment in recent:
        start = day_start(moment, zone=day.zone, starts_at=day.starts_at)
        if start == expected:
            streak += 1
            expected = day_start(start - timedelta(hours=12), zone=day.zone, starts_at=day.starts_at)
        elif start < expected:
            if streak == 0 and start == day_start(
                day.start - timedelta(hours=12), zone=day.zone, starts_at=day.starts_at
            ):
                streak, expected = 1, day_start(start - timedelta(hours=12), zone=day.zone, starts_at=day.starts_at)
            else:
                break
    return Today(answers=answers, seconds=millis / 1000, streak=streak)
