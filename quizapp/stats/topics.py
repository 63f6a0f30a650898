"""What is weak and how quizzes went: accuracy per topic, and every quiz and exam with its score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlmodel import Session

from quizapp.db.models import Deck, Question, QuizRun, Review


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


def topic_accuracy(session: Session, *, deck_id: int | None = None) -> list[TopicAccuracy]:
    """Every answered topic, flashcards and quizzes together, weakest first (then the most answered)."""
    topic = func.coalesce(Question.topic, NO_TOPIC)
    correct = func.count(case((Review.correct.is_(True), 1)))
    answered = func.count(Review.id)
    query = (
        select(Deck.name, topic, answered, correct)
        .select_from(Review)
        .join(Question, Question.id == Review.question_id)
        .join(Deck, Deck.id == Question.deck_id)
        .group_by(Deck.name, topic)
        .order_by((1.0 * correct / answered), answered.desc(), Deck.name, topic)
    )
    if deck_id is not None:
        query = query.where(Question.deck_id == deck_id)
    return [TopicAccuracy(*row) for row in session.execute(query)]


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
    query = (
        select(QuizRun, Deck.name).outerjoin(Deck, Deck.id == QuizRun.deck_id).order_by(QuizRun.started_at, QuizRun.id)
    )
    if deck_id is not None:
        query = query.where(QuizRun.deck_id == deck_id)
    if until is not None:
        query = query.where(QuizRun.started_at < until)
    scores = []
    for run, deck in session.execute(query):
        assert run.id is not None
        finished = run.finished_at is not None
        scores.append(
            QuizScore(
                run.id,
                deck,
                run.mode,
                run.started_at,
                finished,
                run.score,
                run.max_score,
                run.correct,
                run.wrong,
                run.unanswered,
            )
        )
    return scores
