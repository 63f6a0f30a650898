"""The 1M cards / 1M reviews database the history benchmarks share (stats, answer, tui), made once and cached.

- ``NOW`` and ``ZONE``: the moment the synthetic history ends at and the figures are read at (10:00 in India).
- ``database(cards, reviews) -> Path``: a ready database of the current schema. QUIZAPP_BENCH_DB=path names one
  to use instead of the cache; if it was written by an older schema it is never changed: a migrated copy of it
  is made once beside the cache. Otherwise the cached one under the system's temporary directory
  (QUIZAPP_BENCH_DIR moves it), keyed by synthetic.py and by the schema an empty database gets (tables,
  indexes, triggers), made with ``synthetic.fill_history`` on first use (a few minutes for 1M/1M).
- ``schema_gaps(path) -> list[str]``: indexes and triggers the code declares that the database lacks (a file
  made by an older version of the code, say), so that a figure read from it can say so.
- ``count_label(n)``: "1M", "250k": a size as the rows name it.
- ``working_copy(path)``: a context manager giving a throw-away copy, for benchmarks that write (answers, the
  app), so the cached database stays as made.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

from synthetic import fill_history

from quizapp.db import open_database
from quizapp.db.models import SCHEMA_VERSION

NOW = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)
"""The moment the history ends at and the figures are read at (10:00 in India)."""
ZONE = timezone(timedelta(hours=5, minutes=30), "IST")
HERE = Path(__file__).resolve().parent


def _root() -> Path:
    return Path(os.environ.get("QUIZAPP_BENCH_DIR", tempfile.gettempdir()))


@cache
def schema() -> tuple[tuple[str, str, str], ...]:
    """(type, name, SQL) of everything an empty database gets from the code as it is now."""
    engine = open_database(":memory:")
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
            ).all()
    finally:
        engine.dispose()
    return tuple((t, n, " ".join(s.split())) for t, n, s in rows)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that leaves no trace: a read-only one in WAL mode would create the -wal and -shm files.

    Without a write-ahead log beside it everything is in the file itself, which is then read as immutable.
    """
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)


def _stored_version(path: Path) -> int | None:
    conn = _read_only(path)
    try:
        row = conn.execute("SELECT value FROM setting WHERE deck_id = 0 AND key = 'schema_version'").fetchone()
        return int(json.loads(row[0])) if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def schema_gaps(path: Path) -> list[str]:
    """The indexes and triggers of the current schema that the database at `path` does not have."""
    conn = _read_only(path)
    try:
        have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
    finally:
        conn.close()
    return [f"{kind} {name}" for kind, name, _ in schema() if kind in ("index", "trigger") and name not in have]


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One process builds a cached database at a time; the others wait for it, then use it."""
    root.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: no lock, as before
        yield
        return
    with (root / "quizapp-bench-history.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _copy(source: Path, target: Path) -> None:
    """The database file and, if a writer left one, its write-ahead log."""
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))


def _build(path: Path, make) -> None:  # type: ignore[no-untyped-def]
    """Make `path` through a partial file, so an interrupted build is never taken for a finished one."""
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    make(partial)
    partial.rename(path)


def _current(given: Path) -> Path:
    """`given` if it has the current schema version, else a copy of it migrated once (the file is never written)."""
    version = _stored_version(given)
    if version is None or version >= SCHEMA_VERSION:
        return given
    stat = given.stat()
    key = hashlib.sha256(repr((str(given.resolve()), stat.st_size, stat.st_mtime_ns, schema())).encode()).hexdigest()
    root = _root()
    path = root / f"quizapp-bench-migrated-{given.stem}-{key[:12]}.db"
    with _locked(root):
        if not path.exists():

            def migrate(partial: Path) -> None:
                print(
                    f"{given} has schema {version}: migrating a copy, {partial} (once) …", file=sys.stderr, flush=True
                )
                _copy(given, partial)
                open_database(str(partial)).dispose()

            _build(path, migrate)
    return path


def database(cards: int, reviews: int) -> Path:
    """A ready database of this size: QUIZAPP_BENCH_DB (or its migrated copy), or the cached one."""
    given = os.environ.get("QUIZAPP_BENCH_DB")
    if given:
        return _current(Path(given))
    code = HERE.joinpath("synthetic.py").read_bytes() + repr(schema()).encode()
    key = hashlib.sha256(code).hexdigest()[:12]
    root = _root()
    path = root / f"quizapp-bench-history-{cards}-{reviews}-{key}.db"
    with _locked(root):
        if not path.exists():

            def fill(partial: Path) -> None:
                print(f"filling {partial} with {cards:,} cards and {reviews:,} reviews (once) …", file=sys.stderr)
                engine = open_database(str(partial))
                try:
                    fill_history(engine, cards, reviews, NOW)
                finally:
                    engine.dispose()

            _build(path, fill)
    return path


def count_label(n: int) -> str:
    """1M, 250k, 800: how a figure's row names a size."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


@contextlib.contextmanager
def working_copy(path: Path) -> Iterator[Path]:
    """A copy of the database at `path` in a temporary folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="quizapp-bench-copy-", dir=_root()))
    try:
        copy = folder / path.name
        _copy(path, copy)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)
