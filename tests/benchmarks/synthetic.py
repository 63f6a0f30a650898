"""Synthetic data for the benchmarks: question banks of any size, and years of study history.

API (everything deterministic for a given seed):

- ``make_banks(folder, questions, per_file=1000, seed=0) -> list[Path]`` writes ``questions``
  questions as bank files of ``per_file`` questions each (the last one may be shorter), in the
  house layout of ``quizapp generate`` (``dump_bank``), every one of the six types, distinct ids
  across all files, prompts and source sentences of realistic length. Files are named
  ``deck-0001.yaml`` … and each holds its own deck ``Synthetic deck 0001`` ….
- ``rewrite_bank(path, changed, seed=1) -> None`` edits ``changed`` questions of one bank file in
  place (new prompts), for "one file changed" measurements.
- ``fill_history(engine, cards, reviews, now, seed=0) -> HistoryStats`` fills an empty quizapp
  database with ``cards`` questions and cards (spread over decks of 1,000) and ``reviews`` reviews
  spread over the three years before ``now``: card states new / learning / review / relearning with
  FSRS-like stability, difficulty and due dates, some cards suspended, buried or leeches, and a
  share of the reviews belonging to quiz runs. It writes with SQLAlchemy Core ``executemany`` in
  large batches, so a million rows take seconds, not minutes.

Run ``python tests/benchmarks/synthetic.py FOLDER QUESTIONS`` to write banks by hand.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, insert

from quizapp.bank import Bank, BankQuestion, dump_bank
from quizapp.db.models import Card, CardState, Deck, Question, QuizRun, Review

_WORDS = (
    "agreement alliance assembly bank border budget canal charter coast committee constitution corridor council "
    "court crop delta dam district economy election emperor empire energy export festival fleet forest frontier "
    "governor harbour highway import industry island judiciary kingdom labour language literature market mineral "
    "ministry monsoon mountain museum navy ocean parliament plateau policy port province railway reform republic "
    "revenue river satellite scheme senate ship summit survey temple tax treaty tribe university valley village "
    "volcano war welfare"
).split()
_NAMES = (
    "Ashoka Akbar Nehru Patel Bose Tagore Gandhi Ambedkar Raman Kalam Sarabhai Bhabha Tilak Gokhale Naoroji "
    "Tokyo Osaka Kyoto Delhi Mumbai Chennai Kolkata Bengaluru Hyderabad Ahmedabad Pune Jaipur Lucknow Kochi "
    "Meiji Abe Modi Yoshida Sato Tanaka Suzuki Rao Iyer Menon"
).split()
_TOPICS = [f"{a.capitalize()} and {b}" for a, b in zip(_WORDS[::2], _WORDS[1::2], strict=False)]
_TYPES = ("mcq", "cloze", "short", "truefalse", "flashcard", "list")


def _phrase(rng: random.Random, low: int, high: int) -> str:
    """Words from the vocabulary, now and then a name, a year, an amount or a quoted word."""
    words: list[str] = []
    for _ in range(rng.randint(low, high)):
        roll = rng.random()
        if roll < 0.12:
            words.append(rng.choice(_NAMES))
        elif roll < 0.17:
            words.append(str(rng.randint(1600, 2025)))
        elif roll < 0.19:
            words.append(f"Rs. {rng.randint(2, 900)} crore")
        elif roll < 0.20:
            words.append(f"“{rng.choice(_WORDS)}”")
        else:
            words.append(rng.choice(_WORDS))
    return " ".join(words)


def _sentence(rng: random.Random, low: int, high: int) -> str:
    text = _phrase(rng, low, high)
    if rng.random() < 0.15:
        text += ": " + _phrase(rng, 3, 8)  # a colon forces the dumper to quote the whole text
    return text[0].upper() + text[1:] + "."


def _answer(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return str(rng.randint(1600, 2025))
    if roll < 0.5:
        return (
            f"{rng.randint(1, 28)} {rng.choice(['January', 'April', 'August', 'November'])} {rng.randint(1900, 2025)}"
        )
    if roll < 0.8:
        return f"{rng.choice(_NAMES)} {rng.choice(_WORDS).capitalize()}"
    return _phrase(rng, 2, 5)


def _distinct(rng: random.Random, first: str, count: int) -> list[str]:
    values = [first]
    while len(values) < count:
        candidate = _answer(rng)
        if candidate.casefold() not in {v.casefold() for v in values}:
            values.append(candidate)
    return values


def make_question(rng: random.Random, qid: str, qtype: str, line: int) -> BankQuestion:
    """One valid question of `qtype`, as `generate` would make it from a sentence on `line` of the notes."""
    source = _sentence(rng, 10, 40)
    topic = rng.choice(_TOPICS)
    tags = [rng.choice(["date", "name", "amount", "rank", "acronym", "list", "definition"])]
    answer = _answer(rng)
    extra: dict[str, object] = {}
    if qtype == "mcq":
        prompt = _phrase(rng, 6, 25).capitalize() + " ____."
        choices = _distinct(rng, answer, 4)
        rng.shuffle(choices)
        extra["choices"] = choices
    elif qtype == "cloze":
        prompt = _phrase(rng, 4, 15).capitalize() + " ____ " + _phrase(rng, 2, 10) + "."
    elif qtype == "short":
        prompt = "When did " + _phrase(rng, 5, 20) + "?"
        if rng.random() < 0.3:
            extra["accept"] = [answer.lower() + " ad"]
    elif qtype == "truefalse":
        prompt = _sentence(rng, 8, 30)
        answer = rng.choice(["True", "False"])
    elif qtype == "flashcard":
        prompt = "What is " + _phrase(rng, 1, 4) + "?"
        answer = _sentence(rng, 5, 25)
    else:
        items = _distinct(rng, rng.choice(_NAMES), rng.randint(3, 5))
        prompt = f"Name the {len(items)} " + _phrase(rng, 3, 12) + "."
        answer = ", ".join(items[:-1]) + " and " + items[-1]
        extra["items"] = items
    return BankQuestion(
        id=qid,
        type=qtype,
        prompt=prompt,
        answer=answer,
        topic=topic,
        explanation=_sentence(rng, 5, 15) if rng.random() < 0.1 else None,
        source_line=line,
        source_text=source,
        tags=tags,
        **extra,  # type: ignore[arg-type]
    )


def deck_name(number: int) -> str:
    return f"Synthetic deck {number:04d}"


def make_bank(number: int, count: int, seed: int, *, first_line: int = 1) -> Bank:
    """Bank `number` of a synthetic set: `count` questions, ids `s{seed}-{number}-{i}` unique across the set."""
    rng = random.Random(f"{seed}:{number}")
    questions = [
        make_question(rng, f"s{seed}-{number:04d}-{i:05d}", _TYPES[i % len(_TYPES)], first_line + i // 3)
        for i in range(count)
    ]
    return Bank(deck=deck_name(number), source=f"sources/deck-{number:04d}.txt", questions=questions)


def make_banks(folder: Path, questions: int, per_file: int = 1000, seed: int = 0) -> list[Path]:
    """Write `questions` questions as bank files of `per_file` each into `folder`; returns the paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for number, start in enumerate(range(0, questions, per_file), start=1):
        bank = make_bank(number, min(per_file, questions - start), seed)
        path = folder / f"deck-{number:04d}.yaml"
        path.write_text(dump_bank(bank), encoding="utf-8")
        paths.append(path)
    return paths


def rewrite_bank(path: Path, changed: int, seed: int = 1) -> None:
    """Give `changed` questions of a synthetic bank file new prompts (every other one from the start)."""
    from quizapp.bank import load_bank

    bank, problems = load_bank(path)
    assert bank is not None and not problems, problems
    rng = random.Random(seed)
    for question in bank.questions[::2][:changed]:
        question.prompt = _sentence(rng, 8, 30) if question.type != "cloze" else "New ____ " + _phrase(rng, 4, 12)
    path.write_text(dump_bank(bank), encoding="utf-8")


# -- history ---------------------------------------------------------------------------------------


@dataclass
class HistoryStats:
    """What `fill_history` wrote."""

    decks: int
    cards: int
    reviews: int
    quiz_runs: int
    by_state: dict[int, int]
    suspended: int


_BATCH = 20_000


def _insert(conn: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    """Rows straight to the driver's executemany, each value through its column's bind processor.

    SQLAlchemy's own executemany prepares every parameter in Python at several times SQLite's cost;
    this stores the same values for a fraction of it.
    """
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    processors = [table.c[n].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for n in names]
    pairs = list(zip(names, processors, strict=True))
    conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [tuple(p(row[n]) if p else row[n] for n, p in pairs) for row in rows],
    )


def _batches(rows: Iterator[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def fill_history(engine: Engine, cards: int, reviews: int, now: datetime, seed: int = 0) -> HistoryStats:
    """Fill an empty quizapp database (``open_database`` already ran) with cards and their reviews.

    Cards belong to decks of 1,000 questions; about 30 % stay new. The reviews are spread over the
    three years before `now`, on the cards that have been studied, about a tenth of them in quiz runs
    of 20 answers. Card fields follow FSRS: stability grows with reps, difficulty 1–10, the due date
    is the last review plus an interval of about the stability.
    """
    rng = random.Random(seed)
    start = now - timedelta(days=3 * 365)
    decks = max(1, math.ceil(cards / 1000))
    with engine.begin() as conn:
        conn.execute(
            insert(Deck),
            [
                {"id": d + 1, "name": deck_name(d + 1), "source": None, "created_at": start, "updated_at": start}
                for d in range(decks)
            ],
        )

    state_weights = (CardState.NEW, CardState.LEARNING, CardState.REVIEW, CardState.RELEARNING)
    states = rng.choices(state_weights, weights=(30, 5, 60, 5), k=cards)
    studied = [i for i, state in enumerate(states) if state != CardState.NEW]
    by_state = {int(s): 0 for s in state_weights}
    suspended = 0

    def qid(index: int) -> str:
        return f"h-{index // 1000 + 1:04d}-{index % 1000:05d}"

    def question_rows() -> Iterator[dict[str, object]]:
        for i in range(cards):
            qtype = _TYPES[i % len(_TYPES)]
            yield {
                "id": qid(i),
                "deck_id": i // 1000 + 1,
                "position": i % 1000,
                "type": qtype,
                "topic": _TOPICS[i % len(_TOPICS)],
                "prompt": f"Synthetic prompt {i} about the {_WORDS[i % len(_WORDS)]} ____.",
                "answer": "True" if qtype == "truefalse" else f"answer {i}",
                "choices": [f"answer {i}", "a", "b", "c"] if qtype == "mcq" else None,
                "accept": [],
                "items": ["x", "y", "z"] if qtype == "list" else None,
                "explanation": None,
                # Three questions to a sentence, as `generate` makes them (the bundled bank: 100 from 31): each
                # answer holds its siblings back for the day, and the queue must pass over them.
                "source_line": i % 1000 // 3 + 1,
                "source_text": f"Synthetic source sentence {i // 3}.",
                "tags": ["date"],
                "content_hash": f"{i:040x}",
                "active": True,
                "created_at": start,
                "updated_at": start,
                "retired_at": None,
            }

    def card_rows() -> Iterator[dict[str, object]]:
        nonlocal suspended
        for i, state in enumerate(states):
            by_state[int(state)] += 1
            row: dict[str, object] = {
                "question_id": qid(i),
                "deck_id": i // 1000 + 1,
                "active": True,
                "state": int(state),
                "step": None,
                "stability": None,
                "difficulty": None,
                "ease": None,
                "interval_days": None,
                "due": start + timedelta(days=i % 1000 / 1000),
                "last_review": None,
                "reps": 0,
                "lapses": 0,
                "suspended": False,
                "buried_until": None,
                "leech": False,
            }
            if state != CardState.NEW:
                reps = rng.randint(1, 30)
                lapses = rng.randint(0, reps // 4) + (state == CardState.RELEARNING)
                stability = min(36500.0, 0.5 * 1.6 ** min(reps, 25) / (1 + lapses))
                last = now - timedelta(days=rng.uniform(0, min(3 * 365, stability * 1.5 + 1)))
                interval = timedelta(minutes=10) if state in (CardState.LEARNING, CardState.RELEARNING) else None
                row.update(
                    step=0 if interval else None,
                    stability=stability,
                    difficulty=rng.uniform(1, 10),
                    interval_days=None if interval else stability,
                    last_review=last,
                    due=last + (interval or timedelta(days=stability * rng.uniform(0.8, 1.2))),
                    reps=reps,
                    lapses=lapses,
                    suspended=rng.random() < 0.02,
                    leech=lapses >= 8,
                    buried_until=now + timedelta(hours=8) if rng.random() < 0.005 else None,
                )
                suspended += bool(row["suspended"])
            yield row

    runs = reviews // 10 // 20
    with engine.begin() as conn:
        for batch in _batches(question_rows()):
            _insert(conn, Question.__table__, batch)
        for batch in _batches(card_rows()):
            _insert(conn, Card.__table__, batch)
        if runs:
            conn.execute(
                insert(QuizRun),
                [
                    {
                        "id": r + 1,
                        "deck_id": rng.randint(1, decks),
                        "mode": "exam" if r % 3 == 0 else "practice",
                        "question_count": 20,
                        "started_at": start + timedelta(seconds=rng.uniform(0, 3 * 365 * 86400)),
                        "finished_at": None,
                        "correct": 14,
                        "wrong": 5,
                        "unanswered": 1,
                        "score": 14 * 2 - 5 * 0.66,
                        "max_score": 40.0,
                        "mark_correct": 2.0,
                        "mark_wrong": -0.66,
                        "mark_unanswered": 0.0,
                        "settings": None,
                    }
                    for r in range(runs)
                ],
            )
        if studied and reviews:
            span = (now - start).total_seconds()
            pool = studied

            def review_rows() -> Iterator[dict[str, object]]:
                for n in range(reviews):
                    card = pool[rng.randrange(len(pool))]
                    rating = rng.choices((1, 2, 3, 4), weights=(12, 8, 70, 10))[0]
                    in_run = runs and n % 10 == 0
                    when = start + timedelta(seconds=span * (n + rng.random()) / reviews)
                    stability = 0.5 * 1.6 ** min(n % 20, 20)
                    yield {
                        "question_id": qid(card),
                        "deck_id": card // 1000 + 1,
                        "quiz_run_id": (n // 10) % runs + 1 if in_run else None,
                        "reviewed_at": when,
                        "mode": ("exam" if (n // 10) % runs % 3 == 0 else "practice") if in_run else "flashcard",
                        "scheduler": "fsrs",
                        "rating": rating,
                        "correct": rating > 1,
                        "credit": 1.0 if rating > 1 else 0.0,
                        "response": None,
                        "duration_ms": rng.randint(1500, 40000),
                        "state_before": rng.choice((1, 2, 2, 2, 3)),
                        "interval_before": stability,
                        "card_before": None,
                        "card_after": {"state": 2, "stability": stability * 1.5, "difficulty": 5.0},
                    }

            for batch in _batches(review_rows()):
                _insert(conn, Review.__table__, batch)
    return HistoryStats(
        decks=decks,
        cards=cards,
        reviews=reviews if studied else 0,
        quiz_runs=runs,
        by_state=by_state,
        suspended=suspended,
    )


def main(argv: list[str]) -> None:
    folder, count = Path(argv[0]), int(argv[1])
    paths = make_banks(folder, count)
    print(json.dumps({"files": len(paths), "bytes": sum(p.stat().st_size for p in paths)}))


if __name__ == "__main__":
    main(sys.argv[1:])
