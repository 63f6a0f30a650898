"""`quizapp stats`, `deck` and `paths`: the figures, a deck's exam date, where the data lives."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from quizapp.cli import _db_option, _deck_id, _open, _target, main
from quizapp.clock import utc_now
from quizapp.paths import bundled_bank_dir, bundled_banks, data_dir
from quizapp.srs.day import local_zone

if TYPE_CHECKING:
    from datetime import datetime

    from sqlmodel import Session

    from quizapp.srs.queue import DayWindow

# The database layer is imported by each command as it runs (see quizapp.cli): `quizapp` alone needs none of it
# before its first frame, and these commands are registered on it.


def _day(session: Session, now: datetime) -> DayWindow:
    """The study day at `now` in the local zone, rolling over at the hour the database has set."""
    from quizapp.srs.queue import window
    from quizapp.srs.settings import day_starts_at

    return window(now, zone=local_zone(), starts_at=day_starts_at(session))


@main.command()
@click.option("--deck", default=None, metavar="NAME", help="One deck only (default: every deck).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object for scripts instead of tables.")
@click.option(
    "--days", default=30, show_default=True, type=click.IntRange(1, 365), help="Days of answers listed in --json."
)
@_db_option
def stats(deck: str | None, as_json: bool, days: int, db: str | None) -> None:
    """Show progress: answers per day, streak, retention, due forecast, readiness, weak topics, quiz scores."""
    from sqlmodel import Session

    from quizapp.stats.report import as_json as stats_json
    from quizapp.stats.report import statistics
    from quizapp.stats.tables import TOPIC_ROWS

    engine = _open(_target(db))
    with Session(engine) as session:
        deck_id = _deck_id(session, deck) if deck else None
        day = _day(session, utc_now())
        figures = statistics(session, day, deck_id=deck_id, topics=None if as_json else TOPIC_ROWS)
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
    from sqlalchemy import func, select
    from sqlmodel import Session

    from quizapp.db import Deck, Question
    from quizapp.stats.readiness import ExamDateError, parse_exam_date, save_exam_date

    engine = _open(_target(db))
    now = utc_now()
    with Session(engine) as session:
        deck_id = _deck_id(session, name, param_hint="NAME")
        day = _day(session, now)
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
    from sqlalchemy.engine import make_url

    from quizapp.db.engine import resolve_url, sqlite_file

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
