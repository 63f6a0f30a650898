"""Grading rules in tables: typed answers, typos, acronyms, lists, choices, true/false and overrides."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizapp.bank.load import load_bank
from quizapp.db.models import Question
from quizapp.quiz.grading import (
    Grade,
    acronym_map,
    grade,
    grade_choice,
    grade_truefalse,
    grade_typed,
    overridden,
    typo_allowance,
)

BANK = Path(__file__).resolve().parents[2] / "question_bank" / "india-japan-relations.yaml"
ODA = {"ODA": "Official Development Assistance"}


@dataclass
class Q:
    """A question without a database: just the fields grading reads."""

    type: str
    answer: str
    prompt: str = "Answer this."
    choices: list[str] | None = None
    accept: list[str] | None = None
    items: list[str] | None = None
    source_text: str | None = None


# -- typed answers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("Tokyo", "TOKYO"),
        ("São Paulo", "Sao Paulo"),
        ("Delhi–Mumbai Freight Corridor", "delhi-mumbai freight corridor"),
        ("New York", "  new   york. "),
        ("Quad", "the Quad"),
        ("The Quad", "Quad"),
        ("India’s Act East Policy", "Indias act east policy"),
        ("Rs 50,000 crore", "₹50000 crore"),
        ("Rs 50,000 crore", "rs 50000 crore"),
        ("$90 billion", "US$ 90 billion"),
        ("Rs 1,50,000", "Rs 150000"),
        ("28 April 1952", "April 28, 1952"),
        ("28 April 1952", "28th April 1952"),
        ("14th", "fourteenth"),
        ("FY18", "FY 18"),
        ("2+2", "2 + 2"),
    ],
)
def test_typed_answers_right_after_normalising(answer: str, typed: str) -> None:
    verdict = grade(Q("short", answer), typed)
    assert verdict.correct and verdict.credit == 1.0
    assert verdict.note == ""


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("1947", "1974"),
        ("14th", "40th"),
        ("14th", "41th"),
        ("1958", "1985"),
        ("28 April 1952", "28 April 1925"),
        ("28 April 1952", "28 March 1952"),
        ("Rs 50,000 crore", "Rs 5,000 crore"),
        ("Rs 50,000 crore", "50,000 crore"),
        ("$90 billion", "$90 million"),
        ("Malabar 2019", "Malabar 2018"),
        ("FY18", "FY19"),
        ("June 2019", "July 2019"),
    ],
)
def test_numbers_dates_amounts_and_ranks_must_match_exactly(answer: str, typed: str) -> None:
    verdict = grade(Q("short", answer), typed)
    assert not verdict.correct and verdict.credit == 0.0


@pytest.mark.parametrize(
    ("answer", "typed", "right", "note"),
    [
        ("Japan", "Japna", True, "one typo"),  # a swap of neighbours is one typo
        ("Japan", "Jpan", True, "one typo"),
        ("Japan", "Jepen", False, ""),  # two typos on a short name
        ("Sri Lanka", "Sri Lnaka", True, "one typo"),  # 8 letters: still one
        ("Sri Lanka", "Sri Lnaak", False, ""),
        ("Bangladesh", "Bangaldesh", True, "one typo"),
        ("Bangladesh", "Bengaldesh", True, "two typos"),  # 10 letters: two
        ("Bangladesh", "Bengaldash", False, ""),
        ("Iran", "Iraq", False, ""),  # too short to forgive anything
        ("ODA", "ADA", False, ""),
        ("Cope India 2018", "Cope Inda 2018", True, "one typo"),  # letters may slip, the year may not
        ("Cope India 2018", "Cope India 2O18", False, ""),
        ("Malabar 2019", "Malabar 2091", False, ""),
    ],
)
def test_typo_limits(answer: str, typed: str, right: bool, note: str) -> None:
    verdict = grade(Q("cloze", answer, prompt="____"), typed)
    assert verdict.correct is right
    assert verdict.note == note


@pytest.mark.parametrize(
    ("tokens", "allowance"),
    [
        (["iran"], 0),
        (["japan"], 1),
        (["sri", "lanka"], 1),
        (["bangladesh"], 2),
        (["28", "april", "1952"], 0),  # nothing in a date may be mistyped
        (["malabar", "2019"], 1),
        (["rs", "50000", "crore"], 0),
    ],
)
def test_typo_allowance_counts_only_letters_that_may_slip(tokens: list[str], allowance: int) -> None:
    assert typo_allowance(tokens) == allowance


@pytest.mark.parametrize("kind", ["short", "cloze", "flashcard", "list", "mcq", "truefalse"])
@pytest.mark.parametrize("typed", ["", "   ", "\n\t"])
def test_empty_answers_are_wrong(kind: str, typed: str) -> None:
    question = Q(kind, "True" if kind == "truefalse" else "Japan", choices=["Japan", "India"], items=["Japan"])
    verdict = grade(question, typed)
    assert verdict == Grade(False, 0.0, question.answer, missing=("Japan",) if kind == "list" else ())


def test_flashcards_are_graded_like_short_answers() -> None:
    card = Q("flashcard", "Quadrilateral Security Dialogue")
    assert grade(card, "quadrilateral security dialog").correct
    assert not grade(card, "security dialogue").correct


def test_accepted_alternatives_count_and_say_so() -> None:
    question = Q("cloze", "Dharma Guardian-2019", prompt="the second “____”", accept=["Dharma Guardian"])
    assert grade(question, "Dharma Guardian-2019").note == ""
    verdict = grade(question, "dharma guardian")
    assert verdict.correct and verdict.note == "matches the accepted 'Dharma Guardian'"
    assert grade(question, "Dharma Gaurdian").note == "matches the accepted 'Dharma Guardian'; one typo"
    assert not grade(question, "Dharma").correct


def test_an_alternative_that_only_respells_the_answer_is_reported_as_the_answer() -> None:
    question = Q("short", "28 April 1952", accept=["April 28, 1952"])
    assert grade(question, "April 28, 1952") == Grade(True, 1.0, "28 April 1952")


# -- acronyms -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "typed"),
    [
        ("Official Development Assistance", "ODA"),
        ("ODA", "Official Development Assistance"),
        ("ODA", "official development assistance"),
        ("ODA loans", "Official Development Assistance loans"),
        ("Official Development Assistance loans", "the ODA loans"),
    ],
)
def test_an_acronym_stands_for_its_expansion_both_ways(answer: str, typed: str) -> None:
    verdict = grade_typed(Q("short", answer, prompt="Japan lends India through ____."), typed, acronyms=ODA)
    assert verdict.correct
    assert verdict.note == "ODA = Official Development Assistance"


def test_without_the_acronym_known_it_is_just_a_wrong_word() -> None:
    question = Q("short", "Official Development Assistance", prompt="Japan lends through ____.")
    assert not grade(question, "ODA", acronyms={}).correct


def test_the_acronym_the_prompt_shows_earns_nothing() -> None:
    question = Q("short", "Official Development Assistance", prompt="What does ODA stand for?")
    assert not grade(question, "ODA", acronyms=ODA).correct
    assert grade(question, "Official Development Asistance", acronyms=ODA).correct


def test_by_default_the_acronyms_come_from_the_source_sentence() -> None:
    question = Q(
        "cloze",
        "Acquisition and Cross-Servicing Agreement",
        prompt="Negotiations on the ____ progressed.",
        source_text="Negotiations on the Acquisition and Cross-Servicing Agreement (ACSA) progressed.",
    )
    assert grade(question, "ACSA").correct
    assert not grade(question, "ACSA", acronyms={}).correct


def test_acronym_map_reads_both_ways_of_defining_one() -> None:
    texts = [
        "Japan gives ODA (Official Development Assistance) to India.",
        "The Acquisition and Cross-Servicing Agreement (ACSA) was signed.",
        None,
        "The ODA (Overseas Development Aid) figure.",  # a later definition does not replace the first
    ]
    assert acronym_map(texts) == {
        "ODA": "Official Development Assistance",
        "ACSA": "Acquisition and Cross-Servicing Agreement",
    }


# -- lists ----------------------------------------------------------------------------------------

QUAD = Q(
    "list",
    "India, United States, Japan and Australia",
    prompt="Who are the 4 members of the Quadrilateral Security Dialogue?",
    items=["India", "United States", "Japan", "Australia"],
)


@pytest.mark.parametrize(
    ("typed", "credit", "found", "wrong", "note"),
    [
        ("India, United States, Japan and Australia", 1.0, 4, (), ""),
        ("Australia; Japan; the United States; India", 1.0, 4, (), ""),
        ("japan\naustralia\nindia\nunited states", 1.0, 4, (), ""),
        ("Japan, India, Australia, and United States", 1.0, 4, (), ""),  # the Oxford comma
        ("Japan and Australia", 0.5, 2, (), "2 of 4 items"),
        ("Japan, Indai", 0.5, 2, (), "2 of 4 items; one typo"),
        ("Japan, China, India", 0.5, 2, ("China",), "2 of 4 items; 1 not on the list"),
        ("India, India, Japan", 0.5, 2, (), "2 of 4 items"),  # a repeat is ignored, not penalised
        ("India, United States, Japan, Australia and China", 1.0, 4, ("China",), "4 of 4 items; 1 not on the list"),
        ("Russia", 0.0, 0, ("Russia",), "0 of 4 items; 1 not on the list"),
    ],
)
def test_list_answers_any_order_with_partial_credit(
    typed: str, credit: float, found: int, wrong: tuple[str, ...], note: str
) -> None:
    verdict = grade(QUAD, typed)
    assert verdict.credit == credit
    assert len(verdict.found) == found
    assert len(verdict.missing) == 4 - found
    assert verdict.wrong == wrong
    assert verdict.correct is (found == 4 and not wrong)
    assert verdict.note == note


def test_list_results_name_items_in_the_questions_order() -> None:
    verdict = grade(QUAD, "Australia, India")
    assert verdict.found == ("India", "Australia")
    assert verdict.missing == ("United States", "Japan")


def test_list_items_holding_and_or_commas_stay_whole() -> None:
    question = Q(
        "list",
        "Trinidad and Tobago, Rs 50,000 crore and Japan",
        items=["Trinidad and Tobago", "Rs 50,000 crore", "Japan"],
    )
    verdict = grade(question, "Japan, Rs 50,000 crore and Trinidad & Tobago")
    assert verdict.correct and verdict.wrong == ()


def test_list_items_each_get_their_own_typo_allowance() -> None:
    question = Q("list", "Bangladesh, Myanmar and Sri Lanka", items=["Bangladesh", "Myanmar", "Sri Lanka"])
    assert grade(question, "Bengaldesh, Myanmar, Sri Lanka").correct  # two typos in a 10-letter item
    assert not grade(question, "Bangladesh, Mynmaar, Sri Lanka").correct  # two in a 7-letter one


def test_list_items_use_acronyms() -> None:
    question = Q("list", "AI, IoT and big data", items=["Artificial Intelligence", "IoT", "big data"])
    verdict = grade(question, "big data, IoT, AI", acronyms={"AI": "Artificial Intelligence"})
    assert verdict.correct and verdict.note == "AI = Artificial Intelligence"


def test_a_list_question_without_items_is_matched_whole() -> None:
    question = Q("list", "Bangladesh, Myanmar and Sri Lanka")
    assert grade(question, "bangladesh, myanmar & sri lanka").correct
    verdict = grade(question, "Myanmar, Bangladesh")
    assert not verdict.correct and verdict.credit == 0.0


# -- choices and true/false -----------------------------------------------------------------------

MCQ = Q("mcq", "1958", choices=["1949", "1958", "1966", "1961"])


@pytest.mark.parametrize(
    ("typed", "right", "note"),
    [
        ("b", True, ""),
        ("B", True, ""),
        ("2", True, ""),
        ("1958", True, ""),
        (" 1958 ", True, ""),
        ("a", False, ""),
        ("4", False, ""),
        ("1966", False, ""),
        ("e", False, "there is no choice e"),
        ("5", False, "there is no choice 5"),
    ],
)
def test_mcq_by_letter_digit_or_text(typed: str, right: bool, note: str) -> None:
    verdict = grade(MCQ, typed)
    assert (verdict.correct, verdict.credit, verdict.note) == (right, float(right), note)
    assert verdict.expected == "1958"


def test_grade_choice_takes_the_choice_text() -> None:
    question = Q("mcq", "Rs 38,000 crore", choices=["Rs 17,000 crore", "Rs 38,000 crore"])
    assert grade_choice(question, "Rs 38,000 crore").correct
    assert not grade_choice(question, "Rs 17,000 crore").correct
    assert not grade_choice(question, "").correct


@pytest.mark.parametrize(
    ("answer", "typed", "right"),
    [
        ("True", "t", True),
        ("True", "T", True),
        ("True", "true", True),
        ("True", "yes", True),
        ("True", "f", False),
        ("True", "no", False),
        ("False", "f", True),
        ("False", "False", True),
        ("False", "No", True),
        ("False", "t", False),
        ("False", "Yes", False),
    ],
)
def test_truefalse_forms(answer: str, typed: str, right: bool) -> None:
    assert grade(Q("truefalse", answer), typed).correct is right


def test_truefalse_nonsense_is_wrong_and_says_how_to_answer() -> None:
    verdict = grade(Q("truefalse", "True"), "maybe")
    assert verdict == Grade(False, 0.0, "True", note="answer t or f")


def test_grade_truefalse_by_what_was_said() -> None:
    assert grade_truefalse(Q("truefalse", "False"), said_true=False).correct
    assert not grade_truefalse(Q("truefalse", "False"), said_true=True).correct
    with pytest.raises(ValueError, match="True or False"):
        grade_truefalse(Q("truefalse", "Perhaps"), said_true=True)


# -- override -------------------------------------------------------------------------------------


def test_overridden_marks_right_and_says_so() -> None:
    wrong = grade(QUAD, "Japan, China")
    fixed = overridden(wrong)
    assert fixed.correct and fixed.credit == 1.0
    assert fixed.note == "marked right by you (graded: 1 of 4 items; 1 not on the list)"
    assert (fixed.expected, fixed.found, fixed.missing, fixed.wrong) == (
        wrong.expected,
        wrong.found,
        wrong.missing,
        wrong.wrong,
    )
    assert overridden(grade(Q("short", "1947"), "1974")).note == "marked right by you"


def test_a_grade_cannot_be_changed_in_place() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        grade(MCQ, "b").correct = False  # type: ignore[misc]


# -- real questions -------------------------------------------------------------------------------


def test_a_question_row_can_be_graded_without_a_database() -> None:
    row = Question(
        id="q-1",
        deck_id=1,
        position=0,
        type="cloze",
        prompt="India and Japan established relations on ____.",
        answer="28 April 1952",
        accept=["April 28, 1952"],
        content_hash="x",
    )
    assert grade(row, "april 28th, 1952").correct


def test_every_bundled_question_accepts_its_own_answers() -> None:
    bank, problems = load_bank(BANK)
    assert bank is not None and not problems
    acronyms = acronym_map(q.source_text for q in bank.questions)
    assert acronyms and all(acronyms.values())  # e.g. "AAGR" → "Asia-Africa Growth Corridor"
    for question in bank.questions:
        for response in [question.answer, *question.accept]:
            for known in (None, acronyms):
                verdict = grade(question, response, acronyms=known)
                assert verdict.correct and verdict.credit == 1.0, (question.id, response, verdict)
        if question.items:
            verdict = grade(question, "; ".join(reversed(question.items)), acronyms=acronyms)
            assert verdict.correct, (question.id, verdict)
