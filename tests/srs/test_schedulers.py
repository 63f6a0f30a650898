"""The schedulers at fixed times: FSRS as the fsrs package computes it, SM-2 as Anki does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from quizapp.db.models import CardState
from quizapp.srs.schedulers import describe_interval, next_state, preview, retrievability
from quizapp.srs.settings import DeckSettings
from quizapp.srs.snapshot import CardSnapshot

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
FSRS = DeckSettings(fuzz=False)
SM2 = DeckSettings(scheduler="sm2", fuzz=False)


def test_fsrs_states_equal_the_fsrs_package_for_the_same_answers() -> None:
    reference = Scheduler(enable_fuzzing=False)
    theirs = FsrsCard(card_id=0)
    ours = CardSnapshot(state=CardState.NEW, due=START)
    when = START
    for rating, wait in [(3, 0), (3, 0.01), (3, 2), (4, 11), (1, 40), (2, 0.01), (3, 3), (3, 9), (3, 30)]:
        when += timedelta(days=wait)
        theirs, _ = reference.review_card(theirs, Rating(rating), when)
        ours = next_state(ours, rating, when, FSRS)
        assert ours.state == int(theirs.state)
        assert ours.step == theirs.step
        assert ours.stability == pytest.approx(theirs.stability)
        assert ours.difficulty == pytest.approx(theirs.difficulty)
        assert ours.due == theirs.due
    assert ours.reps == 9 and ours.lapses == 1


def test_sm2_intervals_for_a_known_sequence() -> None:
    card = CardSnapshot(state=CardState.NEW, due=START)
    when = START
    seen = []
    for rating in (3, 3, 3, 3, 1, 3, 3, 4, 2):
        card = next_state(card, rating, when, SM2)
        seen.append((card.due - when, card.ease))
        when = card.due
    minutes, days = timedelta(minutes=1), timedelta(days=1)
    assert [gap for gap, _ in seen] == [
        10 * minutes,
        1 * days,
        3 * days,
        8 * days,  # learning steps, graduating day, ×2.5
        10 * minutes,
        1 * days,
        3 * days,  # a lapse: relearning, back at 1 day, then ×2.3
        9 * days,  # Easy: 3 × 2.3 × 1.3 = 8.97
        11 * days,  # Hard: 9 × 1.2 = 10.8
    ]
    assert [round(ease, 2) for _, ease in seen] == [2.5, 2.5, 2.5, 2.5, 2.3, 2.3, 2.3, 2.45, 2.3]
    assert card.lapses == 1 and card.reps == 9


def test_sm2_keeps_fsrs_memory_in_step_so_readiness_and_a_switch_to_fsrs_work() -> None:
    reference = Scheduler(enable_fuzzing=False)
    theirs = FsrsCard(card_id=0)
    card = CardSnapshot(state=CardState.NEW, due=START)
    when = START
    for rating in (3, 3, 3, 3):
        card = next_state(card, rating, when, SM2)
        theirs, _ = reference.review_card(theirs, Rating(rating), when)
        when = card.due  # SM-2's schedule, not FSRS's
    # FSRS saw the same answers at the same moments, so it knows the same memory.
    assert card.stability == pytest.approx(theirs.stability)
    assert card.difficulty == pytest.approx(theirs.difficulty)
    assert retrievability(card, when, SM2) is not None
    switched = next_state(card, 3, when, FSRS)
    assert switched.state == CardState.REVIEW and switched.stability > card.stability


@pytest.mark.parametrize(("ease", "difficulty"), [(None, 5.0), (2.5, 5.0), (1.3, 10.0), (3.1, 2.5), (5.0, 1.0)])
def test_a_review_card_without_fsrs_memory_starts_from_its_interval_and_ease(
    ease: float | None, difficulty: float
) -> None:
    # A card scheduled before FSRS followed it (no stability): its interval and ease stand in for the memory.
    card = CardSnapshot(
        state=CardState.REVIEW, due=START, last_review=START - timedelta(days=10), interval_days=10.0, ease=ease
    )
    expected = Scheduler(enable_fuzzing=False).review_card(
        FsrsCard(
            card_id=0,
            state=State.Review,
            stability=10.0,
            difficulty=difficulty,
            due=START,
            last_review=card.last_review,
        ),
        Rating.Good,
        START,
    )[0]
    after = next_state(card, 3, START, FSRS)
    assert after.stability == pytest.approx(expected.stability)
    assert after.due == expected.due


def test_sm2_easy_on_a_new_card_graduates_at_four_days() -> None:
    card = next_state(CardSnapshot(state=CardState.NEW, due=START), 4, START, SM2)
    assert (card.state, card.due - START) == (CardState.REVIEW, timedelta(days=4))


@pytest.mark.parametrize("settings", [FSRS, SM2], ids=["fsrs", "sm2"])
def test_a_clock_before_the_last_review_gives_no_negative_interval(settings: DeckSettings) -> None:
    card = CardSnapshot(state=CardState.NEW, due=START)
    for rating in (3, 3, 3):
        card = next_state(card, rating, card.due, settings)
    earlier = card.last_review - timedelta(days=3)
    after = next_state(card, 3, earlier, settings)
    assert after.last_review == card.last_review
    assert after.due > card.last_review


def test_preview_gives_each_rating_its_interval() -> None:
    card = CardSnapshot(state=CardState.NEW, due=START)
    shown = {rating: describe_interval(delta) for rating, delta in preview(card, START, FSRS).items()}
    assert shown == {1: "1m", 2: "5m", 3: "10m", 4: "8d"}
    assert {r: describe_interval(d) for r, d in preview(card, START, SM2).items()} == {
        1: "1m",
        2: "5m",
        3: "10m",
        4: "4d",
    }


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=30), "<1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=3), "3d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=730), "2y"),
    ],
)
def test_describe_interval(delta: timedelta, text: str) -> None:
    assert describe_interval(delta) == text


def test_retrievability_falls_with_time_and_is_none_for_new_cards() -> None:
    card = CardSnapshot(state=CardState.NEW, due=START)
    assert retrievability(card, START, FSRS) is None
    for rating in (3, 3):
        card = next_state(card, rating, card.due, FSRS)
    soon = retrievability(card, card.due, FSRS)
    late = retrievability(card, card.due + timedelta(days=30), FSRS)
    assert soon == pytest.approx(0.9, abs=0.01)  # due when recall has fallen to the desired retention
    assert late < soon


def test_a_rating_outside_one_to_four_is_refused() -> None:
    with pytest.raises(ValueError, match="1 \\(Again\\) to 4 \\(Easy\\)"):
        next_state(CardSnapshot(state=CardState.NEW, due=START), 5, START, FSRS)
