"""What is left today in every deck at once: `Queue(session, day, deck).counts()` for all decks in two queries.

Each deck's due cards are counted in the card index `ix_card_deck_due` alone (deck, state, due moment, of the
cards that can be shown), and reviews and new cards only up to what the day's limits can still let through: a
deck with a backlog of 10,000 reviews costs no more than one with 200. The questions a sibling holds back
today are counted apart and taken off before the limits apply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import BindParameter, ColumnElement, and_, bindparam, case, func, literal, select
from sqlmodel import Session

from quizapp.db import direct
from quizapp.db.models import Card, CardState, Deck
from quizapp.db.parallel import packed_rows
from quizapp.srs.queue import DayWindow, QueueCounts, daily_limits, held_back, showable_at

LEARNING = (CardState.LEARNING, CardState.RELEARNING)


def _kind(end: datetime | BindParameter[datetime], kind: int) -> list[ColumnElement[bool]]:
    """The conditions of one count: 0 learning due today, 1 reviews due today, 2 new cards."""
    if kind == 0:
        return [Card.state.in_(LEARNING), Card.due < end]
    if kind == 1:
        return [Card.state == CardState.REVIEW, Card.due < end]
    return [Card.state == CardState.NEW]


@cache
def _count_statement():  # type: ignore[no-untyped-def]
    """Each deck's due learning cards, and its reviews due today and new cards up to "review_cap" and
    "new_cap", counted in the card index. Built once: the moments, caps and decks are bound at each use."""
    end = bindparam("end")
    caps = [None, bindparam("review_cap"), bindparam("new_cap")]

    def count(kind: int) -> ColumnElement[int]:
        rows = select(literal(1)).where(Card.deck_id == Deck.id, showable_at(bindparam("now")), *_kind(end, kind))
        if caps[kind] is not None:
            rows = rows.limit(caps[kind])
        return select(func.count()).select_from(rows.correlate(Deck).subquery()).scalar_subquery()

    return select(Deck.id, count(0), count(1), count(2)).where(Deck.id.in_(bindparam("decks", expanding=True)))


def held_cards(session: Session, day: DayWindow, held: AbstractSet[str] | None) -> dict[int, list[int]]:
    """Per deck, the learning, review and new cards held back today by the sibling rule.

    The held questions (siblings of today's answers: few) are read first, unless known, and their cards looked
    up by key; left to itself, SQLite may walk a card index to test every card against the list instead.
    """
    ids = sorted(held if held is not None else set(session.execute(held_back(day)).scalars()))
    found: dict[int, list[int]] = {}
    for start in range(0, len(ids), _CHUNK):
        rows = direct.rows(
            session, _held_statement(), {"ids": ids[start : start + _CHUNK], "now": day.now, "end": day.end}
        )
        for deck, *counts in rows:
            found[deck] = [a + b for a, b in zip(found.get(deck, [0, 0, 0]), counts, strict=True)]
    return found


@cache
def _held_statement():  # type: ignore[no-untyped-def]
    """Per deck, how many of the listed cards ("ids") are due learning cards, due reviews and new cards."""
    columns = [func.count(case((and_(*_kind(bindparam("end"), kind)), 1))) for kind in range(3)]
    return (
        select(Card.deck_id, *columns)
        .where(Card.question_id.in_(bindparam("ids", expanding=True)), showable_at(bindparam("now")))
        .group_by(Card.deck_id)
    )


_CHUNK = 10_000
"""Ids per query, well under SQLite's limit on parameters."""


def queue_counts(
    session: Session,
    day: DayWindow,
    decks: Sequence[int] | None = None,
    *,
    limits: tuple[dict[int, int], dict[int, int]] | None = None,
    held: AbstractSet[str] | None = None,
    held_counts: Mapping[int, list[int]] | None = None,
) -> dict[int, QueueCounts]:
    """Each deck's cards left today (every deck when `decks` is None).

    `limits` are `daily_limits` and `held` the questions siblings hold back today, when already known; or
    `held_counts`, what `held_cards` makes of those of these decks.
    """
    if decks is None:
        decks = list(session.execute(select(Deck.id)).scalars())
    if not decks:
        return {}
    limits = limits or daily_limits(session, day, list(decks))
    held_by_deck = held_counts if held_counts is not None else held_cards(session, day, held)
    found = available(session, day, decks, limits=limits, held_counts=held_by_deck)
    return {deck: shown(counted, limits, deck) for deck, counted in found.items()}


@dataclass(slots=True)
class Available:
    """A deck's cards that can be shown today, held-back ones left out, before its daily limits apply.

    Reviews and new cards are counted only so far beyond the limit (see `available`): where `review_exact` or
    `new_exact` is False, there are at least that many.
    """

    learning: int
    review: int
    new: int
    review_exact: bool
    new_exact: bool

    def known(self, limits: tuple[dict[int, int], dict[int, int]], deck: int) -> bool:
        """Whether what the deck shows under these limits follows from these numbers."""
        new_left, reviews_left = limits
        return (self.review_exact or self.review >= reviews_left[deck]) and (
            self.new_exact or self.new >= new_left[deck]
        )


def shown(counted: Available, limits: tuple[dict[int, int], dict[int, int]], deck: int) -> QueueCounts:
    """What is left of a deck today, its limits applied (when `counted.known(limits, deck)`)."""
    new_left, reviews_left = limits
    return QueueCounts(counted.learning, min(counted.review, reviews_left[deck]), min(counted.new, new_left[deck]))


def available(
    session: Session,
    day: DayWindow,
    decks: Sequence[int],
    *,
    limits: tuple[dict[int, int], dict[int, int]],
    held_counts: Mapping[int, list[int]],
    beyond: int = 0,
) -> dict[int, Available]:
    """Each deck's `Available` cards, reviews and new cards counted up to `beyond` past the largest limit."""
    new_left, reviews_left = limits
    nothing = (0, 0, 0)
    review_cap = max(reviews_left[d] + held_counts.get(d, nothing)[1] for d in decks) + beyond
    new_cap = max(new_left[d] + held_counts.get(d, nothing)[2] for d in decks) + beyond
    bound = {"now": day.now, "end": day.end, "decks": list(decks), "review_cap": review_cap, "new_cap": new_cap}
    found = {}
    # Packed into one row: the home screen reads this beside its other figures (see quizapp.db.parallel).
    for deck, learning, review, new in packed_rows(session, _count_statement(), bound):
        held_l, held_r, held_n = held_counts.get(deck, nothing)
        found[deck] = Available(learning - held_l, review - held_r, new - held_n, review < review_cap, new < new_cap)
    return found
