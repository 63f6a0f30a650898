"""The daily queue: due learning cards, then today's reviews (most overdue first), then new cards up to the limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true
from sqlalchemy.orm import aliased
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck, Question, Review
from quizapp.srs.day import day_bounds
from quizapp.srs.memory import utc_stamp
from quizapp.srs.settings import DeckSettings, settings_by_deck

if TYPE_CHECKING:
    from quizapp.srs.today import Today


@dataclass(frozen=True, slots=True)
class DayWindow:
    """The study day the queue is built for."""

    now: datetime
    start: datetime
    end: datetime
    zone: tzinfo
    starts_at: int
    """The hour the study day begins at, local time."""


@dataclass(frozen=True, slots=True)
class QueueCounts:
    """What is left for today: as the home screen and the review screen's progress show it."""

    learning: int
    review: int
    new: int

    @property
    def total(self) -> int:
        return self.learning + self.review + self.new


_STUDIED = aliased(Question, name="studied")
_HELD = aliased(Question, name="held")
"""Made once: a new alias per query would make SQLAlchemy build and compile the statement anew every time."""


def window(now: datetime, *, zone: tzinfo, starts_at: int = 4) -> DayWindow:
    start, end = day_bounds(now, zone=zone, starts_at=starts_at)
    return DayWindow(now, start, end, zone, starts_at)


def studyable(day: DayWindow, held: frozenset[str] | None = None) -> ColumnElement[bool]:
    """Over Question joined to Card: active, not suspended, not buried, and not held back by a sibling today.

    `held` is the held-back questions when already known (`Today`); otherwise they are read in the query.
    """
    return and_(Question.active.is_(True), Card.suspended.is_(False), unburied(day), not_held(Question.id, day, held))


def not_held(column, day: DayWindow, held: frozenset[str] | None) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """`column` (a question id) is not held back today: tested against `held` when known, else against the query."""
    if held is None or len(held) > _HELD_LISTED:
        return ~column.in_(held_back(day))
    return column.not_in(sorted(held)) if held else true()


_HELD_LISTED = 5_000
"""Beyond this many held-back questions, the query reads them itself rather than take them all as parameters."""


def held_back(day: DayWindow):  # type: ignore[no-untyped-def]
    """The questions a sibling (same deck, same source sentence) answered today holds back."""
    studied, held = _STUDIED, _HELD
    return (
        select(held.id)
        .select_from(Review)
        .join(studied, studied.id == Review.question_id)
        .join(held, _siblings(studied, held))
        .where(Review.reviewed_at >= day.start)
    )


def siblings_of(question_id: str):  # type: ignore[no-untyped-def]
    """The questions an answer to `question_id` holds back for the rest of the day."""
    return select(_HELD.id).join(_STUDIED, _siblings(_STUDIED, _HELD)).where(_STUDIED.id == question_id)


def _siblings(studied, held) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """Same deck, same source sentence, another question."""
    return and_(held.deck_id == studied.deck_id, held.source_text == studied.source_text, held.id != studied.id)


def unburied(day: DayWindow) -> ColumnElement[bool]:
    """Not buried, or buried until a moment already past."""
    return or_(Card.buried_until.is_(None), Card.buried_until <= day.now)


def showable(day: DayWindow) -> ColumnElement[bool]:
    """Over Card alone: its question active, not suspended, not buried (the card indexes' own terms)."""
    return and_(Card.active == True, Card.suspended == False, unburied(day))  # noqa: E712 (the index says "= 1")


def done_today(session: Session, day: DayWindow, deck_ids: list[int], state: int) -> dict[int, set[str]]:
    """The cards of each deck answered today while they were in `state` (new cards started, reviews done)."""
    # Today's answers are read and counted here: a day's work is small, while a deck filter or a GROUP BY in
    # SQL can lead SQLite to walk the whole history through the deck index instead of today's through the date.
    rows = session.execute(
        select(Review.deck_id, Review.question_id).where(Review.reviewed_at >= day.start, Review.state_before == state)
    )
    wanted = set(deck_ids)
    cards: dict[int, set[str]] = {}
    for deck, question in rows:
        if deck in wanted:
            cards.setdefault(deck, set()).add(question)
    return cards


def deck_ids(session: Session, deck_id: int | None) -> list[int]:
    """The deck (or every deck, by name): the order new cards are taken from them."""
    query = select(Deck.id).order_by(Deck.name)
    if deck_id is not None:
        query = query.where(Deck.id == deck_id)
    return list(session.execute(query).scalars())


def _overdueness(session: Session, day: DayWindow) -> ColumnElement[float]:
    """How far past its interval a card is: elapsed / stability. For FSRS, lower retrievability sorts first."""
    if session.get_bind().dialect.name == "sqlite":
        elapsed = func.julianday(utc_stamp(day.now)) - func.julianday(Card.last_review)
        return -(elapsed / func.coalesce(Card.stability, Card.interval_days, 1.0))
    return Card.due  # elsewhere: oldest due date first, the same order for cards of equal stability


def daily_limits(
    session: Session, day: DayWindow, decks: list[int], extra_new: int = 0
) -> tuple[dict[int, int], dict[int, int]]:
    """New cards and reviews each deck may still show today: its limits less what was done today."""
    settings = settings_by_deck(session, decks)
    started = done_today(session, day, decks, CardState.NEW)
    reviewed = done_today(session, day, decks, CardState.REVIEW)
    return limits_left(decks, settings, started, reviewed, extra_new)


def limits_left(
    decks: list[int],
    settings: dict[int, DeckSettings],
    started: dict[int, set[str]],
    reviewed: dict[int, set[str]],
    extra_new: int,
) -> tuple[dict[int, int], dict[int, int]]:
    """Each deck's new cards and reviews left today, given the cards of each it started and reviewed today."""
    new_left = {d: max(0, settings[d].new_per_day + extra_new - len(started.get(d, ()))) for d in decks}
    reviews_left = {d: max(0, settings[d].reviews_per_day - len(reviewed.get(d, ()))) for d in decks}
    return new_left, reviews_left


@dataclass
class Queue:
    """The queue of one deck (or all decks) at one moment: build a new one after every answer.

    The daily limits are read once per queue, so its next card and its counts agree with each other. A study
    session passes its `Today`, which remembers them (and what siblings hold back, and the counts) between
    answers instead of reading them again for every card.
    """

    session: Session
    day: DayWindow
    deck_id: int | None = None
    extra_new: int = 0
    """New cards allowed today beyond each deck's limit (the student asked for more)."""
    today: Today | None = None

    @cached_property
    def _limits(self) -> tuple[dict[int, int], dict[int, int]]:
        if self.today is not None:
            return self.today.limits(self.session, self.day, self.deck_id, self.extra_new)
        return daily_limits(self.session, self.day, deck_ids(self.session, self.deck_id), self.extra_new)

    @cached_property
    def _held(self) -> frozenset[str] | None:
        return None if self.today is None else self.today.held(self.session, self.day, self.deck_id)

    def _base(self, decks: list[int]):  # type: ignore[no-untyped-def]
        return (
            select(Question.id)
            .join(Card, Card.question_id == Question.id)
            .where(Question.deck_id.in_(decks), studyable(self.day, self._held))
        )

    def _first(
        self, decks: list[int], skip: ColumnElement[bool], *conditions: ColumnElement[bool], order
    ) -> tuple[str, datetime] | None:  # type: ignore[no-untyped-def]
        """The first showable card of these decks in `order`, read from the card table's own indexes.

        Every deck together names no deck at all, so SQLite walks `ix_card_state_due` in due order; one deck
        walks its part of `ix_card_deck_due`. The sibling rule is checked on the candidates only.
        """
        every = self.deck_id is None and len(decks) == len(self._limits[0])
        query = (
            select(Card.question_id, Card.due)
            .where(showable(self.day), *conditions, skip, not_held(Card.question_id, self.day, self._held))
            .order_by(*order)
            .limit(1)
        )
        if not every:
            query = query.where(Card.deck_id.in_(decks))
        row = self.session.execute(query).first()
        return (row[0], row[1]) if row else None

    def next_card(self, *, exclude: frozenset[str] = frozenset()) -> str | None:
        """The id of the question to show next, or None when nothing is left today."""
        new_left, reviews_left = self._limits
        decks = list(new_left)
        if not decks:
            return None
        skip = Card.question_id.not_in(exclude) if exclude else true()
        learning = [
            self._first(decks, skip, Card.state == state, Card.due <= self.day.now, order=(Card.due, Card.question_id))
            for state in (CardState.LEARNING, CardState.RELEARNING)
        ]
        due_first = [(due, question) for question, due in filter(None, learning)]
        if due_first:
            return min(due_first)[1]
        open_reviews = [d for d, left in reviews_left.items() if left > 0]
        if open_reviews:
            review = self._first(
                open_reviews,
                skip,
                Card.state == CardState.REVIEW,
                Card.due < self.day.end,
                order=(_overdueness(self.session, self.day), Card.due, Card.question_id),
            )
            if review:
                return review[0]
        open_new = [d for d, left in new_left.items() if left > 0]
        if open_new:
            deck_order = case({d: i for i, d in enumerate(decks)}, value=Question.deck_id)
            return self.session.execute(
                self._base(open_new)
                .where(Card.state == CardState.NEW, Question.id.not_in(exclude) if exclude else true())
                .order_by(deck_order, Question.position)
                .limit(1)
            ).scalar()
        return None

    def next_ahead(self, *, exclude: frozenset[str] = frozenset()) -> str | None:
        """Studying ahead: the started card due soonest, even if that is after today."""
        decks = deck_ids(self.session, self.deck_id)
        if not decks:
            return None
        skip = Question.id.not_in(exclude) if exclude else True
        return self.session.execute(
            self._base(decks).where(Card.state != CardState.NEW, skip).order_by(Card.due, Question.id).limit(1)
        ).scalar()

    def counts(self) -> QueueCounts:
        """Cards left today, limits applied (counted in the card index, as home counts them)."""
        from quizapp.srs.counts import queue_counts  # counts.py builds on this module

        if self.today is not None:
            per_deck = self.today.counts(self.session, self.day, self.deck_id, self._limits, self.extra_new)
        else:
            per_deck = queue_counts(self.session, self.day, list(self._limits[0]), limits=self._limits)
        return QueueCounts(
            learning=sum(c.learning for c in per_deck.values()),
            review=sum(c.review for c in per_deck.values()),
            new=sum(c.new for c in per_deck.values()),
        )
