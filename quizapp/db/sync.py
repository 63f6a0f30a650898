"""Sync a bank into its deck: add new ids, update changed ones in place, retire the missing; never delete."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, func, insert, select, update
from sqlmodel import Session

from quizapp.bank import Bank, BankQuestion, Problem, load_banks
from quizapp.db.models import Card, CardState, Deck, Question

_CHUNK = 500
"""Ids per IN (...) query, well under SQLite's limit on bound parameters."""


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


def plan_sync(session: Session, bank: Bank) -> SyncPlan:
    """Compare a bank with its deck in the database; reads only."""
    deck = session.execute(select(Deck.id, Deck.source, Deck.bank_digest).where(Deck.name == bank.deck)).first()
    deck_id = deck.id if deck is not None else None
    plan = SyncPlan(bank=bank, deck_id=deck_id)
    plan.deck_current = deck is not None and (deck.source, deck.bank_digest) == (bank.source, bank.digest)
    existing: dict[str, tuple[str, bool, int]] = {}
    if deck_id is not None:
        rows = session.execute(
            select(Question.id, Question.content_hash, Question.active, Question.position).where(
                Question.deck_id == deck_id
            )
        )
        existing = {qid: (digest, active, position) for qid, digest, active, position in rows}
    foreign = [q.id for q in bank.questions if q.id not in existing]
    owners: dict[str, str] = {}
    for chunk in _chunks(foreign):
        rows = session.execute(
            select(Question.id, Deck.name).join(Deck, Deck.id == Question.deck_id).where(Question.id.in_(chunk))
        )
        owners.update({qid: name for qid, name in rows})
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
        content_changed = digest != question.content_hash()
        if not active:
            plan.restore.append((position, question))
        elif content_changed or stored_position != position:
            plan.change.append((position, question, content_changed))
            plan.unchanged += not content_changed
        else:
            plan.unchanged += 1
    plan.retire = sorted(qid for qid, (_, active, _) in existing.items() if active)
    return plan


def _question_row(question: BankQuestion, position: int) -> dict[str, object]:
    return {
        "id": question.id,
        "position": position,
        "content_hash": question.content_hash(),
        **question.content(),
    }


def apply_sync(session: Session, plan: SyncPlan, *, now: datetime) -> SyncReport:
    """Write a plan into the session's transaction (the caller commits)."""
    bank = plan.bank
    deck_id = plan.deck_id
    bank_file = str(Path(bank.file).resolve()) if bank.file else None
    deck_values = {
        "source": bank.source,
        "bank_file": bank_file,
        "bank_digest": bank.digest,
        "updated_at": now,
    }
    if deck_id is None:
        deck_id = session.execute(
            insert(Deck).values(name=bank.deck, created_at=now, **deck_values).returning(Deck.id)
        ).scalar_one()
    elif not plan.deck_current or plan.report().changed:
        session.execute(update(Deck).where(Deck.id == deck_id).values(**deck_values))
    if plan.insert:
        session.execute(
            insert(Question),
            [
                {
                    **_question_row(q, pos),
                    "deck_id": deck_id,
                    "active": True,
                    "created_at": now,
                    "updated_at": now,
                }
                for pos, q in plan.insert
            ],
        )
        session.execute(
            insert(Card),
            [{"question_id": q.id, "state": CardState.NEW, "due": now} for _, q in plan.insert],
        )
    rewrites = [(pos, q) for pos, q, content in plan.change if content] + plan.restore
    if rewrites:
        session.execute(
            update(Question),
            [{**_question_row(q, pos), "active": True, "retired_at": None, "updated_at": now} for pos, q in rewrites],
        )
    moves = [{"id": q.id, "position": pos} for pos, q, content in plan.change if not content]
    if moves:
        session.execute(update(Question), moves)
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


def import_banks(engine: Engine, banks: Sequence[Bank], *, now: datetime, dry_run: bool = False) -> ImportResult:
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
    for bank in banks:
        with Session(engine) as session, session.begin():
            # Planned again inside the writing transaction, in case the database moved meanwhile.
            plan = plan_sync(session, bank)
            if plan.problems:
                result.problems.extend(plan.problems)
                break
            result.reports.append(apply_sync(session, plan, now=now))
    return result


def import_paths(engine: Engine, paths: Iterable[str | Path], *, now: datetime, dry_run: bool = False) -> ImportResult:
    """Validate every bank behind `paths`; if all are sound, sync them."""
    bank_set = load_banks(str(p) for p in paths)
    if not bank_set.ok:
        return ImportResult(problems=bank_set.problems, files=bank_set.files)
    return import_banks(engine, bank_set.banks, now=now, dry_run=dry_run)


def deck_count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(Deck)).scalar_one()
