"""Fuzzing `generate`: 1,000 random and mutated texts, each read, generated and checked; crashes are counted.

Run: python tests/benchmarks/bench_fuzz.py [--texts 1000] [--seed 0] [--json]

Half the texts are made up (random Unicode, or note-like fragments: headings, bullets of many markers,
"Term: definition", Q/A pairs, pipe tables, dash-separated lines, odd numbers, control characters, NUL bytes,
very long lines, only punctuation, right-to-left text, combining marks); half are mutations of real notes
(``../shared/notes`` beside the project, skipped with a message where absent, and ``question_bank/sources``):
lines deleted, duplicated, swapped or joined, random Unicode put in, a line cut mid-way, digits made 0.

Each text is read by `parse_text` and, for half of them, `parse_markdown` too; then `generate_bank`, and a
bank with questions is dumped and given to the bank checker as `bank_for_file` does. A `DocumentError` is a
fine outcome (one clear message); any other exception is a crash. Printed: texts, crashes (the last line of
the first 5 tracebacks, each text saved under /tmp for a reproducer), banks failing check, DocumentErrors,
empty banks and the seconds taken. The target is 0 crashes and 0 failing banks.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_all import bench_main, load_note

from quizapp.bank import dump_bank
from quizapp.bank.load import check_text
from quizapp.documents import DocumentError, parse_markdown, parse_text
from quizapp.generate.pipeline import generate_bank

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "notes"
BUNDLED = ROOT / "question_bank" / "sources"
REPRO_DIR = Path("/tmp")

MARKERS = ["-", "*", "+", "•", "●", "■", "◼", "🔹", "▪", "◦", "➢", "→", "1.", "1)", "(i)", "(a)", "a.", "i.", "IV."]
NUMBERS = [
    "0",
    "0 %",
    "0%",
    "Rs 0",
    "Rs 0 crore",
    "$0",
    "0.0",
    "00",
    "-0",
    "99999999999999999999",
    "1e309",
    "0.000001",
    "1,00,000",
    "₹ 0",
    "0 km",
    "0th",
    "1947",
    "0 BCE",
    "0 AD",
    "31 February 2023",
    "0/0/0000",
    "2023-13-45",
    "1,5",
    "12:00",
    "½",
    "٣٤",
    "१९४७",
    "Ⅻ",
    "10^100",
    "∞",
    "NaN",
    "3.14.15",
    "0 million",
    "0 to 0",
]
WORDS = [
    "India",
    "Japan",
    "treaty",
    "the",
    "Parliament",
    "of",
    "was",
    "signed",
    "in",
    "is",
    "are",
    "GST",
    "Council",
    "Akbar",
    "Mughal",
    "Newton",
    "force",
    "acid",
    "base",
    "ozone",
    "layer",
    "and",
    "a",
    "which",
    "who",
    "by",
    "Rs",
    "crore",
    "Article",
    "Lok",
    "Sabha",
    "photosynthesis",
    "chlorophyll",
    "plate",
    "earthquake",
    "e.g.",
    "such as",
    "It",
    "They",
    "This",
    "not",
    "never",
    "first",
    "largest",
    "(",
    ")",
    "“",
    "”",
    '"',
    "'",
    ",",
    ";",
]
ODD = [
    "\x00",
    "\x01",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u202e",
    "\ufeff",
    "\u0301",
    "\u0308\u0308\u0308",
    "\ufffd",
    "\ud7ff",
    "\U0010ffff",
    "\u2028",
    "\u2029",
    "\x85",
    "\r",
    "\t",
    "שלום עולם",
    "مرحبا بالعالم",
    "नमस्ते दुनिया",
    "日本国",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ",
    "ﷺ",
    "𒐫",
    "🇮🇳",
    "👩‍👩‍👧",
    "---",
    "***",
    "```",
    "> ",
    "<br>",
    "&amp;",
    "[link](http://x)",
    "![img](x.png)",
    "{",
    "}",
    "|",
    "\\",
    ":",
    "?",
]
PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~–—…·•“”‘’«»¿¡"


def phrase(rng: random.Random, low: int = 1, high: int = 8) -> str:
    parts = []
    for _ in range(rng.randint(low, high)):
        roll = rng.random()
        parts.append(rng.choice(NUMBERS) if roll < 0.2 else rng.choice(ODD) if roll < 0.27 else rng.choice(WORDS))
    return " ".join(parts)


def sentence(rng: random.Random) -> str:
    return phrase(rng, 2, 12).capitalize() + rng.choice([".", ".", "!", "?", "", ";", " ...", ".."])


def fragment(rng: random.Random) -> str:
    """One note-like piece: a line or a few lines."""
    kind = rng.randrange(16)
    if kind == 0:
        return "#" * rng.randint(1, 7) + " " + phrase(rng, 0, 5)
    if kind == 1:
        return rng.choice(["", "  ", "\t", "    "]) + rng.choice(MARKERS) + " " + sentence(rng)
    if kind == 2:
        return f"{phrase(rng, 1, 3)}: {sentence(rng)}"
    if kind == 3:
        return f"Q{rng.randint(0, 99)}. {phrase(rng, 1, 8)}? Ans. {phrase(rng, 0, 4)}"
    if kind == 4:
        cols = rng.randint(1, 5)
        rows = [" | ".join(phrase(rng, 0, 3) for _ in range(cols)) for _ in range(rng.randint(0, 5))]
        sep = "|".join("---" for _ in range(cols))
        return "\n".join([f"| {phrase(rng, 1, 2)} | {phrase(rng, 1, 2)} |", f"|{sep}|", *(f"| {r} |" for r in rows)])
    if kind == 5:
        return rng.choice([" – ", " - ", " — "]).join(phrase(rng, 1, 3) for _ in range(rng.randint(2, 5)))
    if kind == 6:
        return sentence(rng) * rng.randint(50, 400)  # a very long line
    if kind == 7:
        return "".join(rng.choice(PUNCT) for _ in range(rng.randint(1, 60)))
    if kind == 8:
        return rng.choice(ODD[22:30]) + " " + sentence(rng)
    if kind == 9:
        return "".join(rng.choice(ODD[:22]) for _ in range(rng.randint(1, 10)))
    if kind == 10:
        return phrase(rng, 1, 4).upper()
    if kind == 11:
        return f"{phrase(rng, 1, 3)} ({rng.choice(NUMBERS)}–{rng.choice(NUMBERS)}) {sentence(rng)}"
    if kind == 12:
        name = phrase(rng, 1, 2)
        return f"{name}:\n" + "\n".join(
            f"  {rng.choice(MARKERS)} {phrase(rng, 1, 4)}" for _ in range(rng.randint(0, 6))
        )
    if kind == 13:
        return ""
    if kind == 14:
        return f"The {phrase(rng, 1, 2)} was {rng.choice(['founded', 'signed', 'launched'])} in {rng.choice(NUMBERS)} by {phrase(rng, 1, 3)}."
    return sentence(rng)


def random_unicode(rng: random.Random, size: int) -> str:
    chars = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.5:
            chars.append(chr(rng.randint(32, 126)))
        elif roll < 0.6:
            chars.append(rng.choice("\n\n\n \t"))
        elif roll < 0.9:
            chars.append(chr(rng.randint(0, 0x2FFF)))
        else:
            code = rng.randint(0, 0x10FFFF)
            chars.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "?")
    return "".join(chars)


def generated_text(rng: random.Random) -> str:
    kind = rng.randrange(10)
    if kind == 0:
        return random_unicode(rng, rng.choice([0, 1, 5, 50, 500, 3000]))
    if kind == 1:
        return rng.choice(["", " ", "\n", "\n\n\n", "\x00", "\x00" * 100, "\ufeff", "\r\n\r\n", "...", "?!?!", "0"])
    return "\n".join(fragment(rng) for _ in range(rng.randint(1, 40)))


def mutate(text: str, rng: random.Random) -> str:
    """The text after 1 to 6 random edits of its lines and characters."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        if not lines:
            lines = [""]
        i = rng.randrange(len(lines))
        kind = rng.randrange(8)
        if kind == 0 and len(lines) > 1:
            for _ in range(rng.randint(1, max(1, len(lines) // 4))):
                if len(lines) > 1:
                    del lines[rng.randrange(len(lines))]
        elif kind == 1:
            lines[i:i] = lines[i : i + rng.randint(1, 5)]
        elif kind == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == 3:
            at = rng.randint(0, len(lines[i]))
            lines[i] = (
                lines[i][:at] + rng.choice([random_unicode(rng, rng.randint(1, 8)), rng.choice(ODD)]) + lines[i][at:]
            )
        elif kind == 4:
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif kind == 5:
            lines = ["".join("0" if c.isdigit() else c for c in line) for line in lines]
        elif kind == 6 and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + rng.choice(["", " ", " – "]) + lines[i + 1]]
        else:
            lines.insert(i, fragment(rng))
    return "\n".join(lines)


def note_sources() -> tuple[list[tuple[str, bool]], str]:
    """The notes to mutate, (text, is markdown), and a message when ../shared/notes is absent."""
    message = ""
    paths = sorted(BUNDLED.glob("*.txt"))
    if SHARED.is_dir():
        paths += sorted(p for p in SHARED.iterdir() if p.suffix in (".md", ".txt"))
    else:
        message = f"{SHARED} is absent: only the bundled notes are mutated"
    return [(p.read_text(encoding="utf-8"), p.suffix == ".md") for p in paths], message


class Outcome:
    def __init__(self) -> None:
        self.texts = 0
        self.runs = 0
        self.banks = 0
        self.empty = 0
        self.document_errors = 0
        self.crashes: list[tuple[str, str, str]] = []  # (mode, text, traceback)
        self.failing: list[tuple[str, str, list[str]]] = []  # (mode, text, problems)
        self.slowest = (0.0, "")


def run_one(text: str, parse: Callable[..., Any], mode: str, outcome: Outcome) -> None:
    """Read, generate and check one text as `bank_for_file` does; the outcome counted."""
    outcome.runs += 1
    start = time.perf_counter()
    try:
        document = parse(text, title="Fuzz")
        bank, _ = generate_bank(document, deck="Fuzz", source="fuzz.txt")
        if not bank.questions:
            outcome.empty += 1  # bank_for_file makes this a DocumentError: "no facts to ask about"
            return
        dumped = "# Generated by `quizapp generate` from fuzz.txt\n" + dump_bank(bank)
        problems = check_text(dumped, "fuzz.yaml")
        if problems:
            outcome.failing.append((mode, text, [str(p) for p in problems]))
        else:
            outcome.banks += 1
    except DocumentError:
        outcome.document_errors += 1
    except Exception:  # noqa: BLE001 — every other exception is what this benchmark counts
        outcome.crashes.append((mode, text, traceback.format_exc()))
    finally:
        took = time.perf_counter() - start
        if took > outcome.slowest[0]:
            outcome.slowest = (took, f"{mode}, {len(text)} chars")


def texts(count: int, seed: int) -> tuple[list[tuple[str, bool]], str]:
    """`count` texts, half made up and half mutated notes; each with whether to read it as markdown too."""
    rng = random.Random(seed)
    notes, message = note_sources()
    made = [(generated_text(rng), rng.random() < 0.5) for _ in range(count // 2)]
    mutated = []
    for _ in range(count - count // 2):
        base, markdown = rng.choice(notes)
        mutated.append((mutate(base, rng), markdown))
    return made + mutated, message


def save_reproducers(outcome: Outcome) -> list[str]:
    saved = []
    for n, (mode, text, trace) in enumerate(outcome.crashes[:5], 1):
        path = REPRO_DIR / f"quizapp-fuzz-crash-{n}.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        (REPRO_DIR / f"quizapp-fuzz-crash-{n}.traceback").write_text(f"{mode}\n{trace}", encoding="utf-8")
        saved.append(f"{path} ({mode}): {trace.strip().splitlines()[-1]}")
    for n, (mode, text, problems) in enumerate(outcome.failing[:5], 1):
        path = REPRO_DIR / f"quizapp-fuzz-check-{n}.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        saved.append(f"{path} ({mode}) fails check: {problems[0]}")
    return saved


def fuzz(count: int, seed: int) -> tuple[Outcome, float, str]:
    corpus, message = texts(count, seed)
    outcome = Outcome()
    start = time.perf_counter()
    for text, markdown in corpus:
        outcome.texts += 1
        run_one(text, parse_text, "parse_text", outcome)
        if markdown:
            run_one(text, parse_markdown, "parse_markdown", outcome)
    return outcome, time.perf_counter() - start, message


def rows(count: int = 1000, seed: int = 0) -> list[dict[str, Any]]:
    outcome, seconds, message = fuzz(count, seed)
    note = load_note()
    print(f"texts: {outcome.texts} ({outcome.runs} parse + generate + check runs)")
    print(f"crashes: {len(outcome.crashes)}")
    print(f"banks failing check: {len(outcome.failing)}")
    print(
        f"DocumentErrors: {outcome.document_errors}; empty banks: {outcome.empty}; banks passing check: {outcome.banks}"
    )
    print(f"seconds: {seconds:.1f}; slowest run {outcome.slowest[0]:.2f} s ({outcome.slowest[1]})")
    if message:
        print(message)
    for line in save_reproducers(outcome):
        print("  " + line)
    bad = len(outcome.crashes) + len(outcome.failing)
    return [
        {
            "figure": f"{outcome.texts} random and mutated texts: parse + generate + check",
            "median_s": seconds / max(outcome.runs, 1),
            "p95_s": None,
            "peak_mb": None,
            "target": "0 crashes, 0 failing",
            "note": f"{len(outcome.crashes)} crashes, {len(outcome.failing)} failing check; total {seconds:.1f} s; {note}"
            + ("" if not bad else " — see the reproducers above"),
        }
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    bench_main(lambda: rows(args.texts, args.seed))


if __name__ == "__main__":
    main()
