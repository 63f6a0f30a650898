"""What the student asks a quiz to be (deck, topic, count, order, mode, time, marking), checked before it is built."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.quiz.scoring import Marking

ORDERS = {
    "random": "in random order",
    "weakest": "weakest first: lowest accuracy, then lowest chance of recall",
    "due": "due first: the most overdue cards, then new ones",
    "new": "new only: questions never studied, in the order of the notes",
}
MODES = ("practice", "exam")
SECONDS_PER_QUESTION = 72


class QuizError(ValueError):
    """A quiz that cannot be built as asked (no such topic, nothing to ask), said in words for the student."""


@dataclass(frozen=True, slots=True)
class QuizSpec:
    """What the student asked for in the setup dialog or on the command line."""

    deck_id: int | None = None
    topic: str | None = None
    count: int = 10
    order: str = "random"
    mode: str = "practice"
    seconds_per_question: int = SECONDS_PER_QUESTION
    """Exam only: the time allowed is this times the number of questions."""
    marking: Marking = field(default_factory=Marking)
    question_ids: tuple[str, ...] = ()
    """A retry: exactly these questions, in this order (the other filters are ignored)."""

    def check(self) -> None:
        if self.order not in ORDERS:
            raise QuizError(f"order must be one of {', '.join(ORDERS)}, not {self.order!r}")
        if self.mode not in MODES:
            raise QuizError(f"mode must be practice or exam, not {self.mode!r}")
        if not 1 <= self.count <= 500:
            raise QuizError(f"a quiz has 1 to 500 questions, not {self.count}")
        if not 5 <= self.seconds_per_question <= 3600:
            raise QuizError(f"the time per question must be 5 to 3600 seconds, not {self.seconds_per_question}")
        self.marking.check()
