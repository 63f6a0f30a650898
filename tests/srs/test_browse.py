"""The card browser's rows: filters, search, flags and due texts on a real database at a fixed time."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlmodel import Session

from quizapp.db.models import CardState
from quizapp.srs.browse import FILTERS, browse_cards, due_text
from quizapp.srs.queue import window
from quizapp.srs.review import answer_card, bury, set_suspended, unbury

# 10:00 IST on 24 November 2026.
MORNING = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)


def ids(session: Session, zone: timezone, show: str = "all", search: str = "", at: datetime = MORNING) -> list[str]:
    return [row.question_id for row in browse_cards(session, window(at, zone=zone), show=show, search=search)]


def test_every_filter_lists_the_cards_it_names(session: Session, zone: timezone) -> None:
    for minutes in (0, 1, 11):  # s-1 graduates to review; s-3 stays learning
        answer_card(session, question_id="s-1", rating=3, now=MORNING + timedelta(minutes=minutes))
    answer_card(session, question_id="s-3", rating=1, now=MORNING)
    set_suspended(session, "s-4")
    bury(session, "s-5", window(MORNING, zone=zone))
    later = MORNING + timedelta(hours=1)
    assert ids(session, zone, at=later) == ["s-1", "s-2", "s-2b", "s-3", "s-4", "s-5"]  # bank order
    assert ids(session, zone, "new", at=later) == ["s-2", "s-2b", "s-4", "s-5"]
    assert ids(session, zone, "learning", at=later) == ["s-3"]
    assert ids(session, zone, "review", at=later) == ["s-1"]
    assert ids(session, zone, "due", at=later) == ["s-3"]  # s-1 is due in days, not today
    assert ids(session, zone, "suspended", at=later) == ["s-4"]
    assert ids(session, zone, "buried", at=later) == ["s-5"]
    assert ids(session, zone, "leech", at=later) == []
    assert ids(session, zone, "buried", at=MORNING + timedelta(days=1)) == []  # the next study day unburies
    unbury(session, "s-5")
    assert ids(session, zone, "buried", at=later) == []
    with pytest.raises(ValueError, match="no filter 'late'"):
        ids(session, zone, "late")
    assert set(FILTERS) >= {"all", "due", "new", "learning", "review", "suspended", "leech", "buried"}


def test_a_leech_is_flagged_and_listed(session: Session, zone: timezone) -> None:
    when = MORNING
    for minutes in (0, 1, 11):
        answer_card(session, question_id="s-1", rating=3, now=when + timedelta(minutes=minutes))
    for _ in range(8):  # eight lapses, each followed by relearning back to review
        when += timedelta(days=3)
        answer_card(session, question_id="s-1", rating=1, now=when)
        answer_card(session, question_id="s-1", rating=3, now=when + timedelta(minutes=10))
    [row] = browse_cards(session, window(when, zone=zone), show="leech")
    assert (row.question_id, row.lapses, row.leech, row.suspended) == ("s-1", 8, True, True)
    assert row.flags == "leech suspended"


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("two", ["s-2", "s-2b"]),  # prompt "Two?" and "Two is two."
        ("SENTENCE two", ["s-2", "s-2b"]),  # any case, every word, the source sentence counts
        ("s-2b", ["s-2b"]),  # the id
        ("five 5", ["s-5"]),
        ("%", []),  # a LIKE wildcard is a plain character
        ("", ["s-1", "s-2", "s-2b", "s-3", "s-4", "s-5"]),
    ],
)
def test_search_needs_every_word_somewhere_in_the_card(
    session: Session, zone: timezone, search: str, expected: list[str]
) -> None:
    assert ids(session, zone, search=search) == expected


def test_due_texts_count_study_days(session: Session, zone: timezone) -> None:
    day = window(MORNING, zone=zone)
    [new] = browse_cards(session, day, search="s-1")
    assert due_text(new, day) == "—"
    cases = {
        day.start - timedelta(hours=1): "1d late",
        day.start - timedelta(days=2, hours=1): "3d late",
        day.end - timedelta(minutes=1): "today",
        day.end + timedelta(hours=3): "tomorrow",
        day.end + timedelta(days=4, hours=3): "in 5d",
    }
    for due, text in cases.items():
        assert due_text(replace(new, state=CardState.REVIEW, due=due), day) == text
