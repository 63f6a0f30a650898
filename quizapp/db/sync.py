"""Sync a bank into its deck: add new ids, update changed ones in place, retire the missing; never delete."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, func, insert, select, update
from sqlmodel import Session

from quizapp.bank import Bank, BankQuestion, Problem, load_banks
from quizapp.bank.load import check_across, expand_paths, iter_files, load_files
from quizapp.db.models import Deck, Question
from quizapp.db.rows import RowWriter, question_values

_CHUNK = 500
"""Ids per IN (...) query, well under SQLite's limit on bound parameters."""
# Compiled once and expanded at each execution: compiling 500 literal parameters per chunk cost more than the query.
_OWNERS = (
    select(Question.id, Deck.name)
    .join(Deck, Deck.id == Question.deck_id)
    .where(Question.id.in_(bindparam("ids", expanding=True)))
)
_IMPORT_CACHE_KIB = 65_536
"""SQLite's page cache while importing: the question and card indexes of 100,000 rows outgrow the default 2 MB."""


@dataclass
class SyncReport:
    """What a sync did (or, in a dry run, would do) to one deck."""

    deck: str
    file: str
    added: int = 0
    restored: int = 0
    """Of the added: questions that had been retired and came back, with their history."""
    updated: int = 0
    retired: int = 0
    unchanged: int = 0
    new_deck: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.retired or self.new_deck)

    def summary(self) -> str:
        restored = f" ({self.restored} restored)" if self.restored else ""
        return (
            f"{self.deck}: {self.added} added{restored}, {self.updated} updated, "
            f"{self.retired} retired, {self.unchanged} unchanged"
        )


@dataclass
class SyncPlan:
    """The changes one bank makes to its deck, worked out before anything is written."""

    bank: Bank
    deck_id: int | None
    insert: list[tuple[int, BankQuestion]] = field(default_factory=list)
    change: list[tuple[int, BankQuestion, bool]] = field(default_factory=list)
    """(position, question, content changed); a False flag means only its place in the file moved."""
    restore: list[tuple[int, BankQuestion]] = field(default_factory=list)
    retire: list[str] = field(default_factory=list)
    unchanged: int = 0
    deck_current: bool = False
    """The deck row already records this very file, so it needs no write of its own."""
    problems: list[Problem] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    """The content hash of each question of the bank, in file order."""

    def report(self) -> SyncReport:
        return SyncReport(
            deck=self.bank.deck,
            file=self.bank.file,
            added=len(self.insert) + len(self.restore),
            restored=len(self.restore),
            updated=sum(1 for _, _, content in self.change if content),
            retired=len(self.retire),
            unchanged=self.unchanged,
            new_deck=self.deck_id is None,
        )


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _hashes(bank: Bank) -> list[str]:
    if bank.content_hashes is not None and len(bank.content_hashes) == len(bank.questions):
        return bank.content_hashes
    return [question.content_hash() for question in bank.questions]


def plan_sync(session: Session, bank: Bank, hashes: list[str] | None = None, *, other_decks: bool = True) -> SyncPlan:
    """Compare a bank with its deck in the database; reads only. `hashes` are the questions' content hashes if known.

    `other_decks` False says no other deck can hold any of the bank's ids (the database had no question
    when the import began, and the ids of the banks imported with it are checked apart), so they are not looked up.
    """
    deck = session.execute(select(Deck.id, Deck.source, Deck.bank_digest).where(Deck.name == bank.deck)).first()
    deck_id = deck.id if deck is not None else None
    plan = SyncPlan(bank=bank, deck_id=deck_id, hashes=hashes or _hashes(bank))
    plan.deck_current = deck is not None and (deck.source, deck.bank_digest) == (bank.source, bank.digest)
    existing: dict[str, tuple[str, bool, int]] = {}
    if deck_id is not None:
        rows = session.execute(
            select(Question.id, Question.content_hash, Question.active, Question.position).where(
                Question.deck_id == deck_id
            )
        )
        existing = {qid: (digest, active, position) for qid, digest, active, position in rows}
    foreign = [q.id for q in bank.questions if q.id not in existing] if other_decks else []
    owners: dict[str, str] = {}
    for chunk in _chunks(foreign):
        rows = session.execute(_OWNERS, {"ids": list(chunk)})
        owners.update({qid: name for qid, name in rows})
    if not existing and not owners:
        plan.insert = list(enumerate(bank.questions))  # a new deck, all its own: the usual first import
        return plan
    for position, question in enumerate(bank.questions):
        if question.id in owners:
            plan.problems.append(
                Problem(
                    bank.file,
                    question.line,
                    "id",
                    f"id {question.id} already belongs to deck {owners[question.id]!r}",
                )
            )
            continue
        stored = existing.pop(question.id, None)
        if stored is None:
            plan.insert.append((position, question))
            continue
        digest, active, stored_position = stored
        content_changed = digest != plan.hashes[position]
        if not active:
            plan.restore.append((position, question))
        elif content_changed or stored_position != position:
            plan.change.append((position, question, content_changed))
            plan.unchanged += not content_changed
        else:
            plan.unchanged += 1
    plan.retire = sorted(qid for qid, (_, active, _) in existing.items() if active)
    return plan


def _deck_values(bank: Bank, now: datetime) -> dict[str, Any]:
    """What a deck row records of the bank it was last imported from."""
    return {
        "source": bank.source,
        "bank_file": str(Path(bank.file).resolve()) if bank.file else None,
        "bank_digest": bank.digest,
        "updated_at": now,
    }


def _add_deck(session: Session, bank: Bank, rows: list[tuple[Any, ...]], now: datetime) -> SyncReport:
    """A new deck from its question rows as `question_values` built them, each question with a new card:
    what `apply_sync` writes for a bank whose deck and questions are all new, without planning it."""
    deck_id = session.execute(
        insert(Deck).values(name=bank.deck, created_at=now, **_deck_values(bank, now)).returning(Deck.id)
    ).scalar_one()
    writer = RowWriter(session.connection(), now)
    writer.insert_prepared(rows, deck_id)
    writer.insert_cards([row[0] for row in rows], deck_id)
    return SyncReport(deck=bank.deck, file=bank.file, added=len(rows), new_deck=True)


def apply_sync(session: Session, plan: SyncPlan, *, now: datetime) -> SyncReport:
    """Write a plan into the session's transaction (the caller commits)."""
    bank = plan.bank
    deck_id = plan.deck_id
    deck_values = _deck_values(bank, now)
    if deck_id is None:
        deck_id = session.execute(
            insert(Deck).values(name=bank.deck, created_at=now, **deck_values).returning(Deck.id)
        ).scalar_one()
    elif not plan.deck_current or plan.report().changed:
        session.execute(update(Deck).where(Deck.id == deck_id).values(**deck_values))
    rows = RowWriter(session.connection(), now)
    hashes = plan.hashes
    if plan.insert:
        # The rows the parsing workers built serve when every question of the bank is new, in file order.
        prepared = bank.prepared if len(plan.insert) == len(bank.questions) and hashes is bank.content_hashes else None
        rows.insert_questions([(q, pos, hashes[pos]) for pos, q in plan.insert], deck_id, prepared)
        rows.insert_cards([q.id for _, q in plan.insert], deck_id)
    rewrites = [(q, pos, hashes[pos]) for pos, q, content in plan.change if content]
    rewrites += [(q, pos, hashes[pos]) for pos, q in plan.restore]
    rows.rewrite_questions(rewrites)
    rows.move_questions([(q.id, pos) for pos, q, content in plan.change if not content])
    for chunk in _chunks(plan.retire):
        session.execute(
            update(Question)
            .where(Question.id.in_(chunk))
            .values(active=False, retired_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return plan.report()


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
    for chunk in _chunks(ids):
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
    with Session(engine) as session, closing(stream):  # files not parsed yet are then not parsed at all
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
                    reports[index] = _add_deck(session, bank, rows, now)
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
