"""The command line through click's runner: check, import, paths, --db and QUIZAPP_DB, first run, errors."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select
from textual.widgets import DataTable

from quizapp import __version__
from quizapp.cli import main
from quizapp.db import Deck, Question, open_database, write_setting
from quizapp.tui.app import QuizApp

PROBLEM_LINE = re.compile(r"^.+:\d+: [\w.\[\]()\s]+: .+$")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def deck_names(db: Path) -> list[str]:
    engine = open_database(str(db))
    try:
        with Session(engine) as session:
            return sorted(session.exec(select(Deck.name)).all())
    finally:
        engine.dispose()


def test_check_accepts_a_sound_bank_and_the_bundled_one(runner: CliRunner, small_bank: Path) -> None:
    result = runner.invoke(main, ["check", str(small_bank), "question_bank"])
    assert result.exit_code == 0, result.output
    assert f"ok  {small_bank}: Geography, 4 questions" in result.output
    assert "India–Japan Relations" in result.output


def test_check_reports_every_problem_as_file_line_field_message(
    runner: CliRunner, write_bank, isolated_home: Path
) -> None:
    bad = write_bank(
        """
        deck: Bad
        questions:
          - id: b-1
            type: mcq
            prompt: Pick one
            answer: C
            choices: [A, B]
          - id: b-2
            type: truefalse
            prompt: Is it?
            answer: maybe
        """
    )
    result = runner.invoke(main, ["check", str(bad), str(bad.parent / "missing.yaml")])
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines == [
        f"{bad.parent / 'missing.yaml'}:0: path: no such file or folder",
        f"{bad}:7: choices: the answer 'C' is not among the choices (question b-1)",
        f"{bad}:11: answer: a truefalse answer is True or False, not 'maybe' (question b-2)",
    ]
    assert all(PROBLEM_LINE.match(line) for line in lines)
    assert "3 problem(s)" in result.stderr
    assert not isolated_home.exists()  # check never creates a database


def test_import_twice_reports_no_change_the_second_time(runner: CliRunner, small_bank: Path, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    first = runner.invoke(main, ["--db", str(db), "import", str(small_bank)])
    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == ["Geography: 4 added, 0 updated, 0 retired, 0 unchanged"]
    second = runner.invoke(main, ["import", str(small_bank), "--db", str(db)])
    assert second.exit_code == 0
    assert second.output.splitlines() == [
        "Geography: 0 added, 0 updated, 0 retired, 4 unchanged",
        "Nothing changed: the database already matches these banks.",
    ]


def test_import_dry_run_creates_no_database(runner: CliRunner, small_bank: Path, tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = runner.invoke(main, ["import", "--dry-run", "--db", str(db), str(small_bank)])
    assert result.exit_code == 0, result.output
    assert "Geography: 4 added" in result.output
    assert "Dry run: nothing was written." in result.output
    assert not db.exists()


def test_a_bad_bank_is_not_imported_and_exits_2(
    runner: CliRunner, write_bank, small_bank: Path, tmp_path: Path
) -> None:
    db = tmp_path / "q.db"
    bad = write_bank("deck: Broken\nquestions: [\n", "broken.yaml")
    result = runner.invoke(main, ["import", "--db", str(db), str(small_bank), str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:3: yaml: syntax error" in result.stderr
    assert "Nothing imported" in result.stderr
    assert not db.exists()


def test_quizapp_db_variable_and_db_option(
    runner: CliRunner, small_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "env.db"
    from_option = tmp_path / "option.db"
    monkeypatch.setenv("QUIZAPP_DB", str(from_env))
    assert runner.invoke(main, ["import", str(small_bank)]).exit_code == 0
    assert deck_names(from_env) == ["Geography"]
    assert runner.invoke(main, ["--db", str(from_option), "import", str(small_bank)]).exit_code == 0
    assert deck_names(from_option) == ["Geography"]
    url = f"sqlite:///{tmp_path / 'url.db'}"
    assert runner.invoke(main, ["import", "--db", url, str(small_bank)]).exit_code == 0
    assert deck_names(tmp_path / "url.db") == ["Geography"]


def test_the_default_database_lives_in_the_data_dir(runner: CliRunner, small_bank: Path, isolated_home: Path) -> None:
    result = runner.invoke(main, ["import", str(small_bank)])
    assert result.exit_code == 0, result.output
    assert deck_names(isolated_home / "quizapp.db") == ["Geography"]


def test_paths_names_the_data_dir_database_and_bundled_banks(runner: CliRunner, isolated_home: Path) -> None:
    result = runner.invoke(main, ["paths"])
    assert result.exit_code == 0
    assert f"data dir:      {isolated_home}" in result.output
    assert f"database:      {isolated_home / 'quizapp.db'} (not created yet)" in result.output
    assert "india-japan-relations.yaml" in result.output
    hidden = runner.invoke(main, ["paths", "--db", "postgresql://me:secret@localhost/quiz"])
    assert "secret" not in hidden.output and "postgresql://me:***@localhost/quiz" in hidden.output


def test_a_broken_database_file_is_refused_with_one_clear_message(
    runner: CliRunner, small_bank: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    result = runner.invoke(main, ["import", "--db", str(notes), str(small_bank)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {notes} is not an SQLite database; it was left untouched"
    assert notes.read_text() == "not a database\n"


def test_a_wrong_option_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["import", "--dryrun", "x.yaml"])
    assert result.exit_code == 2
    assert "No such option '--dryrun'. Did you mean '--dry-run'?" in result.stderr


def _run_headless(launched: list[QuizApp], shown: list[list[str]]):  # type: ignore[no-untyped-def]
    """QuizApp.run for the command's app: headless under Pilot until the database is open and home is read;
    the decks home then shows go to `shown` (unless the app has exited)."""

    def run(self: QuizApp, *args: object, **kwargs: object) -> None:
        async def drive() -> None:
            launched.append(self)
            async with self.run_test() as pilot:
                for _ in range(2):  # the opening worker, then the readiness worker it starts
                    await pilot.pause()
                    if self.is_running:
                        await pilot.app.workers.wait_for_complete()
                if self.is_running:
                    table = self.screen.query_one("#decks", DataTable)
                    shown.append([str(table.get_row_at(row)[0]) for row in range(table.row_count)])

        asyncio.run(drive())

    return run


def test_first_run_imports_the_bundled_bank_then_opens_the_app(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[QuizApp] = []
    shown: list[list[str]] = []
    monkeypatch.setattr(QuizApp, "run", _run_headless(launched, shown))
    db = tmp_path / "first.db"
    result = runner.invoke(main, ["--db", str(db)])
    assert result.exit_code == 0, result.output
    assert shown == [["India–Japan Relations"]]
    assert deck_names(db) == ["India–Japan Relations"]
    engine = open_database(str(db))
    with Session(engine) as session:
        count = len(session.exec(select(Question)).all())
    engine.dispose()
    assert count >= 10

    # A later start finds a deck and imports nothing more.
    engine = open_database(str(db))
    with Session(engine) as session:
        deck = session.exec(select(Deck)).one()
        deck.name = "Renamed by the student"
        session.add(deck)
        session.commit()
    engine.dispose()
    result = runner.invoke(main, ["--db", str(db)])
    assert result.exit_code == 0 and len(launched) == 2
    assert shown[1] == ["Renamed by the student"]
    assert deck_names(db) == ["Renamed by the student"]


def test_a_bundled_bank_with_problems_stops_the_app_with_each_problem_and_imports_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_bank: Callable[..., Path]
) -> None:
    broken = write_bank("deck: Broken\nquestions:\n  - {id: b-1, type: mcq, prompt: Which?, answer: A}\n", "b.yaml")
    monkeypatch.setattr("quizapp.cli.bundled_banks", lambda: [broken])
    launched: list[QuizApp] = []
    shown: list[list[str]] = []
    monkeypatch.setattr(QuizApp, "run", _run_headless(launched, shown))
    db = tmp_path / "first.db"
    result = runner.invoke(main, ["--db", str(db)])
    assert result.exit_code == 1, (result.output, result.exception)
    assert launched[0].return_code == 1 and shown == []
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "Error: the bundled question bank has problems; nothing was imported:"
    assert lines[1].startswith(f"{broken}:3: ") and "choices" in lines[1]
    assert deck_names(db) == []


def test_a_file_that_is_not_a_database_is_refused_before_the_app_starts(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self, *a, **k: launched.append(self))
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    result = runner.invoke(main, ["--db", str(notes)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {notes} is not an SQLite database; it was left untouched"
    assert launched == [] and notes.read_text() == "not a database\n"


def test_the_app_is_given_the_saved_theme_read_before_it_starts(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "themed.db"
    engine = open_database(str(db))
    with Session(engine) as session:
        write_setting(session, "theme", "nord")
        session.commit()
    engine.dispose()
    launched: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self, *a, **k: launched.append(self))
    assert runner.invoke(main, ["--db", str(db)]).exit_code == 0
    assert launched[0].early_theme == "nord"


def test_opening_the_app_loads_no_database_library_before_its_first_frame() -> None:
    """`quizapp` draws home before SQLAlchemy, SQLModel and the tables are imported (they take longer than
    Textual's whole start); the app imports them in its opening worker."""
    code = (
        "import sys, quizapp.cli, quizapp.tui.app; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'quizapp.db.models') if m in sys.modules))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "[]"


def test_python_dash_m_runs_the_cli() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "quizapp", "--version"], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == f"quizapp, version {__version__}"


def test_study_opens_a_review_session_of_the_named_deck(
    runner: CliRunner, small_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self, *a, **k: launched.append(self))
    db = tmp_path / "study.db"
    assert runner.invoke(main, ["import", "--db", str(db), str(small_bank)]).exit_code == 0
    result = runner.invoke(main, ["study", "--deck", "Geography", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert launched[-1]._study_deck == 1
    assert runner.invoke(main, ["study", "--db", str(db)]).exit_code == 0
    assert launched[-1]._study_deck is None
    wrong = runner.invoke(main, ["study", "--deck", "Geografy", "--db", str(db)])
    assert wrong.exit_code == 2
    assert "no deck named 'Geografy'; decks: Geography" in wrong.stderr
