"""What a study session remembers of its day between answers, so that each card costs only what changed.

A `Queue` on its own reads, for every card: the day's limits (each deck's settings and today's answers), the
questions siblings hold back today, and the counts of every deck in it. During a review session only the
session changes them, one card at a time, so `Today` reads them once and adds each answer it is told of: the
answered card moves from one count to another, and the siblings it holds back leave theirs. A deck is counted
again when that is not enough to know its counts (see `counts.available`), or when a card of it changed
otherwise (suspended, buried). Something it is not told of (an undone answer) calls `forget`, and everything
is read again; a new study day is read again by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from quizapp.db.models import CardState
from quizapp.srs.counts import LEARNING, Available, available, held_cards, shown
from quizapp.srs.queue import DayWindow, QueueCounts, deck_ids, done_today, held_back, limits_left, siblings_of
from quizapp.srs.review import Answered
from quizapp.srs.settings import DeckSettings, load_settings, settings_by_deck
from quizapp.srs.snapshot import CardSnapshot

_NOTHING = QueueCounts(0, 0, 0)


COUNTED_BEYOND = 16
"""Reviews and new cards a deck is counted beyond its limit: so many held-back siblings can leave its count
before it must be counted again."""


def _plus(total: QueueCounts, counts: QueueCounts, sign: int) -> QueueCounts:
    return QueueCounts(
        total.learning + sign * counts.learning, total.review + sign * counts.review, total.new + sign * counts.new
    )


def _kind(card: CardSnapshot, day: DayWindow) -> int | None:
    """The count a card of the queue makes today: 0 learning due, 1 review due, 2 new, None (due later, hidden)."""
    if card.suspended or (card.buried_until is not None and card.buried_until > day.now):
        return None
    if card.state == CardState.NEW:
        return 2
    if card.due >= day.end:
        return None
    return 0 if card.state in LEARNING else 1


@dataclass
class Today:
    """The study day of one deck (or all decks) as a review session has seen it so far."""

    _read_for: tuple[datetime, int | None] | None = None
    """The study day's start and the deck these were read for; None when nothing is read yet."""
    _decks: list[int] = field(default_factory=list)
    _settings: dict[int, DeckSettings] = field(default_factory=dict)
    _started: dict[int, set[str]] = field(default_factory=dict)
    _reviewed: dict[int, set[str]] = field(default_factory=dict)
    _held: dict[int, set[str]] = field(default_factory=dict)
    """The questions siblings hold back today, by deck (a sibling is of the same deck)."""
    _all_held: set[str] = field(default_factory=set)
    """Every deck's `_held` together (read by the queue, never changed by it)."""
    _held_counts: dict[int, list[int]] = field(default_factory=dict)
    """Per deck, how many of its held-back questions are learning cards due today, due reviews and new cards, as
    `counts.held_cards` counts them. Each question is counted once: held cards are not studied, so within a day
    what they count as stays (a suspended or buried card is the one shown, never a held one)."""
    _held_uncounted: dict[int, set[str]] = field(default_factory=dict)
    """Per deck, its held-back questions not in `_held_counts` yet."""
    _answered: list[tuple[int, str]] = field(default_factory=list)
    """Questions answered since the last read (and their deck), whose siblings are still to be added to `_held`."""
    scan_sizes: dict[object, int] = field(default_factory=dict)
    """How many candidates each pick statement read last time to find one not held back (see `Queue._pick`)."""
    _counts: dict[int, QueueCounts] = field(default_factory=dict)
    _available: dict[int, Available] = field(default_factory=dict)
    """What each deck in `_counts` was counted from, kept up to date as they are."""
    _stale: set[int] = field(default_factory=set)
    """The decks not in `_counts` (a thousand decks are not looked through for every card)."""
    _pending: dict[int, list[tuple[CardSnapshot, CardSnapshot]]] = field(default_factory=dict)
    """Answers in decks of `_counts` not added to them yet: each card before and after."""
    _sum: QueueCounts = field(default_factory=lambda: _NOTHING)
    """The sum of `_counts` (a thousand decks are not added up again for every card)."""
    _counted_with: int = 0
    """The extra new cards the counts were made with: asking for more new cards counts every deck again."""
    _left: tuple[int, tuple[dict[int, int], dict[int, int]]] | None = None
    """The limits left, worked out for this many extra new cards; kept up to date deck by deck."""

    def _read(self, session: Session, day: DayWindow, deck_id: int | None) -> None:
        if self._read_for == (day.start, deck_id):
            while self._answered:
                deck, question = self._answered.pop()
                held = self._held.setdefault(deck, set())
                added = set(siblings_of(session, question)) - held
                held |= added
                self._all_held |= added
                self._held_uncounted.setdefault(deck, set()).update(added)
            return
        self._answered.clear()
        self._decks = deck_ids(session, deck_id)
        self._settings = settings_by_deck(session, self._decks)
        self._started = done_today(session, day, self._decks, CardState.NEW)
        self._reviewed = done_today(session, day, self._decks, CardState.REVIEW)
        self._held, self._all_held = {}, set()
        for deck, question in session.execute(held_back(day, with_deck=True)):
            self._held.setdefault(deck, set()).add(question)
            self._all_held.add(question)
        self._held_counts = {}
        self._held_uncounted = {deck: set(questions) for deck, questions in self._held.items()}
        self._uncount_all()
        self._left = None
        self._read_for = (day.start, deck_id)

    def limits(
        self, session: Session, day: DayWindow, deck_id: int | None, extra_new: int
    ) -> tuple[dict[int, int], dict[int, int]]:
        """`daily_limits` of the deck (or every deck), from what was read and answered."""
        self._read(session, day, deck_id)
        if self._left is None or self._left[0] != extra_new:
            self._left = extra_new, limits_left(self._decks, self._settings, self._started, self._reviewed, extra_new)
        return self._left[1]

    def held(self, session: Session, day: DayWindow, deck_id: int | None) -> AbstractSet[str]:
        """The questions a sibling answered today holds back (kept up to date: read it, do not keep it)."""
        self._read(session, day, deck_id)
        return self._all_held

    def counts(
        self,
        session: Session,
        day: DayWindow,
        deck_id: int | None,
        limits: tuple[dict[int, int], dict[int, int]],
        extra_new: int,
    ) -> QueueCounts:
        """What is left in the deck (or every deck): `queue_counts` summed. The answers given since are added to
        their decks' counts; only the decks that cannot be known so are counted again."""
        self._read(session, day, deck_id)
        if extra_new != self._counted_with:
            self._uncount_all()
            self._counted_with = extra_new
        held = self._newly_held(session, day)
        for deck in {*self._pending, *held}:
            self._adjust(deck, self._pending.get(deck, ()), held.get(deck, (0, 0, 0)), limits, day)
        self._pending.clear()
        if self._stale:
            missing = sorted(self._stale)
            held_counts = {deck: self._held_counts.get(deck, [0, 0, 0]) for deck in missing}
            found = available(session, day, missing, limits=limits, held_counts=held_counts, beyond=COUNTED_BEYOND)
            for deck, counted in found.items():
                self._count(deck, counted, limits)
        return self._sum

    def _newly_held(self, session: Session, day: DayWindow) -> dict[int, list[int]]:
        """Per deck, the held-back questions not counted yet, as `held_cards` counts them (now counted)."""
        fresh = set().union(*self._held_uncounted.values())
        self._held_uncounted = {}
        found = held_cards(session, day, fresh) if fresh else {}
        for deck, counted in found.items():
            before = self._held_counts.get(deck, [0, 0, 0])
            self._held_counts[deck] = [a + b for a, b in zip(before, counted, strict=True)]
        return found

    def _adjust(
        self,
        deck: int,
        answers: Iterable[tuple[CardSnapshot, CardSnapshot]],
        held: Sequence[int],
        limits: tuple[dict[int, int], dict[int, int]],
        day: DayWindow,
    ) -> None:
        """Move each answered card from the count it was in to the one it is in now, and take the questions newly
        held back out of theirs; a deck whose counts this leaves unknown is counted again."""
        counted = self._available.get(deck)
        if counted is None:
            return  # counted afresh in any case
        numbers = [counted.learning - held[0], counted.review - held[1], counted.new - held[2]]
        for before, after in answers:
            for card, sign in ((before, -1), (after, 1)):
                kind = _kind(card, day)
                if kind is not None:
                    numbers[kind] += sign
        self._uncount(deck)
        adjusted = Available(*numbers, counted.review_exact, counted.new_exact)
        if adjusted.known(limits, deck):
            self._count(deck, adjusted, limits)

    def _count(self, deck: int, counted: Available, limits: tuple[dict[int, int], dict[int, int]]) -> None:
        self._available[deck] = counted
        self._counts[deck] = left = shown(counted, limits, deck)
        self._sum = _plus(self._sum, left, 1)
        self._stale.discard(deck)

    def _uncount(self, deck: int) -> None:
        self._available.pop(deck, None)
        self._pending.pop(deck, None)
        counted = self._counts.pop(deck, None)
        if counted is not None:
            self._sum = _plus(self._sum, counted, -1)
        self._stale.add(deck)

    def answered(self, answer: Answered, question_id: str) -> None:
        """Take in an answer just given: the limit it used, the siblings it holds back, its deck's counts.

        Nothing is read here (the answer is already saved); the siblings are read with the next card.
        """
        if self._read_for is None:
            return
        deck = answer.deck_id
        if answer.state_before == CardState.NEW:
            self._started.setdefault(deck, set()).add(question_id)
        elif answer.state_before == CardState.REVIEW:
            self._reviewed.setdefault(deck, set()).add(question_id)
        self._answered.append((deck, question_id))
        if self._left is not None and deck in self._left[1][0]:
            extra, (new_left, reviews_left) = self._left
            left = limits_left([deck], self._settings, self._started, self._reviewed, extra)
            new_left[deck], reviews_left[deck] = left[0][deck], left[1][deck]
        if deck in self._counts:
            self._pending.setdefault(deck, []).append((answer.before, answer.card))

    def deck_settings(self, session: Session, deck_id: int) -> DeckSettings:
        """A deck's settings: read once a session (they change only on the options screen, outside of it)."""
        found = self._settings.get(deck_id)
        if found is None:
            found = self._settings[deck_id] = load_settings(session, deck_id)
        return found

    def changed(self, deck_id: int) -> None:
        """A card of this deck changed otherwise (suspended, buried): count the deck again."""
        if deck_id in self._counts:
            self._uncount(deck_id)

    def _uncount_all(self) -> None:
        self._counts, self._available, self._pending, self._sum = {}, {}, {}, _NOTHING
        self._stale = set(self._decks)

    def forget(self) -> None:
        """Read everything again at the next card."""
        self._read_for = None
