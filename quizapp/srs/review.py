"""Answering a card, and the card actions around it: undo, suspend, bury, reset. Each commits at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from quizapp.db import direct
from quizapp.db.models import Card, CardState, Question, Review
from quizapp.srs.queue import DayWindow
from quizapp.srs.schedulers import AGAIN, next_state
from quizapp.srs.settings import DeckSettings, load_settings
from quizapp.srs.snapshot import FIELDS, CardSnapshot


class CardActionError(Exception):
    """An action that cannot be done to this card (no such card, not the latest answer to undo…)."""


@dataclass(frozen=True, slots=True)
class Answered:
    """What an answer did: the Review row written, the card's new state, whether it just became a leech."""

    review_id: int
    card: CardSnapshot
    became_leech: bool
    deck_id: int
    before: CardSnapshot
    """The card when it was answered."""

    @property
    def state_before(self) -> int:
        """The card's state when it was answered (a new card started, a review done…)."""
        return self.before.state


def _card(session: Session, question_id: str) -> tuple[Card, Question]:
    row = session.execute(_card_statement(), {"question": question_id}).first()
    if row is None:
        raise CardActionError(f"no card for question {question_id}")
    return row[0], row[1]


@cache
def _card_statement():  # type: ignore[no-untyped-def]
    """A card and its question, as objects to change, in one statement built once (the card actions)."""
    return (
        select(Card, Question)
        .join(Question, Question.id == Card.question_id)
        .where(Card.question_id == bindparam("question"))
    )


@dataclass(frozen=True, slots=True)
class Seen:
    """A card as the student saw it: its deck, and its scheduling state when it was shown."""

    deck_id: int
    card: CardSnapshot


def answer_card(
    session: Session,
    *,
    question_id: str,
    rating: int,
    now: datetime,
    duration_ms: int | None = None,
    mode: str = "flashcard",
    response: str | None = None,
    correct: bool | None = None,
    credit: float | None = None,
    quiz_run_id: int | None = None,
    settings: DeckSettings | None = None,
    seen: Seen | None = None,
) -> Answered:
    """Schedule the card after `rating`, write the Review row with the state before and after, and commit.

    `settings` are the card's deck's, when the caller holds them already (a study session reads them once).
    `seen` is the card as the caller read it to show it: the card is scheduled from it, and written only if the
    database still holds that state, else read again and scheduled from what it holds now (answered meanwhile in
    another window, say). So the answer costs no read of the card.

    Read and written through the Core connection with statements built once: an answer is the app's most
    frequent write, and the ORM's unit of work would take longer than SQLite does.
    """
    if seen is None:
        seen = _seen(session, question_id)
    if settings is None:
        settings = load_settings(session, seen.deck_id)
    after = _scheduled(seen.card, rating, now, settings)
    if not _swapped(session, question_id, seen, after):
        fresh = _seen(session, question_id)  # in this transaction: the card cannot change again before the write
        if fresh.deck_id != seen.deck_id:
            settings = load_settings(session, fresh.deck_id)
        seen, after = fresh, _scheduled(fresh.card, rating, now, settings)
        if not _swapped(session, question_id, seen, after):
            raise CardActionError(f"the card of question {question_id} changed while it was answered")
    before = seen.card
    interval_before = None
    if before.state == CardState.REVIEW and before.last_review is not None:
        interval_before = (before.due - before.last_review).total_seconds() / 86400
    review = {
        "question_id": question_id,
        "deck_id": seen.deck_id,
        "quiz_run_id": quiz_run_id,
        "reviewed_at": now,
        "mode": mode,
        "scheduler": settings.scheduler,
        "rating": rating,
        "correct": (rating != AGAIN) if correct is None else correct,
        "credit": credit,
        "response": response,
        "duration_ms": duration_ms,
        "state_before": before.state,
        "previous_at": None,  # the trigger sets it
        "interval_before": interval_before,
        "card_before": before.to_json(),
        "card_after": after.to_json(),
    }
    review_id = direct.write(session, _review_insert(), review)
    session.commit()
    became_leech = after.leech and not before.leech
    return Answered(review_id, after, became_leech, seen.deck_id, before)


def _seen(session: Session, question_id: str) -> Seen:
    question, card = card_to_show(session, question_id)
    return Seen(question.deck_id, card)


def _scheduled(before: CardSnapshot, rating: int, now: datetime, settings: DeckSettings) -> CardSnapshot:
    """The card after the rating; a leech (lapsed `leech_lapses` times) is marked and suspended."""
    after = next_state(before, rating, now, settings)
    if after.lapses >= settings.leech_lapses and before.lapses < after.lapses and not before.leech:
        after = after.but(leech=True, suspended=True)
    return after


def _swapped(session: Session, question_id: str, seen: Seen, after: CardSnapshot) -> bool:
    """Write `after` into the card if it is still in the deck and state `seen`; whether it was."""
    params = {"question": question_id, "deck": seen.deck_id}
    params.update({f"old_{k}": v for k, v in seen.card.values().items()})
    params.update({f"new_{k}": v for k, v in after.values().items()})
    return direct.write(session, _card_swap(), params) == 1


def card_to_show(session: Session, question_id: str) -> tuple[Any, CardSnapshot]:
    """The question's text (its columns by name: prompt, answer, type, choices…) and its card's state, in one
    read: what the review screen shows of a card and previews its four intervals from, and what an answer
    schedules from."""
    row = direct.first(session, _show_read(), {"question": question_id})
    if row is None:
        raise CardActionError(f"no card for question {question_id}")
    return row, CardSnapshot.of(row)


_SHOWN = ("deck_id", "type", "prompt", "answer", "choices", "items", "explanation", "source_line", "source_text")


@cache
def _show_read():  # type: ignore[no-untyped-def]
    columns = [getattr(Question, name) for name in _SHOWN] + [getattr(Card, name) for name in FIELDS]
    return select(*columns).join(Card, Card.question_id == Question.id).where(Question.id == bindparam("question"))


@cache
def _review_insert():  # type: ignore[no-untyped-def]
    """Every column of a Review but its id, bound by name."""
    return insert(Review).values({c.key: bindparam(c.key) for c in Review.__table__.columns if c.key != "id"})


@cache
def _card_swap():  # type: ignore[no-untyped-def]
    """Every scheduling column of one card, bound as new_<column>, where its deck and those columns still hold
    "deck" and old_<column> (`IS`, which holds for two NULLs)."""
    unchanged = [getattr(Card, name).is_(bindparam(f"old_{name}")) for name in FIELDS]
    return (
        update(Card)
        .where(Card.question_id == bindparam("question"), Card.deck_id == bindparam("deck"), *unchanged)
        .values({name: bindparam(f"new_{name}") for name in FIELDS})
    )


def undo_review(session: Session, review_id: int) -> str:
    """Take back an answer: the card returns exactly to its state before, the Review row goes. Returns the question id.

    Only the latest answer to a card can be undone, so undoing walks back through a session one answer at a time.
    """
    review = session.get(Review, review_id)
    if review is None or review.card_before is None:
        raise CardActionError("that answer is already undone")
    latest = session.execute(
        select(Review.id).where(Review.question_id == review.question_id).order_by(Review.id.desc()).limit(1)
    ).scalar()
    if latest != review_id:
        raise CardActionError("a later answer to this card must be undone first")
    card, _ = _card(session, review.question_id)
    CardSnapshot.from_json(review.card_before).apply(card)
    session.add(card)
    session.delete(review)
    session.commit()
    return review.question_id


def set_suspended(session: Session, question_id: str, suspended: bool = True) -> None:
    card, _ = _card(session, question_id)
    card.suspended = suspended
    if not suspended:
        card.leech = False  # unsuspending a leech is the student's decision to try again
    session.add(card)
    session.commit()


def bury(session: Session, question_id: str, day: DayWindow) -> datetime:
    """Hide the card until the next study day begins; returns when that is."""
    card, _ = _card(session, question_id)
    card.buried_until = day.end
    session.add(card)
    session.commit()
    return day.end


def reset_card(session: Session, question_id: str, *, now: datetime) -> None:
    """Forget the card's schedule: it is new again (its review history stays)."""
    card, _ = _card(session, question_id)
    CardSnapshot(state=CardState.NEW, due=now).apply(card)
    session.add(card)
    session.commit()


def unbury(session: Session, question_id: str) -> None:
    """Bring a buried card back today."""
    card, _ = _card(session, question_id)
    card.buried_until = None
    session.add(card)
    session.commit()
