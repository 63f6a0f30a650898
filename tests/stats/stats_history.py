"""A known history at a fixed clock: two decks, cards in every state, answers over a year and a half, two quizzes.

The clock is 10:00 IST on Tuesday 24 November 2026; study days begin at 4 a.m. IST.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine, select
from sqlmodel import Session

from quizapp.db import Card, CardState, Deck, Question, QuizRun, Review, import_paths
from quizapp.srs.queue import DayWindow, window

IST = timezone(timedelta(hours=5, minutes=30), "IST")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=IST)
EXAM_DATE = date(2026, 12, 24)

ALPHA = """
deck: Alpha
questions:
  - {id: a-1, type: short, topic: Origins, prompt: A1?, answer: "1", source: {line: 1, text: One.}}
  - {id: a-2, type: short, topic: Origins, prompt: A2?, answer: "2", source: {line: 2, text: Two.}}
  - {id: a-3, type: short, topic: Trade, prompt: A3?, answer: "3", source: {line: 3, text: Three.}}
  - {id: a-4, type: short, topic: Trade, prompt: A4?, answer: "4", source: {line: 4, text: Four.}}
  - {id: a-5, type: short, topic: Defence, prompt: A5?, answer: "5", source: {line: 5, text: Five.}}
  - {id: a-6, type: short, topic: Defence, prompt: A6?, answer: "6", source: {line: 6, text: Six.}}
"""

BETA = """
deck: Beta
questions:
  - {id: b-1, type: short, prompt: B1?, answer: "1", source: {line: 1, text: One.}}
  - {id: b-2, type: short, prompt: B2?, answer: "2", source: {line: 2, text: Two.}}
  - {id: b-3, type: short, prompt: B3?, answer: "3", source: {line: 3, text: Three.}}
  - {id: b-4, type: short, prompt: B4?, answer: "4", source: {line: 4, text: Four.}}
"""


def ist(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=IST)


# (question, when, mode, state before, interval before, rating, seconds)
ANSWERS = [
    ("a-1", ist(2026, 11, 24, 9), "flashcard", CardState.REVIEW, 30.0, 3, 10),  # mature, passed
    ("a-1", ist(2026, 11, 24, 9, 30), "flashcard", CardState.REVIEW, 1.0, 1, 10),  # second that day: not counted
    ("a-2", ist(2026, 11, 24, 3), "flashcard", CardState.REVIEW, 5.0, 1, 10),  # 3 a.m.: still the 23rd; young, failed
    ("a-2", ist(2026, 11, 24, 5), "practice", CardState.REVIEW, 2.0, 3, 10),  # first on the 24th: young, passed
    ("a-3", ist(2026, 11, 20, 12), "exam", CardState.LEARNING, None, 1, 10),  # learning: no retention
    ("a-3", ist(2026, 11, 20, 13), "flashcard", CardState.REVIEW, 25.0, 1, 10),  # not the day's first answer
    ("a-4", ist(2026, 11, 10, 10), "flashcard", CardState.REVIEW, 40.0, 2, 10),  # Hard passes; mature
    ("a-4", ist(2026, 6, 1, 10), "flashcard", CardState.REVIEW, 10.0, 1, 20),  # only in the last 365 days
    ("a-5", ist(2026, 6, 2, 10), "flashcard", CardState.NEW, None, 3, 20),
    ("a-5", ist(2026, 6, 3, 10), "flashcard", CardState.LEARNING, None, 3, 20),
    ("a-5", ist(2026, 6, 4, 10), "flashcard", CardState.REVIEW, 1.0, 3, 20),
    ("b-1", ist(2026, 11, 22, 10), "flashcard", CardState.NEW, None, 3, 10),
    ("b-1", ist(2025, 11, 1, 10), "flashcard", CardState.REVIEW, 50.0, 1, 10),  # more than a year ago
]

# (question, state, due, stability in days, last review, suspended)
CARDS = [
    ("a-1", CardState.REVIEW, ist(2026, 11, 24, 8), 30.0, ist(2026, 11, 24, 9, 30), False),
    ("a-2", CardState.REVIEW, ist(2026, 11, 20, 9), 2.0, ist(2026, 11, 24, 5), False),  # overdue: due today
    ("a-3", CardState.LEARNING, ist(2026, 11, 24, 10, 10), 0.5, ist(2026, 11, 20, 13), False),
    ("a-4", CardState.REVIEW, ist(2026, 11, 26, 5), 40.0, ist(2026, 11, 10, 10), False),  # in 2 days
    ("a-5", CardState.RELEARNING, ist(2026, 11, 26, 3, 30), 1.0, ist(2026, 6, 4, 10), False),  # study day of the 25th
    ("b-1", CardState.REVIEW, ist(2026, 12, 23, 12), 20.0, ist(2026, 11, 22, 10), False),  # the 30th day
    ("b-2", CardState.REVIEW, ist(2026, 12, 24, 12), 20.0, ist(2026, 11, 22, 10), False),  # the 31st: not shown
    ("b-3", CardState.REVIEW, ist(2026, 11, 24, 8), 5.0, ist(2026, 11, 20, 10), True),  # suspended
    ("b-4", CardState.REVIEW, ist(2026, 11, 24, 8), 5.0, ist(2026, 11, 20, 10), False),  # retired below
]


@dataclass(frozen=True)
class History:
    engine: Engine
    day: DayWindow
    alpha: int
    beta: int


def _seed(session: Session) -> tuple[int, int]:
    decks = {name: deck_id for deck_id, name in session.execute(select(Deck.id, Deck.name))}
    deck_of = {q: d for q, d in session.execute(select(Question.id, Question.deck_id))}
    for question_id, state, due, stability, last, suspended in CARDS:
        card = session.get(Card, question_id)
        assert card is not None
        card.state, card.due, card.stability, card.difficulty = state, due, stability, 5.0
        card.last_review, card.suspended = last, suspended
        session.add(card)
    retired = session.get(Question, "b-4")
    assert retired is not None
    retired.active = False
    session.add(retired)
    alpha = session.get(Deck, decks["Alpha"])
    assert alpha is not None
    alpha.exam_date = EXAM_DATE
    session.add(alpha)
    quiz = QuizRun(
        deck_id=decks["Alpha"], mode="practice", question_count=3, started_at=ist(2026, 11, 20, 11),
        finished_at=ist(2026, 11, 20, 11, 5), score=3.34, max_score=6.0, correct=2, wrong=1, unanswered=0,
    )  # fmt: skip
    exam = QuizRun(mode="exam", question_count=5, started_at=ist(2026, 11, 24, 9), correct=1, unanswered=4)
    session.add_all([quiz, exam])
    for question_id, when, mode, state, interval, rating, seconds in ANSWERS:
        review = Review(
            question_id=question_id, deck_id=deck_of[question_id], reviewed_at=when, mode=mode, rating=rating,
            correct=rating != 1, duration_ms=seconds * 1000, state_before=state, interval_before=interval,
        )  # fmt: skip
        session.add(review)
    session.commit()
    return decks["Alpha"], decks["Beta"]


def history_fixture(engine: Engine, write_bank, now: datetime) -> Iterator[History]:  # type: ignore[no-untyped-def]
    paths: list[Path] = [write_bank(ALPHA, "alpha.yaml"), write_bank(BETA, "beta.yaml")]
    assert not import_paths(engine, paths, now=now.replace(year=2025, month=1)).problems
    with Session(engine) as session:
        alpha, beta = _seed(session)
    yield History(engine, window(NOW.astimezone(UTC), zone=IST), alpha, beta)
