"""Sync a bank into its deck: add new ids, update changed ones in place, retire the missing; never delete."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from quizapp.bank import Bank, BankQuestion, Problem
from quizapp.db.models import Deck, Question
from quizapp.db.rows import RowWriter

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


def chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    """`values` in slices small enough for one IN (...) each."""
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
    for chunk in chunks(foreign):
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


def add_deck(session: Session, bank: Bank, rows: list[tuple[Any, ...]], now: datetime) -> SyncReport:
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
    for chunk in chunks(plan.retire):
        session.execute(
            update(Question)
            .where(Question.id.in_(chunk))
            .values(active=False, retired_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return plan.report()
