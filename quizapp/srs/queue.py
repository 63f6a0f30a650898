"""The daily queue: due learning cards, then today's reviews (most overdue first), then new cards up to the limit."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cache, cached_property
from typing import TYPE_CHECKING

from sqlalchemy import BindParameter, ColumnElement, and_, bindparam, func, or_, select, true
from sqlalchemy.orm import aliased
from sqlmodel import Session

from quizapp.db import direct
from quizapp.db.models import Card, CardState, Deck, Question, Review, source_key
from quizapp.srs.day import DAY_STARTS_AT, day_bounds
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


def window(now: datetime, *, zone: tzinfo, starts_at: int = DAY_STARTS_AT) -> DayWindow:
    start, end = day_bounds(now, zone=zone, starts_at=starts_at)
    return DayWindow(now, start, end, zone, starts_at)


def studyable(day: DayWindow) -> ColumnElement[bool]:
    """Over Question joined to Card: active, not suspended, not buried, and not held back by a sibling today."""
    return _studyable(day.now, _not_held(Question.id, "query", day.start))


def _studyable(now: datetime | BindParameter[datetime], not_held: ColumnElement[bool]) -> ColumnElement[bool]:
    return and_(Question.active.is_(True), Card.suspended.is_(False), _unburied(now), not_held)


def _held_mode(held: AbstractSet[str] | None) -> str:
    """How a pick leaves out the held-back questions: "none" are held, "query" reads them in SQL (a queue on its
    own), or "scan": the candidates come a few at a time in the queue's order, and the held ones are passed over
    (a study session's `Today` knows them; a list of thousands bound into every pick cost milliseconds)."""
    if held is None:
        return "query"
    return "scan" if held else "none"


def _not_held(column, mode: str, start: datetime | BindParameter[datetime] | None = None) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """`column` (a question id) is not held back today, when the `_held_mode` is "query"; else no condition."""
    if mode == "query":
        return ~column.in_(_held_back_since(bindparam("start") if start is None else start))
    return true()


_SCAN_FIRST = 8
"""Candidates a "scan" pick reads first (then four times as many, while all of them are held back)."""


def held_back(day: DayWindow, *, with_deck: bool = False):  # type: ignore[no-untyped-def]
    """The questions a sibling (same deck, same source sentence) answered today holds back (with their deck)."""
    return _held_back_since(day.start, with_deck=with_deck)


def _held_back_since(start: datetime | BindParameter[datetime], *, with_deck: bool = False):  # type: ignore[no-untyped-def]
    studied, held = _STUDIED, _HELD
    return (
        select(*((held.deck_id,) if with_deck else ()), held.id)
        .select_from(Review)
        .join(studied, studied.id == Review.question_id)
        .join(held, _siblings(studied, held))
        .where(Review.reviewed_at >= start)
    )


def siblings_of(session: Session, question_id: str) -> list[str]:
    """The questions an answer to `question_id` holds back for the rest of the day."""
    return [row[0] for row in direct.rows(session, _siblings_statement(), {"question": question_id})]


@cache
def _siblings_statement():  # type: ignore[no-untyped-def]
    return select(_HELD.id).join(_STUDIED, _siblings(_STUDIED, _HELD)).where(_STUDIED.id == bindparam("question"))


def _siblings(studied, held) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """Same deck, same source sentence, another question (found by the sentence's start, in its index)."""
    return and_(
        held.deck_id == studied.deck_id,
        source_key(held.source_text) == source_key(studied.source_text),
        held.source_text == studied.source_text,
        held.id != studied.id,
    )


def unburied(day: DayWindow) -> ColumnElement[bool]:
    """Not buried, or buried until a moment already past."""
    return _unburied(day.now)


def _unburied(now: datetime | BindParameter[datetime]) -> ColumnElement[bool]:
    return or_(Card.buried_until.is_(None), Card.buried_until <= now)


def showable(day: DayWindow) -> ColumnElement[bool]:
    """Over Card alone: its question active, not suspended, not buried (the card indexes' own terms)."""
    return showable_at(day.now)


def showable_at(now: datetime | BindParameter[datetime]) -> ColumnElement[bool]:
    """`showable` at `now`, which may be a parameter bound at each use of a statement built once."""
    return and_(Card.active == True, Card.suspended == False, _unburied(now))  # noqa: E712 (the index says "= 1")


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


def _overdueness(dialect: str) -> ColumnElement[float]:
    """How far past its interval a card is at "stamp" (`utc_stamp` of now): elapsed / stability. For FSRS,
    lower retrievability sorts first."""
    if dialect == "sqlite":
        elapsed = func.julianday(bindparam("stamp")) - func.julianday(Card.last_review)
        return -(elapsed / func.coalesce(Card.stability, Card.interval_days, 1.0))
    return Card.due  # elsewhere: oldest due date first, the same order for cards of equal stability


@cache
def _pick_statement(state: int, every: bool, skipping: bool, held: str, dialect: str):  # type: ignore[no-untyped-def]
    """The first showable card in `state`, read from the card table's own indexes: learning cards due by now,
    soonest first; review cards due today, most overdue first.

    Built once for each shape (SQLAlchemy takes longer to build a statement than SQLite to run this one);
    the moments and lists are bound at each use (see `Queue._bound`). Every deck together names no deck
    at all, so SQLite walks `ix_card_state_due` in due order; some decks walk their part of
    `ix_card_deck_due`. The sibling rule is checked on the candidates only.
    """
    now = bindparam("now")
    if state == CardState.REVIEW:
        due, order = Card.due < bindparam("end"), (_overdueness(dialect), Card.due, Card.question_id)
    else:
        due, order = Card.due <= now, (Card.due, Card.question_id)
    query = select(Card.question_id, Card.due).where(
        showable_at(now), Card.state == state, due, _not_held(Card.question_id, held)
    )
    if skipping:
        query = query.where(Card.question_id.not_in(bindparam("skip", expanding=True)))
    if not every:
        query = query.where(Card.deck_id.in_(bindparam("decks", expanding=True)))
    return query.order_by(*order).limit(_limit(held))


def _limit(held: str) -> int | BindParameter[int]:
    """One card, or for a "scan" as many as the parameter "n" asks."""
    return bindparam("n") if held == "scan" else 1


@cache
def _new_statement(skipping: bool, held: str):  # type: ignore[no-untyped-def]
    """The first new card of the decks, taken deck by deck in name order and by place in the bank."""
    query = (
        select(Question.id)
        .join(Card, Card.question_id == Question.id)
        .join(Deck, Deck.id == Question.deck_id)
        .where(
            Question.deck_id.in_(bindparam("decks", expanding=True)),
            _studyable(bindparam("now"), _not_held(Question.id, held)),
            Card.state == CardState.NEW,
        )
    )
    if skipping:
        query = query.where(Question.id.not_in(bindparam("skip", expanding=True)))
    return query.order_by(Deck.name, Question.position).limit(_limit(held))


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
    def _held(self) -> AbstractSet[str] | None:
        return None if self.today is None else self.today.held(self.session, self.day, self.deck_id)

    def _bound(self, decks: list[int], exclude: frozenset[str]) -> dict[str, object]:
        """The values of a pick statement's parameters."""
        day = self.day
        return {
            "now": day.now,
            "end": day.end,
            "start": day.start,
            "stamp": utc_stamp(day.now),
            "decks": decks,
            "skip": sorted(exclude),
        }

    def _pick(self, statement, bound: dict[str, object]):  # type: ignore[no-untyped-def]
        """The statement's first row whose question no sibling holds back today.

        Held-back cards stay where they are in the queue's order all day, never studied: they gather in front.
        So a scan starts from as many rows as the last one of this statement needed (the day's `Today` keeps it).
        """
        held = self._held
        if not held or self.today is None:  # none held, or the statement leaves them out itself
            return direct.first(self.session, statement, bound)
        sizes = self.today.scan_sizes
        wanted = sizes.get(statement, _SCAN_FIRST)
        while True:
            row, place = direct.first_where(self.session, statement, {**bound, "n": wanted}, lambda q: q not in held)
            if row is not None or place < wanted:
                if row is not None:
                    sizes[statement] = max(_SCAN_FIRST, 2 * (place + 1))
                return row
            wanted *= 4

    def _first(self, state: int, decks: list[int], exclude: frozenset[str]) -> tuple[str, datetime] | None:
        every = self.deck_id is None and len(decks) == len(self._limits[0])
        dialect = self.session.get_bind().dialect.name
        statement = _pick_statement(state, every, bool(exclude), _held_mode(self._held), dialect)
        row = self._pick(statement, self._bound(decks, exclude))
        return (row[0], row[1]) if row else None

    def next_card(self, *, exclude: frozenset[str] = frozenset()) -> str | None:
        """The id of the question to show next, or None when nothing is left today."""
        new_left, reviews_left = self._limits
        decks = list(new_left)
        if not decks:
            return None
        learning = [self._first(state, decks, exclude) for state in (CardState.LEARNING, CardState.RELEARNING)]
        due_first = [(due, question) for question, due in filter(None, learning)]
        if due_first:
            return min(due_first)[1]
        open_reviews = [d for d, left in reviews_left.items() if left > 0]
        if open_reviews:
            review = self._first(CardState.REVIEW, open_reviews, exclude)
            if review:
                return review[0]
        open_new = [d for d, left in new_left.items() if left > 0]
        if open_new:
            statement = _new_statement(bool(exclude), _held_mode(self._held))
            row = self._pick(statement, self._bound(open_new, exclude))
            return row[0] if row else None
        return None

    def next_ahead(self, *, exclude: frozenset[str] = frozenset()) -> str | None:
        """Studying ahead: the started card due soonest, even if that is after today."""
        decks = deck_ids(self.session, self.deck_id)
        if not decks:
            return None
        skip = Question.id.not_in(exclude) if exclude else True
        query = (
            select(Question.id)
            .join(Card, Card.question_id == Question.id)
            .where(Question.deck_id.in_(decks), studyable(self.day), Card.state != CardState.NEW, skip)
            .order_by(Card.due, Question.id)
            .limit(1)
        )
        return self.session.execute(query).scalar()

    def counts(self) -> QueueCounts:
        """Cards left today, limits applied (counted in the card index, as home counts them)."""
        from quizapp.srs.counts import queue_counts  # counts.py builds on this module

        if self.today is not None:
            return self.today.counts(self.session, self.day, self.deck_id, self._limits, self.extra_new)
        per_deck = queue_counts(self.session, self.day, list(self._limits[0]), limits=self._limits)
        return QueueCounts(
            learning=sum(c.learning for c in per_deck.values()),
            review=sum(c.review for c in per_deck.values()),
            new=sum(c.new for c in per_deck.values()),
        )
