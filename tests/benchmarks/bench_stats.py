"""Benchmark of the figures at 1M cards / 1M reviews: the home dashboard, and the full statistics screen.

Run: python tests/benchmarks/bench_stats.py [--cards 1000000] [--reviews 1000000] [--repeat 20] [--json]

The database is history_db.database(): made once with synthetic.fill_history and kept under the system's
temporary directory (QUIZAPP_BENCH_DIR moves it), keyed by the code that shapes it; set QUIZAPP_BENCH_DB to
the path of a ready database to use that one instead. The figures only read it.
Each figure is timed `--repeat` times (fewer once a figure has taken a minute, never fewer than 5).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from history_db import NOW, ZONE, count_label, database, schema_gaps  # noqa: E402
from run_all import bench_main, load_note, max_rss_mb, peak_memory, timings  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from sqlmodel import Session  # noqa: E402

from quizapp.db import models, open_database  # noqa: E402
from quizapp.srs.queue import window  # noqa: E402
from quizapp.stats.overview import deck_overview, home_figures, with_recall  # noqa: E402
from quizapp.stats.report import statistics  # noqa: E402
from quizapp.tui.screens.stats import TOPIC_BARS  # noqa: E402  (what the screen reads of the topics)

BUDGET_S = 60.0


def _row(figure: str, fn: Callable[[], Any], repeat: int, target: str, note: str = "") -> dict[str, Any]:
    fn()  # warm the page cache and SQLAlchemy's statement cache: a screen is refreshed, not opened cold
    first, _, times = timings(fn, 1)
    runs = max(5, min(repeat, int(BUDGET_S / max(first, 1e-6))))
    median, p95, _ = timings(fn, runs)
    return {
        "figure": figure,
        "median_s": median,
        "p95_s": p95,
        "peak_mb": peak_memory(fn),
        "target": target,
        "note": (note + f" {runs} runs; {load_note()}").strip(),
    }


def rows(cards: int = 1_000_000, reviews: int = 1_000_000, repeat: int = 20) -> list[dict[str, Any]]:
    path = database(cards, reviews)
    gaps = schema_gaps(path)
    engine = open_database(str(path))
    day = window(NOW, zone=ZONE)
    size = f"{count_label(cards)} cards / {count_label(reviews)} reviews"
    stale = f"db lacks {', '.join(gaps)};" if gaps else ""
    try:
        with Session(engine) as session:
            one_deck = session.execute(select(func.min(models.Deck.id))).scalar_one()

            def home() -> None:
                """What home reads before its first frame; readiness follows in a background worker."""
                home_figures(session, day)

            decks = deck_overview(session, day, recall=False)
            found = [
                _row(f"home dashboard figures, {size}", home, repeat, "≤ 0.1 s", stale),
                _row(
                    "home readiness column (after the first frame, off the event loop)",
                    lambda: with_recall(session, day, decks),
                    repeat,
                    "—",
                ),
                _row(
                    "full statistics, all decks",
                    lambda: statistics(session, day, topics=TOPIC_BARS),
                    repeat,
                    "≤ 0.5 s",
                    "as the statistics screen reads them (its weakest topics only);",
                ),
                _row(
                    "full statistics, one deck",
                    lambda: statistics(session, day, deck_id=one_deck, topics=TOPIC_BARS),
                    repeat,
                    "≤ 0.5 s",
                ),
                _row(
                    "full statistics, all decks, every topic (quizapp stats --json)",
                    lambda: statistics(session, day),
                    repeat,
                    "—",
                ),
            ]
    finally:
        engine.dispose()
    found.append(
        {
            "figure": "peak resident memory of the process",
            "median_s": None,
            "p95_s": None,
            "peak_mb": max_rss_mb(),
            "target": "≤ 300 MB",
            "note": "ru_maxrss",
        }
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print rows as JSON lines (for run_all.py)")
    args = parser.parse_args()
    bench_main(lambda: rows(args.cards, args.reviews, args.repeat))


if __name__ == "__main__":
    main()
