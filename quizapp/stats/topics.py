"""What is weak and how quizzes went: accuracy per topic, and every quiz and exam with its score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from quizapp.db.models import Deck, QuizRun
from quizapp.db.tallies import topic_counts, topic_total


@dataclass(frozen=True, slots=True)
class TopicAccuracy:
    deck: str
    topic: str
    """The section of the notes; "(no topic)" for questions without one."""
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered


NO_TOPIC = "(no topic)"


def topic_accuracy(session: Session, *, deck_id: int | None = None, limit: int | None = None) -> list[TopicAccuracy]:
    """Every answered topic, flashcards and quizzes together, weakest first (then the most answered); the
    weakest `limit` only, when given (see `topic_count` for how many there are)."""
    return [
        TopicAccuracy(deck, topic or NO_TOPIC, answered, correct)
        for deck, topic, answered, correct in topic_counts(session, deck_id, limit)
    ]


def topic_count(session: Session, *, deck_id: int | None = None) -> int:
    """How many topics have answers."""
    return topic_total(session, deck_id)


@dataclass(frozen=True, slots=True)
class QuizScore:
    """One quiz or exam, as the score history shows it."""

    run_id: int
    deck: str | None
    """None for a quiz drawn from every deck."""
    mode: str
    started_at: datetime
    finished: bool
    score: float | None
    max_score: float | None
    correct: int
    wrong: int
    unanswered: int

    @property
    def percent(self) -> float | None:
        if not self.finished or self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


def quiz_history(session: Session, *, deck_id: int | None = None, until: datetime | None = None) -> list[QuizScore]:
    """Every quiz and exam, oldest first: of one deck, or of every deck (then all-deck quizzes too)."""
    # Columns, not QuizRun objects: thousands of runs load in milliseconds this way.
    query = (
        select(
            QuizRun.id,
            Deck.name,
            QuizRun.mode,
            QuizRun.started_at,
            QuizRun.finished_at.is_not(None),
            QuizRun.score,
            QuizRun.max_score,
            QuizRun.correct,
            QuizRun.wrong,
            QuizRun.unanswered,
        )
        .outerjoin(Deck, Deck.id == QuizRun.deck_id)
        .order_by(QuizRun.started_at, QuizRun.id)
    )
    if deck_id is not None:
        query = query.where(QuizRun.deck_id == deck_id)
    if until is not None:
        query = query.where(QuizRun.started_at < until)
    return [QuizScore(*row) for row in session.execute(query)]
