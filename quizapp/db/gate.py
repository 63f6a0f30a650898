"""The schema gate's first look at a database file, with the standard library only: the app can refuse a file
that is not ours before it loads SQLAlchemy (see `quizapp.cli`), and `make_engine` before it connects."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 5
"""The version of the tables in `quizapp.db.models`, bumped whenever a table changes shape; stored in the
database as the setting `schema_version`. `quizapp.db.engine` migrates older files up to it."""
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """A database quizapp cannot or must not use; the message says which file and why."""


def schema_problem(where: str, tables: set[str], version: int | None) -> str | None:
    """Why a database with these tables and stored version cannot be opened, or None if it can."""
    if not tables:
        return None
    if version is None:
        shown = ", ".join(sorted(tables)[:5])
        return f"{where} is a database, but not a quizapp one (it holds tables: {shown}); it was left untouched"
    if version > SCHEMA_VERSION:
        return (
            f"{where} was written by a newer quizapp (schema version {version}; this one knows up to "
            f"{SCHEMA_VERSION}). Upgrade quizapp to open it; the file was left untouched"
        )
    return None


def stored_version(value: str | None) -> int | None:
    try:
        return int(json.loads(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


def preflight_sqlite(path: Path) -> None:
    """Refuse a file that is not ours before any connection can change it (WAL mode rewrites the header)."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseError(f"cannot create {path}: the folder {path.parent} does not exist")
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not header:
        return  # an empty file is an empty SQLite database
    if header != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not an SQLite database; it was left untouched")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = None
            if "setting" in tables:
                row = conn.execute("SELECT value FROM setting WHERE deck_id = 0 AND key = 'schema_version'").fetchone()
                version = stored_version(row[0] if row else None)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is not a readable SQLite database ({exc}); it was left untouched") from exc
    problem = schema_problem(str(path), tables - {"sqlite_sequence"}, version)
    if problem:
        raise DatabaseError(problem)


def early_setting(path: Path, key: str) -> object:
    """A setting for every deck, read from the file with the standard library alone (read-only), or None when it
    cannot be: what the app shows before the database layer is loaded and the file opened (its theme)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0)  # a locked file: no waiting
        try:
            row = conn.execute("SELECT value FROM setting WHERE deck_id = 0 AND key = ?", (key,)).fetchone()
        finally:
            conn.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, TypeError, ValueError, RecursionError):
        return None  # no such table yet, a locked or odd file: the opening itself says what is wrong


def file_path(target: str) -> Path | None:
    """The file a `--db` target names, or None for a URL or an in-memory database (as `engine.resolve_url`)."""
    if "://" in target or target == ":memory:":
        return None
    return Path(target).expanduser().resolve()
