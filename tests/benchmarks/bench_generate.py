"""Benchmark of `generate`: the bundled notes, then 1 MB and 2 MB of notes, and how the time grows with the size.

Run: python tests/benchmarks/bench_generate.py [--repeat 3] [--json]

The notes are the bundled ones again and again, each copy with its own years, amounts and names, so the
generator sees new facts throughout rather than one page repeated. The time is parse_text + generate_bank.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_all import bench_main, load_note, peak_memory, timings  # noqa: E402

from quizapp.documents import parse_text  # noqa: E402
from quizapp.documents.sentences import _syntok_starts
from quizapp.generate.pipeline import generate_bank  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "question_bank" / "sources" / "india-japan-relations.txt"


def synthetic_notes(size: int) -> str:
    """Notes of about `size` bytes: the bundled notes again and again, each copy with its own numbers and names."""
    base = NOTES.read_text(encoding="utf-8")
    parts: list[str] = []
    total, copy = 0, 0
    while total < size:
        copy += 1
        shifted = re.sub(r"\b(19|20)(\d\d)\b", lambda m, c=copy: str(int(m.group(0)) - c % 40), base)
        shifted = re.sub(r"\b(\d+),000\b", lambda m, c=copy: f"{int(m.group(1)) + c},000", shifted)
        shifted = shifted.replace("Corridor", f"Corridor {copy}").replace(":\n", f" {copy}:\n")
        parts.append(shifted)
        total += len(shifted.encode("utf-8"))
    return "\n\n\n".join(parts)


def _generate(text: str) -> int:
    _syntok_starts.cache_clear()  # each run reads the notes afresh, as a new `quizapp generate` would
    bank, _ = generate_bank(parse_text(text, title="Bench"))
    return len(bank.questions)


def rows(repeat: int = 3) -> list[dict[str, Any]]:
    """The bundled notes (9 runs), then 1 MB and 2 MB of notes (`repeat` runs each), and how the time grows."""
    inputs = [("bundled notes", NOTES.read_text(encoding="utf-8"), 9, "")]
    inputs += [
        (f"{mb} MB of notes", synthetic_notes(mb * 1_000_000), repeat, "≤ 10 s" if mb == 1 else "") for mb in (1, 2)
    ]
    found: list[dict[str, Any]] = []
    per_size: list[tuple[int, float]] = []
    for label, text, runs, target in inputs:
        size = len(text.encode("utf-8"))
        counted: list[int] = []
        median, p95, _ = timings(lambda text=text, counted=counted: counted.append(_generate(text)), runs)
        questions = counted[-1]
        per_size.append((size, median))
        found.append(
            {
                "figure": f"generate, {label}",
                "median_s": median,
                "p95_s": p95,
                "peak_mb": peak_memory(lambda text=text: _generate(text)),
                "target": target,
                "note": f"{size:,} bytes, {questions:,} questions, {median / (size / 1e6):.2f} s per MB; "
                f"{runs} run{'s' if runs != 1 else ''}; peak is traced Python memory; {load_note()}",
            }
        )
    (one_size, one), (two_size, two) = per_size[1:]
    found.append(
        {
            "figure": "generate, how it grows from 1 MB to 2 MB",
            "median_s": None,
            "p95_s": None,
            "peak_mb": None,
            "target": "linear: ×2",
            "note": f"time ×{two / one:.2f} for ×{two_size / one_size:.2f} the bytes",
        }
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the 1 MB and the 2 MB notes")
    parser.add_argument("--json", action="store_true", help="print rows as JSON lines (for run_all.py)")
    args = parser.parse_args()
    bench_main(lambda: rows(args.repeat))


if __name__ == "__main__":
    main()
