"""Question and card rows written in bulk: straight to the driver's executemany on SQLite, Core elsewhere.

SQLAlchemy's own executemany prepares every parameter of every row in Python, which costs more
than SQLite's work (seconds per 100,000 questions). Here each column's bind processor is taken
from the table once, the values that are the same for every row are processed once, and rows go
to the driver as tuples, so the database holds exactly what SQLAlchemy would have written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Connection, Table, bindparam, insert, update

from quizapp.bank import BankQuestion
from quizapp.db.models import Card, CardState, Question

_QUESTION: Table = Question.__table__  # type: ignore[attr-defined]
_CARD: Table = Card.__table__  # type: ignore[attr-defined]
_CONTENT = ("type", "topic", "prompt", "answer", "choices", "accept", "items", "explanation")
_CONTENT += ("source_line", "source_text", "tags")
"""The columns `BankQuestion.content()` fills, in its order."""


def _content(question: BankQuestion) -> tuple[Any, ...]:
    return (
        question.type,
        question.topic,
        question.prompt,
        question.answer,
        question.choices,
        question.accept,
        question.items,
        question.explanation,
        question.source_line,
        question.source_text,
        question.tags,
    )


def _remembering(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A JSON column's processor that encodes each distinct list once: most are empty, null or a common tag."""
    known: dict[Any, Any] = {}

    def process(value: Any) -> Any:
        key = tuple(value) if type(value) is list else value
        try:
            return known[key]
        except KeyError:
            encoded = known[key] = processor(value)
            return encoded
        except TypeError:  # not hashable: a list of lists, say
            return processor(value)

    return process


class RowWriter:
    """Writes rows within the connection's transaction, all stamped with `now`."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.connection = connection
        self.now = now
        dialect = connection.dialect
        # The driver's own executemany takes "?" placeholders on SQLite; other drivers go through Core.
        self.direct = dialect.name == "sqlite" and dialect.paramstyle == "qmark"

    def _processors(self, table: Table, names: Sequence[str]) -> list[Callable[[Any], Any] | None]:
        dialect = self.connection.dialect
        return [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]

    def _bound(self, table: Table, name: str, value: Any) -> Any:
        processor = self._processors(table, [name])[0]
        return processor(value) if processor else value

    def _rows(self, table: Table, names: Sequence[str], rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        processors = self._processors(table, names)
        for index, name in enumerate(names):
            if isinstance(table.c[name].type, JSON) and processors[index] is not None:
                processors[index] = _remembering(processors[index])  # type: ignore[arg-type]
        indexed = [(i, p) for i, p in enumerate(processors) if p is not None]
        out = []
        for row in rows:
            values = list(row)
            for i, processor in indexed:
                values[i] = processor(values[i])
            out.append(tuple(values))
        return out

    def _insert(self, table: Table, names: Sequence[str], rows: list[tuple[Any, ...]], fixed: dict[str, Any]) -> None:
        if not rows:
            return
        if not self.direct:
            self.connection.execute(insert(table), [{**dict(zip(names, row, strict=True)), **fixed} for row in rows])
            return
        constant = tuple(self._bound(table, name, value) for name, value in fixed.items())
        columns = ", ".join([*names, *fixed])
        marks = ", ".join("?" * (len(names) + len(fixed)))
        self.connection.exec_driver_sql(
            f"INSERT INTO {table.name} ({columns}) VALUES ({marks})",
            [row + constant for row in self._rows(table, names, rows)],
        )

    def _update(
        self, table: Table, key: str, names: Sequence[str], rows: list[tuple[Any, ...]], fixed: dict[str, Any]
    ) -> None:
        """UPDATE rows by `key`; each row holds the `names` values then the key."""
        if not rows:
            return
        if not self.direct:
            values: dict[str, Any] = {name: bindparam(f"new_{name}") for name in names}
            statement = update(table).where(table.c[key] == bindparam("old_key")).values({**values, **fixed})
            params = [
                {**{f"new_{n}": v for n, v in zip(names, row[:-1], strict=True)}, "old_key": row[-1]} for row in rows
            ]
            self.connection.execute(statement, params)
            return
        constant = tuple(self._bound(table, name, value) for name, value in fixed.items())
        assignments = ", ".join(f"{name} = ?" for name in [*fixed, *names])
        processed = self._rows(table, [*names, key], rows)
        self.connection.exec_driver_sql(
            f"UPDATE {table.name} SET {assignments} WHERE {key} = ?",
            [constant + row for row in processed],
        )

    def insert_questions(self, questions: list[tuple[BankQuestion, int, str]], deck_id: int) -> None:
        """New questions: (question, position in its file, content hash)."""
        names = ("id", "position", "content_hash", *_CONTENT)
        rows = [(q.id, position, digest, *_content(q)) for q, position, digest in questions]
        fixed = {"deck_id": deck_id, "active": True, "created_at": self.now, "updated_at": self.now}
        self._insert(_QUESTION, names, rows, fixed)

    def insert_cards(self, question_ids: list[str], deck_id: int) -> None:
        """A fresh card, new and due now, for each question of the deck."""
        fixed = {
            "deck_id": deck_id,
            "active": True,
            "state": int(CardState.NEW),
            "due": self.now,
            "reps": 0,
            "lapses": 0,
            "suspended": False,
            "leech": False,
        }
        self._insert(_CARD, ("question_id",), [(qid,) for qid in question_ids], fixed)

    def rewrite_questions(self, questions: list[tuple[BankQuestion, int, str]]) -> None:
        """Questions whose content changed, or that come back from retirement: all their content, active again."""
        names = ("position", "content_hash", *_CONTENT)
        rows = [(position, digest, *_content(q), q.id) for q, position, digest in questions]
        fixed = {"active": True, "retired_at": None, "updated_at": self.now}
        self._update(_QUESTION, "id", names, rows, fixed)

    def move_questions(self, moves: list[tuple[str, int]]) -> None:
        """Questions whose only change is their place in the file."""
        self._update(_QUESTION, "id", ("position",), [(pos, qid) for qid, pos in moves], {})
