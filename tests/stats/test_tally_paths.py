"""Every deck's answers per day come from the quarter-hour tally; they must equal the decks' own reviews summed."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

from sqlmodel import Session
from stats_history import History

from quizapp.srs.queue import window
from quizapp.stats.activity import activity
from quizapp.stats.days import study_slots, today_of


def _summed(session: Session, history: History, day) -> list[tuple[int, int, int, int, float]]:  # type: ignore[no-untyped-def]
    per_deck = [activity(session, day, days=365, deck_id=deck).days for deck in (history.alpha, history.beta)]
    return [
        (
            sum(d.flashcard for d in days),
            sum(d.quiz for d in days),
            sum(d.exam for d in days),
            sum(d.correct for d in days),
            sum(d.seconds for d in days),
        )
        for days in zip(*per_deck, strict=True)
    ]


def test_the_tally_and_the_reviews_give_the_same_days_in_several_zones(session: Session, history: History) -> None:
    for zone, starts_at in ((history.day.zone, 4), (timezone(timedelta(hours=-3, minutes=-30)), 0), (UTC, 23)):
        day = window(history.day.now, zone=zone, starts_at=starts_at)
        assert study_slots(day, today_of(day), today_of(day)) is not None  # the tally path is the one taken
        every = activity(session, day, days=365)
        found = [(d.flashcard, d.quiz, d.exam, d.correct, d.seconds) for d in every.days]
        assert found == _summed(session, history, day)
        assert sum(d.count for d in every.days) > 5
        assert every.total == sum(activity(session, day, deck_id=deck).total for deck in (history.alpha, history.beta))


def test_a_zone_off_the_quarter_hours_reads_the_reviews(session: Session, history: History) -> None:
    odd = timezone(timedelta(hours=1, minutes=7))
    day = window(history.day.now, zone=odd)
    assert study_slots(day, today_of(day), today_of(day)) is None
    every = activity(session, day, days=365)
    assert [(d.flashcard, d.quiz, d.exam, d.correct, d.seconds) for d in every.days] == _summed(session, history, day)
