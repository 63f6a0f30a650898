"""Open a database: URL resolution, SQLite pragmas, the schema-version gate (with `gate`), and migrations."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Index, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlalchemy.schema import CreateIndex
from sqlmodel import Session, SQLModel

from quizapp.db import flush
from quizapp.db.gate import SCHEMA_VERSION, DatabaseError, file_path, preflight_sqlite, schema_problem, stored_version
from quizapp.db.models import Card, DeckTally, Question, Review, ReviewTally, Setting, TopicTally
from quizapp.db.tallies import TRIGGERS, install_triggers, previous_answer, recount

BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for another one (the TUI and an import can overlap) before giving up."""
CACHE_KIB = 32 * 1024
QUIZAPP_TABLES = frozenset(t.name for t in SQLModel.metadata.sorted_tables)


def resolve_url(target: str) -> str:
    """A SQLAlchemy URL for `target`: URLs pass through, a bare path means an SQLite file."""
    path = file_path(target)
    if path is not None:
        return "sqlite:///" + str(path)
    return "sqlite://" if target == ":memory:" else target


def sqlite_file(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other databases and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _power(base: float | None, exponent: float | None) -> float | None:
    if base is None or exponent is None or base <= 0:
        return None
    return float(base) ** float(exponent)


def _configure_sqlite(engine: Engine, path: Path | None) -> None:
    # A file's log is flushed to disk after each commit on a thread of its own (flush.py), so the commit itself
    # only hands it to the operating system; whatever reads next waits for that flush.
    synchronous = "FULL" if path is None else "NORMAL"
    if path is not None:
        flush.install(engine, path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" below open every transaction, so DDL is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # FSRS's forgetting curve needs a power in SQL. SQLite's own pow() (math functions, 3.35+) is
            # several times quicker than a Python function; builds without it get this one under its name.
            try:
                cursor.execute("SELECT pow(2.0, 0.5)")
            except sqlite3.OperationalError:
                dbapi_connection.create_function("pow", 2, _power, deterministic=True)
            cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # A committed answer survives a power cut: FULL flushes in the commit, NORMAL right after it (flush.py).
            cursor.execute(f"PRAGMA synchronous = {synchronous}")
            # 32 MiB of page cache (the default is 2): statistics over a million answers read the same index
            # pages again and again, and would otherwise ask the operating system for them every time.
            cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Straight to the driver: every action's transaction starts here, and SQLAlchemy's execute costs 20 µs more.
        # Its error is raised as SQLAlchemy's would be, for the callers that catch those (the app's `guarded`).
        try:
            connection.connection.driver_connection.execute("BEGIN")
        except sqlite3.Error as exc:
            raise DBAPIError.instance("BEGIN", (), exc, sqlite3.Error) from exc


def checkpoint(engine: Engine) -> tuple[int, int, int] | None:
    """Copy the write-ahead log into the database file, waiting for no one (SQLite's PASSIVE checkpoint).

    SQLite does this itself once the log reaches 1,000 pages, inside the commit that crosses the mark; on a
    database of a million cards that answer then takes 10 ms, at times 0.4 s, instead of 1.5 ms. The app runs
    this in the background now and then instead, so the log stays short and no answer waits for it. Returns SQLite's
    (busy, pages in the log, pages copied), or None where there is no log (not a SQLite file).
    """
    if sqlite_file(engine.url.render_as_string(hide_password=False)) is None:
        return None
    raw = engine.raw_connection()
    try:
        row = raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()  # type: ignore[union-attr]
    finally:
        raw.close()
    return int(row[0]), int(row[1]), int(row[2])


FOLD_AFTER_COMMITS = 40
"""Commits between two copies of the log. An answer adds about 20 pages to it: 40 answers stay under the 1,000
pages at which SQLite copies the log itself, inside the commit that crosses the mark."""
FOLD_WHEN_IDLE_SECONDS = 20.0
"""A log with any commit in it is copied once the database has been left alone this long."""


class LogUpkeep:
    """When the app should copy the write-ahead log into the file (`checkpoint`), counting the engine's commits.

    Not on a timer alone: the first commit after a copy starts the log again from its beginning, which costs that
    commit a second flush to disk (0.6 -> 0.9 ms an answer). Copying every 40 commits, or in a pause, leaves that to
    few answers.
    """

    def __init__(self, engine: Engine) -> None:
        self.commits = 0
        self._folded_at = 0
        self._seen = (0, float("-inf"))
        """The count of commits at the last look, and when it was first seen."""
        event.listen(engine, "commit", self._count)

    def _count(self, _connection: Any) -> None:
        self.commits += 1

    def due(self, now: float) -> bool:
        """Whether to copy the log at `now` (seconds, any steady clock); when it is, it counts as copied."""
        commits = self.commits
        if commits != self._seen[0]:
            self._seen = (commits, now)
        pending = commits - self._folded_at
        if pending and (pending >= FOLD_AFTER_COMMITS or now - self._seen[1] >= FOLD_WHEN_IDLE_SECONDS):
            self._folded_at = commits
            return True
        return False


def make_engine(target: str) -> Engine:
    """An engine for `target` (a path or any SQLAlchemy URL), without touching its tables yet."""
    url = resolve_url(target)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"{target!r} is neither a file path nor a database URL") from exc
    path = sqlite_file(url)
    if path is not None:
        preflight_sqlite(path)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite" and path is None:
        # One shared connection, or every new connection would see a different empty database.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    try:
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(f"no driver for {parsed.drivername!r} is installed: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        _configure_sqlite(engine, path)
    return engine


def ensure_schema(engine: Engine) -> None:
    """Create the tables in an empty database, or check that an existing one is a quizapp database we know."""
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.begin() as conn:
            tables = set(inspect(conn).get_table_names()) - {"sqlite_sequence"}
            version = None
            if "setting" in tables:
                row = conn.execute(
                    text("SELECT value FROM setting WHERE deck_id = 0 AND key = 'schema_version'")
                ).fetchone()
                version = stored_version(row[0] if row else None)
            problem = schema_problem(where, tables, version)
            if problem:
                raise DatabaseError(problem)
            if not tables:
                SQLModel.metadata.create_all(conn)
                conn.execute(
                    Setting.__table__.insert().values(deck_id=0, key="schema_version", value=json.dumps(SCHEMA_VERSION))
                )
            elif version is not None and version < SCHEMA_VERSION:
                _migrate(conn, version)
    except OperationalError as exc:
        raise DatabaseError(f"cannot open {where}: {exc.orig}") from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot open {where}: {exc}") from exc


def _create_missing(conn: Any, index: Index) -> None:
    """Create an index unless there is one of its name. SQLite is asked by the statement itself: looking first
    would read every index, and SQLAlchemy cannot read one on an expression (the source sentences')."""
    if conn.dialect.name == "sqlite":
        conn.execute(CreateIndex(index, if_not_exists=True))
    else:
        index.create(conn, checkfirst=True)


def _shape(conn: Any, kind: str, name: str) -> str | None:
    """The SQL that made a table or index, as SQLite keeps it (None if there is none): how a step tells whether
    the shape it makes is there already."""
    return conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)).scalar()


def _to_version_2(conn: Any) -> None:
    """Cards get their question's deck and active flag; the tallies and their triggers are added and filled."""
    conn.exec_driver_sql("ALTER TABLE card ADD COLUMN deck_id INTEGER REFERENCES deck (id)")
    conn.exec_driver_sql("ALTER TABLE card ADD COLUMN active BOOLEAN NOT NULL DEFAULT 1")
    conn.exec_driver_sql(
        "UPDATE card SET (deck_id, active) = (SELECT deck_id, active FROM question WHERE id = card.question_id)"
    )
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_review_question_id")  # ix_review_question_time replaces it
    conn.exec_driver_sql("ALTER TABLE review ADD COLUMN previous_at DATETIME")
    for model in (Question, Card, Review):  # the question index on source sentences came without a version
        for index in model.__table__.indexes:  # type: ignore[attr-defined]
            _create_missing(conn, index)
    conn.exec_driver_sql(f"UPDATE review SET previous_at = {previous_answer('review')}")
    tables = [model.__table__ for model in (DeckTally, TopicTally, ReviewTally)]  # type: ignore[attr-defined]
    SQLModel.metadata.create_all(conn, tables=tables)
    if conn.dialect.name == "sqlite":
        install_triggers(conn)
    recount(conn)


def _to_version_3(conn: Any) -> None:
    """The recall index (see Card)."""
    for index in Card.__table__.indexes:  # type: ignore[attr-defined]
        _create_missing(conn, index)


def _to_version_4(conn: Any) -> None:
    """The quarter-hour tally stored in its key's order (see ReviewTally): copied into the new shape."""
    if conn.dialect.name != "sqlite":
        return  # the shape only exists on SQLite
    shape = _shape(conn, "table", "review_tally")
    if shape is None or "WITHOUT ROWID" in shape.upper():
        return  # made in this shape already (by the step from version 1)
    for name in TRIGGERS:  # they name the table; renamed with it, they would follow the old one
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("ALTER TABLE review_tally RENAME TO review_tally_v3")
    ReviewTally.__table__.create(conn)  # type: ignore[attr-defined]
    conn.exec_driver_sql(
        "INSERT INTO review_tally (slot, mode, answers, correct, millis) "
        "SELECT slot, mode, answers, correct, millis FROM review_tally_v3"
    )
    conn.exec_driver_sql("DROP TABLE review_tally_v3")
    install_triggers(conn)


def _to_version_5(conn: Any) -> None:
    """The index of source sentences holds their first characters only (see Question)."""
    index = next(i for i in Question.__table__.indexes if i.name == "ix_question_deck_source")  # type: ignore[attr-defined]
    if conn.dialect.name == "sqlite":
        shape = _shape(conn, "index", "ix_question_deck_source")
        if shape is not None and "substr" in shape.lower():
            return  # made in this shape already (by the step from version 1)
    index.drop(conn, checkfirst=True)
    index.create(conn)


_MIGRATIONS = {1: _to_version_2, 2: _to_version_3, 3: _to_version_4, 4: _to_version_5}
"""The step from each version to the next."""


def _migrate(conn: Any, version: int) -> None:
    """Bring an older schema up to date, one step per version, in the caller's transaction (all or nothing)."""
    while version < SCHEMA_VERSION:
        step = _MIGRATIONS.get(version)
        if step is None:
            raise DatabaseError(f"no migration from schema version {version} to {SCHEMA_VERSION}")
        step(conn)
        version += 1
    conn.execute(
        Setting.__table__.update()  # type: ignore[attr-defined]
        .where(Setting.deck_id == 0, Setting.key == "schema_version")
        .values(value=json.dumps(SCHEMA_VERSION))
    )


def open_database(target: str) -> Engine:
    """An engine on a ready quizapp database: checked, created if empty, migrated if old."""
    engine = make_engine(target)
    try:
        ensure_schema(engine)
    except DatabaseError:
        engine.dispose()
        raise
    return engine


def read_setting(session: Session, key: str, default: Any = None, *, deck_id: int = 0) -> Any:
    row = session.get(Setting, (deck_id, key))
    return json.loads(row.value) if row is not None else default


def write_setting(session: Session, key: str, value: Any, *, deck_id: int = 0) -> None:
    row = session.get(Setting, (deck_id, key))
    encoded = json.dumps(value)
    if row is None:
        session.add(Setting(deck_id=deck_id, key=key, value=encoded))
    else:
        row.value = encoded
