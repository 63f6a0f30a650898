"""Benchmark of `generate`: the bundled notes, then 1 MB and 2 MB of notes. Prints figures; asserts nothing.

Run: python tests/benchmarks/bench_generate.py
"""

from __future__ import annotations

import re
import statistics
import time
import tracemalloc
from pathlib import Path

from quizapp.documents import parse_text
from quizapp.generate.pipeline import generate_bank

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


def timed(text: str, repeat: int) -> tuple[float, float, int, int]:
    """Median and best seconds over `repeat` runs, the question count, and peak traced memory in bytes."""
    times = []
    questions = 0
    for _ in range(repeat):
        start = time.perf_counter()
        bank, _ = generate_bank(parse_text(text, title="Bench"))
        times.append(time.perf_counter() - start)
        questions = len(bank.questions)
    tracemalloc.start()
    generate_bank(parse_text(text, title="Bench"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), min(times), questions, peak


def main() -> None:
    rows = [("bundled notes", NOTES.read_text(encoding="utf-8"), 9)]
    rows += [(f"{mb} MB of notes", synthetic_notes(mb * 1_000_000), 1) for mb in (1, 2)]
    print(f"{'input':<16} {'bytes':>10} {'median s':>9} {'best s':>8} {'questions':>10} {'s per MB':>9} {'peak MB':>8}")
    for label, text, repeat in rows:
        median, best, questions, peak = timed(text, repeat)
        size = len(text.encode("utf-8"))
        print(
            f"{label:<16} {size:>10,} {median:>9.3f} {best:>8.3f} {questions:>10,} "
            f"{median / (size / 1e6):>9.2f} {peak / 1e6:>8.1f}"
        )


if __name__ == "__main__":
    main()
