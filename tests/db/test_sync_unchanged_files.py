"""Re-importing skips files whose bytes match their deck's last import, without changing any outcome."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

import quizapp.db.importer as importer
from quizapp.bank import load_banks
from quizapp.db import import_paths

OTHER = """
deck: Other
questions:
  - {id: o-1, type: short, prompt: First?, answer: one}
  - {id: o-2, type: short, prompt: Second?, answer: two}
"""


def db_bytes(db_path: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(db_path.parent.glob(db_path.name + "*"))
        if not p.name.endswith("-shm")
    }


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display names of the files the import parses."""
    seen: list[str] = []

    def recording(real: Callable[..., object]) -> Callable[..., object]:
        def record(files: list[tuple[Path, str]], *args: object, **kwargs: object) -> object:
            seen.extend(display for _, display in files)
            return real(files, *args, **kwargs)

        return record

    monkeypatch.setattr(importer, "load_files", recording(importer.load_files))
    monkeypatch.setattr(importer, "iter_files", recording(importer.iter_files))
    return seen


def test_unchanged_files_are_not_parsed_and_reported_in_file_order(
    engine: Engine, small_bank: Path, write_bank: Callable[..., Path], now: datetime, parsed: list[str]
) -> None:
    other = write_bank(OTHER, "other.yaml")
    import_paths(engine, [small_bank, other], now=now)
    parsed.clear()
    other.write_text(other.read_text().replace("Second?", "Second one?"))
    result = import_paths(engine, [small_bank, other], now=now + timedelta(days=1))
    assert parsed == [str(other)]
    assert [(r.deck, r.file, r.added, r.updated, r.unchanged) for r in result.reports] == [
        ("Geography", str(small_bank), 0, 0, 4),
        ("Other", str(other), 0, 1, 1),
    ]
    parsed.clear()
    again = import_paths(engine, [other, small_bank], now=now + timedelta(days=2))
    assert parsed == [] and not again.changed
    assert [r.deck for r in again.reports] == ["Other", "Geography"]


def test_a_retired_question_is_not_counted_as_unchanged(
    engine: Engine, small_bank: Path, now: datetime, parsed: list[str]
) -> None:
    text = small_bank.read_text()
    start, end = text.index("  - id: g-3"), text.index("  - id: g-4")
    small_bank.write_text(text[:start] + text[end:])
    import_paths(engine, [small_bank], now=now)
    small_bank.write_text(text)
    import_paths(engine, [small_bank], now=now)
    small_bank.write_text(text[:start] + text[end:])
    [first] = import_paths(engine, [small_bank], now=now).reports
    parsed.clear()
    [second] = import_paths(engine, [small_bank], now=now).reports
    assert parsed == []
    assert (first.retired, second.retired, second.unchanged) == (1, 0, 3)


def test_an_id_taken_from_an_unparsed_file_gives_the_full_checks_problem(
    engine: Engine, db_path: Path, small_bank: Path, write_bank: Callable[..., Path], now: datetime
) -> None:
    other = write_bank(OTHER, "other.yaml")
    import_paths(engine, [small_bank, other], now=now)
    other.write_text(other.read_text().replace("id: o-2", "id: g-2"))
    engine.dispose()
    before = db_bytes(db_path)
    result = import_paths(engine, [small_bank, other], now=now)
    expected = load_banks([str(small_bank), str(other)]).problems
    assert [str(p) for p in result.problems] == [str(p) for p in expected]
    assert "duplicate id g-2 (also at" in str(result.problems[0])
    assert result.reports == []
    engine.dispose()
    assert db_bytes(db_path) == before


def test_a_deck_name_taken_from_an_unparsed_file_gives_the_full_checks_problem(
    engine: Engine, db_path: Path, small_bank: Path, write_bank: Callable[..., Path], now: datetime
) -> None:
    other = write_bank(OTHER, "other.yaml")
    import_paths(engine, [small_bank, other], now=now)
    other.write_text(other.read_text().replace("deck: Other", "deck: geography"))
    engine.dispose()
    before = db_bytes(db_path)
    result = import_paths(engine, [small_bank, other], now=now)
    assert [(p.file, p.field) for p in result.problems] == [(str(other), "deck")]
    assert "also the deck of" in result.problems[0].message
    engine.dispose()
    assert db_bytes(db_path) == before


def test_a_copy_of_an_imported_file_is_caught_as_the_same_deck_twice(
    engine: Engine, small_bank: Path, now: datetime, parsed: list[str]
) -> None:
    import_paths(engine, [small_bank], now=now)
    copy = small_bank.with_name("copy.yaml")
    shutil.copy(small_bank, copy)
    result = import_paths(engine, [small_bank, copy], now=now)
    assert [(p.file, p.field) for p in result.problems] == [(str(copy), "deck")] + [(str(copy), "id")] * 4
    assert [str(p) for p in result.problems] == [str(p) for p in load_banks([str(small_bank), str(copy)]).problems]


def test_dry_run_with_unchanged_files_reports_and_writes_nothing(
    engine: Engine, db_path: Path, small_bank: Path, write_bank: Callable[..., Path], now: datetime
) -> None:
    other = write_bank(OTHER, "other.yaml")
    import_paths(engine, [small_bank, other], now=now)
    other.write_text(other.read_text().replace("First?", "The first?"))
    engine.dispose()
    before = db_bytes(db_path)
    result = import_paths(engine, [small_bank, other], now=now, dry_run=True)
    assert [(r.deck, r.updated, r.unchanged) for r in result.reports] == [("Geography", 0, 4), ("Other", 1, 1)]
    engine.dispose()
    assert db_bytes(db_path) == before
