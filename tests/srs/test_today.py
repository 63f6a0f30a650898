"""A review session's `Today` keeps the day between cards: its queue must pick and count as a fresh one does."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from quizapp.db import import_paths
from quizapp.db.models import Card, CardState, Deck, Question
from quizapp.srs import queue as queue_module
from quizapp.srs import today as today_module
from quizapp.srs.queue import Queue, QueueCounts, window
from quizapp.srs.review import answer_card, bury, set_suspended, undo_review
from quizapp.srs.settings import DeckSettings, save_settings
from quizapp.srs.today import Today

MORNING = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)  # 10:00 IST

SIBLINGS = """
deck: Siblings
questions:
  - {id: t-1, type: short, prompt: A?, answer: "a", source: {line: 1, text: One sentence.}}
  - {id: t-2, type: short, prompt: B?, answer: "b", source: {line: 1, text: One sentence.}}
  - {id: t-3, type: short, prompt: C?, answer: "c", source: {line: 1, text: One sentence.}}
  - {id: t-4, type: short, prompt: D?, answer: "d", source: {line: 2, text: Another sentence.}}
  - {id: t-5, type: short, prompt: E?, answer: "e", source: {line: 2, text: Another sentence.}}
  - {id: t-6, type: short, prompt: F?, answer: "f"}
  - {id: t-7, type: short, prompt: G?, answer: "g"}
"""


@pytest.fixture
def decks(session: Session, deck_engine: Engine, write_bank) -> dict[str, int]:  # type: ignore[no-untyped-def]
    path: Path = write_bank(SIBLINGS, "siblings.yaml")
    assert not import_paths(deck_engine, [path], now=MORNING).problems
    found = {name: deck_id for deck_id, name in session.exec(select(Deck.id, Deck.name))}
    save_settings(session, DeckSettings(new_per_day=3, reviews_per_day=2), deck_id=found["Siblings"])
    session.commit()
    return found


def _same(session: Session, now: datetime, zone: timezone, deck: int | None, extra: int, today: Today) -> str | None:
    """The kept queue's next card and counts equal a fresh queue's; returns that card."""
    day = window(now, zone=zone)
    fresh = Queue(session, day, deck, extra_new=extra)
    kept = Queue(session, day, deck, extra_new=extra, today=today)
    picked = fresh.next_card()
    assert kept.next_card() == picked
    assert kept.counts() == fresh.counts()
    return picked


@pytest.mark.parametrize("scope", ["Siblings", "Srs", None])
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("scan_first", "beyond"), [(1, 0), (8, 16)])
def test_a_kept_day_picks_and_counts_as_a_fresh_queue(
    session: Session,
    decks: dict[str, int],
    zone: timezone,
    scope: str | None,
    seed: int,
    scan_first: int,
    beyond: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Answers (siblings held back, limits used up), suspending, burying, undo, more new cards, a new day.

    The kept queue passes over held-back candidates it reads a few at a time; read one at a time, every held
    sibling in front makes it read again (four times as many). Its counts follow each answer: counted no further
    than the limits (`beyond` 0), a held sibling leaves a deck's count unknown, and the deck is counted again."""
    monkeypatch.setattr(queue_module, "_SCAN_FIRST", scan_first)
    monkeypatch.setattr(today_module, "COUNTED_BEYOND", beyond)
    rng = random.Random(seed)
    deck = decks[scope] if scope else None
    today, now, extra = Today(), MORNING, 0
    answers: list[int] = []
    for _ in range(40):
        picked = _same(session, now, zone, deck, extra, today)
        action = rng.choice(["answer"] * 6 + ["suspend", "bury", "undo", "more", "later"])
        if picked is None or action == "more":
            extra += 1
        elif action == "answer":
            answered = answer_card(session, question_id=picked, rating=rng.choice([1, 2, 3, 3, 4]), now=now)
            today.answered(answered, picked)
            answers.append(answered.review_id)
        elif action == "suspend":
            set_suspended(session, picked)
            today.changed(_deck_of(session, picked))
        elif action == "bury":
            bury(session, picked, window(now, zone=zone))
            today.changed(_deck_of(session, picked))
        elif action == "undo" and answers:
            undo_review(session, answers.pop())
            today.forget()
        now += timedelta(minutes=rng.choice([1, 5, 30]) if action != "later" else 60 * 20)
    assert answers, "the session answered nothing: the comparison proved little"


def _deck_of(session: Session, question_id: str) -> int:
    question = session.get(Question, question_id)
    assert question is not None
    return question.deck_id


def test_today_keeps_what_it_read_until_told(session: Session, decks: dict[str, int], zone: timezone) -> None:
    """An answer `Today` is not told of leaves its counts as they were (the reason the screen tells it)."""
    deck = decks["Siblings"]
    today = Today()
    day = window(MORNING, zone=zone)
    before = Queue(session, day, deck, today=today).counts()
    assert before.new == 3
    answered = answer_card(session, question_id="t-1", rating=3, now=MORNING)
    assert Queue(session, day, deck, today=today).counts() == before  # not told: the day as it was read
    today.answered(answered, "t-1")
    told = Queue(session, day, deck, today=today)
    assert told.counts() == Queue(session, day, deck).counts()
    assert told.counts().new == 2  # a limit of 3 with one new card started today
    assert told.next_card() not in {"t-2", "t-3"}


def test_a_session_reads_each_decks_settings_once_and_answers_with_them(
    session: Session, decks: dict[str, int]
) -> None:
    """The review screen previews and schedules with the settings `Today` read first, not a read per card."""
    deck = decks["Siblings"]
    today = Today()
    kept = today.deck_settings(session, deck)
    assert kept == DeckSettings(new_per_day=3, reviews_per_day=2)
    save_settings(session, DeckSettings(new_per_day=3, reviews_per_day=2, learning_steps=(30,)), deck_id=deck)
    session.commit()
    assert today.deck_settings(session, deck) is kept  # not read again
    # answer_card schedules with the settings given: the deck's first learning step (1 minute by default),
    # not the 30 minutes now stored.
    given = answer_card(session, question_id="t-6", rating=1, now=MORNING, settings=kept)
    assert given.card.due - MORNING == timedelta(minutes=kept.learning_steps[0])
    stored = answer_card(session, question_id="t-7", rating=1, now=MORNING)
    assert stored.card.due - MORNING == timedelta(minutes=30)


def test_counts_follow_answers_where_the_review_limit_binds_and_a_leech_leaves(
    session: Session, decks: dict[str, int], zone: timezone, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every card of a deck due for review, more than its limit: reviews are counted only up to the limit, so
    siblings held back leave the count unknown and the deck is counted again; an answer that makes a leech
    takes the card out of every count."""
    monkeypatch.setattr(today_module, "COUNTED_BEYOND", 0)
    deck = decks["Siblings"]
    save_settings(session, DeckSettings(new_per_day=3, reviews_per_day=3, leech_lapses=1), deck_id=deck)
    for n, card in enumerate(session.exec(select(Card).where(Card.deck_id == deck)).all()):
        card.state, card.step, card.reps, card.interval_days = CardState.REVIEW, None, 1, 2.0
        card.stability, card.difficulty = 2.0 + n, 5.0
        card.last_review, card.due = MORNING - timedelta(days=3), MORNING - timedelta(days=1, minutes=n)
        session.add(card)
    session.commit()
    today, now = Today(), MORNING
    assert _same(session, now, zone, deck, 0, today) is not None
    assert Queue(session, window(now, zone=zone), deck, today=today).counts().review == 3  # 7 due, 3 allowed
    # t-1 holds t-2 and t-3 back; t-6 (no sibling) becomes a leech; t-4 holds t-5 back.
    for question, rating in (("t-1", 3), ("t-6", 1), ("t-4", 3)):
        answered = answer_card(session, question_id=question, rating=rating, now=now)
        today.answered(answered, question)
        now += timedelta(minutes=1)
        _same(session, now, zone, deck, 0, today)
    assert session.get(Card, "t-6").suspended
    assert Queue(session, window(now, zone=zone), deck, today=today).counts() == QueueCounts(0, 0, 0)
