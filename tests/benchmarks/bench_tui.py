"""Benchmark of the TUI at 1M cards / 1M reviews: start to the first home frame beside a bare Textual app, and memory.

Run: python tests/benchmarks/bench_tui.py [--runs 7] [--json]

Every start is a process of its own (first_frame.py beside this file), from the moment this script starts it
to the first frame composed with the home screen, and to the first with its deck table filled: `quizapp --db
COPY` as the command line runs it, but headless (the frame is composed, not written to a terminal). Home is
drawn before the database is opened (which loads SQLAlchemy and the tables), saying so; the table fills once
it is open. A bare Textual app with a Header, a Static and a Footer is started the same way, alternately with
it in the same run, and the ratio of the medians is the figure, for both frames. Memory: the app again, until home's Readiness cells are filled (a background
worker) and then `t` has drawn the statistics screen; its peak resident memory (VmHWM on Linux).
The app runs on a throw-away copy of the cached database (history_db.py). The children may write bytecode,
under a cache folder of their own (PYTHONPYCACHEPREFIX), as an installed quizapp has its modules compiled;
one start of each, not counted, comes first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from history_db import count_label, database, schema_gaps, working_copy  # noqa: E402
from run_all import bench_main, load_note  # noqa: E402

PROBE = Path(__file__).with_name("first_frame.py")
ROOT = PROBE.parents[2]
TIMEOUT_S = 900


def _start(*args: str) -> dict[str, float]:
    """Start the probe; the seconds from the start to each frame it noted, and its peak memory."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "quizapp-bench-pycache")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=TIMEOUT_S
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"first_frame.py {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    return {key: value if key == "rss_mb" else value - started for key, value in marks.items()}


def _p95(times: list[float]) -> float | None:
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) >= 5 else None


def rows(cards: int = 1_000_000, reviews: int = 1_000_000, runs: int = 7) -> list[dict[str, Any]]:
    path = database(cards, reviews)
    gaps = schema_gaps(path)
    stale = f"; db lacks {', '.join(gaps)}" if gaps else ""
    size = f"{count_label(cards)} cards"
    bare: list[dict[str, float]] = []
    app: list[dict[str, float]] = []
    with working_copy(path) as copy:
        _start("bare"), _start("app", str(copy))  # bytecode written, pages cached: not counted
        for _ in range(runs):
            bare.append(_start("bare"))
            app.append(_start("app", str(copy)))
        load = load_note()
        memory = _start("stats", str(copy))
    bare_frames = [m["frame"] for m in bare]
    home_frames = [m["home"] for m in app]
    app_frames = [m["frame"] for m in app]
    recalls = [m["recall"] for m in app if "recall" in m]
    ratio = statistics.median(home_frames) / statistics.median(bare_frames)
    filled_ratio = statistics.median(app_frames) / statistics.median(bare_frames)
    each = f"{runs} starts each, alternating, headless"
    return [
        {
            "figure": f"TUI start to first home frame, {size}",
            "median_s": statistics.median(home_frames),
            "p95_s": _p95(home_frames),
            "peak_mb": None,
            "target": "≤ 1.5 × bare app",
            "note": f'home drawn, "Opening your decks…"; {each}; {load}{stale}',
        },
        {
            "figure": f"TUI start to home with its deck table filled, {size}",
            "median_s": statistics.median(app_frames),
            "p95_s": _p95(app_frames),
            "peak_mb": max(m["rss_mb"] for m in app),
            "target": "",
            "note": f"database open, counts read; {filled_ratio:.2f} × bare; peak is the process's resident memory; "
            f"same starts",
        },
        {
            "figure": "bare Textual app (Header, Static, Footer) start to first frame",
            "median_s": statistics.median(bare_frames),
            "p95_s": _p95(bare_frames),
            "peak_mb": max(m["rss_mb"] for m in bare),
            "target": "",
            "note": f"same run; {load}",
        },
        {
            "figure": "first home frame ÷ bare app first frame",
            "median_s": None,
            "p95_s": None,
            "peak_mb": None,
            "target": "≤ 1.5",
            "note": f"ratio {ratio:.2f} (of the medians); with the table filled {filled_ratio:.2f}",
        },
        {
            "figure": f"home Readiness cells filled too (background worker), {size}",
            "median_s": statistics.median(recalls) if recalls else None,
            "p95_s": _p95(recalls),
            "peak_mb": None,
            "target": "",
            "note": "from the start, same starts",
        },
        {
            "figure": f"peak memory of the app, {size}: home, readiness, statistics (t)",
            "median_s": memory.get("stats"),
            "p95_s": None,
            "peak_mb": memory["rss_mb"],
            "target": "≤ 300 MB",
            "note": f"peak resident memory of the app's process; median is the start to the statistics frame, 1 run; "
            f"{load_note()}",
        },
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print rows as JSON lines (for run_all.py)")
    args = parser.parse_args()
    bench_main(lambda: rows(args.cards, args.reviews, args.runs))


if __name__ == "__main__":
    main()
