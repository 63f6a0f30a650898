"""What is left today in every deck at once: `Queue(session, day, deck).counts()` for all decks in a few queries.

The home screen shows one figure per deck; building a queue per deck costs a query set per deck, so here the
candidates are counted in one grouped pass (which the caller may merge into its own), the questions a sibling
holds back today are counted apart and taken off, and each deck's daily limits are applied last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Question, Review
from quizapp.srs.queue import DayWindow, QueueCounts, daily_limits, unburied

_LEARNING = (CardState.LEARNING, CardState.RELEARNING)


def candidate_columns(day: DayWindow) -> list[ColumnElement[int]]:
    """Counts over rows of Question joined to Card: learning due today, reviews due today, new cards.

    Every rule of the queue's `_studyable` applies except the sibling rule, which `queue_counts` takes care of.
    """
    ready = Question.active.is_(True) & Card.suspended.is_(False) & unburied(day)
    due = Card.due < day.end
    return [
        func.count(case((ready & Card.state.in_(_LEARNING) & due, 1))),
        func.count(case((ready & (Card.state == CardState.REVIEW) & due, 1))),
        func.count(case((ready & (Card.state == CardState.NEW), 1))),
    ]


def held_back(day: DayWindow):  # type: ignore[no-untyped-def]
    """The ids of questions held back today because a sibling (same deck, same source sentence) was answered."""
    studied = aliased(Question)
    return (
        select(Question.id)
        .select_from(Review)
        .join(studied, studied.id == Review.question_id)
        .join(
            Question,
            and_(
                Question.deck_id == studied.deck_id,
                Question.source_text == studied.source_text,
                Question.id != studied.id,
            ),
        )
        .where(Review.reviewed_at >= day.start)
    )


def queue_counts(
    session: Session, day: DayWindow, candidates: Mapping[int, Sequence[int]] | None = None
) -> dict[int, QueueCounts]:
    """Each deck's counts, equal to `Queue(session, day, deck).counts()`.

    `candidates` maps every deck to its `candidate_columns` values when the caller already counted them.
    """
    if candidates is None:
        rows = session.execute(
            select(Question.deck_id, *candidate_columns(day))
            .select_from(Question)
            .join(Card, Card.question_id == Question.id)
            .group_by(Question.deck_id)
        )
        candidates = {deck: counts for deck, *counts in rows}
    held = session.execute(
        select(Question.deck_id, *candidate_columns(day))
        .select_from(Question)
        .join(Card, Card.question_id == Question.id)
        .where(Question.id.in_(held_back(day)))
        .group_by(Question.deck_id)
    )
    held_by_deck = {deck: counts for deck, *counts in held}
    decks = list(candidates)
    new_left, reviews_left = daily_limits(session, day, decks)
    found = {}
    for deck in decks:
        learning, review, new = (
            n - h for n, h in zip(candidates[deck], held_by_deck.get(deck, (0, 0, 0)), strict=True)
        )
        found[deck] = QueueCounts(learning, min(review, reviews_left[deck]), min(new, new_left[deck]))
    return found
