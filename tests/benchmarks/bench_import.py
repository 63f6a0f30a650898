"""Benchmark of `import`: 100k questions into an empty database, then re-imports with nothing or one file changed.

Run: python tests/benchmarks/bench_import.py [--questions 100000] [--json]

The synthetic banks (files of 1,000 questions, see synthetic.py) are written once into a cache
folder under the system's temporary directory (QUIZAPP_BENCH_DIR moves it) and reused while
synthetic.py and the bank dumper stay the same; each run imports a fresh copy of them.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_all import bench_main, max_rss_mb, peak_memory, timings  # noqa: E402
from synthetic import make_banks, rewrite_bank  # noqa: E402

from quizapp.bank import dump  # noqa: E402
from quizapp.db import import_paths, open_database  # noqa: E402

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def _cache_folder(questions: int) -> Path:
    """Where banks of this size live, keyed by the code that writes them."""
    code = Path(__file__).with_name("synthetic.py").read_bytes() + Path(dump.__file__).read_bytes()
    key = hashlib.sha256(code).hexdigest()[:12]
    root = Path(os.environ.get("QUIZAPP_BENCH_DIR", tempfile.gettempdir()))
    return root / f"quizapp-bench-banks-{questions}-{key}"


def synthetic_banks(questions: int) -> Path:
    folder = _cache_folder(questions)
    if not (folder / "complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"writing {questions:,} synthetic questions to {folder} (once) …", file=sys.stderr, flush=True)
        make_banks(folder, questions)
        (folder / "complete").write_text("")
    return folder


def _cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) so far of this process and of its finished children (the parsing workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def rows(questions: int = 100_000) -> list[dict[str, Any]]:
    source = synthetic_banks(questions)
    work = Path(tempfile.mkdtemp(prefix="quizapp-bench-import-"))
    try:
        banks = work / "banks"
        shutil.copytree(source, banks, ignore=shutil.ignore_patterns("complete"))
        size_mb = sum(p.stat().st_size for p in banks.glob("*.yaml")) / 1e6
        files = len(list(banks.glob("*.yaml")))
        runs = iter(range(1000))
        cpu: list[tuple[float, float]] = []

        def cold() -> None:
            db = work / f"cold-{next(runs)}.db"
            engine = open_database(str(db))
            try:
                own, children = _cpu_seconds()
                result = import_paths(engine, [banks], now=NOW)
                cpu.append((_cpu_seconds()[0] - own, _cpu_seconds()[1] - children))
                assert not result.problems and sum(r.added for r in result.reports) == questions, result.problems[:3]
            finally:
                engine.dispose()

        cold_median, cold_p95, _ = timings(cold, 3)
        own_rss, child_rss = max_rss_mb(), max_rss_mb(resource.RUSAGE_CHILDREN)
        own_cpu = statistics.median(own for own, _ in cpu)
        child_cpu = statistics.median(children for _, children in cpu)

        engine = open_database(str(work / "main.db"))
        try:
            import_paths(engine, [banks], now=NOW)

            def unchanged() -> None:
                result = import_paths(engine, [banks], now=NOW + timedelta(days=1))
                assert not result.changed and not result.problems

            same_median, same_p95, _ = timings(unchanged, 20)
            same_peak = peak_memory(unchanged)

            edited = sorted(banks.glob("*.yaml"))[files // 2]
            seeds = iter(range(1, 1000))
            one_times = []
            for _ in range(10):
                rewrite_bank(edited, 20, seed=next(seeds))  # outside the timing: only the import counts
                median, _, _ = timings(lambda: _one_changed(engine, banks), 1)
                one_times.append(median)
            rewrite_bank(edited, 20, seed=next(seeds))
            one_peak = peak_memory(lambda: _one_changed(engine, banks))
        finally:
            engine.dispose()
        one_times.sort()
        one_p95 = statistics.quantiles(one_times, n=20, method="inclusive")[-1]
        note = f"{questions:,} questions in {files} files, {size_mb:.0f} MB"
        return [
            {
                "figure": f"import {questions // 1000}k cold",
                "median_s": cold_median,
                "p95_s": cold_p95,
                "peak_mb": own_rss,
                "target": "≤ 3 s",
                "note": (
                    f"{note}; CPU {own_cpu:.1f} s importing + {child_cpu:.1f} s parsing workers (2 cores: other work"
                    f" on the machine slows it); peak is the process's RSS (each parsing worker: {child_rss:.0f} MB)"
                ),
            },
            {
                "figure": "re-import, nothing changed",
                "median_s": same_median,
                "p95_s": same_p95,
                "peak_mb": same_peak,
                "target": "≤ 0.3 s",
                "note": "20 runs; peak is traced Python memory",
            },
            {
                "figure": f"re-import, one file of {files} changed",
                "median_s": statistics.median(one_times),
                "p95_s": one_p95,
                "peak_mb": one_peak,
                "target": "≤ 0.5 s",
                "note": "10 runs, 20 questions edited each time",
            },
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _one_changed(engine: Any, banks: Path) -> None:
    result = import_paths(engine, [banks], now=NOW + timedelta(days=2))
    assert not result.problems and sum(r.updated for r in result.reports) >= 1, result.problems[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print rows as JSON lines (for run_all.py)")
    args = parser.parse_args()
    bench_main(lambda: rows(args.questions))


if __name__ == "__main__":
    main()
