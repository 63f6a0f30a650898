"""Scheduling settings per deck, with defaults, stored as Setting rows (deck 0 holds the ones for every deck)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import timedelta

from sqlmodel import Session

from quizapp.db.engine import read_setting, write_setting

SCHEDULERS = ("fsrs", "sm2")


@dataclass(frozen=True, slots=True)
class DeckSettings:
    """How a deck is scheduled. Steps are in minutes."""

    scheduler: str = "fsrs"
    desired_retention: float = 0.9
    learning_steps: tuple[int, ...] = (1, 10)
    relearning_steps: tuple[int, ...] = (10,)
    maximum_interval: int = 36500
    fuzz: bool = True
    new_per_day: int = 20
    reviews_per_day: int = 200
    leech_lapses: int = 8

    @property
    def learning_deltas(self) -> tuple[timedelta, ...]:
        return tuple(timedelta(minutes=m) for m in self.learning_steps)

    @property
    def relearning_deltas(self) -> tuple[timedelta, ...]:
        return tuple(timedelta(minutes=m) for m in self.relearning_steps)

    def check(self) -> None:
        """Refuse values no scheduler can work with, naming the setting."""
        if self.scheduler not in SCHEDULERS:
            raise ValueError(f"scheduler must be one of {', '.join(SCHEDULERS)}, not {self.scheduler!r}")
        if not 0.7 <= self.desired_retention <= 0.99:
            raise ValueError(f"desired_retention must be between 0.70 and 0.99, not {self.desired_retention}")
        if any(m <= 0 for m in (*self.learning_steps, *self.relearning_steps)):
            raise ValueError("learning and relearning steps must be positive minutes")
        if self.maximum_interval < 1 or self.new_per_day < 0 or self.reviews_per_day < 0:
            raise ValueError("maximum_interval must be at least 1 day and the daily limits at least 0")
        if self.leech_lapses < 1:
            raise ValueError("leech_lapses must be at least 1")


_KEY = "srs.{}"


def load_settings(session: Session, deck_id: int) -> DeckSettings:
    """The deck's settings: its own values over the global ones over the defaults."""
    values = {}
    for item in fields(DeckSettings):
        key = _KEY.format(item.name)
        value = read_setting(session, key, deck_id=deck_id)
        if value is None:
            value = read_setting(session, key, deck_id=0)
        if value is not None:
            values[item.name] = tuple(value) if isinstance(value, list) else value
    return DeckSettings(**values)


def save_settings(session: Session, settings: DeckSettings, *, deck_id: int) -> None:
    """Store every value for the deck (deck_id 0: for every deck); the caller commits."""
    settings.check()
    for name, value in asdict(settings).items():
        write_setting(session, _KEY.format(name), list(value) if isinstance(value, tuple) else value, deck_id=deck_id)


DAY_STARTS_AT = 4
"""The hour (local time) a new study day begins, as in Anki; one for every deck, since a day is the student's."""
_DAY_KEY = "srs.day_starts_at"


def day_starts_at(session: Session) -> int:
    value = read_setting(session, _DAY_KEY)
    return value if isinstance(value, int) and 0 <= value <= 23 else DAY_STARTS_AT


def save_day_starts_at(session: Session, hour: int) -> None:
    """Store the hour the study day begins at; the caller commits."""
    if not 0 <= hour <= 23:
        raise ValueError("the day starts at an hour from 0 to 23")
    write_setting(session, _DAY_KEY, hour)
