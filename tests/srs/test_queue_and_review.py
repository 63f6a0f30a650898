"""The daily queue, answers, leeches and undo on a real database at fixed times (study day starts 4 a.m. IST)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from quizapp.db.models import Card, CardState, Question, Review
from quizapp.srs import review as review_module
from quizapp.srs.queue import Queue, window
from quizapp.srs.review import (
    CardActionError,
    Seen,
    answer_card,
    bury,
    card_to_show,
    reset_card,
    set_suspended,
    undo_review,
)
from quizapp.srs.settings import DeckSettings, load_settings, save_settings
from quizapp.srs.snapshot import CardSnapshot

# 10:00 IST on 24 November 2026.
MORNING = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)


def queue(session: Session, now: datetime, zone: timezone) -> Queue:
    return Queue(session, window(now, zone=zone))


def studied(session: Session, now: datetime, zone: timezone, limit: int = 50) -> list[str]:
    """Answer Good to whatever comes next until nothing is due now; the order the cards came in."""
    seen = []
    for _ in range(limit):
        qid = queue(session, now, zone).next_card()
        if qid is None:
            break
        seen.append(qid)
        answer_card(session, question_id=qid, rating=3, now=now)
    return seen


def deck_id(session: Session) -> int:
    return session.exec(select(Question.deck_id)).first()


def test_new_cards_come_in_bank_order_and_siblings_wait_for_tomorrow(session: Session, zone: timezone) -> None:
    order = studied(session, MORNING, zone)
    # s-2b comes from the same sentence as s-2, so it is not shown the same day.
    assert order == ["s-1", "s-2", "s-3", "s-4", "s-5"]
    tomorrow = MORNING + timedelta(days=1)
    assert queue(session, tomorrow, zone).next_card() in {"s-2b"} | set(order)


def test_learning_cards_come_back_when_due_and_before_new_ones(session: Session, zone: timezone) -> None:
    answer_card(session, question_id="s-1", rating=1, now=MORNING)  # Again: due in 1 minute
    q = queue(session, MORNING, zone)
    assert q.next_card() == "s-2"  # not due yet: a new card meanwhile
    later = MORNING + timedelta(minutes=2)
    assert queue(session, later, zone).next_card() == "s-1"
    counts = queue(session, later, zone).counts()
    assert (counts.learning, counts.new) == (1, 5)  # s-2b only waits once its sibling s-2 has been studied today


def test_the_new_card_limit_resets_at_four_in_the_morning_local_time(session: Session, zone: timezone) -> None:
    save_settings(session, DeckSettings(new_per_day=2), deck_id=deck_id(session))
    session.commit()
    assert studied(session, MORNING, zone) == ["s-1", "s-2"]
    # 03:30 IST the next night: still the same study day.
    before_rollover = datetime(2026, 11, 24, 22, 0, tzinfo=UTC)
    assert queue(session, before_rollover, zone).counts().new == 0
    # 04:30 IST: a new day, two more new cards.
    after_rollover = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    counts = queue(session, after_rollover, zone).counts()
    assert (counts.learning, counts.new) == (2, 2)
    assert queue(session, after_rollover, zone).next_card() == "s-1"  # yesterday's learning cards first
    assert queue(session, after_rollover, zone).next_card(exclude=frozenset({"s-1", "s-2"})) == "s-2b"


def test_reviews_most_overdue_first_and_the_review_limit(session: Session, zone: timezone) -> None:
    for qid, days_ago in (("s-1", 10), ("s-3", 40), ("s-4", 20)):
        card = session.get(Card, qid)
        CardSnapshot(
            state=CardState.REVIEW,
            due=MORNING - timedelta(days=days_ago),
            stability=5.0,
            difficulty=5.0,
            last_review=MORNING - timedelta(days=days_ago + 5),
            reps=3,
        ).apply(card)
        session.add(card)
    session.commit()
    save_settings(session, DeckSettings(reviews_per_day=2, new_per_day=0), deck_id=deck_id(session))
    session.commit()
    assert queue(session, MORNING, zone).counts().review == 2
    assert studied(session, MORNING, zone) == ["s-3", "s-4"]
    assert queue(session, MORNING, zone).next_card() is None


def test_suspended_buried_and_retired_cards_never_appear(session: Session, zone: timezone) -> None:
    set_suspended(session, "s-1")
    until = bury(session, "s-2", window(MORNING, zone=zone))
    assert until == datetime(2026, 11, 25, 4, 0, tzinfo=zone)
    question = session.get(Question, "s-3")
    question.active = False
    session.add(question)
    session.commit()
    assert studied(session, MORNING, zone) == ["s-2b", "s-4", "s-5"]
    learning = frozenset({"s-2b", "s-4", "s-5"})
    assert queue(session, until - timedelta(minutes=1), zone).next_card(exclude=learning) is None
    assert queue(session, until + timedelta(minutes=1), zone).next_card(exclude=learning) == "s-2"


def test_every_answer_is_a_review_row_committed_at_once(session: Session, deck_engine, zone: timezone) -> None:
    answered = answer_card(session, question_id="s-1", rating=3, now=MORNING, duration_ms=4200)
    with Session(deck_engine) as other:  # another connection sees it: it was committed
        review = other.get(Review, answered.review_id)
        assert (review.question_id, review.rating, review.correct, review.duration_ms) == ("s-1", 3, True, 4200)
        assert (review.mode, review.scheduler, review.state_before) == ("flashcard", "fsrs", CardState.NEW)
        assert review.card_before["state"] == CardState.NEW
        assert review.card_after["state"] == CardState.LEARNING
        assert other.get(Card, "s-1").due == MORNING + timedelta(minutes=10)


def test_an_answer_schedules_the_card_as_shown_unless_it_changed_since(session: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    deck = deck_id(session)
    shown = Seen(deck, card_to_show(session, "s-1")[1])
    later = MORNING + timedelta(minutes=5)

    # Another window answers the card while this one shows it: this answer starts from the card as it is now.
    elsewhere = answer_card(session, question_id="s-1", rating=3, now=MORNING)
    stale = answer_card(session, question_id="s-1", rating=3, now=later, seen=shown)
    review = session.get(Review, stale.review_id)
    assert review is not None and CardSnapshot.from_json(review.card_before) == elsewhere.card
    assert stale.card.reps == 2 and CardSnapshot.of(session.get(Card, "s-1")) == stale.card

    # The card as shown is the card as stored: it is not read again.
    shown = Seen(deck, card_to_show(session, "s-3")[1])
    monkeypatch.setattr(review_module, "card_to_show", lambda *args: pytest.fail("the card was read again"))
    answered = answer_card(session, question_id="s-3", rating=1, now=later, seen=shown)
    review = session.get(Review, answered.review_id)
    assert review is not None and review.card_before == shown.card.to_json() and review.deck_id == deck
    assert CardSnapshot.of(session.get(Card, "s-3")) == answered.card and answered.card.reps == 1


def test_undo_restores_the_exact_card_and_removes_the_review(session: Session, zone: timezone) -> None:
    before = CardSnapshot.of(session.get(Card, "s-1"))
    first = answer_card(session, question_id="s-1", rating=3, now=MORNING)
    second = answer_card(session, question_id="s-1", rating=3, now=MORNING + timedelta(minutes=10))
    with pytest.raises(CardActionError, match="later answer"):
        undo_review(session, first.review_id)
    assert undo_review(session, second.review_id) == "s-1"
    assert CardSnapshot.of(session.get(Card, "s-1")) == first.card
    undo_review(session, first.review_id)
    assert CardSnapshot.of(session.get(Card, "s-1")) == before
    assert session.exec(select(Review)).all() == []
    with pytest.raises(CardActionError, match="already undone"):
        undo_review(session, first.review_id)


def test_eight_lapses_make_a_leech_that_is_suspended(session: Session, zone: timezone) -> None:
    save_settings(session, DeckSettings(fuzz=False), deck_id=deck_id(session))
    session.commit()
    when = MORNING
    leeched = []
    for _ in range(60):
        card = CardSnapshot.of(session.get(Card, "s-1"))
        if card.suspended:
            break
        rating = 1 if card.state == CardState.REVIEW else 3
        result = answer_card(session, question_id="s-1", rating=rating, now=when)
        leeched.append(result.became_leech)
        when = result.card.due
    card = session.get(Card, "s-1")
    assert card.lapses == 8 and card.leech and card.suspended
    assert leeched.count(True) == 1 and leeched[-1] is True
    assert queue(session, when, zone).next_card() != "s-1"


def test_reset_makes_a_card_new_and_keeps_its_history(session: Session) -> None:
    answer_card(session, question_id="s-1", rating=3, now=MORNING)
    reset_card(session, "s-1", now=MORNING)
    assert session.get(Card, "s-1").state == CardState.NEW
    assert len(session.exec(select(Review)).all()) == 1


def test_deck_settings_override_the_global_ones(session: Session) -> None:
    save_settings(session, DeckSettings(new_per_day=5, desired_retention=0.85), deck_id=0)
    save_settings(session, DeckSettings(new_per_day=7, scheduler="sm2"), deck_id=deck_id(session))
    session.commit()
    assert load_settings(session, deck_id(session)).new_per_day == 7
    assert load_settings(session, deck_id(session)).scheduler == "sm2"
    assert load_settings(session, 999).desired_retention == 0.85
    with pytest.raises(ValueError, match="desired_retention"):
        save_settings(session, DeckSettings(desired_retention=1.5), deck_id=0)


def test_the_card_to_show_is_its_question_and_its_state_as_stored(session: Session, now: datetime) -> None:
    answer_card(session, question_id="s-2", rating=3, now=now)
    question, state = card_to_show(session, "s-2")
    stored = session.get(Card, "s-2")
    assert stored is not None
    assert state == CardSnapshot.of(stored) and state.state == CardState.LEARNING and state.reps == 1
    assert (question.prompt, question.answer, question.type, question.source_line) == ("Two?", "2", "short", 2)
    assert question.deck_id == deck_id(session)
    with pytest.raises(CardActionError):
        card_to_show(session, "no-such-question")
