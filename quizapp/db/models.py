"""The SQLModel tables: Deck, Question, Card, Review, QuizRun and Setting."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import IntEnum
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, TypeDecorator, func, literal_column, text
from sqlmodel import Field, SQLModel

from quizapp.db.gate import SCHEMA_VERSION as SCHEMA_VERSION  # the version of these tables, named here too

_STORED_LENGTH = len("2026-11-24 04:30:00.000000")
"""The text of a moment as SQLAlchemy's DateTime stores it on SQLite."""


class UTCDateTime(TypeDecorator[datetime]):
    """Datetimes stored as naive UTC and read back timezone-aware, as the schedulers require."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("quizapp stores timezone-aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None

    def bind_processor(self, dialect: Any) -> Any:
        """On SQLite, the text SQLAlchemy's DateTime writes ("2026-11-24 04:30:00.000000"), written by the
        standard library: SQLAlchemy's general converter takes 8 µs a value, and a study session binds dozens
        of moments a card."""
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def process(value: datetime | None) -> str | None:
            if value is None:
                return None
            if value.tzinfo is None:
                raise ValueError("quizapp stores timezone-aware datetimes only")
            return value.astimezone(UTC).isoformat(" ", "microseconds")[:_STORED_LENGTH]  # less "+00:00"

        return process


SOURCE_KEY_LENGTH = 32
"""How much of a question's source sentence its index holds (see `source_key`)."""


def source_key(column: Any) -> Any:
    """The start of a source sentence, as the index on them holds it. Written with the numbers in the SQL text
    (not as bound parameters), or SQLite would not see the index's own expression in a query."""
    return func.substr(column, literal_column("1"), literal_column(str(SOURCE_KEY_LENGTH)))


def _when(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def _json(*, nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


class CardState(IntEnum):
    """Where a card is in its life; 1–3 are the `fsrs` package's own State values."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class Deck(SQLModel, table=True):
    """A deck: the questions of one bank file."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    source: str | None = None
    """The study document the bank was made from, as the bank names it."""
    bank_file: str | None = None
    """The bank file this deck was last imported from."""
    bank_digest: str | None = None
    """SHA-256 of that file when it was imported, so an unchanged file can be recognised."""
    exam_date: date | None = None
    """The day of the exam the deck prepares for, if the student gave one (the scheduler is a Setting row)."""
    created_at: datetime = _when()
    updated_at: datetime = _when()


class Question(SQLModel, table=True):
    """One question of a bank, as last imported. Retired questions stay, with `active` false."""

    __table_args__ = (
        Index("ix_question_deck_position", "deck_id", "active", "position"),
        # The queue's sibling rule looks up the questions of a deck made from the same sentence: by its first
        # characters (`source_key`), which find it as well as the whole sentence did, at a fifth of the size.
        Index("ix_question_deck_source", "deck_id", source_key(literal_column("source_text"))),
    )

    id: str = Field(primary_key=True)
    deck_id: int = Field(foreign_key="deck.id")
    position: int
    """Its place in the bank file: new cards are learned in this order."""
    type: str
    topic: str | None = None
    prompt: str
    answer: str
    choices: list[str] | None = _json()
    accept: list[str] | None = _json()
    items: list[str] | None = _json()
    explanation: str | None = None
    source_line: int | None = None
    source_text: str | None = None
    tags: list[str] | None = _json()
    content_hash: str
    active: bool = True
    created_at: datetime = _when()
    updated_at: datetime = _when()
    retired_at: datetime | None = _when(nullable=True)


class Card(SQLModel, table=True):
    """The memory state of one question: what the scheduler knows about it."""

    __table_args__ = (
        # What is due today in each deck is counted in this index alone: the cards that can be shown, by deck,
        # state and due moment. The queries name `active = 1 AND suspended = 0` so SQLite picks it.
        Index(
            "ix_card_deck_due",
            "deck_id",
            "state",
            "due",
            "buried_until",
            "active",  # the indexed condition's own columns too, or SQLite reads the table to check them
            "suspended",
            sqlite_where=text("active = 1 AND suspended = 0"),
        ),
        # The queue of every deck takes its next learning or review card from here, in due order.
        Index(
            "ix_card_state_due",
            "state",
            "due",
            "buried_until",
            "active",
            "suspended",
            sqlite_where=text("active = 1 AND suspended = 0"),
        ),
        # The forecast counts the studied cards that can be shown by due moment, every deck together.
        Index(
            "ix_card_scheduled",
            "due",
            "state",
            "active",
            "suspended",
            sqlite_where=text("active = 1 AND suspended = 0 AND state != 0"),
        ),
        # The chance of recall (readiness) reads every studied card's stability and last review, by deck:
        # here in deck order, with no sort for the grouping and no read of the wider table rows.
        Index(
            "ix_card_recall",
            "deck_id",
            "state",
            "stability",
            "last_review",
            "active",
            sqlite_where=text("active = 1"),
        ),
    )

    question_id: str = Field(primary_key=True, foreign_key="question.id")
    deck_id: int | None = Field(default=None, foreign_key="deck.id")
    """Copied from the question, like `active`, so per-deck counts and the queue need no join. Triggers keep both
    equal to the question's (see db/tallies.py); a card inserted without them gets them from its question."""
    active: bool = Field(default=True, sa_column_kwargs={"server_default": text("1")})
    state: int = CardState.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    ease: float | None = None
    """SM-2's ease factor, for decks scheduled with SM-2."""
    interval_days: float | None = None
    due: datetime = _when(index=True)
    last_review: datetime | None = _when(nullable=True)
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: datetime | None = _when(nullable=True)
    leech: bool = False


class QuizRun(SQLModel, table=True):
    """One practice quiz or timed exam, with its settings and final score."""

    id: int | None = Field(default=None, primary_key=True)
    deck_id: int | None = Field(default=None, foreign_key="deck.id", index=True)
    """None when the quiz drew from every deck."""
    topic: str | None = None
    mode: str
    """practice | exam"""
    question_order: str = "random"
    question_count: int
    time_limit_s: int | None = None
    mark_correct: float = 1.0
    mark_wrong: float = 0.0
    mark_unanswered: float = 0.0
    settings: dict[str, Any] | None = _json()
    started_at: datetime = _when()
    finished_at: datetime | None = _when(nullable=True)
    score: float | None = None
    max_score: float | None = None
    correct: int = 0
    wrong: int = 0
    unanswered: int = 0


class Review(SQLModel, table=True):
    """Every answer ever given, a flashcard rating or a quiz answer, with the card state around it."""

    __table_args__ = (
        # Statistics read a period's answers through this index alone (answers per day, streaks, time spent).
        Index("ix_review_time", "reviewed_at", "deck_id", "mode", "correct", "duration_ms"),
        # The same for one deck.
        Index("ix_review_deck_time", "deck_id", "reviewed_at"),
        # A card's answers in order: undo finds the latest, retention an earlier one the same day.
        Index("ix_review_question_time", "question_id", "reviewed_at"),
        # True retention reads a period's answers given in review state through this index alone.
        Index(
            "ix_review_retention", "state_before", "reviewed_at", "interval_before", "rating", "deck_id", "previous_at"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    question_id: str = Field(foreign_key="question.id")
    deck_id: int = Field(foreign_key="deck.id")
    """Copied from the question so per-deck statistics need no join."""
    quiz_run_id: int | None = Field(default=None, foreign_key="quizrun.id", index=True)
    reviewed_at: datetime = _when()
    mode: str
    """flashcard | practice | exam"""
    scheduler: str | None = None
    rating: int | None = None
    """1 Again, 2 Hard, 3 Good, 4 Easy; a quiz answer counts as 3 if right and 1 if wrong."""
    correct: bool | None = None
    credit: float | None = None
    """The share of the answer that was right (partial credit for lists)."""
    response: str | None = None
    duration_ms: int | None = None
    state_before: int | None = None
    previous_at: datetime | None = _when(nullable=True)
    """When the card was answered before this (None for its first answer): set by a trigger as the row is written,
    so true retention can tell the first answer of a study day without looking for the others."""
    interval_before: float | None = None
    """Days between the previous review and this one's due date, to tell young cards from mature."""
    card_before: dict[str, Any] | None = _json()
    card_after: dict[str, Any] | None = _json()


class Setting(SQLModel, table=True):
    """A key/value setting, JSON-encoded; deck_id 0 holds the ones for every deck."""

    deck_id: int = Field(default=0, primary_key=True)
    key: str = Field(primary_key=True)
    value: str


class DeckTally(SQLModel, table=True):
    """How many cards each deck has per state, kept by triggers on every change (db/tallies.py)."""

    __tablename__ = "deck_tally"  # type: ignore[assignment]

    deck_id: int = Field(primary_key=True)
    state: int = Field(primary_key=True)
    suspended: bool = Field(primary_key=True)
    active: bool = Field(primary_key=True)
    cards: int = 0


class TopicTally(SQLModel, table=True):
    """Answers and right answers per deck and topic (the question's, "" for none), kept by triggers."""

    __tablename__ = "topic_tally"  # type: ignore[assignment]

    deck_id: int = Field(primary_key=True)
    topic: str = Field(primary_key=True)
    answers: int = 0
    correct: int = 0


class ReviewTally(SQLModel, table=True):
    """Answers of every deck per quarter hour (UTC) and mode, kept by triggers.

    Time zones are offset from UTC by whole quarter hours, so each quarter hour lies within one study day
    whatever the zone and the hour the day starts at: a period's answers per day are summed from here.
    """

    __tablename__ = "review_tally"  # type: ignore[assignment]
    # Rows kept in the order of their key, the quarter hour, with no row id beside it: a period's rows are read
    # straight from one b-tree, not looked up one by one from the key's index (activity: 47 -> 34 ms a year).
    __table_args__ = {"sqlite_with_rowid": False}

    slot: int = Field(primary_key=True)
    """Seconds since 1970 (UTC) divided by 900, rounded down."""
    mode: str = Field(primary_key=True)
    answers: int = 0
    correct: int = 0
    millis: int = 0
