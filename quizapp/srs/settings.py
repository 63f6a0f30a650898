"""Scheduling settings per deck, with defaults, stored as Setting rows (deck 0 holds the ones for every deck)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import Session

from quizapp.db.engine import read_setting, write_setting
from quizapp.db.models import Setting
from quizapp.srs.day import DAY_STARTS_AT

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
    return settings_by_deck(session, [deck_id])[deck_id]


def settings_by_deck(session: Session, deck_ids: list[int]) -> dict[int, DeckSettings]:
    """Each deck's settings, its own values over the global ones (deck 0) over the defaults, in one query."""
    names = _names()
    rows = session.connection().execute(_settings_statement(), {"keys": list(names), "decks": [0, *deck_ids]})
    stored: dict[int, dict[str, Any]] = {}
    for deck_id, key, value in rows:
        decoded = json.loads(value)
        if decoded is not None:
            stored.setdefault(deck_id, {})[names[key]] = tuple(decoded) if isinstance(decoded, list) else decoded
    common = stored.get(0, {})
    return {deck_id: DeckSettings(**{**common, **stored.get(deck_id, {})}) for deck_id in deck_ids}


@cache
def _names() -> dict[str, str]:
    """Each setting's key in the setting table, and its field of DeckSettings."""
    return {_KEY.format(item.name): item.name for item in fields(DeckSettings)}


@cache
def _settings_statement():  # type: ignore[no-untyped-def]
    """Built once: every answer reads its deck's settings."""
    return select(Setting.deck_id, Setting.key, Setting.value).where(
        Setting.key.in_(bindparam("keys", expanding=True)), Setting.deck_id.in_(bindparam("decks", expanding=True))
    )


def save_settings(session: Session, settings: DeckSettings, *, deck_id: int) -> None:
    """Store every value for the deck (deck_id 0: for every deck); the caller commits."""
    settings.check()
    for name, value in asdict(settings).items():
        write_setting(session, _KEY.format(name), list(value) if isinstance(value, tuple) else value, deck_id=deck_id)


_DAY_KEY = "srs.day_starts_at"


def day_starts_at(session: Session) -> int:
    value = read_setting(session, _DAY_KEY)
    return value if isinstance(value, int) and 0 <= value <= 23 else DAY_STARTS_AT


def parse_day_starts_at(text: str) -> int:
    """The hour typed in a form, checked like every other whole-number setting."""
    return _whole(text, field="day_starts_at", low=0, high=23)


def save_day_starts_at(session: Session, hour: int) -> None:
    """Store the hour the study day begins at; the caller commits."""
    if not 0 <= hour <= 23:
        raise ValueError("the day starts at an hour from 0 to 23")
    write_setting(session, _DAY_KEY, hour)


class SettingsError(ValueError):
    """A setting typed in a form that cannot be used; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


_STEP = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_STEP_MINUTES = {"s": 1 / 60, "m": 1, "": 1, "h": 60, "d": 1440}


def parse_steps(text: str, *, field: str) -> tuple[int, ...]:
    """ "1m 10m 1h 1d" (a bare number is minutes) as whole minutes; an empty text means no steps."""
    steps = []
    for part in text.replace(",", " ").split():
        match = _STEP.match(part.strip().lower())
        if match is None:
            raise SettingsError(field, f"{part!r} is not a step; write steps like 1m 10m 1h 1d")
        minutes = float(match.group(1)) * _STEP_MINUTES[match.group(2)]
        if minutes < 1:
            raise SettingsError(field, f"{part!r} is shorter than a minute")
        steps.append(round(minutes))
    return tuple(steps)


def format_steps(steps: tuple[int, ...]) -> str:
    """Minutes written as the form shows them: 1m 10m 1h 1d."""
    parts = []
    for minutes in steps:
        if minutes % 1440 == 0:
            parts.append(f"{minutes // 1440}d")
        elif minutes % 60 == 0:
            parts.append(f"{minutes // 60}h")
        else:
            parts.append(f"{minutes}m")
    return " ".join(parts)


def _whole(text: str, *, field: str, low: int, high: int) -> int:
    if not text.strip():
        raise SettingsError(field, f"is empty; give a whole number from {low} to {high}")
    try:
        value = int(text.strip())
    except ValueError:
        raise SettingsError(field, f"{text.strip()!r} is not a whole number") from None
    if not low <= value <= high:
        raise SettingsError(field, f"must be from {low} to {high}, not {value}")
    return value


def settings_from_form(values: Mapping[str, str], *, scheduler: str, fuzz: bool) -> DeckSettings:
    """DeckSettings from the texts typed in a form (keys are the field names); the first bad one raises."""
    retention_text = values["desired_retention"].strip().removesuffix("%").strip()
    if not retention_text:
        raise SettingsError("desired_retention", "is empty; give a number from 0.70 to 0.99")
    try:
        retention = float(retention_text)
    except ValueError:
        raise SettingsError("desired_retention", f"{retention_text!r} is not a number") from None
    if retention > 1:  # "90" or "90%" means 0.90
        retention /= 100
    if not 0.7 <= retention <= 0.99:
        raise SettingsError("desired_retention", f"must be from 0.70 to 0.99 (70–99 %), not {retention_text}")
    settings = DeckSettings(
        scheduler=scheduler,
        desired_retention=round(retention, 4),
        learning_steps=parse_steps(values["learning_steps"], field="learning_steps"),
        relearning_steps=parse_steps(values["relearning_steps"], field="relearning_steps"),
        maximum_interval=_whole(values["maximum_interval"], field="maximum_interval", low=1, high=36500),
        fuzz=fuzz,
        new_per_day=_whole(values["new_per_day"], field="new_per_day", low=0, high=9999),
        reviews_per_day=_whole(values["reviews_per_day"], field="reviews_per_day", low=0, high=99999),
        leech_lapses=_whole(values["leech_lapses"], field="leech_lapses", low=1, high=99),
    )
    settings.check()
    return settings


def settings_as_form(settings: DeckSettings) -> dict[str, str]:
    """The texts a form shows for `settings`; `settings_from_form` reads them back to the same settings."""
    return {
        "desired_retention": f"{settings.desired_retention:.4g}",
        "learning_steps": format_steps(settings.learning_steps),
        "relearning_steps": format_steps(settings.relearning_steps),
        "maximum_interval": str(settings.maximum_interval),
        "new_per_day": str(settings.new_per_day),
        "reviews_per_day": str(settings.reviews_per_day),
        "leech_lapses": str(settings.leech_lapses),
    }
