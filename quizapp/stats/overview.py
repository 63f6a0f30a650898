"""The home screen's figures: per-deck counts and readiness, today's answers and the study streak, the last quizzes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from quizapp.db.models import CardState, Deck, Review
from quizapp.db.parallel import alongside
from quizapp.db.tallies import card_counts
from quizapp.quiz.results import PastRun, last_scores
from quizapp.srs.counts import queue_counts
from quizapp.srs.queue import DayWindow, QueueCounts
from quizapp.stats.activity import streak
from quizapp.stats.days import today_of
from quizapp.stats.readiness import Recall, exam_moment, recall_by_deck


@dataclass(frozen=True, slots=True)
class DeckOverview:
    """What the home screen shows of one deck."""

    deck_id: int
    name: str
    questions: int
    """Active questions (retired ones are not counted)."""
    new: int
    learning: int
    """Cards in their first learning steps."""
    relearning: int
    """Cards forgotten and in relearning steps."""
    review: int
    suspended: int
    retired: int
    due_today: int
    """Cards left to study today, daily limits applied."""
    readiness: float | None = None
    """Mean FSRS retrievability of the studied cards now; None before any card was studied (or when not read)."""
    exam_date: date | None = None
    exam_recall: Recall | None = None
    """Recall of the studied cards projected to the exam day if nothing more is studied (None without a coming
    exam, or where the database cannot compute recall)."""
    unstudied: int = 0
    """Active cards never studied, suspended ones included (readiness's share of the deck never studied)."""
    recall_cards: int = 0
    """The active cards studied at least once, which `readiness` is the mean over."""
    knowledge: float = 0.0
    """The sum of their chances of recall now (0 where the database cannot compute recall)."""

    @property
    def exam_readiness(self) -> float | None:
        """The mean chance of recall on the exam day."""
        return self.exam_recall.mean if self.exam_recall is not None else None

    @property
    def studied(self) -> int:
        return self.learning + self.relearning + self.review

    @property
    def in_learning(self) -> int:
        """Learning and relearning together, as the home screen shows them."""
        return self.learning + self.relearning

    def days_left(self, day: DayWindow) -> int | None:
        """Study days until the exam (0 on the day), None without an exam date or once it is past."""
        if self.exam_date is None or self.exam_date < today_of(day):
            return None
        return (self.exam_date - today_of(day)).days


def deck_overview(
    session: Session, day: DayWindow, *, recall: bool = True, due: dict[int, QueueCounts] | None = None
) -> list[DeckOverview]:
    """Every deck with its counts, by name; decks without questions included.

    The counts come from the tallies and the due cards' index (`due`, when already read: `queue_counts` of
    every deck); `recall=False` leaves out the chance of recall (readiness and the exam outlook), the one figure
    that reads every studied card.
    """
    decks = session.execute(select(Deck.id, Deck.name, Deck.exam_date).order_by(Deck.name)).all()
    counts: dict[int, dict[str, int]] = {deck_id: dict.fromkeys(_COUNTS, 0) for deck_id, *_ in decks}
    for deck_id, state, suspended, active, cards in card_counts(session):
        if deck_id in counts:
            for name in _kinds(state, suspended, active):
                counts[deck_id][name] += cards
    if due is None or not set(counts) <= set(due):
        due = queue_counts(session, day, list(counts))
    found = [
        DeckOverview(deck_id, name, **counts[deck_id], due_today=due[deck_id].total, exam_date=exam_date)
        for deck_id, name, exam_date in decks
    ]
    return with_recall(session, day, found) if recall else found


def with_recall(session: Session, day: DayWindow, decks: list[DeckOverview]) -> list[DeckOverview]:
    """The same decks with their chance of recall now and, for a coming exam, on the exam day."""
    exams = {
        deck.deck_id: exam_moment(deck.exam_date, day)
        for deck in decks
        if deck.exam_date is not None and deck.days_left(day) is not None
    }
    recalls = recall_by_deck(session, day.now, [deck.deck_id for deck in decks], exams)
    if recalls is None:
        return decks
    now_by_deck, at_exam = recalls
    found = []
    for deck in decks:
        now = now_by_deck.get(deck.deck_id, Recall(0, 0.0))
        deck = replace(deck, readiness=now.mean, recall_cards=now.studied, knowledge=now.knowledge)
        found.append(replace(deck, exam_recall=at_exam[deck.deck_id]) if deck.deck_id in at_exam else deck)
    return found


_COUNTS = ("questions", "new", "learning", "relearning", "review", "suspended", "retired", "unstudied")
_STATES = {CardState.NEW: "new", CardState.LEARNING: "learning", CardState.RELEARNING: "relearning"}


def _kinds(state: int, suspended: bool, active: bool) -> list[str]:
    """The DeckOverview counts a card in this state, suspension and activity adds to."""
    if not active:
        return ["retired"]
    kinds = ["questions", "suspended" if suspended else _STATES.get(CardState(state), "review")]
    if state == CardState.NEW:
        kinds.append("unstudied")
    return kinds


@dataclass(frozen=True, slots=True)
class Today:
    """Today's work and the streak of study days (a day counts with at least one answer)."""

    answers: int
    seconds: float
    streak: int


@dataclass(frozen=True, slots=True)
class HomeFigures:
    """What the home screen shows before its first frame (readiness follows, see `with_recall`)."""

    decks: list[DeckOverview]
    today: Today
    quizzes: dict[int, PastRun]
    """Each deck's latest quiz or exam."""


def home_figures(session: Session, day: DayWindow) -> HomeFigures:
    """The decks without their recall, today's work and the latest quizzes.

    The due cards are counted on a second connection beside the rest: SQLite counts them on the other core
    while this thread builds the rest (on a database file; elsewhere one after the other).
    """
    with alongside(session, lambda other: queue_counts(other, day)) as due:
        done = today(session, day)
        quizzes = last_scores(session)
        decks = deck_overview(session, day, recall=False, due=due.result())
    return HomeFigures(decks, done, quizzes)


def today(session: Session, day: DayWindow) -> Today:
    answers, millis = session.execute(
        select(func.count(), func.coalesce(func.sum(Review.duration_ms), 0)).where(
            Review.reviewed_at >= day.start, Review.reviewed_at < day.end
        )
    ).one()
    return Today(answers=answers, seconds=millis / 1000, streak=streak(session, day).current)
