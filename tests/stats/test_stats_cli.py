"""`quizapp stats` (tables and --json) and `quizapp deck --exam-date` on the known history."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import Session
from stats_history import IST, NOW, History  # type: ignore[import-not-found]

from quizapp import cli
from quizapp.cli import figures
from quizapp.db import Deck


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, db_path: Path, history: History):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(figures, "utc_now", lambda: NOW.astimezone(UTC))
    monkeypatch.setattr(figures, "local_zone", lambda: IST)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(cli.main, [*args, "--db", str(db_path)])

    return invoke


def test_stats_json_has_every_figure(run) -> None:  # type: ignore[no-untyped-def]
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"decks", "reviews", "retention", "streak", "forecast", "readiness", "topics", "quizzes"}
    alpha, beta = data["decks"]
    assert alpha == {
        "name": "Alpha", "questions": 6, "new": 1, "learning": 1, "relearning": 1, "review": 3, "suspended": 0,
        "retired": 0, "due_today": 4, "exam_date": "2026-12-24",
    }  # fmt: skip
    assert (beta["questions"], beta["suspended"], beta["retired"], beta["exam_date"]) == (3, 1, 1, None)
    reviews = data["reviews"]
    assert (reviews["total"], reviews["today"], len(reviews["by_day"])) == (13, 3, 30)
    assert reviews["by_day"][-1] == {
        "date": "2026-11-24", "count": 3, "correct": 2, "flashcard": 2, "quiz": 1, "exam": 0, "seconds": 30.0,
    }  # fmt: skip
    assert {d["date"]: d["count"] for d in reviews["by_day"] if d["count"]} == {
        "2026-11-10": 1, "2026-11-20": 2, "2026-11-22": 1, "2026-11-23": 1, "2026-11-24": 3,
    }  # fmt: skip
    assert data["retention"] == {"young": 0.5, "mature": 1.0, "all": 0.75}
    assert data["streak"] == {"current": 3, "longest": 4}
    assert [(d["date"], d["due"]) for d in data["forecast"] if d["due"]] == [
        ("2026-11-24", 3), ("2026-11-25", 1), ("2026-11-26", 1), ("2026-12-23", 1),
    ]  # fmt: skip
    assert len(data["forecast"]) == 30
    ready = data["readiness"]
    assert 0 < ready["at_exam_date"] < ready["mean_retrievability"] < 1
    assert ready["estimated_knowledge"] == pytest.approx(8 * ready["mean_retrievability"], abs=0.01)
    assert ready["unstudied_share"] == pytest.approx(1 / 9, abs=1e-4)
    assert [(t["topic"], t["accuracy"]) for t in data["topics"]] == [
        ("Trade", 0.25), ("Origins", 0.5), ("(no topic)", 0.5), ("Defence", 1.0),
    ]  # fmt: skip
    assert data["topics"][0] == {"deck": "Alpha", "topic": "Trade", "answered": 4, "correct": 1, "accuracy": 0.25}
    practice, exam = data["quizzes"]
    assert practice["deck"] == "Alpha" and practice["finished"] and practice["score"] == 3.34
    assert (practice["max_score"], practice["correct"], practice["wrong"], practice["unanswered"]) == (6.0, 2, 1, 0)
    assert exam["deck"] is None and exam["mode"] == "exam" and not exam["finished"] and exam["score"] is None
    assert practice["started_at"].startswith("2026-11-20T05:30")


def test_stats_of_one_deck_and_more_days(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("stats", "--deck", "Beta", "--json", "--days", "365").output)
    assert [d["name"] for d in data["decks"]] == ["Beta"]
    assert len(data["reviews"]["by_day"]) == 365
    assert {d["date"]: d["count"] for d in data["reviews"]["by_day"] if d["count"]} == {"2026-11-22": 1}
    too_long = run("stats", "--json", "--days", "400")
    assert too_long.exit_code == 2 and "400 is not in the range 1<=x<=365" in too_long.output
    assert data["streak"] == {"current": 0, "longest": 1} and data["quizzes"] == []
    assert data["readiness"]["at_exam_date"] is None


def test_stats_tables_for_people_and_errors(run) -> None:  # type: ignore[no-untyped-def]
    result = run("stats")
    assert result.exit_code == 0, result.output
    for words in ("Alpha", "Streak: 3 days (longest 4)", "30 d", "75% (3/4)", "Trade", "unfinished"):
        assert words in result.output
    bad = run("stats", "--deck", "Gamma")
    assert bad.exit_code == 2 and "no deck named 'Gamma'; decks: Alpha, Beta" in bad.output


def test_deck_exam_date_is_set_shown_and_cleared(run, history: History) -> None:  # type: ignore[no-untyped-def]
    result = run("deck", "Beta", "--exam-date", "2027-05-23")
    assert result.exit_code == 0, result.output
    assert "exam date:  2027-05-23 (in 180 days)" in result.output and "questions:  3" in result.output
    with Session(history.engine) as session:
        assert str(session.get(Deck, history.beta).exam_date) == "2027-05-23"  # type: ignore[union-attr]
    past = run("deck", "Beta", "--exam-date", "2026-01-01")
    assert past.exit_code == 2 and "already past" in past.output
    typo = run("deck", "Beta", "--exam-date", "23.05.2027")
    assert typo.exit_code == 2 and "YYYY-MM-DD" in typo.output
    unknown = run("deck", "Gamma", "--exam-date", "2027-05-23")
    assert unknown.exit_code == 2 and "Invalid value for NAME: no deck named 'Gamma'" in unknown.output
    cleared = run("deck", "Beta", "--exam-date", "none")
    assert cleared.exit_code == 0 and "exam date:  none" in cleared.output


def test_stats_tables_show_names_that_look_like_markup_as_written(run, history: History) -> None:  # type: ignore[no-untyped-def]
    with Session(history.engine) as session:
        alpha = session.get(Deck, history.alpha)
        assert alpha is not None
        alpha.name = "Alpha [/b]"
        session.add(alpha)
        session.execute(text("UPDATE question SET topic = 'Trade [/i]' WHERE topic = 'Trade'"))
        session.commit()
    result = run("stats")
    assert result.exit_code == 0, result.output
    assert "Alpha [/b]" in result.output  # the deck table, the weakest topics' deck, the quizzes
    assert "Trade [/i]" in result.output
