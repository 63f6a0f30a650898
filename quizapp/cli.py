"""The `quizapp` command: open the app, check and import banks, show where data lives."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlmodel import Session

from quizapp import __version__
from quizapp.clock import utc_now
from quizapp.db import DatabaseError, Deck, Question, open_database
from quizapp.db.engine import resolve_url, sqlite_file
from quizapp.paths import DB_ENV, bundled_bank_dir, bundled_banks, data_dir, database_target, default_db_path
from quizapp.quiz.build import ORDERS, SECONDS_PER_QUESTION, QuizError, QuizSpec
from quizapp.quiz.scoring import Marking, parse_marking
from quizapp.srs.day import local_zone
from quizapp.srs.queue import window
from quizapp.srs.settings import day_starts_at

if TYPE_CHECKING:
    from quizapp.bank import Problem

# The bank readers, the sync and the quiz runner are imported by the commands that use them: opening the app
# needs none of them, and every module imported before its first frame makes the student wait.

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


def _open(target: str):  # type: ignore[no-untyped-def]
    """Open the database, creating the default data dir if that is where it lives."""
    if Path(target) == default_db_path():
        data_dir().mkdir(parents=True, exist_ok=True)
    try:
        return open_database(target)
    except DatabaseError as exc:
        raise click.ClickException(str(exc)) from exc


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
    deck_id = session.execute(select(Deck.id).where(Deck.name == name)).scalar()
    if deck_id is None:
        names = list(session.execute(select(Deck.name).order_by(Deck.name)).scalars())
        raise click.BadParameter(
            f"no deck named {name!r}; decks: {', '.join(names) or 'none yet'}", param_hint=param_hint
        )
    return deck_id


def _launch(target: str, *, study: str | None | bool = False, quiz: dict[str, Any] | None = None) -> None:
    engine = _open(target)
    now = utc_now()
    with Session(engine) as session:
        empty = session.execute(select(func.count()).select_from(Deck)).scalar_one() == 0
    if empty:
        banks = bundled_banks()
        if banks:
            from quizapp.db.importer import import_paths

            result = import_paths(engine, banks, now=now)
            if result.problems:
                _print_problems(result.problems, err=True)
                raise click.ClickException("the bundled question bank has problems; nothing was imported")
    study_deck: int | None | bool = False
    if study is not False:
        study_deck = None
        if isinstance(study, str):
            with Session(engine) as session:
                study_deck = _deck_id(session, study)
    quiz_run = None
    if quiz is not None:
        quiz_run = _start_quiz(engine, quiz, now=now)
    # Imported here, not at the top: only launching the app needs Textual.
    from quizapp.tui.app import make_app

    make_app(engine, study_deck=study_deck, quiz_run=quiz_run).run()


def _start_quiz(engine: Engine, options: dict[str, Any], *, now: datetime) -> int:
    """Build and start the quiz the command line asked for; a clear usage error if it cannot be."""
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


@main.command()
@click.option("--deck", default=None, metavar="NAME", help="One deck only (default: every deck).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object for scripts instead of tables.")
@click.option(
    "--days", default=30, show_default=True, type=click.IntRange(1, 365), help="Days of answers listed in --json."
)
@_db_option
def stats(deck: str | None, as_json: bool, days: int, db: str | None) -> None:
    """Show progress: answers per day, streak, retention, due forecast, readiness, weak topics, quiz scores."""
    from quizapp.stats.report import as_json as stats_json
    from quizapp.stats.report import statistics

    engine = _open(_target(db))
    with Session(engine) as session:
        deck_id = _deck_id(session, deck) if deck else None
        day = window(utc_now(), zone=local_zone(), starts_at=day_starts_at(session))
        figures = statistics(session, day, deck_id=deck_id)
    if as_json:
        click.echo(json.dumps(stats_json(figures, by_days=days), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from quizapp.stats.tables import render

    if not figures.decks:
        click.echo("No decks yet: import a bank with `quizapp import PATH`, or open `quizapp` to load the bundled one.")
        return
    Console().print(render(figures))


@main.command()
@click.argument("name")
@click.option(
    "--exam-date",
    default=None,
    metavar="YYYY-MM-DD",
    help='The day of the exam this deck prepares for ("none" clears).',
)
@_db_option
def deck(name: str, exam_date: str | None, db: str | None) -> None:
    """Show a deck, or set the date of its exam (home and statistics then count the days and project readiness)."""
    from quizapp.stats.readiness import ExamDateError, parse_exam_date, save_exam_date

    engine = _open(_target(db))
    now = utc_now()
    with Session(engine) as session:
        deck_id = _deck_id(session, name, param_hint="NAME")
        day = window(now, zone=local_zone(), starts_at=day_starts_at(session))
        if exam_date is not None:
            try:
                chosen = parse_exam_date(exam_date, day.start.date())
            except ExamDateError as exc:
                raise click.BadParameter(str(exc), param_hint="--exam-date") from exc
            save_exam_date(session, deck_id, chosen, now)
        found = session.get(Deck, deck_id)
        assert found is not None
        questions = session.execute(
            select(func.count()).where(Question.deck_id == deck_id, Question.active.is_(True))
        ).scalar_one()
        click.echo(f"deck:       {found.name}")
        click.echo(f"questions:  {questions}")
        click.echo(f"bank file:  {found.bank_file or '—'}")
        if found.exam_date is None:
            click.echo("exam date:  none (set one with --exam-date YYYY-MM-DD)")
        else:
            left = (found.exam_date - day.start.date()).days
            when = "today" if left == 0 else f"in {left} days" if left > 0 else f"{-left} days ago"
            click.echo(f"exam date:  {found.exam_date.isoformat()} ({when})")


@main.command()
@_db_option
def paths(db: str | None) -> None:
    """Show where quizapp keeps its data and finds its bundled banks."""
    target = _target(db)
    url = resolve_url(target)
    file = sqlite_file(url)
    click.echo(f"data dir:      {data_dir()}")
    if file is not None:
        state = "exists" if file.exists() else "not created yet"
        click.echo(f"database:      {file} ({state})")
    else:
        click.echo(f"database:      {make_url(url).render_as_string(hide_password=True)}")
    click.echo(f"bundled banks: {bundled_bank_dir()}")
    for bank in bundled_banks():
        click.echo(f"  {bank.name}")


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def check(paths: tuple[str, ...]) -> None:
    """Validate bank files (or folders of .yaml/.yml banks) without touching any database.

    Every problem is printed as FILE:LINE: field: message; the exit status is 2 if there is any.
    """
    from quizapp.bank import load_banks

    bank_set = load_banks(paths)
    _print_problems(bank_set.problems, err=False)
    if bank_set.problems:
        files = len(bank_set.files) or len(paths)
        click.echo(f"{len(bank_set.problems)} problem(s) in {files} file(s).", err=True)
        sys.exit(BANK_PROBLEM_EXIT)
    for bank in bank_set.banks:
        click.echo(f"ok  {bank.file}: {bank.deck}, {len(bank.questions)} questions")


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--dry-run", is_flag=True, help="Report what would change without writing anything.")
@_db_option
def import_command(paths: tuple[str, ...], dry_run: bool, db: str | None) -> None:
    """Sync bank files into the database.

    New questions are added, changed ones updated in place (keeping their history), and questions
    gone from a file are retired: hidden from study, their history kept. Nothing is deleted.
    Every file is checked first; if any has a problem, nothing is imported.
    """
    from quizapp.bank import load_banks
    from quizapp.db.importer import import_banks, import_paths

    target = _target(db)
    file = sqlite_file(resolve_url(target))
    if file is not None and not file.exists():
        # Checked before the database is even created, so a bad bank leaves no file behind.
        bank_set = load_banks(paths)
        if not bank_set.ok:
            _print_problems(bank_set.problems, err=True)
            click.echo(f"Nothing imported: {len(bank_set.problems)} problem(s).", err=True)
            sys.exit(BANK_PROBLEM_EXIT)
        if dry_run:
            target = ":memory:"  # an empty database to compare with, so a dry run creates no file
        engine = _open(target)
        try:
            result = import_banks(engine, bank_set.banks, now=utc_now(), dry_run=dry_run)
        finally:
            engine.dispose()
    else:
        # An existing database: files unchanged since their last import are recognised and not parsed again.
        engine = _open(target)
        try:
            result = import_paths(engine, paths, now=utc_now(), dry_run=dry_run)
        finally:
            engine.dispose()
    for report in result.reports:
        click.echo(report.summary())
    if result.problems:
        _print_problems(result.problems, err=True)
        done = "Nothing imported" if not result.reports else "The decks above were imported; the rest were not"
        click.echo(f"{done}: {len(result.problems)} problem(s).", err=True)
        sys.exit(BANK_PROBLEM_EXIT)
    if not result.changed:
        click.echo("Nothing changed: the database already matches these banks.")
    elif dry_run:
        click.echo("Dry run: nothing was written.")


@main.command()
@click.argument("documents", nargs=-1, required=True, metavar="DOC...")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write the banks into (one DOC-NAME.yaml per document).",
)
@click.option("--deck", default=None, help="Deck name (one document only; default: the document's title).")
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the bank instead of writing a file.")
def generate(documents: tuple[str, ...], out_dir: Path, deck: str | None, to_stdout: bool) -> None:
    """Make a question bank from study notes (.txt, .md or .pdf), offline.

    Every document is read and turned into questions before any file is written: if one cannot be
    read, nothing is written and the exit status is 2.
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import Progress

    from quizapp.documents.model import DocumentError
    from quizapp.generate.pipeline import bank_for_file

    if deck and len(documents) > 1:
        raise click.UsageError("--deck names one deck, so it takes exactly one document")
    if not to_stdout and out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(f"{out_dir} is not a folder")
    results = []
    errors: list[str] = []
    err = Console(stderr=True, soft_wrap=True)
    with Progress(console=err, transient=True, disable=len(documents) < 2) as progress:
        task = progress.add_task("Generating", total=len(documents))
        for name in documents:
            path = Path(name)
            try:
                results.append((path, *bank_for_file(path, out_dir, deck=deck)))
            except DocumentError as exc:
                errors.append(str(exc))
            progress.advance(task)
    if errors:
        for message in errors:
            click.echo(f"Error: {message}", err=True)
        click.echo("Nothing written.", err=True)
        sys.exit(BANK_PROBLEM_EXIT)
    if to_stdout:
        for _, _, _, text in results:
            click.echo(text, nl=False)
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    for path, bank, report, text in results:
        target = out_dir / f"{path.stem}.yaml"
        temporary = target.with_suffix(".yaml.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)  # a reader never sees half a bank
        by_type = ", ".join(f"{count} {kind}" for kind, count in sorted(report.questions.items()))
        facts = ", ".join(f"{count} {tag}" for tag, count in sorted(report.facts.items()))
        err.print(f"[bold]{escape(str(target))}[/]: {escape(bank.deck)}: {len(bank.questions)} questions ({by_type})")
        err.print(f"  facts found in {report.sentences} sentences: {facts}")
