"""A card's scheduling state as a value: read from a Card row, written back, kept in Review rows for undo."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row

from quizapp.db.models import Card


@dataclass(frozen=True, slots=True)
class CardSnapshot:
    """Everything a scheduler reads and writes about a card."""

    state: int
    due: datetime
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    ease: float | None = None
    interval_days: float | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: datetime | None = None
    leech: bool = False

    @classmethod
    def of(cls, card: Card | Row[Any]) -> CardSnapshot:
        """From a Card, or any row with its columns by name."""
        return cls(**{name: getattr(card, name) for name in FIELDS})

    def values(self) -> dict[str, Any]:
        """The fields by name. Not `asdict`, which deep-copies every value: these are all immutable."""
        return {name: getattr(self, name) for name in FIELDS}

    def apply(self, card: Card) -> None:
        """Write this state into a Card row (only what differs: each attribute set on a row costs)."""
        for name, value in self.values().items():
            if getattr(card, name) != value:
                setattr(card, name, value)

    def to_json(self) -> dict[str, Any]:
        data = self.values()
        for key in ("due", "last_review", "buried_until"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CardSnapshot:
        values = dict(data)
        for key in ("due", "last_review", "buried_until"):
            if values.get(key) is not None:
                values[key] = datetime.fromisoformat(values[key])
        return cls(**values)

    def but(self, **changes: Any) -> CardSnapshot:
        return replace(self, **changes)


FIELDS = tuple(item.name for item in fields(CardSnapshot))
"""The names of the fields, which are also the Card columns they come from."""
