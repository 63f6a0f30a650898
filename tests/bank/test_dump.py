"""Dumping banks (load(dump(bank)) gives the bank back, byte-stable output) and the stable ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.bank import Bank, BankQuestion, dump_bank, load_bank
from quizapp.bank.ids import deck_prefix, stable_id

BUNDLED_BANK = Path(__file__).resolve().parents[2] / "question_bank" / "india-japan-relations.yaml"


def reload(folder: Path, bank: Bank, name: str = "dumped.yaml") -> Bank:
    """Dump the bank to a file and load it back, failing on any problem."""
    path = folder / name
    path.write_text(dump_bank(bank), encoding="utf-8")
    loaded, problems = load_bank(path)
    assert problems == [], [str(p) for p in problems] + [dump_bank(bank)]
    assert loaded is not None
    return loaded


def sample_bank() -> Bank:
    return Bank(
        deck="India–Japan Relations",
        source="sources/india-japan-relations.txt",
        questions=[
            BankQuestion(
                id="ijr-1",
                type="mcq",
                topic="Dates",
                prompt="When: the year?",
                answer="1952",
                choices=["1947", "1952", "True", "null"],
                accept=["'52"],
                explanation="# not a comment",
                source_line=1,
                source_text="Relations began in 1952.",
                tags=["date"],
            ),
            BankQuestion(id="ijr-2", type="cloze", prompt="____ is a quad member.", answer="- Japan"),
            BankQuestion(id="ijr-3", type="truefalse", prompt="yes", answer="False", source_line=3),
            BankQuestion(
                id="ijr-4",
                type="flashcard",
                prompt="ODA",
                answer="Official Development Assistance",
                source_text="ODA: aid.",
            ),
            BankQuestion(id="ijr-5", type="short", prompt="3.50?", answer="3.50", accept=["3.5"]),
            BankQuestion(
                id="ijr-6",
                type="list",
                prompt="The Quad?",
                answer="India, US, Japan, Australia",
                items=["India", "US", "Japan", "Australia"],
            ),
        ],
    )


# -- fixed examples --------------------------------------------------------------------------------


def test_round_trip_of_every_type(tmp_path: Path) -> None:
    bank = sample_bank()
    loaded = reload(tmp_path, bank)
    assert (loaded.deck, loaded.source) == (bank.deck, bank.source)
    assert loaded.questions == bank.questions


def test_round_trip_of_the_bundled_bank(tmp_path: Path) -> None:
    bank, problems = load_bank(BUNDLED_BANK)
    assert problems == [] and bank is not None
    loaded = reload(tmp_path, bank)
    assert loaded.deck == bank.deck
    assert loaded.questions == bank.questions
    assert [q.content_hash() for q in loaded.questions] == [q.content_hash() for q in bank.questions]


def test_dump_is_deterministic(tmp_path: Path) -> None:
    text = dump_bank(sample_bank())
    assert dump_bank(sample_bank()) == text
    # Dumping what was loaded from a dump gives the very same text.
    assert dump_bank(reload(tmp_path, sample_bank())) == text


def test_dump_layout() -> None:
    text = dump_bank(sample_bank())
    lines = text.splitlines()
    assert lines[:4] == [
        "deck: India–Japan Relations",
        "source: sources/india-japan-relations.txt",
        "questions:",
        "  - id: ijr-1",
    ]
    # Keys in the documented order, lists and the source inline, numbers-as-text quoted.
    first = text.split("  - id: ijr-2")[0].split("questions:\n")[1]
    keys = re.findall(r"^\s+(?:- )?(\w+):", first, flags=re.MULTILINE)
    assert keys == [
        "id",
        "type",
        "topic",
        "prompt",
        "answer",
        "choices",
        "accept",
        "explanation",
        "source",
        "tags",
    ]
    assert "    choices: ['1947', '1952', 'True', 'null']" in lines
    assert "    source: {line: 1, text: Relations began in 1952.}" in lines
    assert "    answer: '1952'" in lines


def test_dump_leaves_out_empty_optional_fields() -> None:
    bank = Bank(deck="D", questions=[BankQuestion(id="q1", type="short", prompt="p", answer="a")])
    assert dump_bank(bank) == "deck: D\nquestions:\n  - id: q1\n    type: short\n    prompt: p\n    answer: a\n"


# -- the round trip as a property ------------------------------------------------------------------

TRICKY = [
    "1952",
    "3.50",
    "007",
    "1e3",
    "0x1F",
    "1_000",
    ".inf",
    "-1",
    "+1",
    "2024-01-05",
    "12:30",
    "True",
    "False",
    "true",
    "yes",
    "No",
    "on",
    "off",
    "y",
    "n",
    "null",
    "Null",
    "~",
    "<<",
    "=",
    "- item",
    "-",
    "--- ",
    "...",
    "? key",
    "a: b",
    "key:",
    "a #b",
    "# not a comment",
    "#",
    "'single'",
    '"double"',
    "it's",
    'say "hi"',
    "[a, b]",
    "{a: b}",
    "a, b",
    "*alias",
    "&anchor",
    "!tag",
    "%YAML",
    "@at",
    "`tick`",
    "|",
    ">",
    "|-",
    "\\",
    "back\\slash",
    "India–Japan",
    "日本と印度",
    "café",
    "emoji 🎌",
    "a\u2028b",
    "a\u2029b",
    "zero\u200bwidth",
    "\ufeffbom",
    "non\u00a0breaking",
    "x" * 120,
    " ".join(["word"] * 40),
    "a  b",
    "a   b " * 30,
]

# Any characters but control ones (and surrogates, which cannot be written); the loader strips outer space.
plain_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)
text = (
    st.one_of(
        st.sampled_from(TRICKY),
        plain_text,
        st.builds(lambda a, b: f"{a} {b}", st.sampled_from(TRICKY), plain_text),
        st.builds(lambda a, b: f"{a}{b}", plain_text, st.sampled_from(TRICKY)),
    )
    .map(str.strip)
    .filter(bool)
)
optional_text = st.none() | text
text_list = st.lists(text, max_size=3)
ids = st.one_of(
    st.sampled_from(["1952", "True", "null", "yes", "-x", "#1", "a:b", "ijr-7f3a91c2"]),
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), min_size=1, max_size=30),
).filter(lambda s: s and not any(ch.isspace() for ch in s) and len(s) <= 100)


def distinct(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    """Entries that differ even ignoring case, as choices and items must."""
    return st.lists(text, min_size=min_size, max_size=max_size, unique_by=str.casefold)


@st.composite
def questions(draw: st.DrawFn, qid: str) -> BankQuestion:
    qtype = draw(st.sampled_from(["mcq", "cloze", "short", "truefalse", "flashcard", "list"]))
    prompt = draw(text)
    answer = draw(text)
    choices = items = None
    if qtype == "mcq":
        choices = draw(distinct(2, 6))
        answer = draw(st.sampled_from(choices))
    elif qtype == "truefalse":
        answer = draw(st.sampled_from(["True", "False"]))
    elif qtype == "list":
        items = draw(distinct(2, 5))
    elif qtype == "cloze":
        prompt = draw(st.builds(lambda a, b: f"{a} ____ {b}".strip(), st.just("") | text, st.just("") | text))
    return BankQuestion(
        id=qid,
        type=qtype,
        prompt=prompt,
        answer=answer,
        topic=draw(optional_text),
        choices=choices,
        accept=draw(text_list),
        items=items,
        explanation=draw(optional_text),
        source_line=draw(st.none() | st.integers(min_value=1, max_value=10**9)),
        source_text=draw(optional_text),
        tags=draw(text_list),
    )


@st.composite
def banks(draw: st.DrawFn) -> Bank:
    question_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    return Bank(
        deck=draw(text),
        source=draw(optional_text),
        questions=[draw(questions(qid)) for qid in question_ids],
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bank=banks())
def test_load_of_dump_gives_the_same_bank(tmp_path: Path, bank: Bank) -> None:
    loaded = reload(tmp_path, bank)
    assert loaded.deck == bank.deck
    assert loaded.source == bank.source
    assert loaded.questions == bank.questions
    assert dump_bank(loaded) == dump_bank(bank)


# -- stable ids ------------------------------------------------------------------------------------


def test_stable_id_is_deterministic_and_well_formed() -> None:
    first = stable_id("ijr", "India and Japan established relations in 1952.", "mcq", "1952")
    assert first == stable_id("ijr", "India and Japan established relations in 1952.", "mcq", "1952")
    assert re.fullmatch(r"ijr-[0-9a-f]{8}", first)
    assert re.fullmatch(r"ijr-[0-9a-f]{12}", stable_id("ijr", "a", length=12))
    assert stable_id("ijr", "a", length=12).startswith(stable_id("ijr", "a"))


def test_stable_id_known_value() -> None:
    # Pinned: a changed digest would re-id every question of every bank already imported.
    assert stable_id("q", "a", "b") == "q-" + __import__("hashlib").sha1(b"a\x1fb").hexdigest()[:8]


@pytest.mark.parametrize(
    "other",
    [
        ("xyz", "sentence", "mcq", "1952"),
        ("ijr", "sentence!", "mcq", "1952"),
        ("ijr", "sentence", "cloze", "1952"),
        ("ijr", "sentence", "mcq", "1953"),
        ("ijr", "sentence", "mcq"),
        ("ijr", "sentence", "mcq", "1952", ""),
        ("ijr", "sentencemcq", "", "1952"),
    ],
)
def test_stable_id_differs_when_any_part_differs(other: tuple[str, ...]) -> None:
    assert stable_id(*other) != stable_id("ijr", "sentence", "mcq", "1952")


def test_stable_id_part_boundaries_matter() -> None:
    assert stable_id("p", "ab", "c") != stable_id("p", "a", "bc")


@pytest.mark.parametrize(
    ("deck", "prefix"),
    [
        ("India–Japan Relations", "ijr"),
        ("India-Japan Relations", "ijr"),
        ("Économie générale", "eg"),
        ("World War 2", "ww2"),
        ("a b c d e f g h", "abcdef"),
        ("日本", "q"),
        ("", "q"),
        ("  --  ", "q"),
    ],
)
def test_deck_prefix(deck: str, prefix: str) -> None:
    assert deck_prefix(deck) == prefix
