"""The import into an empty database: streamed in one transaction, rows as the ORM writes them, indexes kept."""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from quizapp.bank import Bank, BankQuestion, dump_bank, load_banks
from quizapp.db import Card, CardState, Deck, Question, import_paths, open_database
from quizapp.db.rows import _JSON_PROBE, RowWriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import make_banks  # noqa: E402

ODD = """
deck: Odd "text"
source: sources/odd.txt
questions:
  - id: o-"1"
    type: mcq
    prompt: Which one is quoted, "this" or \\that?
    answer: '"this"'
    choices: ['"this"', \\that, é 😀 ok, 'a\\b/c']
    accept: [this]
    tags: [odd, "ünïcode", 'x "y"']
    source: {line: 7, text: 'Quotes: "this" and \\that.'}
  - id: o-2
    type: list
    prompt: Name both.
    answer: A and B
    items: [A, B]
    explanation: Both, in order.
  - id: o-é
    type: short
    prompt: Anything?
    answer: Yes
"""


def rows(db: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


def schema(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def test_a_cold_import_writes_the_rows_the_orm_would(
    engine: Engine, db_path: Path, write_bank, tmp_path: Path, now: datetime
) -> None:
    bank_path = write_bank(ODD, "odd.yaml")
    assert not import_paths(engine, [bank_path], now=now).problems
    engine.dispose()

    # The same questions and cards written the slow, plain way: ORM objects in a session.
    other_path = tmp_path / "orm.db"
    other = open_database(str(other_path))
    [bank] = load_banks([str(bank_path)]).banks
    with Session(other) as session:
        deck = Deck(name=bank.deck, source=bank.source, created_at=now, updated_at=now)
        deck.bank_file, deck.bank_digest = str(bank_path.resolve()), bank.digest
        session.add(deck)
        session.flush()
        for position, q in enumerate(bank.questions):
            session.add(
                Question(
                    id=q.id,
                    deck_id=deck.id,
                    position=position,
                    content_hash=q.content_hash(),
                    created_at=now,
                    updated_at=now,
                    **q.content(),
                )
            )
        session.flush()
        for q in bank.questions:
            session.add(Card(question_id=q.id, deck_id=deck.id, active=True, state=CardState.NEW, due=now))
        session.commit()
    other.dispose()

    for table in ("deck", "question", "card", "deck_tally"):
        assert rows(db_path, table) == rows(other_path, table), table


def test_the_quick_json_of_lists_is_what_sqlalchemy_writes(engine: Engine, tmp_path: Path, now: datetime) -> None:
    tags = [tag for tag in _JSON_PROBE if tag]
    question = BankQuestion(id="p-1", type="mcq", prompt="P?", answer=tags[0], choices=tags, tags=tags, accept=tags)
    path = tmp_path / "probe.yaml"
    path.write_text(dump_bank(Bank(deck="Probe", questions=[question])), encoding="utf-8")
    assert not import_paths(engine, [path], now=now).problems
    with Session(engine) as session:
        stored = session.get(Question, "p-1")
        assert stored is not None and stored.tags == stored.choices == stored.accept == tags
        raw = session.connection().exec_driver_sql("SELECT tags, choices, accept, items FROM question").one()
    assert tuple(raw) == (json.dumps(tags), json.dumps(tags), json.dumps(tags), "null")


def test_a_cold_import_leaves_the_schema_as_it_found_it(
    engine: Engine, db_path: Path, tmp_path: Path, now: datetime
) -> None:
    before = schema(db_path)
    make_banks(tmp_path / "banks", 60, per_file=20, seed=3)
    result = import_paths(engine, [tmp_path / "banks"], now=now)
    assert not result.problems and sum(r.added for r in result.reports) == 60
    assert schema(db_path) == before
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM card").fetchone() == (60,)
    finally:
        conn.close()


@pytest.mark.parametrize("parallel", [False, True])
@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda text: text.replace("type: cloze", "type: essay", 1), "type"),  # a bad question
        (lambda text: text.replace("id: s4-0003-00001", "id: s4-0001-00001", 1), "id"),  # an id of an earlier file
        (lambda text: text.replace("deck: Synthetic deck 0003", "deck: synthetic DECK 0001", 1), "deck"),
    ],
)
def test_a_bad_file_after_sound_ones_leaves_the_database_untouched(
    engine: Engine,
    db_path: Path,
    tmp_path: Path,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
    edit,
    field: str,
    parallel: bool,
) -> None:
    paths = make_banks(tmp_path / "banks", 80, per_file=20, seed=4)
    paths[2].write_text(edit(paths[2].read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr("quizapp.bank.load.PARALLEL_BYTES", 1 if parallel else 10**12)
    before = schema(db_path)
    result = import_paths(engine, [tmp_path / "banks"], now=now)
    expected = load_banks([str(tmp_path / "banks")]).problems
    assert result.problems == expected and [p.field for p in expected] == [field]
    assert result.reports == []
    assert schema(db_path) == before
    assert rows(db_path, "question") == rows(db_path, "card") == rows(db_path, "deck") == []
    # Without the bad file, the others import whole.
    paths[2].unlink()
    assert sum(r.added for r in import_paths(engine, [tmp_path / "banks"], now=now).reports) == 60


def test_a_stolen_id_in_a_later_file_is_named_as_before_and_nothing_is_written(
    engine: Engine, db_path: Path, small_bank: Path, write_bank, now: datetime
) -> None:
    import_paths(engine, [small_bank], now=now)
    fresh = write_bank("deck: Fresh\nquestions:\n  - {id: f-1, type: short, prompt: New?, answer: yes}\n", "a.yaml")
    thief = write_bank("deck: Thief\nquestions:\n  - {id: g-2, type: short, prompt: Mine?, answer: no}\n", "b.yaml")
    engine.dispose()
    before = rows(db_path, "question")
    result = import_paths(engine, [fresh, thief], now=now)
    assert [str(p) for p in result.problems] == [f"{thief}:3: id: id g-2 already belongs to deck 'Geography'"]
    assert rows(db_path, "question") == before


def _no_rows(bank: object) -> None:
    return None


def test_rows_built_by_the_parsing_workers_are_the_rows_built_here(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_banks(tmp_path / "banks", 90, per_file=30, seed=7)
    used: list[int] = []
    real = RowWriter.insert_prepared

    def spy(self: RowWriter, prepared: list[tuple[object, ...]], deck_id: int) -> None:
        used.append(len(prepared))
        real(self, prepared, deck_id)

    monkeypatch.setattr(RowWriter, "insert_prepared", spy)
    written = {}
    for way in ("workers", "here"):
        monkeypatch.setattr("quizapp.bank.load.PARALLEL_BYTES", 1 if way == "workers" else 10**12)
        if way == "here":
            monkeypatch.setattr("quizapp.db.importer.question_values", _no_rows)
        db = tmp_path / f"{way}.db"
        engine = open_database(str(db))
        try:
            assert sum(r.added for r in import_paths(engine, [tmp_path / "banks"], now=now).reports) == 90
        finally:
            engine.dispose()
        written[way] = [rows(db, table) for table in ("deck", "question", "card", "deck_tally")]
    assert written["workers"] == written["here"]
    assert used == [30, 30, 30]  # the workers' rows were written, for each of the three banks


@pytest.mark.parametrize("bad", [False, True])
def test_a_cold_import_checks_no_references_and_leaves_the_connection_checking_them(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch, bad: bool
) -> None:
    """The new decks' rows go in without SQLite's foreign-key checks; the (one, shared) connection has them after."""
    memory = open_database(":memory:")
    paths = make_banks(tmp_path / "banks", 40, per_file=20, seed=5)
    if bad:
        paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("type: cloze", "type: essay", 1))
    during: list[int] = []
    insert_prepared = RowWriter.insert_prepared

    def spying(self: RowWriter, prepared: list, deck_id: int) -> None:  # type: ignore[type-arg]
        during.append(self.connection.exec_driver_sql("PRAGMA foreign_keys").scalar())
        insert_prepared(self, prepared, deck_id)

    monkeypatch.setattr(RowWriter, "insert_prepared", spying)
    result = import_paths(memory, [tmp_path / "banks"], now=now)
    assert bool(result.problems) == bad and during and set(during) == {0}
    with memory.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(IntegrityError):
            connection.exec_driver_sql(
                "INSERT INTO card (question_id, deck_id, active, state, due, reps, lapses, suspended, leech)"
                " VALUES ('nowhere', 1, 1, 0, '2026-01-01 00:00:00', 0, 0, 0, 0)"
            )
    memory.dispose()
