"""Marking a quiz: marks for a right, a wrong and an unanswered question (negative marking), and the score."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Marking:
    """+2 / −0.66 / 0 by default, as in India's civil-services preliminary paper; +1 / −0.25 is another common one."""

    correct: float = 2.0
    wrong: float = -0.66
    unanswered: float = 0.0

    def check(self) -> None:
        if self.correct <= 0:
            raise ValueError(f"a right answer must earn marks, not {self.correct:g}")
        if self.wrong > 0 or self.unanswered > 0:
            raise ValueError("a wrong or unanswered question cannot earn marks; give 0 or a negative number")

    def marks(self, credit: float | None) -> float:
        """Marks for one question: `credit` None = unanswered, 1 = right, 0 = wrong; a part-right list earns its
        share of the marks for a right answer and loses nothing."""
        if credit is None:
            return self.unanswered
        if credit >= 1:
            return self.correct
        if credit <= 0:
            return self.wrong
        return round(self.correct * credit, 2)

    def describe(self) -> str:
        return f"+{self.correct:g} / {self.wrong:g} / {self.unanswered:g}"


def parse_marking(text: str) -> Marking:
    """ "2,-0.66" or "+1/-0.25" or "1 -0.25 0": marks for right, wrong and (optionally) unanswered."""
    parts = [p for p in text.replace("/", " ").replace(",", " ").split() if p]
    if len(parts) not in (2, 3):
        raise ValueError(f"marking {text!r}: give marks for right and wrong, e.g. 2,-0.66 or +1/-0.25")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"marking {text!r}: the marks must be numbers, e.g. 2,-0.66") from None
    marking = Marking(*values)
    marking.check()
    return marking


@dataclass(frozen=True, slots=True)
class Score:
    score: float
    maximum: float
    correct: int
    wrong: int
    unanswered: int

    @property
    def percent(self) -> float:
        return 0.0 if self.maximum <= 0 else 100.0 * self.score / self.maximum


def total(marking: Marking, credits: Iterable[float | None]) -> Score:
    """The score of a quiz from each question's credit (None for unanswered); a part-right list counts as wrong."""
    score = maximum = 0.0
    correct = wrong = unanswered = 0
    for credit in credits:
        score += marking.marks(credit)
        maximum += marking.correct
        if credit is None:
            unanswered += 1
        elif credit >= 1:
            correct += 1
        else:
            wrong += 1
    return Score(round(score, 2), round(maximum, 2), correct, wrong, unanswered)
