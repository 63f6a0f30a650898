"""Sentence splitting: abbreviations kept whole, glued periods split, and the line each sentence starts on."""

from __future__ import annotations

import pytest

from quizapp.documents import parse_text
from quizapp.documents.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [sentence.text for _, _, sentence in parse_text(text).sentences()]


@pytest.mark.parametrize(
    "text",
    [
        "The project costs Rs. 500 cr. in all.",
        "Approx. 300 officials attended the summit.",
        "The U.S. and Japan held talks.",
        "Dr. Rao led the Indian side.",
        "Growth was 3.5 per cent last year.",
        "See Fig.2 for the trade figures.",
        "Some partners, e.g.Japan, invest heavily.",
        "The U.S.A is a member of the Quad.",
        "The gap is large vs.Japan today.",
    ],
)
def test_abbreviations_and_numbers_stay_inside_one_sentence(text: str) -> None:
    assert sentences(f"{text} Japan ranks 12th.") == [text, "Japan ranks 12th."]


def test_glued_period_after_a_year_is_split() -> None:
    assert sentences("Relations began on 28 April 1952.Japan is a key partner.") == [
        "Relations began on 28 April 1952.",
        "Japan is a key partner.",
    ]


def test_glued_period_after_a_lowercase_word_is_split() -> None:
    assert sentences("They met last year.The talks went well.") == [
        "They met last year.",
        "The talks went well.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dr.Rao arrived",
        "visit www.mea.Gov today",
        "a.m.Japan time",
    ],
)
def test_glued_periods_that_are_not_sentence_ends(text: str) -> None:
    assert sentences(f"{text}.") == [f"{text}."]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("Is Japan a partner? Yes! It is.") == ["Is Japan a partner?", "Yes!", "It is."]


def test_sentence_lines_in_a_paragraph_spanning_lines() -> None:
    text = "India and Japan are\npartners. Trade grew\nin 2019. Talks\nwere held. A fourth one.\n"
    found = [(sentence.text, sentence.line) for _, _, sentence in parse_text(text).sentences()]
    assert found == [
        ("India and Japan are partners.", 1),
        ("Trade grew in 2019.", 2),
        ("Talks were held.", 3),
        ("A fourth one.", 4),
    ]


def test_sentence_starting_at_the_start_of_a_line_gets_that_line() -> None:
    text = "Japan is a partner.\nIndia is a partner.\n"
    assert [s.line for _, _, s in parse_text(text).sentences()] == [1, 2]


def test_whitespace_is_collapsed() -> None:
    assert sentences("Japan \t is   a\u00a0partner.\n   India   too.") == [
        "Japan is a partner.",
        "India too.",
    ]


def test_stray_punctuation_joins_the_sentence_before_it() -> None:
    assert sentences("Japan is a partner. !!") == ["Japan is a partner. !!"]


def test_split_sentences_skips_empty_parts_and_keeps_offsets() -> None:
    text, found = split_sentences([(3, "  "), (4, "Japan is first."), (5, ""), (6, "India is second.")])
    assert text == "Japan is first. India is second."
    assert [(s.text, s.line) for s in found] == [("Japan is first.", 4), ("India is second.", 6)]


def test_split_sentences_of_nothing_but_punctuation() -> None:
    assert split_sentences([(1, "— ... —")]) == ("— ... —", [])
