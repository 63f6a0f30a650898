"""Negative marking: marks per question, totals, percentages, and markings typed by the student."""

from __future__ import annotations

import pytest

from quizapp.quiz.scoring import Marking, parse_marking, total


def test_default_marking_is_plus_two_minus_point_six_six() -> None:
    score = total(Marking(), [1.0, 1.0, 0.0, None, 1.0])
    assert (score.correct, score.wrong, score.unanswered) == (3, 1, 1)
    assert score.score == pytest.approx(6 - 0.66)
    assert score.maximum == 10
    assert score.percent == pytest.approx(53.4)


def test_one_quarter_negative_marking_can_go_below_zero() -> None:
    score = total(Marking(1, -0.25), [0.0, 0.0, 0.0, None])
    assert score.score == pytest.approx(-0.75)
    assert score.percent == pytest.approx(-18.75)


def test_a_part_right_list_earns_its_share_and_loses_nothing() -> None:
    marking = Marking()
    assert marking.marks(2 / 3) == pytest.approx(1.33)
    score = total(marking, [2 / 3])
    assert (score.score, score.correct, score.wrong) == (pytest.approx(1.33), 0, 1)


def test_unanswered_marks_apply() -> None:
    assert total(Marking(4, -1, -0.5), [None, None]).score == -1.0


def test_an_empty_quiz_is_zero_percent() -> None:
    assert total(Marking(), []).percent == 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2,-0.66", Marking(2, -0.66)), ("+1/-0.25", Marking(1, -0.25)), ("4 -1 -0.5", Marking(4, -1, -0.5))],
)
def test_markings_as_typed(text: str, expected: Marking) -> None:
    assert parse_marking(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("2", "right and wrong"), ("a,b", "numbers"), ("0,-1", "must earn marks"), ("2,0.5", "cannot earn marks")],
)
def test_bad_markings_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_marking(text)
