"""Question and card rows written in bulk: straight to the driver's executemany on SQLite, Core elsewhere.

SQLAlchemy's own executemany prepares every parameter of every row in Python, which costs more
than SQLite's work (seconds per 100,000 questions). Here each column's bind processor is taken
from the table once, the values that are the same for every row are processed once, and rows go
to the driver as tuples, so the database holds exactly what SQLAlchemy would have written. New
cards go in as one INSERT ... SELECT, and the rows of a new deck's questions can come ready-made from
the workers that parsed its bank (`question_values`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Connection, Table, bindparam, insert, update
from sqlalchemy.exc import OperationalError

from quizapp.bank import Bank, BankQuestion
from quizapp.db.models import Card, CardState, Question

_quoted = json.encoder.encode_basestring_ascii
"""A string as json.dumps writes it by default (ASCII only): the C function its encoder calls."""

_QUESTION: Table = Question.__table__  # type: ignore[attr-defined]
_CARD: Table = Card.__table__  # type: ignore[attr-defined]
_CONTENT = ("type", "topic", "prompt", "answer", "choices", "accept", "items", "explanation")
_CONTENT += ("source_line", "source_text", "tags")
"""The columns `BankQuestion.content()` fills, in its order."""
_LISTS = ("choices", "accept", "items", "tags")
"""The content columns that hold JSON lists."""
_QUESTION_NAMES = ("id", "position", "content_hash", *_CONTENT)
"""The columns of a new question's row that differ from question to question, in `question_values`' order."""


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


def _same(value: Any) -> Any:
    return value


_JSON_PROBE = ['a "quoted" \\ back/slash', "é \u2028 😀 \x01 \x7f", ""]


def _json_list(values: list[str]) -> str:
    """A list of strings as json.dumps writes it by default: the same C function quotes each string."""
    if type(values) is not list:
        raise TypeError  # a string would be taken apart; anything else is the processor's to write
    return "[" + ", ".join(map(_quoted, values)) + "]"


def _json_matches(processor: Callable[[Any], Any]) -> bool:
    """Whether a JSON column's processor writes null and lists of strings as `_json_list` does."""
    probes = (_JSON_PROBE, [], [_JSON_PROBE[0]])
    return processor(None) == "null" and all(processor(probe) == _json_list(probe) for probe in probes)


def _list_json(processor: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """A JSON column's processor, made quick for what a bank holds: null or a list of strings.

    SQLAlchemy's processor (json.dumps inside a wrapper) costs microseconds per value; a list of strings
    is written here as json.dumps writes it. Checked against the processor on probes first: if their
    texts differ in anything, the processor itself is used.
    """
    if processor is None:
        return _same
    if not _json_matches(processor):
        return processor

    def quick(value: Any) -> Any:
        if value is None:
            return "null"
        try:
            return _json_list(value)
        except TypeError:
            return processor(value)  # not a list of strings

    return quick


def question_values(bank: Bank) -> list[tuple[Any, ...]] | None:
    """The rows of a new deck's questions, but for the deck and the times: id, position, content hash,
    then `_CONTENT` with the lists as JSON text (as SQLite's JSON columns store them, see `_json_matches`).

    Given to the loader as its `prepare`, so the parsing workers build the rows and the importing
    process only hands them to the driver. None if a list holds anything but strings.
    """
    hashes = bank.content_hashes or [q.content_hash() for q in bank.questions]

    def listed(values: list[str] | None) -> str:
        return "null" if values is None else _json_list(values)

    try:
        return [
            (q.id, position, hashes[position], q.type, q.topic, q.prompt, q.answer, listed(q.choices))
            + (_json_list(q.accept), listed(q.items), q.explanation, q.source_line, q.source_text, _json_list(q.tags))
            for position, q in enumerate(bank.questions)
        ]
    except TypeError:
        return None


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

    def insert_questions(
        self,
        questions: list[tuple[BankQuestion, int, str]],
        deck_id: int,
        prepared: list[tuple[Any, ...]] | None = None,
    ) -> None:
        """New questions: (question, position in its file, content hash).

        `prepared` may give their rows as `question_values` builds them, in the same order.
        """
        if questions and prepared is not None and len(prepared) == len(questions) and self.takes_prepared():
            self.insert_prepared(prepared, deck_id)
            return
        names = _QUESTION_NAMES
        fixed = self._new_question_values(deck_id)
        if self.direct and questions and self._insert_questions_directly(questions, names, fixed):
            return
        rows = [(q.id, position, digest, *_content(q)) for q, position, digest in questions]
        self._insert(_QUESTION, names, rows, fixed)

    def takes_prepared(self) -> bool:
        """Whether rows from `question_values` go to this database as they are: on SQLite, as long as the table
        stores its columns as they assume (no conversion but for the JSON lists, written as json.dumps would)."""
        if not self.direct:
            return False
        processors = self._processors(_QUESTION, _QUESTION_NAMES)
        return all(
            processor is None or (name in _LISTS and _json_matches(processor))
            for name, processor in zip(_QUESTION_NAMES, processors, strict=True)
        )

    def insert_prepared(self, prepared: list[tuple[Any, ...]], deck_id: int) -> None:
        """A new deck's questions from their `question_values` rows; only where `takes_prepared()`."""
        fixed = self._new_question_values(deck_id)
        constant = tuple(self._bound(_QUESTION, name, value) for name, value in fixed.items())
        columns = ", ".join([*_QUESTION_NAMES, *fixed])
        marks = ", ".join("?" * (len(_QUESTION_NAMES) + len(fixed)))
        self.connection.exec_driver_sql(
            f"INSERT INTO {_QUESTION.name} ({columns}) VALUES ({marks})", [row + constant for row in prepared]
        )

    def _new_question_values(self, deck_id: int) -> dict[str, Any]:
        return {"deck_id": deck_id, "active": True, "created_at": self.now, "updated_at": self.now}

    def _insert_questions_directly(
        self, questions: list[tuple[BankQuestion, int, str]], names: Sequence[str], fixed: dict[str, Any]
    ) -> bool:
        """`_insert` for questions, with each row built in one step: the cold import's hottest loop.

        Only the four JSON columns convert their values here; False if any other column would need to
        (a change of the table), and the caller takes the general way.
        """
        processors = self._processors(_QUESTION, names)
        json_at = {names.index(name) for name in ("choices", "accept", "items", "tags")}
        if any(p is not None for i, p in enumerate(processors) if i not in json_at):
            return False
        choices, accept, items, tags = (_list_json(processors[names.index(name)]) for name in _LISTS)
        constant = tuple(self._bound(_QUESTION, name, value) for name, value in fixed.items())
        columns = ", ".join([*names, *fixed])
        marks = ", ".join("?" * (len(names) + len(fixed)))
        # The order of `names`: id, position, content_hash, then `_CONTENT`.
        rows = [
            (
                q.id,
                position,
                digest,
                q.type,
                q.topic,
                q.prompt,
                q.answer,
                choices(q.choices),
                accept(q.accept),
                items(q.items),
                q.explanation,
                q.source_line,
                q.source_text,
                tags(q.tags),
                *constant,
            )
            for q, position, digest in questions
        ]
        self.connection.exec_driver_sql(f"INSERT INTO {_QUESTION.name} ({columns}) VALUES ({marks})", rows)
        return True

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
        if self.direct and question_ids and self._insert_listed(_CARD, "question_id", question_ids, fixed):
            return
        self._insert(_CARD, ("question_id",), [(qid,) for qid in question_ids], fixed)

    def _insert_listed(self, table: Table, name: str, values: list[str], fixed: dict[str, Any]) -> bool:
        """One row per value, all else `fixed`, by a single INSERT ... SELECT over the values as a JSON array.

        One statement instead of one per row: the triggers on cards (their counts per deck) then run
        inside a single statement, several times quicker than in 100,000. False where SQLite has no
        json_each (the caller writes the rows one by one).
        """
        if self._processors(table, [name])[0] is not None:
            return False  # the values would need converting first
        constant = tuple(self._bound(table, column, value) for column, value in fixed.items())
        columns = ", ".join([name, *fixed])
        marks = ", ".join("?" * len(fixed))
        try:
            self.connection.exec_driver_sql(
                f"INSERT INTO {table.name} ({columns}) SELECT value, {marks} FROM json_each(?) ORDER BY key",
                (*constant, json.dumps(values, ensure_ascii=False)),
            )
        except OperationalError as exc:
            if "json_each" not in str(exc.orig):
                raise
            return False
        return True

    def rewrite_questions(self, questions: list[tuple[BankQuestion, int, str]]) -> None:
        """Questions whose content changed, or that come back from retirement: all their content, active again."""
        names = ("position", "content_hash", *_CONTENT)
        rows = [(position, digest, *_content(q), q.id) for q, position, digest in questions]
        fixed = {"active": True, "retired_at": None, "updated_at": self.now}
        self._update(_QUESTION, "id", names, rows, fixed)

    def move_questions(self, moves: list[tuple[str, int]]) -> None:
        """Questions whose only change is their place in the file."""
        self._update(_QUESTION, "id", ("position",), [(pos, qid) for qid, pos in moves], {})
