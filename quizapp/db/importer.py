"""Import bank files: check them, skip the unchanged, and sync each bank into its deck, all or nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlmodel import Session

from quizapp.bank import Bank, Problem, load_banks
from quizapp.bank.load import check_across, expand_paths, iter_files, load_files
from quizapp.db.models import Deck, Question
from quizapp.db.rows import RowWriter, question_values
from quizapp.db.sync import SyncReport, add_deck, apply_sync, chunks, plan_sync

_IMPORT_CACHE_KIB = 65_536
"""SQLite's page cache while importing: the question and card indexes of 100,000 rows outgrow the default 2 MB."""


@dataclass
class ImportResult:
    """The outcome of importing a set of paths: a report per deck, or the problems that stopped it."""

    reports: list[SyncReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(report.changed for report in self.reports)


@contextmanager
def _larger_cache(session: Session) -> Iterator[None]:
    """A larger page cache on SQLite while writing one bank, then the connection's own size again."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def _session_for(engine: Engine, new_decks_only: bool) -> Iterator[Session]:
    """The session of the import's one transaction. For new decks only (the first import into a database
    without decks), on SQLite, without its foreign-key checks: the import itself makes every reference
    those rows hold (a question to the deck just added, a card to its question), and checking 200,000 of
    them costs a quarter of a second. The connection has them again before it goes back to the pool."""
    if not new_decks_only or engine.dialect.name != "sqlite":
        with Session(engine) as session:
            yield session
        return
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        driver.execute("PRAGMA foreign_keys = OFF")  # SQLite takes it outside a transaction only: before BEGIN
        try:
            with Session(bind=connection) as session:
                yield session
        finally:
            connection.rollback()  # whatever the session left open, so that the pragma takes
            try:
                driver.execute("PRAGMA foreign_keys = ON")
            except sqlite3.Error:
                connection.invalidate()  # never back to the pool without its checks
                raise


def import_banks(
    engine: Engine,
    banks: Sequence[Bank],
    *,
    now: datetime,
    dry_run: bool = False,
) -> ImportResult:
    """Sync valid banks: plan all first (reads only), then write each bank in a transaction of its own.

    If any bank conflicts with the database, nothing at all is written.
    """
    result = ImportResult(files=[bank.file for bank in banks])
    with Session(engine) as session:
        plans = [plan_sync(session, bank) for bank in banks]
        session.rollback()
    for plan in plans:
        result.problems.extend(plan.problems)
    if result.problems:
        return result
    if dry_run:
        result.reports = [plan.report() for plan in plans]
        return result
    for first in plans:
        with Session(engine) as session, session.begin(), _larger_cache(session):
            # Planned again inside the writing transaction, in case the database moved meanwhile.
            plan = plan_sync(session, first.bank, first.hashes)
            if plan.problems:
                result.problems.extend(plan.problems)
                break
            result.reports.append(apply_sync(session, plan, now=now))
    return result


def _current_files(session: Session, files: list[tuple[Path, str]]) -> tuple[dict[int, SyncReport], dict[str, str]]:
    """The files (by index) whose bytes are exactly what their deck was last imported from, with reports
    saying so; and the names of those decks, casefolded, with their files.

    Such a file needs no parsing: it cannot change its deck. A file whose bytes another given file
    shares is never among them, so two copies of one bank are still caught as one deck twice.
    """
    decks = {
        (row.bank_file, row.bank_digest): row
        for row in session.execute(select(Deck.id, Deck.name, Deck.bank_file, Deck.bank_digest))
    }
    if not decks:
        return {}, {}  # a new database: no file to read twice
    digests: dict[int, str] = {}
    for index, (path, _) in enumerate(files):
        try:
            digests[index] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # the loader names the problem
    shared: set[str] = set()
    seen: set[str] = set()
    for digest in digests.values():
        (shared if digest in seen else seen).add(digest)
    matched: dict[int, Any] = {}
    for index, digest in digests.items():
        deck = decks.get((str(files[index][0].resolve()), digest))
        if deck is not None and digest not in shared:
            matched[index] = deck
    counts: dict[int, int] = {}
    ids = [deck.id for deck in matched.values()]
    for chunk in chunks(ids):
        rows = session.execute(
            select(Question.deck_id, func.count())
            .where(Question.deck_id.in_(chunk), Question.active)
            .group_by(Question.deck_id)
        )
        counts.update({deck_id: count for deck_id, count in rows})
    reports = {
        index: SyncReport(deck=deck.name, file=files[index][1], unchanged=counts.get(deck.id, 0))
        for index, deck in matched.items()
    }
    names = {deck.name.casefold(): files[index][1] for index, deck in matched.items()}
    return reports, names


def import_paths(engine: Engine, paths: Iterable[str | Path], *, now: datetime, dry_run: bool = False) -> ImportResult:
    """Validate every bank behind `paths`; if all are sound, sync them, all in one transaction.

    Files whose bytes match what their deck was last imported from are not parsed again, so a
    re-import costs little more than reading the files. The others are written as they are parsed
    (by worker processes, for large sets), each once it is checked against those before it; the
    transaction is committed only when every file has proved sound. Whenever anything is wrong,
    nothing is written, and the problems are exactly those of a full check, as `load_banks` and
    `import_banks` name them.
    """
    given = [str(p) for p in paths]
    files, path_problems = expand_paths(given)
    if path_problems:
        bank_set = load_banks(given)  # every file is still read, so all problems are named at once
        return ImportResult(problems=bank_set.problems, files=bank_set.files)
    with Session(engine) as session:
        current, current_decks = _current_files(session, files)
        session.rollback()
    todo = [(index, file) for index, file in enumerate(files) if index not in current]
    if not dry_run:
        reports = _import_stream(engine, todo, current_decks, now)
        if reports is not None:
            done = reports | current
            return ImportResult(reports=[done[index] for index in sorted(done)], files=[d for _, d in files])
    # A dry run, or something is wrong: every file is read again and checked whole, to name every problem.
    loaded = load_files([file for _, file in todo])
    return _import_loaded(engine, given, files, todo, loaded, current, current_decks, now=now, dry_run=dry_run)


def _import_stream(
    engine: Engine, todo: list[tuple[int, tuple[Path, str]]], taken_decks: dict[str, str], now: datetime
) -> dict[int, SyncReport] | None:
    """Parse the files and write each bank as it comes, in one transaction committed only if all are sound.

    Returns the report of each file by its index, or None (and nothing is written) at the first thing
    wrong: a file with problems, or a bank that `check_across` or `plan_sync` would find fault with
    (its deck or an id used by a bank before it, or an id of another deck in the database). No bank
    is kept once written, so the memory held is that of one file, not of all of them.
    """
    if not todo:
        return {}
    reports: dict[int, SyncReport] = {}
    decks = set(taken_decks)
    ids: set[str] = set()
    other_decks: bool | None = None
    prepare = question_values if engine.dialect.name == "sqlite" else None
    with Session(engine) as session:
        # Into a database without decks, every bank is a new deck: the workers' rows are all it needs,
        # so its questions need not cross from them as well.
        light = (
            prepare is not None
            and session.execute(select(Deck.id).limit(1)).first() is None
            and RowWriter(session.connection(), now).takes_prepared()
        )
        session.rollback()
    stream = iter_files([file for _, file in todo], prepare, light=light)
    # Leaving early (a bad file, an error) closes the session, which rolls the transaction back.
    with _session_for(engine, light) as session, closing(stream):  # files not parsed yet are then not parsed at all
        with _larger_cache(session):
            for (index, _), (bank, problems) in zip(todo, stream, strict=True):
                if bank is None or problems:
                    return None
                rows = bank.prepared if light else None
                folded = bank.deck.casefold()
                bank_ids = [row[0] for row in rows] if rows is not None else [q.id for q in bank.questions]
                if folded in decks or not ids.isdisjoint(bank_ids):
                    return None
                decks.add(folded)
                ids.update(bank_ids)
                if other_decks is None:
                    # The transaction reads nothing before this bank is ready, so no writer can slip in
                    # between its first read and its first write.
                    other_decks = session.execute(select(Question.id).limit(1)).first() is not None
                    if light and (other_decks or session.execute(select(Deck.id).limit(1)).first()):
                        return None  # decks came meanwhile: the full check decides
                if rows is not None:
                    reports[index] = add_deck(session, bank, rows, now)
                    continue
                plan = plan_sync(session, bank, other_decks=other_decks)
                if plan.problems:
                    return None
                reports[index] = apply_sync(session, plan, now=now)
        session.commit()
    return reports


def _import_loaded(
    engine: Engine,
    given: list[str],
    files: list[tuple[Path, str]],
    todo: list[tuple[int, tuple[Path, str]]],
    loaded: list[tuple[Bank | None, list[Problem]]],
    current: dict[int, SyncReport],
    current_decks: dict[str, str],
    *,
    now: datetime,
    dry_run: bool,
) -> ImportResult:
    """Check the loaded files together, plan them all, then write (or, in a dry run, report) them."""
    bank_set = check_across([(file[1], bank, found) for (_, file), (bank, found) in zip(todo, loaded, strict=True)])
    if current:
        clash = any(bank.deck.casefold() in current_decks for bank in bank_set.banks)
        if bank_set.ok and not clash:
            result = import_banks(engine, bank_set.banks, now=now, dry_run=dry_run)
            result.files = [display for _, display in files]
            if not result.problems:
                # Every file's report, in the order the files were given.
                done = dict(zip([index for index, _ in todo], result.reports, strict=True)) | current
                result.reports = [done[index] for index in sorted(done)]
                return result
            # A clash with a deck of an unparsed file: the full check names it with both files' lines.
            full = load_banks(given)
            return result if full.ok else ImportResult(problems=full.problems, files=full.files)
        bank_set = load_banks(given)
    if not bank_set.ok:
        return ImportResult(problems=bank_set.problems, files=bank_set.files)
    return import_banks(engine, bank_set.banks, now=now, dry_run=dry_run)
