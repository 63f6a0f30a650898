"""Readiness: how much of a deck the student would recall now, and on the exam day if nothing more is studied."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck
from quizapp.srs.memory import recall_sql, utc_stamp
from quizapp.srs.queue import DayWindow
from quizapp.stats.days import day_start_of, today_of

if TYPE_CHECKING:
    from quizapp.stats.overview import DeckOverview


@dataclass(frozen=True, slots=True)
class Recall:
    """FSRS's chance of recall summed and averaged over the studied cards at one moment."""

    studied: int
    knowledge: float
    """Estimated knowledge: the sum of the chances of recall, i.e. how many cards would be answered."""

    @property
    def mean(self) -> float | None:
        return self.knowledge / self.studied if self.studied else None


@dataclass(frozen=True, slots=True)
class ExamOutlook:
    """Readiness projected to the exam day, if nothing more is studied."""

    exam_date: date
    """The nearest exam date among the decks counted."""
    days_left: int
    recall: Recall


@dataclass(frozen=True, slots=True)
class Readiness:
    questions: int
    """Active questions (retired ones are not counted)."""
    unstudied: int
    now: Recall | None
    """None where the database cannot compute recall (only SQLite can)."""
    exam: ExamOutlook | None
    """None when no deck counted has an exam date today or later."""

    @property
    def unstudied_share(self) -> float | None:
        return self.unstudied / self.questions if self.questions else None


_DECKS_LISTED = 20
"""Up to this many decks are named in the query; for more, every deck is read and the others left out."""


def recall_by_deck(
    session: Session, moment: datetime, deck_ids: list[int] | None = None, exams: dict[int, datetime] | None = None
) -> tuple[dict[int, Recall], dict[int, Recall]] | None:
    """Each deck's studied active cards and the sum of their chances of recall at `moment`; and for each deck
    in `exams`, the same at that deck's own moment. One pass over the cards, however many exam dates there are.
    """
    chance = recall_sql(session, moment)
    if chance is None:
        return None
    exams = exams or {}
    columns = [Card.deck_id, func.count(), func.coalesce(func.sum(chance), 0.0)]
    if exams:
        own_moment = case({deck: utc_stamp(when) for deck, when in exams.items()}, value=Card.deck_id)
        columns.append(func.coalesce(func.sum(recall_sql(session, own_moment)), 0.0))
    studied = (Card.state != CardState.NEW) & Card.stability.is_not(None)
    # `ix_card_recall` holds what this reads, by deck: "active = 1" as the index says, and no list of many
    # decks to test each card against (their rows are picked out here instead).
    query = select(*columns).where(Card.active == True, studied).group_by(Card.deck_id)  # noqa: E712
    wanted = None  # the decks to pick out here, when the query names none
    if deck_ids is not None and len(deck_ids) <= _DECKS_LISTED:
        query = query.where(Card.deck_id.in_(deck_ids))
    elif deck_ids is not None:
        wanted = set(deck_ids)
    now: dict[int, Recall] = {}
    later = {deck: Recall(0, 0.0) for deck in exams}
    for deck, count, knowledge, *at_exam in session.execute(query):
        if wanted is not None and deck not in wanted:
            continue
        now[deck] = Recall(count, float(knowledge))
        if deck in exams:
            later[deck] = Recall(count, float(at_exam[0]))
    return now, later


def exam_moment(exam_date: date, day: DayWindow) -> datetime:
    """When the exam is taken to be: the start of its study day, or now on the day itself."""
    return max(day_start_of(exam_date, day), day.now)


def readiness(
    session: Session, day: DayWindow, overview: Sequence[DeckOverview], *, deck_id: int | None = None
) -> Readiness:
    """Readiness of one deck or of every deck, summed from `deck_overview` with recall at the same moment;
    the exam outlook sums each deck's cards at its own exam date."""
    chosen = [deck for deck in overview if deck_id is None or deck.deck_id == deck_id]
    questions, unstudied = sum(d.questions for d in chosen), sum(d.unstudied for d in chosen)
    can_recall = recall_sql(session, day.now) is not None
    current = Recall(sum(d.recall_cards for d in chosen), sum(d.knowledge for d in chosen)) if can_recall else None
    exams = [(d.exam_date, d.exam_recall) for d in chosen if d.exam_date and d.days_left(day) is not None]
    return Readiness(questions, unstudied, current, _outlook(exams, day))


def _outlook(exams: list[tuple[date, Recall | None]], day: DayWindow) -> ExamOutlook | None:
    """Every coming exam's projected recall summed, dated by the nearest exam; None without one (or without recall)."""
    if not exams or any(recall is None for _, recall in exams):
        return None
    nearest = min(exam_date for exam_date, _ in exams)
    studied = sum(recall.studied for _, recall in exams if recall is not None)
    knowledge = sum(recall.knowledge for _, recall in exams if recall is not None)
    return ExamOutlook(nearest, (nearest - today_of(day)).days, Recall(studied, knowledge))


class ExamDateError(ValueError):
    """A typed exam date that cannot be used; the message says why."""


def parse_exam_date(text: str, today: date) -> date | None:
    """An exam date typed as YYYY-MM-DD; empty or "none" clears it. A day already past is refused."""
    typed = text.strip()
    if typed.lower() in ("", "none"):
        return None
    try:
        exam_date = date.fromisoformat(typed)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
            raise ExamDateError(f"{typed} is not a day of the calendar") from None
        raise ExamDateError(f"{typed!r} is not a date written as YYYY-MM-DD (e.g. 2027-05-23)") from None
    if exam_date < today:
        raise ExamDateError(f"{exam_date.isoformat()} is already past (today is {today.isoformat()})")
    return exam_date


def save_exam_date(session: Session, deck_id: int, exam_date: date | None, now: datetime) -> None:
    """Set or clear a deck's exam date, and commit."""
    deck = session.get(Deck, deck_id)
    if deck is None:
        raise ExamDateError(f"no deck with id {deck_id}")
    deck.exam_date = exam_date
    deck.updated_at = now
    session.add(deck)
    session.commit()
