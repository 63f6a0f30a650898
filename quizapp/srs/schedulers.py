"""The next state of a card after a rating: FSRS through the `fsrs` package, or Anki's SM-2."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from quizapp.db.models import CardState
from quizapp.srs.settings import DeckSettings
from quizapp.srs.snapshot import CardSnapshot

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4

# SM-2 as Anki runs it.
START_EASE = 2.5
MIN_EASE = 1.3
EASY_BONUS = 1.3
HARD_FACTOR = 1.2
GRADUATING_DAYS = 1
EASY_DAYS = 4


@lru_cache(maxsize=64)
def _fsrs(settings: DeckSettings, fuzz: bool) -> Scheduler:
    return Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_deltas,
        relearning_steps=settings.relearning_deltas,
        maximum_interval=settings.maximum_interval,
        enable_fuzzing=fuzz,
    )


def _ease_to_difficulty(ease: float | None) -> float:
    """FSRS difficulty (1 easy … 10 hard) for an SM-2 ease: 2.5 is the middle, the minimum ease 1.3 the hardest."""
    if ease is None:
        return 5.0
    return min(10.0, max(1.0, 5.0 + (START_EASE - ease) * 5.0 / (START_EASE - MIN_EASE)))


def _as_fsrs(card: CardSnapshot, now: datetime) -> FsrsCard:
    if card.state == CardState.NEW:
        return FsrsCard(card_id=0, state=State.Learning, step=0, due=now)
    stability, difficulty = card.stability, card.difficulty
    if card.state != CardState.LEARNING and (stability is None or difficulty is None):
        # A card studied before FSRS tracked it: its interval is about the time it is recalled at 90 %, which is
        # what FSRS means by stability; its ease says how hard it is.
        stability = max(0.1, card.interval_days or 1.0)
        difficulty = _ease_to_difficulty(card.ease)
    return FsrsCard(
        card_id=0,
        state=State(card.state),
        step=card.step,
        stability=stability,
        difficulty=difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def fsrs_next(card: CardSnapshot, rating: int, now: datetime, settings: DeckSettings, *, fuzz: bool) -> CardSnapshot:
    reviewed, _ = _fsrs(settings, fuzz).review_card(_as_fsrs(card, now), Rating(rating), now)
    lapsed = rating == AGAIN and card.state == CardState.REVIEW
    return card.but(
        state=int(reviewed.state),
        step=reviewed.step,
        stability=reviewed.stability,
        difficulty=reviewed.difficulty,
        due=reviewed.due,
        last_review=now,
        interval_days=(reviewed.due - now).total_seconds() / 86400,
        reps=card.reps + 1,
        lapses=card.lapses + lapsed,
    )


def retrievability(card: CardSnapshot, now: datetime, settings: DeckSettings) -> float | None:
    """FSRS's probability of recall now; None for a card never studied."""
    if card.state == CardState.NEW or card.stability is None or card.last_review is None:
        return None
    return _fsrs(settings, False).get_card_retrievability(_as_fsrs(card, now), max(now, card.last_review))


def _days(value: float) -> int:
    return max(1, int(value + 0.5))


def sm2_next(card: CardSnapshot, rating: int, now: datetime, settings: DeckSettings) -> CardSnapshot:
    """Anki's SM-2: learning steps, then intervals times ease; Again sends a review card to relearning."""
    ease = card.ease or START_EASE
    done = card.but(last_review=now, reps=card.reps + 1, ease=ease)
    if card.state in (CardState.NEW, CardState.LEARNING, CardState.RELEARNING):
        relearning = card.state == CardState.RELEARNING
        steps = settings.relearning_deltas if relearning else settings.learning_deltas
        step = card.step or 0
        graduate_days = max(1, int(card.interval_days or 1)) if relearning else GRADUATING_DAYS
        if rating == AGAIN or not steps:
            if not steps:
                return _graduate(done, graduate_days, now, settings, ease)
            return done.but(
                state=card.state if card.state != CardState.NEW else CardState.LEARNING,
                step=0,
                due=now + steps[0],
                interval_days=card.interval_days,
            )
        if rating == HARD:
            delay = (steps[0] + steps[1]) / 2 if step == 0 and len(steps) > 1 else steps[min(step, len(steps) - 1)]
            state = CardState.LEARNING if card.state == CardState.NEW else card.state
            return done.but(state=state, step=step, due=now + delay)
        if rating == GOOD and step + 1 < len(steps):
            state = CardState.LEARNING if card.state == CardState.NEW else card.state
            return done.but(state=state, step=step + 1, due=now + steps[step + 1])
        if rating == EASY:
            days = graduate_days + 1 if relearning else EASY_DAYS
            return _graduate(done, days, now, settings, ease)
        return _graduate(done, graduate_days, now, settings, ease)
    # A review card.
    interval = card.interval_days or 1
    overdue = max(0.0, (now - card.due).total_seconds() / 86400)
    if rating == AGAIN:
        steps = settings.relearning_deltas
        lapsed = done.but(lapses=card.lapses + 1, ease=max(MIN_EASE, ease - 0.2), interval_days=1)
        if not steps:
            return _graduate(lapsed, 1, now, settings, lapsed.ease or MIN_EASE)
        return lapsed.but(state=CardState.RELEARNING, step=0, due=now + steps[0])
    hard = max(interval + 1, interval * HARD_FACTOR)
    if rating == HARD:
        return _graduate(done, hard, now, settings, max(MIN_EASE, ease - 0.15))
    good = max(hard + 1, (interval + overdue / 2) * ease)
    if rating == GOOD:
        return _graduate(done, good, now, settings, ease)
    easy = max(good + 1, (interval + overdue) * ease * EASY_BONUS)
    return _graduate(done, easy, now, settings, ease + 0.15)


def _graduate(card: CardSnapshot, days: float, now: datetime, settings: DeckSettings, ease: float) -> CardSnapshot:
    whole = min(_days(days), settings.maximum_interval)
    return card.but(
        state=CardState.REVIEW, step=None, interval_days=float(whole), due=now + timedelta(days=whole), ease=ease
    )


def next_state(
    card: CardSnapshot, rating: int, now: datetime, settings: DeckSettings, *, fuzz: bool | None = None
) -> CardSnapshot:
    """The card after `rating` at `now`. A clock earlier than the last review counts as the moment of that review."""
    if rating not in (AGAIN, HARD, GOOD, EASY):
        raise ValueError(f"a rating is 1 (Again) to 4 (Easy), not {rating}")
    if card.last_review is not None and now < card.last_review:
        now = card.last_review
    if settings.scheduler == "sm2":
        # SM-2 decides when the card comes back; FSRS still follows its memory, so readiness means the same for
        # every deck and a deck switched to FSRS starts from what the student knows.
        memory = fsrs_next(card, rating, now, settings, fuzz=False)
        return sm2_next(card, rating, now, settings).but(stability=memory.stability, difficulty=memory.difficulty)
    return fsrs_next(card, rating, now, settings, fuzz=settings.fuzz if fuzz is None else fuzz)


def preview(card: CardSnapshot, now: datetime, settings: DeckSettings) -> dict[int, timedelta]:
    """How long until the card is due again after each rating (without fuzz), for the rating buttons."""
    moment = max(now, card.last_review) if card.last_review else now
    return {rating: next_state(card, rating, moment, settings, fuzz=False).due - moment for rating in (1, 2, 3, 4)}


def describe_interval(delta: timedelta) -> str:
    """ "<1m", "10m", "3h", "3d", "1.5mo", "2.1y" — as short as the buttons need."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{int(days + 0.5)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")
