"""Statements built once, run on SQLite's own connection: the reads and writes of the study loop.

SQLAlchemy builds these statements (once each, for any database) and compiles them. Running a compiled
statement through a SQLAlchemy `Connection` still costs about 55 µs of Python every time (parameters, events,
the result object), which is more than SQLite takes to pick a card from a million. On SQLite, `rows` and
`write` compile a statement once into its SQL, the order of its `?` places and its types' converters, and
run it on the driver's connection, inside the session's transaction. Other databases run it through
SQLAlchemy as before.
"""

from __future__ import annotations

import re
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Dialect, Executable
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

_LIST = re.compile(r"__\[POSTCOMPILE_(\w+)\]")
"""Where SQLAlchemy leaves an expanding parameter (a list, as in `IN (...)`) to be written out at each run."""


@dataclass(slots=True)
class _Plan:
    """A statement compiled for SQLite: its SQL, parameters in order, and converters both ways."""

    pieces: list[str]
    """The SQL, split where lists go."""
    order: list[tuple[str, Callable[[Any], Any] | None, bool]]
    """Each parameter in the order of its `?`: name, converter to SQLite, whether it is a list."""
    compiled_values: dict[str, Any]
    """Values compiled into the statement (literals, limits), used where the caller gives none."""
    columns: list[tuple[int, Callable[[Any], Any]]]
    """The result columns that need converting from SQLite, by position."""
    row: type[tuple[Any, ...]] | None
    """The row type, a named tuple of the selected columns' names (None for writes)."""
    inserts: bool
    texts: dict[tuple[int, ...], str] = field(default_factory=dict)
    """The SQL written out for the first `_TEXTS_KEPT` sets of list lengths used (each length its own text)."""

    def text(self, lengths: tuple[int, ...]) -> str:
        found = self.texts.get(lengths)
        if found is None:
            places = [", ".join("?" * n) for n in lengths]
            parts = [self.pieces[0]]
            for place, piece in zip(places, self.pieces[1:], strict=True):
                parts += [place, piece]
            found = "".join(parts)
            if len(self.texts) < _TEXTS_KEPT:
                self.texts[lengths] = found
        return found


_TEXTS_KEPT = 64
"""Texts kept per statement: a list that grows through a session (the questions held back today, up to
thousands) would otherwise keep a text of every length it passed, megabytes of them."""


@lru_cache(maxsize=256)
def _plan(statement: Executable, dialect: Dialect) -> _Plan | None:
    """The statement compiled for the dialect; None for one this module cannot run itself (SQLAlchemy runs it)."""
    compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
    binds = compiled.binds
    if compiled.positiontup is None or any(not binds[name].expanding for name in _LIST.findall(compiled.string)):
        return None  # named parameters, or a value SQLAlchemy writes into the SQL text at each run
    order = []
    for name in compiled.positiontup or ():
        bind = binds[name]
        order.append((name, bind.type.dialect_impl(dialect).bind_processor(dialect), bool(bind.expanding)))
    compiled_values = {name: bind.effective_value for name, bind in binds.items() if not bind.required}
    selected = getattr(statement, "selected_columns", None)
    columns: list[tuple[int, Callable[[Any], Any]]] = []
    row = None
    if selected is not None:
        names = []
        for index, column in enumerate(selected):
            names.append(column.key or f"c{index}")
            convert = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if convert is not None:
                columns.append((index, convert))
        row = namedtuple("Row", names, rename=True)  # type: ignore[misc]  # noqa: PYI024 (built from the statement)
    inserts = bool(getattr(statement, "is_insert", False))
    return _Plan(_LIST.split(compiled.string)[0::2], order, compiled_values, columns, row, inserts)


def _values(plan: _Plan, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
    values: list[Any] = []
    lengths: list[int] = []
    for name, convert, is_list in plan.order:
        value = params[name] if name in params else plan.compiled_values[name]
        if is_list:
            lengths.append(len(value))
            values += [convert(item) for item in value] if convert else value
        else:
            values.append(convert(value) if convert else value)
    return plan.text(tuple(lengths)), values


def _on_sqlite(session: Session) -> tuple[Any, Dialect] | tuple[None, None]:
    """The driver's connection under the session's transaction (begun) and its dialect; Nones when not SQLite."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or connection.dialect.driver != "pysqlite":
        return None, None  # another database, or another driver's errors and types
    return connection.connection.driver_connection, connection.dialect


def _run(driver: sqlite3.Connection, sql: str, values: list[Any]) -> sqlite3.Cursor:
    """Run on the driver; its errors raised as SQLAlchemy raises them (a locked database is an OperationalError)."""
    try:
        return driver.execute(sql, values)
    except sqlite3.Error as exc:
        raise DBAPIError.instance(sql, values, exc, sqlite3.Error) from exc


def _fetched(driver: sqlite3.Connection, plan: _Plan, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """The statement's rows as SQLite gives them, the cursor closed."""
    cursor = _run(driver, *_values(plan, params))
    try:
        return cursor.fetchall()
    except sqlite3.Error as exc:
        raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc
    finally:
        cursor.close()


def rows(session: Session, statement: Executable, params: Mapping[str, Any] | None = None) -> list[Any]:
    """Every row of a SELECT built once, its columns converted as SQLAlchemy does (by name or position)."""
    params = params or {}
    driver, dialect = _on_sqlite(session)
    plan = None if driver is None else _plan(statement, dialect)
    if plan is None:
        return list(session.connection().execute(statement, params))
    found = _fetched(driver, plan, params)
    if not plan.columns:
        return [plan.row._make(row) for row in found]  # type: ignore[union-attr]
    return [_converted(plan, raw) for raw in found]


def first_where(
    session: Session, statement: Executable, params: Mapping[str, Any], keep: Callable[[Any], bool]
) -> tuple[Any | None, int]:
    """The first row of a SELECT whose first column `keep` accepts, and its place among the rows (or, when none is
    accepted, how many rows there were). Only that row is converted: passing over hundreds costs little."""
    driver, dialect = _on_sqlite(session)
    plan = None if driver is None else _plan(statement, dialect)
    if plan is None:
        found = list(session.connection().execute(statement, params))
        return next(((row, place) for place, row in enumerate(found) if keep(row[0])), (None, len(found)))
    raw_rows = _fetched(driver, plan, params)
    for place, raw in enumerate(raw_rows):
        if keep(raw[0]):
            return _converted(plan, raw), place
    return None, len(raw_rows)


def _converted(plan: _Plan, raw: tuple[Any, ...]) -> Any:
    row = list(raw)
    for index, convert in plan.columns:
        row[index] = convert(row[index])
    return plan.row._make(row)  # type: ignore[union-attr]


def first(session: Session, statement: Executable, params: Mapping[str, Any] | None = None) -> Any | None:
    """The first row of `rows`, or None. For statements that return one row (LIMIT 1, by key, aggregates)."""
    found = rows(session, statement, params)
    return found[0] if found else None


def write(session: Session, statement: Executable, params: Mapping[str, Any]) -> int | None:
    """Run an INSERT, UPDATE or DELETE built once: the new row's id for an INSERT, else how many rows it changed.
    The session's commit keeps it."""
    driver, dialect = _on_sqlite(session)
    plan = None if driver is None else _plan(statement, dialect)
    if plan is None:
        result = session.connection().execute(statement, params)
        if result.is_insert:  # type: ignore[attr-defined]
            keys = result.inserted_primary_key  # type: ignore[attr-defined]
            return keys[0] if keys else None
        return result.rowcount  # type: ignore[attr-defined]
    cursor = _run(driver, *_values(plan, params))
    try:
        return cursor.lastrowid if plan.inserts else cursor.rowcount
    finally:
        cursor.close()
