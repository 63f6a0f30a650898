"""Opening databases: pragmas, schema creation, and refusing files that are not ours, untouched."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from quizapp.db import (
    SCHEMA_VERSION,
    Card,
    DatabaseError,
    Deck,
    import_paths,
    open_database,
    read_setting,
    write_setting,
)
from quizapp.db.engine import FOLD_AFTER_COMMITS, FOLD_WHEN_IDLE_SECONDS, LogUpkeep, checkpoint, resolve_url
from quizapp.db.gate import early_setting
from quizapp.srs.queue import _siblings_statement, siblings_of


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(engine) -> None:
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_new_database_has_every_table_the_indexes_and_the_schema_version(engine) -> None:
    inspector = inspect(engine)
    assert {"deck", "question", "card", "review", "quizrun", "setting"} <= set(inspector.get_table_names())

    def indexed(table: str) -> set[str]:
        return {column for index in inspector.get_indexes(table) for column in index["column_names"]}

    assert "due" in indexed("card")
    assert {"question_id", "reviewed_at"} <= indexed("review")
    with Session(engine) as session:
        assert read_setting(session, "schema_version") == SCHEMA_VERSION


def test_reopening_keeps_the_data(db_path: Path, now: datetime) -> None:
    engine = open_database(str(db_path))
    with Session(engine) as session:
        session.add(Deck(name="Kept", created_at=now, updated_at=now))
        write_setting(session, "theme", "nord")
        session.commit()
    engine.dispose()
    engine = open_database(str(db_path))
    with Session(engine) as session:
        assert session.exec(select(Deck)).one().name == "Kept"
        assert read_setting(session, "theme") == "nord"
        assert read_setting(session, "missing", "fallback") == "fallback"
    engine.dispose()


def test_datetimes_come_back_timezone_aware_in_utc(engine) -> None:
    ist = timezone(timedelta(hours=5, minutes=30))
    local = datetime(2026, 1, 2, 10, 0, tzinfo=ist)
    with Session(engine) as session:
        session.add(Deck(name="Times", created_at=local, updated_at=local))
        session.commit()
    with Session(engine) as session:
        stored = session.exec(select(Deck)).one().created_at
    assert stored.tzinfo is not None
    assert stored == local
    assert stored.astimezone(UTC).hour == 4


def test_foreign_keys_are_enforced(engine, now: datetime) -> None:
    with Session(engine) as session:
        session.add(Card(question_id="nowhere", due=now))
        with pytest.raises(IntegrityError):
            session.commit()


def _make_foreign_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # so that turning WAL on would visibly rewrite the header
    conn.execute("CREATE TABLE setting (deck_id INTEGER, key TEXT, value TEXT, PRIMARY KEY (deck_id, key))")
    conn.execute("INSERT INTO setting VALUES (0, 'schema_version', ?)", (json.dumps(version),))
    conn.commit()
    conn.close()


def test_a_newer_schema_version_is_refused_and_the_file_left_untouched(db_path: Path) -> None:
    _make_foreign_version(db_path, SCHEMA_VERSION + 1)
    before = file_digest(db_path)
    with pytest.raises(DatabaseError, match="newer quizapp") as caught:
        open_database(str(db_path))
    assert str(db_path) in str(caught.value)
    assert file_digest(db_path) == before
    assert not Path(f"{db_path}-wal").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("These are my notes, not a database.\n" * 20)
    before = file_digest(notes)
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        open_database(str(notes))
    assert file_digest(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_corrupt_sqlite_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = file_digest(broken)
    with pytest.raises(DatabaseError, match="broken.db"):
        open_database(str(broken))
    assert file_digest(broken) == before


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    before = file_digest(other)
    with pytest.raises(DatabaseError, match="not a quizapp one.*invoices"):
        open_database(str(other))
    assert file_digest(other) == before


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    engine = open_database(str(empty))
    assert "question" in inspect(engine).get_table_names()
    engine.dispose()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: tmp / "missing-folder" / "q.db", "does not exist"),
    ],
)
def test_unusable_paths_get_a_clear_message(tmp_path: Path, make, message: str) -> None:
    target = make(tmp_path)
    with pytest.raises(DatabaseError, match=message):
        open_database(str(target))
    assert not (tmp_path / "missing-folder").exists()


def test_in_memory_database_is_shared_across_sessions(now: datetime) -> None:
    engine = open_database(":memory:")
    with Session(engine) as session:
        session.add(Deck(name="Memory", created_at=now, updated_at=now))
        session.commit()
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Deck)).one() == 1


def test_a_url_without_a_driver_gets_a_clear_message() -> None:
    with pytest.raises(DatabaseError, match="driver"):
        open_database("nosuchdb://user@host/quiz")


def test_resolve_url_turns_paths_into_sqlite_urls(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql://u@h/db"
    assert resolve_url(":memory:") == "sqlite://"


def test_checkpoint_copies_the_whole_log_into_the_file(engine, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        for n in range(20):
            write_setting(session, f"note.{n}", "x" * 2000)
            session.commit()
    busy, logged, copied = checkpoint(engine)
    assert busy == 0 and logged > 0 and copied == logged
    alone = tmp_path / "file-alone.db"  # the database file without its log: it holds every commit now
    alone.write_bytes(db_path.read_bytes())
    reader = sqlite3.connect(alone)
    assert json.loads(reader.execute("SELECT value FROM setting WHERE key = 'note.19'").fetchone()[0]) == "x" * 2000
    reader.close()


def test_the_log_is_copied_after_enough_commits_or_in_a_pause(engine) -> None:  # type: ignore[no-untyped-def]
    upkeep = LogUpkeep(engine)

    def commits(n: int) -> None:
        for turn in range(n):
            with Session(engine) as session:
                write_setting(session, f"note.{turn}", turn)
                session.commit()
        with Session(engine) as session:  # a read alone commits nothing
            session.execute(text("SELECT 1"))

    assert not upkeep.due(0.0)  # nothing written: nothing to copy, however long it stays so
    assert not upkeep.due(1000.0)
    commits(FOLD_AFTER_COMMITS - 1)
    assert upkeep.commits == FOLD_AFTER_COMMITS - 1
    assert not upkeep.due(1001.0)
    commits(1)
    assert upkeep.due(1002.0)  # enough commits
    assert not upkeep.due(1003.0)  # and then they count as copied
    commits(2)
    assert not upkeep.due(1004.0)  # two commits, first seen now: not yet
    assert not upkeep.due(1004.0 + FOLD_WHEN_IDLE_SECONDS - 1)
    assert upkeep.due(1004.0 + FOLD_WHEN_IDLE_SECONDS)  # left alone since
    assert not upkeep.due(5000.0)


def test_checkpoint_has_nothing_to_do_without_a_database_file() -> None:
    memory = open_database("sqlite://")
    try:
        assert checkpoint(memory) is None
    finally:
        memory.dispose()


def test_an_early_setting_is_read_without_the_database_layer_or_not_at_all(db_path: Path, tmp_path: Path) -> None:
    engine = open_database(str(db_path))
    with Session(engine) as session:
        write_setting(session, "theme", "dracula")
        write_setting(session, "theme", "nord", deck_id=3)  # a deck's own: not the one for every deck
        session.commit()
    assert early_setting(db_path, "theme") == "dracula"
    assert early_setting(db_path, "nothing") is None
    engine.dispose()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database\n")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for where in (tmp_path / "missing.db", tmp_path, text_file, other):
        assert early_setting(where, "theme") is None
    assert text_file.read_text() == "not a database\n"


SIBLINGS = """
deck: Sentences
questions:
  - {id: a-1, type: short, prompt: One?, answer: one, source: {line: 1, text: India and Japan signed the pact in 2014.}}
  - {id: a-2, type: short, prompt: Two?, answer: two, source: {line: 1, text: India and Japan signed the pact in 2014.}}
  - {id: a-3, type: short, prompt: Three?, answer: three, source: {line: 2, text: India and Japan signed the pact in 2015.}}
  - {id: a-4, type: short, prompt: Four?, answer: four}
"""


def test_a_version_4_database_gets_the_short_index_of_source_sentences(
    db_path: Path, write_bank, now: datetime
) -> None:  # type: ignore[no-untyped-def]
    """Version 5 indexes the first 32 characters of each source sentence; the sibling rule still finds exactly
    the questions of the same whole sentence (a-3's shares its first 32 characters with a-1's), through it."""
    engine = open_database(str(db_path))
    assert not import_paths(engine, [write_bank(SIBLINGS)], now=now).problems
    engine.dispose()
    conn = sqlite3.connect(db_path)  # back to version 4: the whole sentence in the index
    conn.execute("DROP INDEX ix_question_deck_source")
    conn.execute("CREATE INDEX ix_question_deck_source ON question (deck_id, source_text)")
    conn.execute("UPDATE setting SET value = '4' WHERE deck_id = 0 AND key = 'schema_version'")
    conn.commit()
    conn.close()
    engine = open_database(str(db_path))
    with Session(engine) as session:
        assert read_setting(session, "schema_version") == SCHEMA_VERSION == 5
        shape = (
            session.connection()
            .exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'ix_question_deck_source'")
            .scalar()
        )
        assert shape.endswith("(deck_id, substr(source_text, 1, 32))")
        assert [siblings_of(session, q) for q in ("a-1", "a-2", "a-3", "a-4")] == [["a-2"], ["a-1"], [], []]
        statement = str(_siblings_statement().compile(dialect=session.get_bind().dialect))
        plan = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, ("a-1",)).fetchall()
        assert any("SEARCH held USING INDEX ix_question_deck_source" in row[-1] for row in plan), plan
    engine.dispose()
