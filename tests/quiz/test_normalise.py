"""Normalising typed answers: each rule in a table, the pairs that must stay apart, and idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.quiz.normalise import answer_tokens, is_exact_token, normalise_answer


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        # case and Unicode forms
        ("TOKYO", "tokyo"),
        ("Ｔｏｋｙｏ", "tokyo"),  # full-width letters
        ("Straße", "strasse"),
        ("São Paulo", "sao paulo"),
        ("Sa\u0303o Paulo", "sao paulo"),  # the accent as a combining mark
        ("२०१९", "2019"),  # Devanagari digits
        ("ﬁnance", "finance"),  # a ligature
        # curly quotes, apostrophes and dashes
        ("“Malabar”", "malabar"),
        ("India’s", "indias"),
        ("India's", "indias"),
        ("Delhi–Mumbai", "delhi mumbai"),
        ("Delhi—Mumbai", "delhi mumbai"),
        ("mine-countermeasures exercise", "mine countermeasures exercise"),
        # punctuation and spacing
        ("  New   York. ", "new york"),
        ("New\tYork!", "new york"),
        ("U.S.A.", "usa"),
        ("Cope India (2018)", "cope india 2018"),
        ("AI & IoT", "ai and iot"),
        # leading articles, and only leading ones
        ("The Quad", "quad"),
        ("the Quad", "quad"),
        ("an Agreement", "agreement"),
        ("a treaty", "treaty"),
        ("the the Quad", "quad"),
        ("Law of the Sea", "law of the sea"),
        ("A", "a"),  # a lone article stays, so an answer never vanishes
        # currencies
        ("₹500", "rs 500"),
        ("Rs. 500", "rs 500"),
        ("INR 500", "rs 500"),
        ("500 rupees", "rs 500"),
        ("Rs 50,000 crore", "rs 50000 crore"),
        ("₹50000 crore", "rs 50000 crore"),
        ("50,000 crore rupees", "rs 50000 crore"),
        ("Rs 50,000 cr", "rs 50000 crore"),
        ("$90 billion", "$ 90 billion"),
        ("US$ 90 billion", "$ 90 billion"),
        ("US $90 bn", "$ 90 billion"),
        ("USD 90 billion", "$ 90 billion"),
        ("90 billion dollars", "$ 90 billion"),
        ("2.5%", "2.5 percent"),
        ("2.5 per cent", "2.5 percent"),
        # thousands separators, Western and Indian
        ("50,000", "50000"),
        ("1,50,000", "150000"),
        ("12,34,567", "1234567"),
        ("1,234,567", "1234567"),
        ("1,234.5", "1234.5"),
        ("2.5", "2.5"),
        # dates
        ("28 April 1952", "28 april 1952"),
        ("April 28, 1952", "28 april 1952"),
        ("28th April 1952", "28 april 1952"),
        ("the 28th of April, 1952", "28 april 1952"),
        ("28 Apr. 1952", "28 april 1952"),
        ("Apr 28th 1952", "28 april 1952"),
        ("1952-04-28", "28 april 1952"),
        ("Sept 2019", "september 2019"),
        ("June 2019", "june 2019"),
        ("September-October 2019", "september october 2019"),
        # ranks and numbers
        ("14th", "14th"),
        ("14 th", "14th"),
        ("0.ST", "0th"),  # found by the idempotence test: the suffix joins across any separator
        ("twenty th", "20th"),  # and after a number spelled out
        ("fourteenth", "14th"),
        ("twenty-first", "21st"),
        ("four", "4"),
        ("FY18", "fy 18"),
        ("FY 18", "fy 18"),
        ("2+2", "2 2"),
        ("-5", "-5"),
    ],
)
def test_each_normalisation(typed: str, normal: str) -> None:
    assert normalise_answer(typed) == normal


@pytest.mark.parametrize(
    "spellings",
    [
        ["28 April 1952", "April 28, 1952", "28th April 1952", "28 Apr 1952", "1952-04-28"],
        ["Rs 50,000 crore", "₹50000 crore", "rs 50000 crore", "Rs. 50000 Crore", "INR 50,000 crores"],
        ["$90 billion", "US$ 90 billion", "US $ 90 billion", "$ 90 bn"],
        ["the Quad", "Quad", "QUAD"],
        ["Rs 1,50,000", "₹150000", "Rs 150,000"],
    ],
)
def test_spellings_of_one_answer_normalise_alike(spellings: list[str]) -> None:
    assert len({normalise_answer(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("1947", "1974"),
        ("14th", "40th"),
        ("28 April 1952", "28 April 1925"),
        ("28 April 1952", "29 April 1952"),
        ("Rs 50,000 crore", "Rs 5,000 crore"),
        ("$90 billion", "$90 million"),
        ("$90 billion", "Rs 90 billion"),
        ("2.5", "25"),
        ("June 2019", "July 2019"),
        ("1,50,000", "15,000"),
    ],
)
def test_different_quantities_stay_different(one: str, other: str) -> None:
    assert normalise_answer(one) != normalise_answer(other)


@pytest.mark.parametrize(
    ("token", "exact"),
    [("1952", True), ("14th", True), ("$", True), ("rs", True), ("crore", True), ("april", True), ("japan", False)],
)
def test_exact_tokens(token: str, exact: bool) -> None:
    assert is_exact_token(token) is exact


def test_tokens_are_the_words_of_the_normal_form() -> None:
    assert answer_tokens("April 28, 1952") == ["28", "april", "1952"]


_FRAGMENTS = st.sampled_from(
    [
        "The ",
        "a ",
        "US$",
        "$",
        "₹",
        "Rs.",
        "rupees",
        "50,000",
        "1,50,000",
        "crore",
        "bn",
        "%",
        "per cent",
        "April",
        "Apr",
        "may",
        " of ",
        "28th",
        "14 th",
        "1952",
        "1952-04-28",
        "twenty",
        "first",
        "st",
        "th",
        "one",
        "U.S.",
        "’s",
        "–",
        "-",
        ".",
        ",",
        " and ",
        "&",
        "São",
        "İ",
        "ß",
        "\u0301",
        "\u200b",
        "हिन्दी",
        "२",
        " ",
        "x",
        "7",
    ]
)


@settings(max_examples=200)
@given(st.one_of(st.text(max_size=40), st.lists(_FRAGMENTS, max_size=12).map("".join)))
def test_normalising_is_idempotent(text: str) -> None:
    once = normalise_answer(text)
    assert normalise_answer(once) == once
