"""The home screen's figures: per-deck counts and readiness, today's answers and the study streak."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import case, func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck, Question, Review
from quizapp.srs.counts import candidate_columns, queue_counts
from quizapp.srs.memory import recall_sql
from quizapp.srs.queue import DayWindow
from quizapp.stats.activity import streak
from quizapp.stats.days import today_of
from quizapp.stats.readiness import Recall, exam_moment, recall_at


@dataclass(frozen=True, slots=True)
class DeckOverview:
    """What the home screen shows of one deck."""

    deck_id: int
    name: str
    questions: int
    """Active questions (retired ones are not counted)."""
    new: int
    learning: int
    """Cards in their first learning steps."""
    relearning: int
    """Cards forgotten and in relearning steps."""
    review: int
    suspended: int
    retired: int
    due_today: int
    """Cards left to study today, daily limits applied."""
    readiness: float | None
    """Mean FSRS retrievability of the studied cards now; None before any card was studied."""
    exam_date: date | None = None
    exam_recall: Recall | None = None
    """Recall of the studied cards projected to the exam day if nothing more is studied (None without a coming
    exam, or where the database cannot compute recall)."""
    unstudied: int = 0
    """Active cards never studied, suspended ones included (readiness's share of the deck never studied)."""
    recall_cards: int = 0
    """The active cards studied at least once, which `readiness` is the mean over."""
    knowledge: float = 0.0
    """The sum of their chances of recall now (0 where the database cannot compute recall)."""

    @property
    def exam_readiness(self) -> float | None:
        """The mean chance of recall on the exam day."""
        return self.exam_recall.mean if self.exam_recall is not None else None

    @property
    def studied(self) -> int:
        return self.learning + self.relearning + self.review

    @property
    def in_learning(self) -> int:
        """Learning and relearning together, as the home screen shows them."""
        return self.learning + self.relearning

    def days_left(self, day: DayWindow) -> int | None:
        """Study days until the exam (0 on the day), None without an exam date or once it is past."""
        if self.exam_date is None or self.exam_date < today_of(day):
            return None
        return (self.exam_date - today_of(day)).days


def deck_overview(session: Session, day: DayWindow) -> list[DeckOverview]:
    """Every deck with its counts, by name; decks without questions included."""
    active = Question.active.is_(True)
    usable = active & Card.suspended.is_(False)
    columns = [
        Deck.id,
        Deck.name,
        Deck.exam_date,
        func.count(case((active, 1))),
        func.count(case((usable & (Card.state == CardState.NEW), 1))),
        func.count(case((usable & (Card.state == CardState.LEARNING), 1))),
        func.count(case((usable & (Card.state == CardState.RELEARNING), 1))),
        func.count(case((usable & (Card.state == CardState.REVIEW), 1))),
        func.count(case((active & Card.suspended.is_(True), 1))),
        func.count(case((Question.active.is_(False), 1))),
        func.count(case((active & (Card.state == CardState.NEW), 1))),
    ]
    recall = recall_sql(session, day.now)
    studied = active & (Card.state != CardState.NEW) & Card.stability.is_not(None)
    columns.append(func.count(case((studied, 1))))
    if recall is not None:
        columns.append(func.total(case((studied, recall))))
    columns.extend(candidate_columns(day))
    query = (
        select(*columns)
        .select_from(Deck)
        .outerjoin(Question, Question.deck_id == Deck.id)
        .outerjoin(Card, Card.question_id == Question.id)
        .group_by(Deck.id, Deck.name, Deck.exam_date)
        .order_by(Deck.name)
    )
    rows = session.execute(query).all()
    due = queue_counts(session, day, {row[0]: row[-3:] for row in rows})
    decks = []
    for row in rows:
        deck_id, name, exam_date, questions, new, learning, relearning, review, suspended, retired = row[:10]
        unstudied, recalled = row[10:12]
        knowledge = float(row[12]) if recall is not None else 0.0
        deck = DeckOverview(
            deck_id,
            name,
            questions,
            new,
            learning,
            relearning,
            review,
            suspended,
            retired,
            due[deck_id].total,
            knowledge / recalled if recall is not None and recalled else None,
            exam_date,
            unstudied=unstudied,
            recall_cards=recalled,
            knowledge=knowledge,
        )
        if deck.days_left(day) is not None:
            assert exam_date is not None
            deck = replace(deck, exam_recall=recall_at(session, exam_moment(exam_date, day), [deck_id]))
        decks.append(deck)
    return decks


@dataclass(frozen=True, slots=True)
class Today:
    """Today's work and the streak of study days (a day counts with at least one answer)."""

    answers: int
    seconds: float
    streak: int


def today(session: Session, day: DayWindow) -> Today:
    answers, millis = session.execute(
        select(func.count(), func.coalesce(func.sum(Review.duration_ms), 0)).where(
            Review.reviewed_at >= day.start, Review.reviewed_at < day.end
        )
    ).one()
    return Today(answers=answers, seconds=millis / 1000, streak=streak(session, day).current)
