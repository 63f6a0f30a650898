"""Quality of `generate` over real notes: coverage, type mix, repetition and the defects a program can see.

Run: python tests/benchmarks/bench_quality.py [--notes DIR] [--sample N] [--show FILE]

It reads every `.md`/`.txt`/`.pdf` file of ``../shared/notes`` (beside the project; skipped with a message
where the folder is absent) and the bundled notes, generates each bank, and prints per document:

- content lines: lines with at least three letters that are not a markdown `#` heading nor an ALL-CAPS one;
- questions, and line coverage: the share of content lines that are some question's source line;
- questions by type, the true/false share, and the most questions drawn from one line (list and order
  questions aside);
- mechanical defects: an answer written in its prompt, an MCQ whose answer is not among its choices exactly
  once, repeated choices, a prompt with no verb or no subject, a list question without a head noun.

`--sample N` prints N random questions per bank (seeded, so an examiner's read can be repeated) and
`--show FILE` every question of one document. Nothing is asserted: the figures are for reading.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from quizapp.bank import BankQuestion
from quizapp.documents import read_document
from quizapp.generate.distractors import normalise
from quizapp.generate.pipeline import generate_bank

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT.parent / "shared" / "notes"
BUNDLED = ROOT / "question_bank" / "sources" / "india-japan-relations.txt"
_SUFFIXES = {".md", ".markdown", ".txt", ".pdf"}
_TYPES = ("mcq", "cloze", "short", "truefalse", "flashcard", "list")
# Words that make a prompt a question or a statement: auxiliaries, question words and common verb endings.
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|may|might|must|shall|should"
    r"|what|which|who|whom|whose|when|where|why|how|name|list|put|give|state|define|explain"
    r"|began|wrote|led|won|made|took|gave|built|fought|became|came|went|rose|fell|grew|found|held|left|met|ran|saw"
    r"|sent|stood|told|brought|chose|drew|knew|paid|said|sold|spoke|spent|struck|taught|thought|threw|kept|lost)\b"
    r"|\b\w{2,}(?:s|ed|es|ing)\b",
    re.IGNORECASE,
)
_ORDER_TAG = "order"


def content_lines(text: str) -> set[int]:
    """Line numbers (1-based) of the lines worth a question: three letters, not a `#` or ALL-CAPS heading."""
    found: set[int] = set()
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if sum(char.isalpha() for char in stripped) < 3 or stripped.startswith("#"):
            continue
        letters = [char for char in stripped if char.isalpha()]
        if all(char.isupper() for char in letters if char.lower() != char.upper()) and len(letters) >= 3:
            continue
        found.add(number)
    return found


def defects(question: BankQuestion) -> list[str]:
    """The mechanical defects of one question, in words."""
    found: list[str] = []
    prompt_key = normalise(question.prompt.replace("____", " "))
    answer_key = normalise(question.answer)
    if question.type in ("cloze", "short", "mcq") and answer_key and f" {answer_key} " in f" {prompt_key} ":
        found.append("answer in prompt")
    if question.type == "mcq":
        choices = question.choices or []
        if choices.count(question.answer) != 1:
            found.append("mcq answer not once")
        if len({normalise(choice) for choice in choices}) != len(choices):
            found.append("duplicate choices")
    if question.type != "flashcard":
        if not _VERBISH.search(question.prompt):
            found.append("no verb")
        if len(re.findall(r"[A-Za-z]{2,}", question.prompt.replace("____", " "))) < 3:
            found.append("no subject")
    if question.type == "list" and not re.search(
        r"\b(?:Name|List|Give|Put|What|Which|Who|When|Where)\b.*\b\w{3,}", question.prompt
    ):
        found.append("list without head noun")
    return found


def measure(path: Path) -> dict[str, object]:
    """Generate one document's bank and take its figures."""
    text = path.read_text(encoding="utf-8", errors="replace") if path.suffix != ".pdf" else ""
    start = time.perf_counter()
    bank, _ = generate_bank(read_document(path))
    seconds = time.perf_counter() - start
    lines = content_lines(text) if text else set()
    covered = {q.source_line for q in bank.questions if q.source_line in lines}
    types = Counter(q.type for q in bank.questions)
    per_line = Counter(q.source_line for q in bank.questions if q.type != "list" and _ORDER_TAG not in (q.tags or []))
    found = Counter(defect for q in bank.questions for defect in defects(q))
    total = len(bank.questions)
    return {
        "name": path.name,
        "lines": len(lines),
        "questions": total,
        "coverage": len(covered) / len(lines) if lines else 0.0,
        "types": types,
        "tf_share": types["truefalse"] / total if total else 0.0,
        "max_per_line": max(per_line.values(), default=0),
        "defects": found,
        "seconds": seconds,
        "bank": bank,
    }


def documents(notes: Path) -> list[Path]:
    paths = (
        sorted(p for p in notes.iterdir() if p.suffix.lower() in _SUFFIXES and p.stem.upper() != "README")
        if notes.is_dir()
        else []
    )
    if not paths:
        print(f"(no notes at {notes}: only the bundled notes are measured)")
    return [*paths, BUNDLED]


def show(question: BankQuestion) -> str:
    lines = [f"[{question.type}] L{question.source_line} {question.prompt}", f"    answer: {question.answer}"]
    if question.choices:
        lines.append(f"    choices: {' | '.join(question.choices)}")
    if question.items:
        lines.append(f"    items: {' | '.join(question.items)}")
    if question.accept:
        lines.append(f"    also accepted: {' | '.join(question.accept)}")
    lines.append(f"    source: {question.source_text}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=NOTES, help="folder of notes (default ../shared/notes)")
    parser.add_argument("--sample", type=int, default=0, help="print N random questions per bank")
    parser.add_argument("--show", help="print every question of the document with this file name")
    parser.add_argument("--seed", type=int, default=17, help="seed of --sample")
    args = parser.parse_args()
    results = [measure(path) for path in documents(args.notes)]
    header = f"{'document':34} {'lines':>5} {'qs':>4} {'cover':>6} {'tf':>5} {'max/ln':>6} {'s':>5}  types · defects"
    print(header)
    print("-" * len(header))
    for row in results:
        types = " ".join(f"{t}:{row['types'][t]}" for t in _TYPES if row["types"][t])
        found = ", ".join(f"{name} {count}" for name, count in sorted(row["defects"].items())) or "none"
        print(
            f"{row['name'][:34]:34} {row['lines']:>5} {row['questions']:>4} {row['coverage']:>6.0%} "
            f"{row['tf_share']:>5.0%} {row['max_per_line']:>6} {row['seconds']:>5.2f}  {types} · {found}"
        )
    measured = [row for row in results if row["lines"]]
    print(
        f"\nmean coverage {statistics.mean(r['coverage'] for r in measured):.0%}, "
        f"lowest {min(r['coverage'] for r in measured):.0%}; "
        f"largest true/false share {max(r['tf_share'] for r in measured):.0%}; "
        f"most from one line {max(r['max_per_line'] for r in measured)}; "
        f"defects {sum(sum(r['defects'].values()) for r in measured)} in "
        f"{sum(r['questions'] for r in measured)} questions"
    )
    for row in results:
        if args.show and row["name"] == args.show:
            print(f"\n== {row['name']}")
            for question in row["bank"].questions:
                print(show(question))
        if args.sample:
            rng = random.Random(f"{args.seed}:{row['name']}")
            questions = row["bank"].questions
            print(f"\n== {row['name']}: {min(args.sample, len(questions))} random questions")
            for question in rng.sample(questions, min(args.sample, len(questions))):
                print(show(question))


if __name__ == "__main__":
    sys.exit(main())
