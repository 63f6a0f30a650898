"""The home screen's figures: today's answers, the study streak across 4 a.m. day starts, readiness per deck."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlmodel import Session

from quizapp.srs.queue import window
from quizapp.srs.review import answer_card
from quizapp.srs.settings import (
    DeckSettings,
    SettingsError,
    day_starts_at,
    parse_day_starts_at,
    save_day_starts_at,
    save_settings,
)
from quizapp.stats.overview import deck_overview, today

IST = timezone(timedelta(hours=5, minutes=30), "IST")  # the zone of the `zone` fixture
# 10:00 IST on 24 November 2026.
MORNING = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)


def ist(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=IST).astimezone(UTC)


def answer_at(session: Session, *moments: datetime) -> None:
    for moment in moments:
        answer_card(session, question_id="s-1", rating=3, now=moment, duration_ms=6000)


def test_today_counts_answers_and_time_since_the_day_began(session: Session, zone: timezone) -> None:
    answer_at(session, ist(24, 3, 59), ist(24, 4, 1), ist(24, 9))  # 03:59 still belongs to the 23rd
    done = today(session, window(MORNING, zone=zone))
    assert (done.answers, done.seconds) == (2, 12.0)


@pytest.mark.parametrize(
    ("moments", "streak"),
    [
        ([], 0),
        ([ist(24, 9)], 1),
        ([ist(23, 9)], 1),  # nothing yet today: yesterday's run still stands
        ([ist(22, 9)], 0),  # a missed day ends it
        ([ist(22, 9), ist(23, 9), ist(24, 9)], 3),
        ([ist(22, 9), ist(24, 3)], 2),  # 3 a.m. on the 24th is still the study day of the 23rd
        ([ist(21, 9), ist(23, 9), ist(24, 9)], 2),
        ([ist(23, 5), ist(23, 6), ist(23, 20)], 1),  # many answers on one day count once
    ],
)
def test_streak_counts_study_days_that_begin_at_4_am(
    session: Session, zone: timezone, moments: list[datetime], streak: int
) -> None:
    answer_at(session, *moments)
    assert today(session, window(MORNING, zone=zone)).streak == streak


def test_the_hour_the_day_starts_at_is_one_setting_for_every_deck(session: Session, zone: timezone) -> None:
    assert day_starts_at(session) == 4
    save_day_starts_at(session, 0)
    session.commit()
    assert day_starts_at(session) == 0
    answer_at(session, ist(24, 1))  # after midnight, so today once days start at midnight
    assert today(session, window(MORNING, zone=zone, starts_at=0)).answers == 1
    assert today(session, window(MORNING, zone=zone)).answers == 0
    with pytest.raises(ValueError, match="0 to 23"):
        save_day_starts_at(session, 24)
    assert parse_day_starts_at(" 5 ") == 5
    for typed, message in [("24", "from 0 to 23, not 24"), ("noon", "not a whole number"), ("", "is empty")]:
        with pytest.raises(SettingsError, match=message):
            parse_day_starts_at(typed)


@pytest.mark.parametrize("scheduler", ["fsrs", "sm2"])
def test_readiness_is_the_mean_recall_of_studied_cards_for_either_scheduler(
    session: Session, zone: timezone, scheduler: str
) -> None:
    [deck] = deck_overview(session, window(MORNING, zone=zone))
    assert deck.readiness is None  # nothing studied yet
    save_settings(session, DeckSettings(scheduler=scheduler), deck_id=deck.deck_id)
    session.commit()
    for qid in ("s-1", "s-3"):
        for minutes in (0, 1, 11):
            answer_card(session, question_id=qid, rating=3, now=MORNING + timedelta(minutes=minutes))
    [soon] = deck_overview(session, window(MORNING + timedelta(hours=1), zone=zone))
    [later] = deck_overview(session, window(MORNING + timedelta(days=30), zone=zone))
    assert soon.readiness is not None and later.readiness is not None
    assert 0.95 < soon.readiness <= 1.0  # just studied
    assert later.readiness < soon.readiness  # forgetting over a month
    assert (soon.review, soon.new) == (2, 4)
