"""Counts kept up to date by SQLite triggers, so the home screen and the statistics never count a million rows.

- `deck_tally`: cards per deck, state, suspended and active (a card's deck and active flag mirror its question's);
- `topic_tally`: answers and right answers per deck and topic;
- `review_tally`: answers, right answers and time per UTC quarter hour and mode.

The database keeps them itself, whichever code writes a card, a question or a review. `recount` rebuilds them
from the rows (after a migration, or to check them: the tests compare both).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, case, event, func, select, text
from sqlmodel import Session, SQLModel

from quizapp.db.models import Card, Deck, DeckTally, Question, Review, TopicTally

SLOT_SECONDS = 900
"""The width of a `review_tally` slot: a quarter hour, the finest step of any time zone's offset."""

_SLOT = f"CAST(strftime('%s', {{moment}}) AS INTEGER) / {SLOT_SECONDS}"
_CARD_KEY = "deck_id = {row}.deck_id AND state = {row}.state AND suspended = {row}.suspended AND active = {row}.active"
_TOPIC_OF = "SELECT deck_id, coalesce(topic, '') FROM question WHERE id = {row}.question_id"


def _card_add(row: str) -> str:
    return (
        f"INSERT INTO deck_tally (deck_id, state, suspended, active, cards) "
        f"SELECT {row}.deck_id, {row}.state, {row}.suspended, {row}.active, 1 WHERE {row}.deck_id IS NOT NULL "
        f"ON CONFLICT DO UPDATE SET cards = cards + 1;"
    )


def _card_remove(row: str) -> str:
    return f"UPDATE deck_tally SET cards = cards - 1 WHERE {_CARD_KEY.format(row=row)};"


def _topic_add(row: str) -> str:
    return (
        f"INSERT INTO topic_tally (deck_id, topic, answers, correct) "
        f"SELECT deck_id, coalesce(topic, ''), 1, {row}.correct IS 1 FROM question WHERE id = {row}.question_id "
        f"ON CONFLICT DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct;"
    )


def _topic_remove(row: str) -> str:
    return (
        f"UPDATE topic_tally SET answers = answers - 1, correct = correct - ({row}.correct IS 1) "
        f"WHERE (deck_id, topic) = ({_TOPIC_OF.format(row=row)});"
    )


def _slot_add(row: str) -> str:
    return (
        f"INSERT INTO review_tally (slot, mode, answers, correct, millis) "
        f"VALUES ({_SLOT.format(moment=row + '.reviewed_at')}, {row}.mode, 1, {row}.correct IS 1, "
        f"coalesce({row}.duration_ms, 0)) "
        f"ON CONFLICT DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct, "
        f"millis = millis + excluded.millis;"
    )


def _slot_remove(row: str) -> str:
    return (
        f"UPDATE review_tally SET answers = answers - 1, correct = correct - ({row}.correct IS 1), "
        f"millis = millis - coalesce({row}.duration_ms, 0) "
        f"WHERE slot = {_SLOT.format(moment=row + '.reviewed_at')} AND mode = {row}.mode;"
    )


def _question_answers(sign: str, question: str, deck: str, topic: str) -> str:
    """Move all of a question's answers into (+) or out of (-) a topic's tally."""
    return (
        f"INSERT INTO topic_tally (deck_id, topic, answers, correct) "
        f"SELECT {deck}, coalesce({topic}, ''), {sign}count(*), {sign}count(CASE WHEN correct IS 1 THEN 1 END) "
        f"FROM review WHERE question_id = {question} "
        f"ON CONFLICT DO UPDATE SET answers = answers + excluded.answers, correct = correct + excluded.correct;"
    )


def previous_answer(row: str) -> str:
    """SQL for when the card of review `row` was answered before it (ties in time go by id); NULL if never."""
    return (
        f"(SELECT max(other.reviewed_at) FROM review AS other WHERE other.question_id = {row}.question_id "
        f"AND other.reviewed_at <= {row}.reviewed_at "
        f"AND (other.reviewed_at < {row}.reviewed_at OR other.id < {row}.id))"
    )


TRIGGERS = {
    # A card written without its question's deck and active flag gets them (the update below tallies it).
    "card_mirror_insert": "AFTER INSERT ON card WHEN NEW.deck_id IS NULL BEGIN "
    "UPDATE card SET (deck_id, active) = (SELECT deck_id, active FROM question WHERE id = NEW.question_id) "
    "WHERE question_id = NEW.question_id; END",
    "question_mirror": "AFTER UPDATE OF deck_id, active ON question "
    "WHEN OLD.deck_id IS NOT NEW.deck_id OR OLD.active IS NOT NEW.active BEGIN "
    "UPDATE card SET deck_id = NEW.deck_id, active = NEW.active WHERE question_id = NEW.id; END",
    "card_tally_insert": f"AFTER INSERT ON card BEGIN {_card_add('NEW')} END",
    "card_tally_delete": f"AFTER DELETE ON card BEGIN {_card_remove('OLD')} END",
    "card_tally_update": "AFTER UPDATE OF deck_id, state, suspended, active ON card "
    "WHEN OLD.deck_id IS NOT NEW.deck_id OR OLD.state IS NOT NEW.state OR OLD.suspended IS NOT NEW.suspended "
    f"OR OLD.active IS NOT NEW.active BEGIN {_card_remove('OLD')} {_card_add('NEW')} END",
    "review_tally_insert": f"AFTER INSERT ON review BEGIN {_topic_add('NEW')} {_slot_add('NEW')} END",
    # Each answer notes the card's answer before it (the latest not after it, of another row).
    "review_previous": f"AFTER INSERT ON review BEGIN UPDATE review SET previous_at = {previous_answer('NEW')} "
    "WHERE id = NEW.id; END",
    "review_tally_delete": f"AFTER DELETE ON review BEGIN {_topic_remove('OLD')} {_slot_remove('OLD')} END",
    "review_tally_update": "AFTER UPDATE OF question_id, correct, reviewed_at, mode, duration_ms ON review "
    f"BEGIN {_topic_remove('OLD')} {_slot_remove('OLD')} {_topic_add('NEW')} {_slot_add('NEW')} END",
    "question_topic": "AFTER UPDATE OF deck_id, topic ON question "
    "WHEN OLD.deck_id IS NOT NEW.deck_id OR OLD.topic IS NOT NEW.topic BEGIN "
    f"{_question_answers('-', 'NEW.id', 'OLD.deck_id', 'OLD.topic')} "
    f"{_question_answers('', 'NEW.id', 'NEW.deck_id', 'NEW.topic')} END",
}

RECOUNT = (
    "DELETE FROM deck_tally",
    "INSERT INTO deck_tally (deck_id, state, suspended, active, cards) "
    "SELECT deck_id, state, suspended, active, count(*) FROM card WHERE deck_id IS NOT NULL "
    "GROUP BY deck_id, state, suspended, active",
    "DELETE FROM topic_tally",
    "INSERT INTO topic_tally (deck_id, topic, answers, correct) "
    "SELECT question.deck_id, coalesce(question.topic, ''), count(*), count(CASE WHEN review.correct IS 1 THEN 1 END) "
    "FROM review JOIN question ON question.id = review.question_id GROUP BY 1, 2",
    "DELETE FROM review_tally",
    "INSERT INTO review_tally (slot, mode, answers, correct, millis) "
    f"SELECT {_SLOT.format(moment='reviewed_at')}, mode, count(*), count(CASE WHEN correct IS 1 THEN 1 END), "
    "coalesce(sum(duration_ms), 0) FROM review GROUP BY 1, 2",
)


def install_triggers(connection: Connection) -> None:
    """Create the triggers (SQLite only; elsewhere the tallies are not kept and the figures count rows)."""
    for name, body in TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def recount(connection: Connection) -> None:
    """Rebuild every tally from the rows."""
    for statement in RECOUNT:
        connection.execute(text(statement))


@event.listens_for(SQLModel.metadata, "after_create")
def _after_create(_metadata: object, connection: Connection, **_kw: object) -> None:
    if connection.dialect.name == "sqlite":
        install_triggers(connection)


def kept(session: Session) -> bool:
    """Whether this database keeps the tallies (SQLite does; elsewhere the readers below count the rows)."""
    return session.get_bind().dialect.name == "sqlite"


def card_counts(session: Session) -> list[tuple[int, int, bool, bool, int]]:
    """(deck, state, suspended, active, cards) for every combination that has cards."""
    if kept(session):
        query = select(DeckTally.deck_id, DeckTally.state, DeckTally.suspended, DeckTally.active, DeckTally.cards)
        query = query.where(DeckTally.cards != 0)
    else:
        keys = (Card.deck_id, Card.state, Card.suspended, Card.active)
        query = select(*keys, func.count()).where(Card.deck_id.is_not(None)).group_by(*keys)
    rows = session.connection().execute(query)  # Core rows: the ORM's row handling costs more than the query
    return [(deck, state, bool(suspended), bool(active), n) for deck, state, suspended, active, n in rows]


def topic_counts(
    session: Session, deck_id: int | None = None, limit: int | None = None
) -> list[tuple[str, str, int, int]]:
    """(deck name, topic or "", answers, right answers) of every answered topic, the weakest first
    (then the most answered, then by name); only the first `limit` when given."""
    query, answers, correct, topic = _topics(session, deck_id)
    query = query.order_by(1.0 * correct / answers, answers.desc(), Deck.name, topic).limit(limit)
    return [tuple(row) for row in session.connection().execute(query)]  # type: ignore[misc]  (Core rows, as above)


def topic_total(session: Session, deck_id: int | None = None) -> int:
    """How many topics `topic_counts` lists in all."""
    query = _topics(session, deck_id)[0]
    return session.connection().execute(select(func.count()).select_from(query.subquery())).scalar_one()


def _topics(session: Session, deck_id: int | None) -> tuple[Select[Any], Any, Any, Any]:
    """The answered topics' rows (deck name, topic, answers, right answers) unordered; and those last three."""
    if kept(session):
        deck, topic, answers, correct = TopicTally.deck_id, TopicTally.topic, TopicTally.answers, TopicTally.correct
        query = select(Deck.name, topic, answers, correct).join(Deck, Deck.id == deck).where(answers != 0)
    else:
        deck, topic = Question.deck_id, func.coalesce(Question.topic, "")
        answers, correct = func.count(), func.count(case((Review.correct.is_(True), 1)))
        query = (
            select(Deck.name, topic, answers, correct)
            .join(Question, Question.id == Review.question_id)
            .join(Deck, Deck.id == deck)
            .group_by(Deck.name, topic)
        )
    if deck_id is not None:
        query = query.where(deck == deck_id)
    return query, answers, correct, topic
