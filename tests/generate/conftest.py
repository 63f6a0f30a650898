"""Fixtures for the generator's tests: the bundled notes and their bank, and the checks every bank must pass."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from quizapp.bank import Bank, BankQuestion, dump_bank
from quizapp.bank.load import check_text
from quizapp.documents import parse_text
from quizapp.generate.distractors import normalise
from quizapp.generate.pipeline import generate_bank

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
NOTES = ROOT / "question_bank" / "sources" / "india-japan-relations.txt"
DECK = "India–Japan Relations"
BLANK = "____"


@pytest.fixture(scope="session")
def notes_text() -> str:
    return NOTES.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled(notes_text: str) -> Bank:
    """The bank generated from the bundled India–Japan notes."""
    bank, _ = generate_bank(parse_text(notes_text, path=NOTES), deck=DECK, source="sources/india-japan-relations.txt")
    return bank


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _visible(answer: str, prompt: str) -> bool:
    """`answer` written in `prompt` as whole words (the blank aside)."""
    want, have = _words(answer), _words(prompt.replace(BLANK, " "))
    return bool(want) and any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1))


def wrong_value(question: BankQuestion) -> re.Match[str] | None:
    """A false statement's explanation ("It is X, not Y." or "The notes say X, not Y."): `right` X, `wrong` Y."""
    return re.search(r"(?:^|\s)(?:is|say|says|said)\s(?P<right>.+?), not (?P<wrong>.+)\.$", question.explanation or "")


def check_bank(bank: Bank, lines: Sequence[str]) -> None:
    """Everything a generated bank promises, whatever the document; `lines` are the document's lines."""
    text = dump_bank(bank)
    assert check_text(text, "x.yaml") == []
    ids = [q.id for q in bank.questions]
    assert len(ids) == len(set(ids)), "ids are unique"
    asked: set[tuple[str, str]] = set()
    for q in bank.questions:
        where = f"{q.id} ({q.type}) {q.prompt!r}"
        assert q.topic and q.topic.strip(), where
        assert q.tags, where
        assert q.source_line is not None and 1 <= q.source_line <= len(lines), where
        line = lines[q.source_line - 1]
        if q.source_text is not None:
            # The reader strips list markers and collapses spaces, so compare words: the sentence's first word
            # is on its line, and its first three words are read from that line on (a sentence may wrap).
            first = _words(q.source_text)[:3]
            assert first and first[0] in _words(line), f"{where}: line {q.source_line} is {line!r}"
            following = _words(" ".join(lines[q.source_line - 1 : q.source_line + 2]))
            assert any(following[i : i + 3] == first for i in range(len(following))), f"{where}: line {line!r}"
        else:  # a section's card points at its heading
            assert q.topic.casefold() in line.casefold(), where
        assert q.answer.strip(), where
        group = "typed" if q.type in ("cloze", "mcq", "short") else q.type
        key = (group, normalise(q.prompt))
        assert key not in asked, f"two questions ask the same thing: {where}"
        asked.add(key)
        if q.type in ("cloze", "mcq", "short", "list"):
            assert not _visible(q.answer, q.prompt), f"answer visible in its prompt: {where}"
            for item in q.items or []:
                assert not _visible(item, q.prompt), f"item {item!r} visible: {where}"
        if BLANK in q.prompt:
            assert q.prompt.count(BLANK) == 1, where
            assert not re.search(rf"\w{BLANK}|{BLANK}\w", q.prompt), f"blank splits a word: {where}"
        for opening, closing in (("“", "”"), ("(", ")"), ("[", "]")):
            assert q.prompt.count(opening) == q.prompt.count(closing), f"broken pair {opening}{closing}: {where}"
        assert q.prompt.count('"') % 2 == 0, where
        assert not re.match(r"^(?:It|They|This|These|Those|He|She)\b", q.prompt), f"prompt leans on another: {where}"
        if q.type == "mcq":
            assert q.choices is not None and len(q.choices) == 4, where
            assert q.choices.count(q.answer) == 1, where
            assert len({normalise(c) for c in q.choices}) == 4, f"equivalent choices: {where} {q.choices}"
        else:
            assert q.choices is None, where
        if q.type == "list":
            assert q.items and len(q.items) >= 2, where
            assert q.answer == ", ".join(q.items[:-1]) + " and " + q.items[-1], where
        if q.type == "truefalse":
            assert q.answer in ("True", "False"), where
            if q.answer == "True":
                assert q.source_text is not None
            else:
                # A false statement differs from its sentence, and the value put in is not in the sentence.
                match = wrong_value(q)
                assert match, where
                assert normalise(match["right"]) in normalise(q.source_text or "")
                assert normalise(match["wrong"]) not in normalise(q.source_text or ""), where
                assert match["wrong"] in q.prompt, where


@pytest.fixture
def sound_bank() -> Callable[[Bank, Sequence[str]], None]:
    return check_bank


@pytest.fixture
def wrong_values() -> Callable[[Bank, str], list[str]]:
    """The wrong values a bank offers for `answer`: its mcq distractors and what its false statements put in."""

    def values(bank: Bank, answer: str) -> list[str]:
        found: list[str] = []
        for q in bank.questions:
            if q.type == "mcq" and q.answer == answer:
                found.extend(c for c in q.choices or [] if c != answer)
            if q.type == "truefalse" and q.answer == "False":
                match = wrong_value(q)
                if match and match["right"] == answer:
                    found.append(match["wrong"])
        return found

    return values
