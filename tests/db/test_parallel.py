"""Reading beside the calling thread: a second session in a thread of its own, and rows packed into one."""

from __future__ import annotations

import threading

from sqlalchemy import Engine, bindparam, func, literal, select
from sqlmodel import Session

from quizapp.db import Card, Deck, import_paths, open_database
from quizapp.db.parallel import alongside, packed_rows


def test_packed_rows_are_the_rows_of_the_query(engine: Engine, small_bank, now) -> None:  # type: ignore[no-untyped-def]
    assert not import_paths(engine, [small_bank], now=now).problems
    query = (
        select(Card.question_id, Card.state, literal(None), func.count().over(), literal(0.5))
        .where(Card.deck_id.in_(bindparam("decks", expanding=True)))
        .order_by(Card.question_id)
    )
    with Session(engine) as session:
        decks = list(session.execute(select(Deck.id)).scalars())
        expected = [list(row) for row in session.connection().execute(query, {"decks": decks})]
        assert len(expected) == 4
        assert packed_rows(session, query, {"decks": decks}) == expected
        assert packed_rows(session, query, {"decks": [-1]}) == []


def test_alongside_reads_on_a_session_of_its_own_in_another_thread_on_a_file(engine: Engine) -> None:
    def where(session: Session) -> tuple[int, int]:
        return threading.get_ident(), id(session)

    with Session(engine) as session:
        with alongside(session, where) as found:
            thread, other = found.result()
        assert thread != threading.get_ident() and other != id(session)


def test_alongside_reads_here_at_once_in_memory() -> None:
    engine = open_database(":memory:")  # one shared connection: a second one would see another database
    try:
        with Session(engine) as session:
            with alongside(session, lambda other: (threading.get_ident(), other is session)) as found:
                assert found.done()
            assert found.result() == (threading.get_ident(), True)
    finally:
        engine.dispose()
