"""Every deck's queue counts at once agree with one Queue per deck: limits, learning, burying and siblings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import ColumnElement, Engine, func
from sqlmodel import Session, select

from quizapp.db import import_paths
from quizapp.db.models import Card, CardState, Deck, Question
from quizapp.srs.counts import queue_counts
from quizapp.srs.queue import DayWindow, Queue, QueueCounts, daily_limits, studyable, window
from quizapp.srs.review import answer_card, bury, set_suspended
from quizapp.srs.settings import DeckSettings, save_settings

MORNING = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)  # 10:00 IST

OTHER = """
deck: Other
questions:
  - {id: o-1, type: short, prompt: A?, answer: "a", source: {line: 1, text: Same sentence.}}
  - {id: o-2, type: short, prompt: B?, answer: "b", source: {line: 1, text: Same sentence.}}
  - {id: o-3, type: short, prompt: C?, answer: "c", source: {line: 2, text: Sentence two.}}
  - {id: o-4, type: short, prompt: D?, answer: "d"}
"""


def counted_row_by_row(session: Session, day: DayWindow, deck: int) -> QueueCounts:
    """The reference: the deck's questions joined to their cards under the queue's own rule, limits applied."""
    new_left, reviews_left = daily_limits(session, day, [deck])

    def count(*conditions: ColumnElement[bool]) -> int:
        query = (
            select(func.count())
            .select_from(Question)
            .join(Card, Card.question_id == Question.id)
            .where(Question.deck_id == deck, studyable(day), *conditions)
        )
        return session.exec(query).one()

    learning = count(Card.state.in_((CardState.LEARNING, CardState.RELEARNING)), Card.due < day.end)
    review = count(Card.state == CardState.REVIEW, Card.due < day.end)
    new = count(Card.state == CardState.NEW)
    return QueueCounts(learning, min(review, reviews_left[deck]), min(new, new_left[deck]))


def agree(session: Session, now: datetime, zone: timezone) -> None:
    day = window(now, zone=zone)
    decks = list(session.exec(select(Deck.id)))
    expected = {d: counted_row_by_row(session, day, d) for d in decks}
    assert queue_counts(session, day) == expected
    assert {d: Queue(session, day, d).counts() for d in decks} == expected


def test_counts_of_every_deck_equal_each_deck_queue(
    session: Session, deck_engine: Engine, write_bank, zone: timezone
) -> None:  # type: ignore[no-untyped-def]
    path: Path = write_bank(OTHER, "other.yaml")
    assert not import_paths(deck_engine, [path], now=MORNING).problems
    agree(session, MORNING, zone)
    srs = session.exec(select(Deck.id).where(Deck.name == "Srs")).one()
    save_settings(session, DeckSettings(new_per_day=2, reviews_per_day=1), deck_id=srs)
    session.commit()
    earlier = MORNING - timedelta(days=3)
    for qid in ("s-1", "s-3", "s-4", "o-3"):
        answer_card(session, question_id=qid, rating=3, now=earlier)
        answer_card(session, question_id=qid, rating=3, now=earlier + timedelta(minutes=15))
    agree(session, MORNING, zone)
    answer_card(session, question_id="s-2", rating=1, now=MORNING)  # a sibling (s-2b) now waits for tomorrow
    answer_card(session, question_id="o-1", rating=3, now=MORNING)  # and o-2 too
    answer_card(session, question_id="s-5", rating=3, now=MORNING)
    set_suspended(session, "s-4")
    bury(session, "o-4", window(MORNING, zone=zone))
    for moment in (MORNING, MORNING + timedelta(minutes=5), MORNING + timedelta(days=1), MORNING + timedelta(days=30)):
        agree(session, moment, zone)
