"""Run every benchmark in tests/benchmarks/ and print one table: figure, median, p95, peak memory, target.

Run: python tests/benchmarks/run_all.py [NAME ...]    (NAME filters the scripts: import, generate, ...)

The pattern a benchmark script follows, so that this runner gathers its figures:

- It is a file ``tests/benchmarks/bench_<name>.py`` (pytest never collects ``bench_*`` files).
- It defines ``rows() -> list[dict]``; each dict is one figure with the keys
  ``figure`` (str), ``median_s`` (float seconds), ``p95_s`` (float or None where a figure is not
  repeated), ``peak_mb`` (float or None), ``target`` (str, e.g. "≤ 3 s", or "" for none) and, if
  it likes, ``note`` (str). ``bench_main`` adds the load average to a note that has none (``load_note()``
  gives it, for a script to note right after a figure is measured).
- Its ``main()`` prints those rows with ``print_table(rows())`` from this module, so the script
  alone prints the same table: ``python tests/benchmarks/bench_<name>.py``.

Each script runs in a process of its own (python run_all.py → python bench_x.py --json), so one
benchmark's memory and caches never colour the next; the child prints its rows as JSON lines after
a marker line. A script without ``rows()`` is still run, and its own output is shown as it is.
Helpers: ``timings(fn, repeat)`` gives median and p95 of a callable, ``peak_memory(fn)`` its peak
traced Python memory; synthetic banks and history come from ``synthetic.py`` beside this file.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MARKER = "--- benchmark rows ---"


def timings(fn: Callable[[], Any], repeat: int) -> tuple[float, float | None, list[float]]:
    """Median and 95th percentile (None for fewer than 5 runs) of `repeat` timed calls, and every time."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    p95 = statistics.quantiles(times, n=20, method="inclusive")[-1] if repeat >= 5 else None
    return statistics.median(times), p95, times


def peak_memory(fn: Callable[[], Any]) -> float:
    """Peak Python memory (MB, tracemalloc) of one call: what the code allocates, not the process size."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB of this process (or, with RUSAGE_CHILDREN, of its largest finished child)."""
    scale = 1e3 if sys.platform != "darwin" else 1e6  # kilobytes on Linux, bytes on macOS
    return resource.getrusage(who).ru_maxrss / scale


def load_note() -> str:
    """The load average over 1, 5 and 15 minutes, for a row's note: other work on the machine slows a figure."""
    if not hasattr(os, "getloadavg"):
        return "load ?"
    return "load " + "/".join(f"{n:.1f}" for n in os.getloadavg())


def _cell(value: Any, digits: int = 3) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if digits == 3 and 0 < abs(value) < 0.1:
            return f"{value:.6f}"  # to the microsecond: per-answer figures are fractions of a millisecond
        return f"{value:.{digits}f}"
    return str(value)


def print_table(rows: Sequence[dict[str, Any]]) -> None:
    header = ("figure", "median s", "p95 s", "peak MB", "target", "note")
    cells = [
        (
            str(row["figure"]),
            _cell(row.get("median_s")),
            _cell(row.get("p95_s")),
            _cell(row.get("peak_mb"), 1),
            str(row.get("target", "")),
            str(row.get("note", "")),
        )
        for row in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for cell in cells:
        print("  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)).rstrip())


def emit_json(rows: Sequence[dict[str, Any]]) -> None:
    """What a bench script prints when run with --json: a marker, then one JSON object a line."""
    print(MARKER)
    for row in rows:
        print(json.dumps(row), flush=True)


def bench_main(rows: Callable[[], list[dict[str, Any]]]) -> None:
    """The `main()` of a bench script: the table, or JSON lines for run_all with --json."""
    result = rows()
    load = load_note()
    for row in result:
        if "load " not in row.get("note", ""):
            row["note"] = f"{row.get('note', '')}; {load}".lstrip("; ")
    if "--json" in sys.argv[1:]:
        emit_json(result)
    else:
        print_table(result)


def _run(script: Path) -> tuple[list[dict[str, Any]], str]:
    """Run one script in a process of its own; its rows, or (without rows) its printed output."""
    source = script.read_text(encoding="utf-8")
    args = [sys.executable, str(script)] + (["--json"] if "def rows(" in source else [])
    done = subprocess.run(args, capture_output=True, text=True, cwd=HERE.parents[1])
    if done.returncode != 0:
        return [], f"{script.name} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}"
    if MARKER not in done.stdout:
        return [], f"{script.name}:\n{done.stdout}"
    before, _, after = done.stdout.partition(MARKER)
    rows = [json.loads(line) for line in after.splitlines() if line.strip()]
    return rows, before.strip()


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if any(name in s.stem for name in argv)]
    rows: list[dict[str, Any]] = []
    failed = False
    for script in scripts:
        print(f"running {script.name} …", file=sys.stderr, flush=True)
        found, text = _run(script)
        for row in found:
            row.setdefault("figure", "?")
            row["figure"] = f"{script.stem.removeprefix('bench_')}: {row['figure']}"
        rows.extend(found)
        if text:
            print(text, end="\n\n")
        failed |= "failed (exit" in text
    print_table(rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
