"""Benchmark of studying: the next card of the daily queue, then the answer to it, at 1M cards / 1M reviews.

Run: python tests/benchmarks/bench_answer.py [--answers 1000] [--budget 120] [--profile N] [--json]

Each answer does what the review screen does for it (quizapp/tui/screens/review.py), each part in a session
of its own as the app opens one per action:

- pick: build the Queue of the study day (one deck, or all decks) with the screen's `Today` (the day's limits,
  held-back siblings and per-deck counts, read at the first card and kept up to date), take its next card,
  count what is left (the progress line), read the card and its question, and its deck's settings (kept by
  `Today`);
- reveal (space, between the two, timed apart): the four ratings' next intervals, from the card as read;
- answer: `answer_card` with those settings and the card as shown: schedule it, write the card (if it is still
  as shown) and the Review row, commit; then tell `Today` of it.

The write-ahead log is copied into the database file between answers, untimed, when the app's rule
(`LogUpkeep`: every 40 commits, or in a pause) says so: the app does it in the background.

A pick and its answer are timed apart and together (time.perf_counter), 1,000 answers in a row, 8 seconds of
the student's time apart, from 10:00 on the day the history ends; fewer when the budget runs out first (the
note says how many). "One deck" studies the first deck (enter on home); when it has nothing left today the
student goes on with the next one, and that empty pick counts too. "All decks" is `a` on home (and
`quizapp study`); when its new cards run out the student asks for more (`n`). The answers change the
database, so each session runs on a throw-away copy of the cached one (see history_db.py).
`--profile N` profiles N more answers of each session with cProfile and prints the costliest calls.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from history_db import NOW, ZONE, count_label, database, schema_gaps, working_copy  # noqa: E402
from run_all import bench_main, load_note, peak_memory  # noqa: E402
from sqlalchemy import Engine, select  # noqa: E402
from sqlmodel import Session  # noqa: E402

from quizapp.db import open_database  # noqa: E402
from quizapp.db.engine import LogUpkeep, checkpoint  # noqa: E402
from quizapp.db.flush import log_flush  # noqa: E402
from quizapp.db.models import Deck  # noqa: E402
from quizapp.srs.queue import Queue, window  # noqa: E402
from quizapp.srs.review import Seen, answer_card, card_to_show  # noqa: E402
from quizapp.srs.schedulers import describe_interval, preview  # noqa: E402
from quizapp.srs.settings import DeckSettings  # noqa: E402
from quizapp.srs.today import Today  # noqa: E402

THINK = timedelta(seconds=8)
"""The student's time on a card: the clock moves on this much between a pick and its answer."""
EXTRA_NEW = 10
"""What `n` on the review screen adds to today's new cards (ReviewScreen's EXTRA_NEW)."""
RATINGS = ((1, 2, 3, 4), (12, 8, 70, 10))
"""Again, Hard, Good, Easy and how often each is pressed, as in the synthetic history."""
PARTS = ("pair", "pick", "answer", "next_card", "counts", "card", "reveal")
PART_ROWS = (
    ("pick", "next card, counts, card shown"),
    ("reveal", "the four ratings' intervals"),
    ("answer", "schedule, write Review, commit"),
)
"""The parts of a pair reported on rows of their own, in the order they come."""


@dataclass
class Study:
    """One study session on one database: where it stands, and every part's time per answer."""

    engine: Engine
    decks: list[int]
    all_decks: bool
    now: datetime = NOW
    deck: int = 0
    extra_new: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(7))
    answered: int = 0
    today: Today = field(default_factory=Today)
    """What the screen keeps of the day between cards (limits, held-back siblings, counts, deck settings)."""
    shown: tuple[Seen, DeckSettings] | None = None
    """The card shown last and its deck's settings (the screen's Shown.seen and Shown.settings)."""
    times: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in PARTS})
    upkeep: LogUpkeep = field(init=False)
    flushes: tuple[list[float], list[float]] = field(default_factory=lambda: ([], []))
    """The log's flushes to disk after each commit, and the waits of the transactions that ended before one was done
    (flush.py), over the whole session, the untimed answers included."""

    def __post_init__(self) -> None:
        self.upkeep = LogUpkeep(self.engine)

    def _pick_once(self, parts: dict[str, float]) -> str | None:
        """ReviewScreen.next_card's `pick`: the queue's next card, its counts, and the card as shown."""
        day = window(self.now, zone=ZONE)
        start = time.perf_counter()
        with Session(self.engine) as session:
            queue = Queue(
                session,
                day,
                None if self.all_decks else self.decks[self.deck],
                extra_new=self.extra_new,
                today=self.today,
            )
            question_id = queue.next_card()
            picked = time.perf_counter()
            queue.counts()
            counted = time.perf_counter()
            if question_id is not None:
                question, card = card_to_show(session, question_id)
                self.shown = Seen(question.deck_id, card), self.today.deck_settings(session, question.deck_id)
        end = time.perf_counter()
        parts["next_card"] += picked - start
        parts["counts"] += counted - picked
        parts["card"] += end - counted
        return question_id

    def pick(self, parts: dict[str, float]) -> str | None:
        """The next card; when the queue is empty, the student's next move (next deck, or more new cards)."""
        while True:
            question_id = self._pick_once(parts)
            if question_id is not None:
                return question_id
            if self.all_decks and self.extra_new < 1000:
                self.extra_new += EXTRA_NEW
            elif not self.all_decks and self.deck + 1 < len(self.decks):
                self.deck, self.extra_new = self.deck + 1, 0
            else:
                return None

    def reveal(self) -> None:
        """ReviewScreen.action_reveal: the ratings' next intervals (no database)."""
        assert self.shown is not None
        seen, settings = self.shown
        intervals = preview(seen.card, self.now + THINK / 2, settings)
        _ = {rating: describe_interval(delay) for rating, delay in intervals.items()}

    def answer(self, question_id: str) -> None:
        self.now += THINK
        rating = self.rng.choices(*RATINGS)[0]
        assert self.shown is not None
        seen, settings = self.shown
        with Session(self.engine) as session:
            answered = answer_card(
                session,
                question_id=question_id,
                rating=rating,
                now=self.now,
                duration_ms=int(THINK.total_seconds() * 1000),
                settings=settings,
                seen=seen,
            )
        self.today.answered(answered, question_id)

    def one(self, record: bool = True) -> bool:
        """One pick and its answer; False when nothing is left to study."""
        parts = dict.fromkeys(("next_card", "counts", "card"), 0.0)
        start = time.perf_counter()
        question_id = self.pick(parts)
        picked = time.perf_counter()
        if question_id is None:
            return False
        self.reveal()
        revealed = time.perf_counter()
        self.answer(question_id)
        end = time.perf_counter()
        if record:
            timed = (("pick", picked - start), ("reveal", revealed - picked), ("answer", end - revealed))
            for key, value in (*parts.items(), *timed):
                self.times[key].append(value)
            self.times["pair"].append(picked - start + end - revealed)
        self.answered += 1
        if self.upkeep.due((self.now - NOW).total_seconds()):
            checkpoint(self.engine)  # the app's background upkeep: between answers, not timed
        return True


def _p95(times: list[float]) -> float | None:
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) >= 5 else None


def _row(figure: str, times: list[float], target: str, note: str, peak: float | None = None) -> dict[str, Any]:
    """One line of the table: a part's median and p95 over the session."""
    median = statistics.median(times)
    return {"figure": figure, "median_s": median, "p95_s": _p95(times), "peak_mb": peak, "target": target, "note": note}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _study(
    path: Path, all_decks: bool, answers: int, budget: float, profile: int
) -> tuple[Study, float, int, str | None]:
    """A study session on a copy of `path`: its times, the traced peak of one answer, answers given, profile."""
    with working_copy(path) as copy:
        engine = open_database(str(copy))
        try:
            with Session(engine) as session:
                decks = list(session.execute(select(Deck.id).order_by(Deck.name)).scalars())
            study = Study(engine, decks, all_decks)
            study.one(record=False)  # the screen's first card: statement cache and pages warm, as in a session
            started = time.perf_counter()
            while len(study.times["pair"]) < answers and study.one():
                if time.perf_counter() - started > budget and len(study.times["pair"]) >= 10:
                    break
            peak = peak_memory(lambda: study.one(record=False))
            report = None
            if profile:
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(profile):
                    study.one(record=False)
                profiler.disable()
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(
                    os.environ.get("QUIZAPP_PROFILE_SORT", "cumulative")
                ).print_stats(30)
                report = out.getvalue()
            flushed = log_flush(engine)
            if flushed is not None:
                study.flushes = (list(flushed.times), list(flushed.waits))
        finally:
            engine.dispose()
    return study, peak, len(study.times["pair"]), report


def rows(
    cards: int = 1_000_000, reviews: int = 1_000_000, answers: int = 1000, budget: float = 120.0, profile: int = 0
) -> list[dict[str, Any]]:
    path = database(cards, reviews)
    gaps = schema_gaps(path)
    stale = f"; db lacks {', '.join(gaps)}" if gaps else ""
    size = f"{count_label(cards)} cards / {count_label(reviews)} reviews"
    found: list[dict[str, Any]] = []
    for all_decks, scope in ((False, "one deck"), (True, "all decks")):
        study, peak, done, report = _study(path, all_decks, answers, budget, profile)
        if report:
            print(f"profile of {profile} answers, {scope}:\n{report}", file=sys.stderr)
        times = study.times
        load = load_note()
        counted = f"{done} answers" + ("" if done >= answers else f" of {answers} (budget {budget:.0f} s)")
        part_notes = {
            "pick": "medians: next_card {}, counts {}, card+settings {}".format(
                *(_ms(statistics.median(times[k])) for k in ("next_card", "counts", "card"))
            ),
            "reveal": "a key of its own between pick and answer, not in the pair",
            "answer": "answer_card from the card as shown, in a session of its own; its flush to disk is the flush row",
        }
        found.append(
            _row(
                f"next card + answer, {scope}, {size}",
                times["pair"],
                "median ≤ 1 ms, p95 ≤ 3 ms",
                f"{counted}; peak is traced Python memory of one answer; {load}{stale}",
                peak,
            )
        )
        for part, what in PART_ROWS:
            found.append(_row(f"{part}, {scope}: {what}", times[part], "", f"{part_notes[part]}; {load}"))
        flushes, waits = study.flushes
        if flushes:
            waited = (
                f"{len(waits)} transactions waited for one (median {_ms(statistics.median(waits))})"
                if waits
                else "no transaction waited for one"
            )
            found.append(
                _row(
                    f"flush, {scope}: the log to disk after each commit",
                    flushes,
                    "",
                    f"on a thread of its own, beside the next pick, not in the pair; {waited}; {load}",
                )
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=1000)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per session before it stops early")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile N more answers per session")
    parser.add_argument("--json", action="store_true", help="print rows as JSON lines (for run_all.py)")
    args = parser.parse_args()
    bench_main(lambda: rows(args.cards, args.reviews, args.answers, args.budget, args.profile))


if __name__ == "__main__":
    main()
