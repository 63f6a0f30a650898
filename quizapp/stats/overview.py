"""Per-deck counts for the home screen, one grouped query."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck, Question


@dataclass(frozen=True, slots=True)
class DeckOverview:
    """What the home screen shows of one deck."""

    deck_id: int
    name: str
    questions: int
    """Active questions (retired ones are not counted)."""
    new: int
    studied: int
    suspended: int
    retired: int


def deck_overview(session: Session) -> list[DeckOverview]:
    """Every deck with its counts, by name; decks without questions included."""
    active = Question.active.is_(True)
    usable = active & Card.suspended.is_(False)
    query = (
        select(
            Deck.id,
            Deck.name,
            func.count(case((active, 1))),
            func.count(case((usable & (Card.state == CardState.NEW), 1))),
            func.count(case((usable & (Card.state != CardState.NEW), 1))),
            func.count(case((active & Card.suspended.is_(True), 1))),
            func.count(case((Question.active.is_(False), 1))),
        )
        .select_from(Deck)
        .outerjoin(Question, Question.deck_id == Deck.id)
        .outerjoin(Card, Card.question_id == Question.id)
        .group_by(Deck.id, Deck.name)
        .order_by(Deck.name)
    )
    return [DeckOverview(*row) for row in session.execute(query)]
