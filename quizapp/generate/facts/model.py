"""The Fact a sentence yields, and the month names and patterns the extractors share."""

from __future__ import annotations

from dataclasses import dataclass, field

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ALIASES = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DASH = r"\s?[-–—]\s?"


@dataclass(frozen=True, slots=True)
class Fact:
    """A span of a sentence that can be the answer of a question."""

    kind: str
    """date | year | period | fiscal | money | percent | quantity | rank | fraction | acronym | quoted | name | list
    | definition"""
    text: str
    start: int
    end: int
    tag: str
    """The bank tag: date, money, rank, fraction, acronym, name, list, definition."""
    value: tuple[object, ...] = field(default=(), compare=False)
    """What distractors and prompts need: a date's parts, an amount's currency/number/scale, a list's items…"""


def month_number(name: str) -> int:
    return _MONTH_ALIASES[name[:4].lower() if name.lower().startswith("sept") else name[:3].lower()]
