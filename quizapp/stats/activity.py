"""How much was done: answers per study day by kind (flashcard, quiz, exam), time spent, and the study streak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, case, exists, func, select
from sqlmodel import Session

from quizapp.db.models import Review, ReviewTally
from quizapp.db.tallies import kept
from quizapp.srs.queue import DayWindow
from quizapp.stats.days import day_of, day_range, study_days, study_slots, today_of


@dataclass(frozen=True, slots=True)
class DayActivity:
    """One study day's answers."""

    day: date
    flashcard: int = 0
    quiz: int = 0
    """Practice quiz answers."""
    exam: int = 0
    correct: int = 0
    seconds: float = 0.0

    @property
    def count(self) -> int:
        return self.flashcard + self.quiz + self.exam


@dataclass(frozen=True, slots=True)
class Activity:
    """Answers over a period of days ending today, one entry per day (days without answers included)."""

    days: list[DayActivity]
    total: int
    """Every answer ever given (in the chosen decks), not only in the period."""

    @property
    def today(self) -> DayActivity:
        return self.days[-1]

    def last(self, days: int) -> Activity:
        """The same over the last `days` days only (`total` stays every answer ever)."""
        return Activity(self.days[-days:], self.total)

    @property
    def answers(self) -> int:
        return sum(day.count for day in self.days)

    @property
    def right_share(self) -> float | None:
        """The share of the period's answers that were right; None without answers."""
        answers = self.answers
        return sum(day.correct for day in self.days) / answers if answers else None

    @property
    def seconds(self) -> float:
        return sum(day.seconds for day in self.days)

    @property
    def active_days(self) -> int:
        return sum(1 for day in self.days if day.count)


@dataclass(frozen=True, slots=True)
class Streak:
    current: int
    """Consecutive study days with an answer, ending today (or yesterday, while today is still open)."""
    longest: int


def _deck_filter(deck_id: int | None) -> list[ColumnElement[bool]]:
    return [] if deck_id is None else [Review.deck_id == deck_id]


def activity(session: Session, day: DayWindow, *, days: int = 30, deck_id: int | None = None) -> Activity:
    """Answers per day for the last `days` study days (today included), by kind, with the time they took.

    Every deck's answers are summed from `review_tally` by quarter hour; one deck's are read from its reviews.
    """
    first = today_of(day) - timedelta(days=days - 1)
    slots = study_slots(day, first, today_of(day)) if deck_id is None and kept(session) else None
    if slots is not None:
        table, when = slots
        tally = ReviewTally
        query = select(
            when,
            func.total(case((tally.mode == "flashcard", tally.answers))),
            func.total(case((tally.mode == "practice", tally.answers))),
            func.total(case((tally.mode == "exam", tally.answers))),
            func.total(tally.correct),
            func.total(tally.millis),
        ).select_from(table)
        query = query.join(tally, day_range(table, tally.slot)).group_by(when)
    else:
        table, when = study_days(day, first, today_of(day))
        query = (
            select(
                when,
                func.count(case((Review.mode == "flashcard", 1))),
                func.count(case((Review.mode == "practice", 1))),
                func.count(case((Review.mode == "exam", 1))),
                func.count(case((Review.correct.is_(True), 1))),
                func.coalesce(func.sum(Review.duration_ms), 0),
            )
            .select_from(table)
            .join(Review, day_range(table, Review.reviewed_at))
            .where(*_deck_filter(deck_id))
            .group_by(when)
        )
    # count(*) of every answer SQLite takes from the size of an index, without reading its rows (0.5 ms at
    # 1M answers, where summing the tally takes 20 ms); of one deck, from the deck's range of an index.
    total = select(func.count()).select_from(Review).where(*_deck_filter(deck_id))
    found: dict[date, DayActivity] = {}
    for moment, flashcard, quiz, exam, correct, millis in session.execute(query):
        when_ = date.fromisoformat(moment)
        found[when_] = DayActivity(when_, int(flashcard), int(quiz), int(exam), int(correct), millis / 1000)
    period = [first + timedelta(days=n) for n in range(days)]
    return Activity([found.get(d, DayActivity(d)) for d in period], session.execute(total).scalar_one())


def streak(session: Session, day: DayWindow, *, deck_id: int | None = None) -> Streak:
    """The current and the longest run of consecutive study days with at least one answer."""
    since = session.execute(select(func.min(Review.reviewed_at)).where(*_deck_filter(deck_id))).scalar_one()
    if since is None or since >= day.end:
        return Streak(0, 0)
    table, when = study_days(day, day_of(since, day), today_of(day))
    answered = exists(select(Review.id).where(day_range(table, Review.reviewed_at), *_deck_filter(deck_id)))
    studied = sorted(date.fromisoformat(value) for value in session.execute(select(when).where(answered)).scalars())
    return streak_of(studied, today_of(day))


def streak_of(studied: list[date], today: date) -> Streak:
    """The streaks in a sorted list of study days (a day without answers breaks a run)."""
    longest = run = 0
    previous: date | None = None
    for moment in studied:
        run = run + 1 if previous is not None and moment - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = moment
    current = run if previous is not None and today - previous <= timedelta(days=1) else 0
    return Streak(current, longest)
