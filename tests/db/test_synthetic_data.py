"""The benchmarks' synthetic data: valid banks of every type, and a history that fits the tables."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlmodel import Session

from quizapp.bank import load_banks
from quizapp.db.models import Card, CardState, Question, QuizRun, Review

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import fill_history, make_banks  # noqa: E402


def test_make_banks_writes_valid_files_of_every_type_with_distinct_ids(tmp_path: Path) -> None:
    paths = make_banks(tmp_path, 250, per_file=100, seed=1)
    assert [p.name for p in paths] == ["deck-0001.yaml", "deck-0002.yaml", "deck-0003.yaml"]
    result = load_banks([str(tmp_path)])
    assert result.ok, [str(p) for p in result.problems[:5]]
    assert [len(b.questions) for b in result.banks] == [100, 100, 50]
    questions = [q for b in result.banks for q in b.questions]
    assert {q.type for q in questions} == {"mcq", "cloze", "short", "truefalse", "flashcard", "list"}
    assert len({q.id for q in questions}) == 250
    assert make_banks(tmp_path / "again", 250, per_file=100, seed=1)[0].read_bytes() == paths[0].read_bytes()


def test_fill_history_writes_cards_reviews_and_runs(engine: Engine, now: datetime) -> None:
    stats = fill_history(engine, 2500, 4000, now, seed=2)
    with Session(engine) as session:
        count = lambda model: session.execute(select(func.count()).select_from(model)).scalar_one()  # noqa: E731
        assert (count(Question), count(Card), count(Review), count(QuizRun)) == (2500, 2500, 4000, stats.quiz_runs)
        states = dict(session.execute(select(Card.state, func.count()).group_by(Card.state)).all())
        assert states == stats.by_state and set(states) == {int(s) for s in CardState}
        new_with_memory = session.execute(
            select(func.count()).select_from(Card).where(Card.state == 0, Card.stability.is_not(None))
        ).scalar_one()
        studied_without = session.execute(
            select(func.count()).select_from(Card).where(Card.state != 0, Card.stability.is_(None))
        ).scalar_one()
        assert (new_with_memory, studied_without) == (0, 0)
        first, last = session.execute(select(func.min(Review.reviewed_at), func.max(Review.reviewed_at))).one()
        in_runs = session.execute(
            select(func.count()).select_from(Review).where(Review.quiz_run_id.is_not(None))
        ).scalar_one()
    assert (now - first).days >= 3 * 365 - 2 and last <= now
    assert in_runs == 4000 // 10
    assert stats.suspended > 0
