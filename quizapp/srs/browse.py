"""The card browser's rows: every question of a deck with its schedule, filtered and searched in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlmodel import Session

from quizapp.db.models import Card, CardState, Deck, Question
from quizapp.srs.queue import DayWindow

FILTERS = {
    "all": "every card",
    "due": "due today",
    "new": "never studied",
    "learning": "in (re)learning",
    "review": "in review",
    "suspended": "suspended",
    "leech": "leeches",
    "buried": "buried",
}
STATE_NAMES = {CardState.NEW: "new", CardState.LEARNING: "learning", CardState.REVIEW: "review"}
STATE_NAMES[CardState.RELEARNING] = "relearning"


@dataclass(frozen=True, slots=True)
class CardRow:
    """One card as the browser lists it."""

    question_id: str
    deck: str
    type: str
    topic: str | None
    prompt: str
    answer: str
    source_line: int | None
    source_text: str | None
    state: int
    due: datetime
    interval_days: float | None
    reps: int
    lapses: int
    suspended: bool
    leech: bool
    buried: bool

    @property
    def state_name(self) -> str:
        return STATE_NAMES[CardState(self.state)]

    @property
    def flags(self) -> str:
        """ "leech", "suspended", "buried", joined: what keeps the card out of the queue."""
        return " ".join(
            name for name, on in (("leech", self.leech), ("suspended", self.suspended), ("buried", self.buried)) if on
        )


def _filter(name: str, day: DayWindow) -> ColumnElement[bool]:
    buried = Card.buried_until.is_not(None) & (Card.buried_until > day.now)
    started = Card.state != CardState.NEW
    conditions: dict[str, ColumnElement[bool]] = {
        "due": started & (Card.due < day.end) & Card.suspended.is_(False),
        "new": Card.state == CardState.NEW,
        "learning": Card.state.in_((CardState.LEARNING, CardState.RELEARNING)),
        "review": Card.state == CardState.REVIEW,
        "suspended": Card.suspended.is_(True),
        "leech": Card.leech.is_(True),
        "buried": buried,
    }
    if name == "all":
        return true()
    if name not in conditions:
        raise ValueError(f"no filter {name!r}; choose one of {', '.join(FILTERS)}")
    return conditions[name]


def browse_cards(
    session: Session,
    day: DayWindow,
    *,
    deck_id: int | None = None,
    show: str = "all",
    search: str = "",
    limit: int = 1000,
) -> list[CardRow]:
    """The active questions of a deck (or all decks) in bank order, narrowed by a filter and words to search for.

    Every word of `search` must appear (any case) in the prompt, the answer, the topic, the source sentence or the id.
    """
    query = (
        select(Question, Card, Deck.name)
        .join(Card, Card.question_id == Question.id)
        .join(Deck, Deck.id == Question.deck_id)
        .where(Question.active.is_(True), _filter(show, day))
        .order_by(Deck.name, Question.position)
        .limit(limit)
    )
    if deck_id is not None:
        query = query.where(Question.deck_id == deck_id)
    fields = (Question.prompt, Question.answer, Question.topic, Question.source_text, Question.id)
    for word in search.lower().split():
        query = query.where(or_(*(func.lower(f).contains(word, autoescape=True) for f in fields)))
    rows = []
    for question, card, deck in session.execute(query):
        rows.append(
            CardRow(
                question_id=question.id,
                deck=deck,
                type=question.type,
                topic=question.topic,
                prompt=question.prompt,
                answer=question.answer,
                source_line=question.source_line,
                source_text=question.source_text,
                state=card.state,
                due=card.due,
                interval_days=card.interval_days,
                reps=card.reps,
                lapses=card.lapses,
                suspended=card.suspended,
                leech=card.leech,
                buried=card.buried_until is not None and card.buried_until > day.now,
            )
        )
    return rows


def due_text(row: CardRow, day: DayWindow) -> str:
    """When the card comes up, as the student counts days: "today", "tomorrow", "in 12d", "3d late"; "—" for a new card."""
    if row.state == CardState.NEW:
        return "—"
    if row.due < day.start:
        late = (day.start - row.due).total_seconds() / 86400
        return f"{int(late) + 1}d late"
    if row.due < day.end:
        return "today"
    days = int((row.due - day.end).total_seconds() // 86400) + 1
    return "tomorrow" if days == 1 else f"in {days}d"


def held_back(session: Session, deck_id: int | None) -> tuple[int, int]:
    """(active cards, suspended ones) of a deck or of all decks: to tell "all suspended" from "all done"."""
    query = select(func.count(), func.count().filter(Card.suspended.is_(True))).select_from(Question)
    query = query.join(Card, Card.question_id == Question.id).where(Question.active.is_(True))
    if deck_id is not None:
        query = query.where(Question.deck_id == deck_id)
    active, suspended = session.execute(query).one()
    return active, suspended
