"""Statements run on SQLite's own connection give what SQLAlchemy gives, write what it writes, fail as it fails."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import Engine, bindparam, func, insert, literal, select, update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from quizapp.db import Card, Question, Review, direct, import_paths, open_database
from quizapp.db import engine as engine_module

_READ = (
    select(Question.id, Question.choices, Card.due, Card.suspended, Card.stability, literal(7), func.count().over())
    .join(Card, Card.question_id == Question.id)
    .where(
        Question.deck_id.in_(bindparam("decks", expanding=True)),
        Question.id.not_in(bindparam("skip", expanding=True)),
        Card.due <= bindparam("now"),
    )
    .order_by(Question.id)
    .limit(3)
)
"""Lists (one of them may be empty), a datetime both ways, a boolean, JSON, literals and a limit."""


def _fresh(engine: Engine, bank, now) -> None:  # type: ignore[no-untyped-def]
    assert not import_paths(engine, [bank], now=now).problems


def test_rows_are_the_rows_sqlalchemy_reads(engine: Engine, small_bank, now) -> None:  # type: ignore[no-untyped-def]
    _fresh(engine, small_bank, now)
    with Session(engine) as session:
        for skip in ([], ["g-1"], ["g-1", "g-2", "nothing"]):
            params = {"decks": [1, 2, 3], "skip": skip, "now": now}
            expected = list(session.connection().execute(_READ, params))
            found = direct.rows(session, _READ, params)
            assert found == [tuple(row) for row in expected]
            assert [row.due for row in found] == [row.due for row in expected]  # by name, aware datetimes
        assert len(direct.rows(session, _READ, {"decks": [1], "skip": [], "now": now})) == 3
        first = direct.first(session, _READ, {"decks": [1], "skip": [], "now": now})
        assert first is not None and first.due.tzinfo is not None and first.suspended is False
        assert isinstance(first.choices, list) and first.id == "g-1"
        assert direct.first(session, _READ, {"decks": [], "skip": [], "now": now}) is None
        assert direct.rows(session, _READ, {"decks": [1], "skip": [], "now": now - timedelta(days=1)}) == []


def test_writes_land_in_the_sessions_transaction(engine: Engine, small_bank, now) -> None:  # type: ignore[no-untyped-def]
    _fresh(engine, small_bank, now)
    add = insert(Review).values(
        question_id=bindparam("q"), deck_id=1, reviewed_at=bindparam("at"), mode="flashcard", card_after=bindparam("j")
    )
    move = update(Card).where(Card.question_id == bindparam("q")).values(due=bindparam("due"), leech=bindparam("l"))
    later = now + timedelta(hours=5)
    with Session(engine) as session:
        first = direct.write(session, add, {"q": "g-1", "at": now, "j": {"a": [1, 2]}})
        second = direct.write(session, add, {"q": "g-2", "at": later, "j": None})
        assert direct.write(session, move, {"q": "g-1", "due": later, "l": True}) == 1  # the rows it changed
        assert direct.write(session, move, {"q": "no-such", "due": later, "l": True}) == 0
        session.rollback()  # nothing was committed: nothing is kept
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Review)) == 0
        third = direct.write(session, add, {"q": "g-1", "at": now, "j": {"a": [1, 2]}})
        direct.write(session, move, {"q": "g-1", "due": later, "l": True})
        session.commit()
    assert isinstance(first, int) and second == first + 1 and third == first
    with Session(engine) as session:
        review = session.get(Review, third)
        card = session.get(Card, "g-1")
        assert review is not None and review.reviewed_at == now and review.card_after == {"a": [1, 2]}
        assert card is not None and card.due == later and card.leech is True


def test_a_locked_database_fails_as_sqlalchemy_would(db_path, small_bank, now, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    quick = open_database(str(db_path))
    _fresh(quick, small_bank, now)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    move = update(Card).where(Card.question_id == bindparam("q")).values(due=bindparam("due"))
    try:
        with Session(quick) as session, pytest.raises(OperationalError, match="locked"):
            direct.write(session, move, {"q": "g-1", "due": now})
    finally:
        other.execute("ROLLBACK")
        other.close()
        quick.dispose()


def test_elsewhere_the_statement_goes_through_sqlalchemy(engine: Engine, small_bank, now, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fresh(engine, small_bank, now)
    params = {"decks": [1], "skip": ["g-2"], "now": now}
    with Session(engine) as session:
        expected = direct.rows(session, _READ, params)
    monkeypatch.setattr(direct, "_on_sqlite", lambda session: (None, None))  # as on another database
    add = insert(Review).values(question_id="g-1", deck_id=1, reviewed_at=bindparam("at"), mode="flashcard")
    with Session(engine) as session:
        assert direct.rows(session, _READ, params) == expected
        added = direct.write(session, add, {"at": now})
        move = update(Card).where(Card.question_id == bindparam("q")).values(due=bindparam("due"))
        assert direct.write(session, move, {"q": "g-1", "due": now}) == 1
        assert direct.write(session, move, {"q": "no-such", "due": now}) == 0
        session.commit()
    with Session(engine) as session:
        assert added is not None and session.get(Review, added) is not None


def test_a_value_written_into_the_sql_text_goes_through_sqlalchemy(engine: Engine, small_bank, now) -> None:  # type: ignore[no-untyped-def]
    _fresh(engine, small_bank, now)
    query = select(Question.id).where(Question.id != bindparam("not_this", literal_execute=True)).order_by(Question.id)
    with Session(engine) as session:
        assert [row.id for row in direct.rows(session, query, {"not_this": "g-2"})] == ["g-1", "g-3", "g-4"]


def test_a_list_that_keeps_growing_keeps_few_texts_of_its_statement(engine: Engine, small_bank, now) -> None:  # type: ignore[no-untyped-def]
    """The questions held back grow through a session, one length after another: not a text of each is kept."""
    _fresh(engine, small_bank, now)
    with Session(engine) as session:
        for length in range(300):
            skip = ["g-1"] + [f"none-{n}" for n in range(length)]
            assert [row.id for row in direct.rows(session, _READ, {"decks": [1], "skip": skip, "now": now})] == [
                "g-2",
                "g-3",
                "g-4",
            ]
        plan = direct._plan(_READ, session.get_bind().dialect)
    assert plan is not None and 0 < len(plan.texts) <= direct._TEXTS_KEPT < 300


def test_a_transaction_that_cannot_begin_fails_as_sqlalchemy_would() -> None:
    """BEGIN goes straight to the driver; its error still comes as SQLAlchemy's (the app catches those)."""
    shared = open_database(":memory:")  # one connection for every session
    try:
        with Session(shared) as first, Session(shared) as second:
            first.connection()
            with pytest.raises(OperationalError, match="within a transaction"):
                second.connection()
    finally:
        shared.dispose()


@pytest.mark.parametrize("elsewhere", [False, True])
def test_the_first_row_kept_is_converted_and_its_place_given(
    engine: Engine, small_bank, now, monkeypatch, elsewhere: bool
) -> None:  # type: ignore[no-untyped-def]
    _fresh(engine, small_bank, now)
    if elsewhere:
        monkeypatch.setattr(direct, "_on_sqlite", lambda session: (None, None))
    params = {"decks": [1], "skip": [], "now": now}
    with Session(engine) as session:
        expected = direct.rows(session, _READ, params)
        row, place = direct.first_where(session, _READ, params, lambda q: q not in {"g-1", "g-2"})
        assert (row, place) == (expected[2], 2) and row.id == "g-3" and row.due.tzinfo is not None
        assert direct.first_where(session, _READ, params, lambda q: False) == (None, 3)
