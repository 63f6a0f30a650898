"""`quizapp check`, `import` and `generate`: bank files in, notes to banks."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from quizapp.cli import BANK_PROBLEM_EXIT, _db_option, _open, _print_problems, _target, main
from quizapp.clock import utc_now


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
    from quizapp.db.engine import resolve_url, sqlite_file
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
