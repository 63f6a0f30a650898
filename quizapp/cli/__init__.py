"""The `quizapp` command: open the app, study, quiz; the other commands are in `banks` and `figures`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from quizapp import __version__
from quizapp.clock import utc_now
from quizapp.db.gate import DatabaseError, early_setting, file_path, preflight_sqlite
from quizapp.paths import DB_ENV, bundled_banks, data_dir, database_target, default_db_path
from quizapp.quiz.scoring import Marking, parse_marking
from quizapp.quiz.spec import ORDERS, SECONDS_PER_QUESTION, QuizError, QuizSpec

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from quizapp.bank import Problem

# The database layer (SQLAlchemy, SQLModel), the bank readers, the sync and the quiz runner are imported by the
# commands that use them. `quizapp` alone draws its home screen before it loads any of them (see _launch): every
# module imported before the first frame makes the student wait.

BANK_PROBLEM_EXIT = 2
"""Exit status when a bank has problems (as for a usage error: the input must be fixed)."""


@dataclass
class Options:
    """Options of the top-level command, shared with every subcommand."""

    db: str | None = None


def _db_option(func):  # type: ignore[no-untyped-def]
    """`--db` on a subcommand as well, so it can be given before or after the subcommand's name."""
    return click.option(
        "--db",
        "db",
        metavar="PATH_OR_URL",
        default=None,
        help=f"A database file or SQLAlchemy URL (default: ${DB_ENV}, else one in the user data dir).",
    )(func)


def _target(db: str | None) -> str:
    ctx = click.get_current_context()
    options = ctx.find_object(Options)
    return database_target(db or (options.db if options else None))


def _make_data_dir(target: str) -> None:
    """Create the default data dir if that is where the database lives."""
    if Path(target) == default_db_path():
        data_dir().mkdir(parents=True, exist_ok=True)


def _open_database(target: str) -> Engine:
    from quizapp.db.engine import open_database

    return open_database(target)


def _open(target: str) -> Engine:
    """Open the database, creating the default data dir if that is where it lives."""
    _make_data_dir(target)
    try:
        return _open_database(target)
    except DatabaseError as exc:
        raise click.ClickException(str(exc)) from exc


def _with_bundled_bank(engine: Engine) -> Engine:
    """The database, with the bundled bank imported if it has no deck yet (the first run).

    Raises DatabaseError, with every problem, if the bundled bank cannot be imported (nothing is, then).
    """
    from sqlalchemy import func, select
    from sqlmodel import Session

    from quizapp.db.models import Deck

    with Session(engine) as session:
        empty = session.execute(select(func.count()).select_from(Deck)).scalar_one() == 0
    bundled = bundled_banks() if empty else []
    if bundled:
        from quizapp.db.importer import import_paths

        result = import_paths(engine, bundled, now=utc_now())
        if result.problems:
            problems = "\n".join(str(problem) for problem in result.problems)
            raise DatabaseError(f"the bundled question bank has problems; nothing was imported:\n{problems}")
    return engine


def _print_problems(problems: list[Problem], *, err: bool) -> None:
    for problem in problems:
        click.echo(str(problem), err=err)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@_db_option
@click.version_option(__version__, prog_name="quizapp")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """Exam prep in the terminal: flashcards with spaced repetition, quizzes and timed exams.

    With no command, opens the app (importing the bundled question bank on first run).
    """
    ctx.obj = Options(db=db)
    if ctx.invoked_subcommand is None:
        _launch(_target(None))


def _deck_id(session: Session, name: str, *, param_hint: str = "--deck") -> int:
    """The id of the deck called `name`, or a usage error listing the decks there are."""
    from sqlalchemy import select

    from quizapp.db.models import Deck

    deck_id = session.execute(select(Deck.id).where(Deck.name == name)).scalar()
    if deck_id is None:
        names = list(session.execute(select(Deck.name).order_by(Deck.name)).scalars())
        raise click.BadParameter(
            f"no deck named {name!r}; decks: {', '.join(names) or 'none yet'}", param_hint=param_hint
        )
    return deck_id


def _launch(target: str, *, study: str | None | bool = False, quiz: dict[str, Any] | None = None) -> None:
    # Imported here, not at the top: only launching the app needs Textual.
    from quizapp.tui.app import make_app

    path = file_path(target)
    if path is not None and study is False and quiz is None:
        # The app alone, on a database file: a file that is not ours is refused here, with the standard library
        # only; the app then draws home and opens the database (SQLAlchemy and all) in a worker.
        _make_data_dir(target)
        try:
            preflight_sqlite(path)
        except DatabaseError as exc:
            raise click.ClickException(str(exc)) from exc
        app = make_app(None, opening=lambda: _with_bundled_bank(_open_database(target)))
        app.early_theme = early_setting(path, "theme")  # the first frame in the student's theme
        app.run()
        if app.opening_error is not None:
            raise click.ClickException(app.opening_error)
        return
    try:
        engine = _with_bundled_bank(_open(target))
    except DatabaseError as exc:
        raise click.ClickException(str(exc)) from exc
    now = utc_now()
    study_deck: int | None | bool = False
    if study is not False:
        study_deck = None
        if isinstance(study, str):
            from sqlmodel import Session

            with Session(engine) as session:
                study_deck = _deck_id(session, study)
    quiz_run = None
    if quiz is not None:
        quiz_run = _start_quiz(engine, quiz, now=now)
    make_app(engine, study_deck=study_deck, quiz_run=quiz_run).run()


def _start_quiz(engine: Engine, options: dict[str, Any], *, now: datetime) -> int:
    """Build and start the quiz the command line asked for; a clear usage error if it cannot be."""
    from sqlmodel import Session

    from quizapp.quiz.run import start_quiz

    with Session(engine) as session:
        deck_id = _deck_id(session, options["deck"]) if options["deck"] else None
        try:
            marking = parse_marking(options["marking"]) if options["marking"] else Marking()
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--marking") from None
        spec = QuizSpec(
            deck_id=deck_id,
            topic=options["topic"],
            count=options["count"],
            order=options["order"],
            mode="exam" if options["exam"] else "practice",
            seconds_per_question=options["seconds"],
            marking=marking,
        )
        try:
            return start_quiz(session, spec, now=now, seed=now.isoformat())
        except QuizError as error:
            raise click.UsageError(str(error)) from None


@main.command()
@click.option("--deck", default=None, metavar="NAME", help="Study this deck only (default: every deck).")
@_db_option
def study(deck: str | None, db: str | None) -> None:
    """Open straight into a flashcard session of today's queue."""
    _launch(_target(db), study=deck)


@main.command()
@click.option("--deck", default=None, metavar="NAME", help="Ask from this deck only (default: every deck).")
@click.option("--topic", default=None, metavar="TOPIC", help="Ask from this topic (section of the notes) only.")
@click.option("-n", "--count", default=10, show_default=True, type=click.IntRange(1, 500), help="Number of questions.")
@click.option(
    "--order", default="random", show_default=True, type=click.Choice(list(ORDERS)), help="Which questions first."
)
@click.option("--exam", is_flag=True, help="A timed exam, marked at the end (default: practice with feedback).")
@click.option(
    "--seconds",
    default=SECONDS_PER_QUESTION,
    show_default=True,
    type=click.IntRange(5, 3600),
    help="Exam time per question.",
)
@click.option(
    "--marking", default=None, metavar="R/W[/U]", help="Marks for right/wrong/unanswered [default: +2/-0.66/0]."
)
@_db_option
def quiz(
    deck: str | None,
    topic: str | None,
    count: int,
    order: str,
    exam: bool,
    seconds: int,
    marking: str | None,
    db: str | None,
) -> None:
    """Open straight into a practice quiz, or with --exam a timed exam with negative marking."""
    options = {"deck": deck, "topic": topic, "count": count, "order": order, "exam": exam}
    options |= {"seconds": seconds, "marking": marking}
    _launch(_target(db), quiz=options)


# The commands of the other modules join `main` as they are imported.
from quizapp.cli import banks, figures  # noqa: E402, F401
