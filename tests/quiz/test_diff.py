"""Comparing character by character: the edit distance behind typos, and the diff shown after an answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.quiz.diff import char_diff, edit_distance, expected_line, typed_line


@pytest.mark.parametrize(
    ("a", "b", "limit", "distance"),
    [
        ("japan", "japan", None, 0),
        ("japan", "japna", None, 1),
        ("kitten", "sitting", None, 3),
        ("ca", "abc", None, 3),  # OSA: a swapped pair is not edited again
        ("", "abc", None, 3),
        ("bangladesh", "india", 2, 3),  # above the limit: limit + 1
        ("abcdef", "abcdxy", 1, 2),
    ],
)
def test_edit_distance(a: str, b: str, limit: int | None, distance: int) -> None:
    assert edit_distance(a, b, limit) == distance


@pytest.mark.parametrize(
    ("typed", "expected", "segments"),
    [
        ("Japan", "Japan", [("same", "Japan")]),
        ("japan", "Japan", [("same", "japan")]),  # case alone is not marked
        ("Japna", "Japan", [("same", "Jap"), ("missing", "a"), ("same", "n"), ("typed-wrong", "a")]),
        ("Jpan", "Japan", [("same", "J"), ("missing", "a"), ("same", "pan")]),
        ("1974", "1947", [("same", "19"), ("missing", "4"), ("same", "7"), ("typed-wrong", "4")]),
        ("Tokyo", "Delhi", [("typed-wrong", "Tokyo"), ("missing", "Delhi")]),
        ("", "Delhi", [("missing", "Delhi")]),
    ],
)
def test_char_diff(typed: str, expected: str, segments: list[tuple[str, str]]) -> None:
    assert char_diff(typed, expected) == segments


def test_char_diff_splits_into_anki_lines() -> None:
    segments = char_diff("Bangaldesh", "Bangladesh")
    assert "".join(text for _, text in typed_line(segments)) == "Bangaldesh"
    assert "".join(text for _, text in expected_line(segments)) == "Bangladesh"


@settings(max_examples=200)
@given(st.text(max_size=20), st.text(max_size=20))
def test_char_diff_gives_back_both_texts(typed: str, expected: str) -> None:
    segments = char_diff(typed, expected)
    assert "".join(text for kind, text in segments if kind != "missing") == typed.strip()
    assert "".join(text for kind, text in segments if kind != "typed-wrong").casefold() == expected.strip().casefold()
