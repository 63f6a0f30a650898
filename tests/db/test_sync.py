"""Syncing banks: add, update in place, retire, restore, idempotence, dry run, no partial writes."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from quizapp.db import Card, CardState, Deck, Question, Review, import_paths


def table_dump(db_path: Path) -> list[str]:
    """Every row of the database as SQL text, to compare whole states."""
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def files_digest(db_path: Path) -> dict[str, str]:
    """The bytes of the database and its WAL, to prove nothing was written."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(db_path.parent.glob(db_path.name + "*"))
        if not p.name.endswith("-shm")  # the shared-memory index changes on any read
    }


def questions(engine: Engine) -> dict[str, Question]:
    with Session(engine) as session:
        return {q.id: q for q in session.exec(select(Question)).all()}


def test_first_import_adds_every_question_with_a_new_card(engine: Engine, small_bank: Path, now: datetime) -> None:
    result = import_paths(engine, [small_bank], now=now)
    assert not result.problems
    [report] = result.reports
    assert (report.deck, report.added, report.updated, report.retired, report.unchanged) == (
        "Geography",
        4,
        0,
        0,
        0,
    )
    with Session(engine) as session:
        deck = session.exec(select(Deck)).one()
        assert deck.source == "sources/geo.txt"
        cards = session.exec(select(Card)).all()
    assert {c.question_id for c in cards} == {"g-1", "g-2", "g-3", "g-4"}
    assert all(c.state == CardState.NEW and c.due == now and c.reps == 0 for c in cards)
    stored = questions(engine)
    assert [stored[i].position for i in ("g-1", "g-2", "g-3", "g-4")] == [0, 1, 2, 3]
    assert stored["g-1"].choices == ["Osaka", "Tokyo", "Kyoto", "Nagoya"]
    assert stored["g-1"].source_line == 1
    assert stored["g-2"].accept == ["Delhi"]
    assert stored["g-3"].answer == "True"
    assert stored["g-4"].items == ["Ganga", "Yamuna", "Godavari"]
    assert all(q.deck_id == deck.id and q.active for q in stored.values())


def test_importing_the_same_bank_twice_changes_nothing(
    engine: Engine, db_path: Path, small_bank: Path, now: datetime
) -> None:
    import_paths(engine, [small_bank], now=now)
    before = table_dump(db_path)
    result = import_paths(engine, [small_bank], now=now + timedelta(days=1))
    [report] = result.reports
    assert not result.changed
    assert (report.added, report.updated, report.retired, report.unchanged) == (0, 0, 0, 4)
    assert table_dump(db_path) == before


def _study(engine: Engine, question_id: str, now: datetime) -> None:
    """Give a question some history: a review and a card that has left the new state."""
    with Session(engine) as session:
        card = session.get(Card, question_id)
        question = session.get(Question, question_id)
        card.state, card.reps, card.stability = CardState.REVIEW, 3, 12.5
        session.add(card)
        session.add(
            Review(question_id=question_id, deck_id=question.deck_id, reviewed_at=now, mode="flashcard", rating=3)
        )
        session.commit()


def test_a_changed_question_is_updated_in_place_and_keeps_its_history(
    engine: Engine, write_bank, small_bank: Path, now: datetime
) -> None:
    import_paths(engine, [small_bank], now=now)
    _study(engine, "g-1", now)
    edited = small_bank.read_text().replace("What is the capital of Japan?", "Which city is Japan's capital?")
    small_bank.write_text(edited)
    later = now + timedelta(days=2)
    [report] = import_paths(engine, [small_bank], now=later).reports
    assert (report.added, report.updated, report.retired, report.unchanged) == (0, 1, 0, 3)
    stored = questions(engine)
    assert stored["g-1"].prompt == "Which city is Japan's capital?"
    assert stored["g-1"].updated_at == later
    assert stored["g-2"].updated_at == now
    with Session(engine) as session:
        card = session.get(Card, "g-1")
        assert (card.state, card.reps, card.stability) == (CardState.REVIEW, 3, 12.5)
        assert len(session.exec(select(Review).where(Review.question_id == "g-1")).all()) == 1


def test_a_question_gone_from_the_bank_is_retired_not_deleted_and_can_come_back(
    engine: Engine, small_bank: Path, now: datetime
) -> None:
    original = small_bank.read_text()
    import_paths(engine, [small_bank], now=now)
    _study(engine, "g-3", now)
    start, end = original.index("  - id: g-3"), original.index("  - id: g-4")
    small_bank.write_text(original[:start] + original[end:])

    [report] = import_paths(engine, [small_bank], now=now + timedelta(hours=1)).reports
    assert (report.added, report.updated, report.retired, report.unchanged) == (0, 0, 1, 3)
    retired = questions(engine)["g-3"]
    assert not retired.active and retired.retired_at == now + timedelta(hours=1)
    with Session(engine) as session:
        assert session.get(Card, "g-3").reps == 3
        assert len(session.exec(select(Review)).all()) == 1

    [again] = import_paths(engine, [small_bank], now=now + timedelta(hours=2)).reports
    assert (again.retired, again.unchanged) == (0, 3)

    small_bank.write_text(original)
    [back] = import_paths(engine, [small_bank], now=now + timedelta(hours=3)).reports
    assert (back.added, back.restored, back.retired) == (1, 1, 0)
    restored = questions(engine)["g-3"]
    assert restored.active and restored.retired_at is None
    with Session(engine) as session:
        assert session.get(Card, "g-3").reps == 3


def test_reordering_moves_questions_without_counting_them_as_updated(engine: Engine, write_bank, now: datetime) -> None:
    bank = """
        deck: Order
        questions:
          - {id: o-1, type: short, prompt: One?, answer: "1"}
          - {id: o-2, type: short, prompt: Two?, answer: "2"}
    """
    path = write_bank(bank, "order.yaml")
    import_paths(engine, [path], now=now)
    swapped = write_bank(
        bank.replace('o-1, type: short, prompt: One?, answer: "1"', "TMP")
        .replace('o-2, type: short, prompt: Two?, answer: "2"', 'o-1, type: short, prompt: One?, answer: "1"')
        .replace("TMP", 'o-2, type: short, prompt: Two?, answer: "2"'),
        "order.yaml",
    )
    [report] = import_paths(engine, [swapped], now=now).reports
    assert (report.updated, report.unchanged) == (0, 2)
    stored = questions(engine)
    assert (stored["o-2"].position, stored["o-1"].position) == (0, 1)


def test_dry_run_reports_the_changes_and_writes_nothing(
    engine: Engine, db_path: Path, small_bank: Path, now: datetime
) -> None:
    import_paths(engine, [small_bank], now=now)
    small_bank.write_text(small_bank.read_text().replace("Name the 3 rivers.", "Name the three rivers."))
    engine.dispose()
    before = files_digest(db_path)
    result = import_paths(engine, [small_bank], now=now, dry_run=True)
    [report] = result.reports
    assert (report.updated, report.unchanged) == (1, 3)
    engine.dispose()
    assert files_digest(db_path) == before
    assert questions(engine)["g-4"].prompt == "Name the 3 rivers."


def test_an_id_that_belongs_to_another_deck_stops_the_whole_import(
    engine: Engine, db_path: Path, write_bank, small_bank: Path, now: datetime
) -> None:
    import_paths(engine, [small_bank], now=now)
    history = write_bank(
        """
        deck: History
        questions:
          - {id: h-1, type: short, prompt: When?, answer: "1952"}
          - {id: g-2, type: short, prompt: Stolen id?, answer: "x"}
        """,
        "history.yaml",
    )
    fresh = write_bank("deck: Fresh\nquestions:\n  - {id: f-1, type: short, prompt: New?, answer: yes}\n", "fresh.yaml")
    engine.dispose()
    before = files_digest(db_path)
    result = import_paths(engine, [fresh, history], now=now)
    assert [str(p) for p in result.problems] == [f"{history}:4: id: id g-2 already belongs to deck 'Geography'"]
    assert result.reports == []
    engine.dispose()
    assert files_digest(db_path) == before


def test_an_invalid_bank_is_not_imported_and_the_database_is_byte_identical(
    engine: Engine, db_path: Path, write_bank, small_bank: Path, now: datetime
) -> None:
    import_paths(engine, [small_bank], now=now)
    broken = write_bank("deck: Broken\nquestions:\n  - {id: b-1, type: essay, prompt: Why?, answer: x}\n", "b.yaml")
    engine.dispose()
    before = files_digest(db_path)
    result = import_paths(engine, [small_bank, broken], now=now)
    assert [p.field for p in result.problems] == ["type"]
    assert result.reports == []
    engine.dispose()
    assert files_digest(db_path) == before


def test_each_bank_becomes_its_own_deck(engine: Engine, write_bank, small_bank: Path, now: datetime) -> None:
    other = write_bank("deck: Other\nquestions:\n  - {id: x-1, type: short, prompt: X?, answer: x}\n", "other.yaml")
    result = import_paths(engine, [small_bank.parent], now=now)
    assert sorted((r.deck, r.added) for r in result.reports) == [("Geography", 4), ("Other", 1)]
    with Session(engine) as session:
        decks = {d.name: d for d in session.exec(select(Deck)).all()}
    assert decks["Other"].bank_file == str(other)
    assert questions(engine)["x-1"].deck_id == decks["Other"].id
