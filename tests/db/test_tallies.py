"""The tallies the triggers keep agree with the rows after every kind of write, and older databases get them."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, text
from sqlmodel import Session

from quizapp.db import SCHEMA_VERSION, import_paths, open_database
from quizapp.db.tallies import recount
from quizapp.srs.review import answer_card, set_suspended, undo_review

TALLIES = {
    "deck_tally": "SELECT deck_id, state, suspended, active, cards FROM deck_tally WHERE cards != 0",
    "topic_tally": "SELECT deck_id, topic, answers, correct FROM topic_tally WHERE answers != 0",
    "review_tally": "SELECT slot, mode, answers, correct, millis FROM review_tally WHERE answers != 0",
}


def tallies(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return {name: sorted(conn.execute(text(query)).all()) for name, query in TALLIES.items()}


def recounted(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """The tallies as `recount` makes them from the rows; the database itself is left as it was."""
    with engine.connect() as conn:
        transaction = conn.begin()
        recount(conn)
        found = {name: sorted(conn.execute(text(query)).all()) for name, query in TALLIES.items()}
        transaction.rollback()
    return found


def test_tallies_follow_imports_answers_undo_suspension_and_retirement(
    engine: Engine, small_bank: Path, write_bank, now: datetime
) -> None:
    assert not import_paths(engine, [small_bank], now=now).problems
    with Session(engine) as session:
        first = answer_card(session, question_id="g-1", rating=3, now=now, duration_ms=4000)
        answer_card(session, question_id="g-2", rating=1, now=now + timedelta(minutes=20), duration_ms=9000)
        answer_card(session, question_id="g-3", rating=3, now=now + timedelta(minutes=21), mode="practice")
        undone = answer_card(session, question_id="g-4", rating=4, now=now + timedelta(minutes=22))
        undo_review(session, undone.review_id)
        set_suspended(session, "g-3")
    counts = tallies(engine)
    assert counts == recounted(engine)
    deck = counts["deck_tally"][0][0]
    # g-1 and g-2 are learning (state 1), g-3 is learning and suspended, g-4 is new again after the undo.
    assert counts["deck_tally"] == [(deck, 0, 0, 1, 1), (deck, 1, 0, 1, 2), (deck, 1, 1, 1, 1)]
    assert counts["topic_tally"] == [(deck, "Capitals", 2, 1), (deck, "Rivers", 1, 1)]
    slot = int(now.timestamp()) // 900
    assert [row[:2] for row in counts["review_tally"]] == [
        (slot, "flashcard"),
        (slot + 1, "flashcard"),
        (slot + 1, "practice"),
    ]
    assert counts["review_tally"][0][2:] == (1, 1, 4000)
    assert first.review_id

    # The next import moves g-3 to another topic and drops g-4: its answers follow it, its card is retired.
    changed = small_bank.read_text().replace(
        "topic: Rivers\n    prompt: The Ganga", "topic: Deltas\n    prompt: The Ganga"
    )
    changed = changed[: changed.index("  - id: g-4")]
    write_bank(changed, "geography.yaml")
    assert not import_paths(engine, [small_bank], now=now + timedelta(days=1)).problems
    counts = tallies(engine)
    assert counts == recounted(engine)
    assert (deck, "Deltas", 1, 1) in counts["topic_tally"]
    assert all(topic != "Rivers" for _, topic, *_ in counts["topic_tally"])
    assert (deck, 0, 0, 0, 1) in counts["deck_tally"]  # the retired g-4: new, not suspended, inactive


def _version_1_database(path: Path, now: datetime) -> None:
    schema = Path(__file__).with_name("schema_v1.sql").read_text()
    conn = sqlite3.connect(path)
    conn.executescript(schema)
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.execute("INSERT INTO setting VALUES (0, 'schema_version', ?)", (json.dumps(1),))
    conn.execute("INSERT INTO deck (id, name, created_at, updated_at) VALUES (7, 'Old', ?, ?)", (stamp, stamp))
    for n, active in ((1, 1), (2, 1), (3, 0)):
        conn.execute(
            "INSERT INTO question (id, deck_id, position, type, topic, prompt, answer, content_hash, active, "
            "created_at, updated_at) VALUES (?, 7, ?, 'short', 'Dates', 'Q?', 'A', 'h', ?, ?, ?)",
            (f"o-{n}", n, active, stamp, stamp),
        )
        conn.execute(
            "INSERT INTO card (question_id, state, due, reps, lapses, suspended, leech) VALUES (?, ?, ?, 0, 0, 0, 0)",
            (f"o-{n}", 2 if n == 1 else 0, stamp),
        )
    later = (now + timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S.%f")
    for moment, rating in ((stamp, 3), (later, 1)):
        conn.execute(
            "INSERT INTO review (question_id, deck_id, reviewed_at, mode, rating, correct, duration_ms) "
            "VALUES ('o-1', 7, ?, 'flashcard', ?, ?, 5000)",
            (moment, rating, int(rating > 1)),
        )
    # Databases made before the source-sentence index have version 1 all the same.
    conn.execute("DROP INDEX ix_question_deck_source")
    conn.commit()
    conn.close()


def _schema(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        query = "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger')"
        return {tuple(row) for row in conn.execute(text(query))}  # type: ignore[misc]


def _shape(engine: Engine, table: str) -> str:
    with engine.connect() as conn:
        return conn.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar_one()


def test_a_version_3_database_gets_its_quarter_hour_tally_in_key_order_with_the_same_rows(
    engine: Engine, db_path: Path, small_bank: Path, now: datetime
) -> None:
    """Version 4 stores review_tally WITHOUT ROWID; a version-3 file is rebuilt so, its tallies and triggers kept."""
    assert not import_paths(engine, [small_bank], now=now).problems
    with Session(engine) as session:
        answer_card(session, question_id="g-1", rating=3, now=now)
        answer_card(session, question_id="g-2", rating=1, now=now + timedelta(minutes=20))
    new_shape = _shape(engine, "review_tally")
    before = tallies(engine)
    engine.dispose()
    conn = sqlite3.connect(db_path)  # back to version 3: the same table with a row id
    triggers = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("ALTER TABLE review_tally RENAME TO kept")
    conn.execute(new_shape.replace("WITHOUT ROWID", ""))
    conn.execute("INSERT INTO review_tally SELECT * FROM kept")
    conn.execute("DROP TABLE kept")
    for (sql,) in triggers:
        conn.execute(sql)
    conn.execute("UPDATE setting SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    reopened = open_database(str(db_path))
    try:
        assert _shape(reopened, "review_tally") == new_shape and "WITHOUT ROWID" in new_shape
        assert tallies(reopened) == before
        with Session(reopened) as session:  # the triggers count the next answer
            answer_card(session, question_id="g-3", rating=3, now=now + timedelta(hours=1))
        assert tallies(reopened) == recounted(reopened)
        assert sum(row[2] for row in tallies(reopened)["review_tally"]) == 3
    finally:
        reopened.dispose()


def test_a_version_1_database_is_migrated_with_its_cards_and_tallies(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "old.db"
    _version_1_database(path, now)
    engine = open_database(str(path))
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SELECT value FROM setting WHERE key = 'schema_version'")).scalar_one()
            cards = conn.execute(text("SELECT question_id, deck_id, active FROM card ORDER BY 1")).all()
        assert json.loads(version) == SCHEMA_VERSION
        fresh = open_database(str(tmp_path / "fresh.db"))
        assert _schema(engine) == _schema(fresh)  # every table, index and trigger a new database gets
        assert _shape(engine, "review_tally") == _shape(fresh, "review_tally")
        fresh.dispose()
        assert cards == [("o-1", 7, 1), ("o-2", 7, 1), ("o-3", 7, 0)]
        counts = tallies(engine)
        assert counts["deck_tally"] == [(7, 0, 0, 0, 1), (7, 0, 0, 1, 1), (7, 2, 0, 1, 1)]
        assert counts["topic_tally"] == [(7, "Dates", 2, 1)]
        with engine.connect() as conn:  # each answer knows the one before it
            previous = conn.execute(text("SELECT previous_at FROM review ORDER BY id")).scalars().all()
        assert previous == [None, now.strftime("%Y-%m-%d %H:%M:%S.%f")]
        with Session(engine) as session:  # the triggers work on the migrated file
            answer_card(session, question_id="o-2", rating=3, now=now + timedelta(hours=1))
            answer_card(session, question_id="o-1", rating=3, now=now + timedelta(hours=2))
        assert tallies(engine) == recounted(engine)
        assert tallies(engine)["topic_tally"] == [(7, "Dates", 4, 3)]
        with engine.connect() as conn:
            last = conn.execute(text("SELECT previous_at FROM review ORDER BY id DESC LIMIT 1")).scalar()
        assert last == (now + timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S.%f")
    finally:
        engine.dispose()
