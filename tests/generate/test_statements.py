"""Statement questions in the prelims form: "Consider the following statements … Which … is/are correct?"."""

from __future__ import annotations

from quizapp.documents import parse_text
from quizapp.generate.pipeline import generate_bank
from quizapp.generate.statements import Claim, statement_sets


def claim(line: int, shown: str, *, true: bool = True, topic: str = "Rivers") -> Claim:
    why = None if true else "The notes say the Godavari, not the Krishna."
    return Claim(line, shown, topic, shown, true, why)


def test_three_statements_ask_which_are_correct_with_the_right_combination_among_four() -> None:
    claims = [
        claim(3, "The Ganga rises at Gangotri."),
        claim(4, "The Krishna is the longest peninsular river.", true=False),
        claim(5, "The Narmada flows west into the Arabian Sea."),
    ]
    [placed] = statement_sets(claims, lambda topic: "the rivers of India")
    draft = placed.draft
    assert draft.type == "mcq" and "statements" in draft.tags
    assert draft.prompt.splitlines() == [
        "Consider the following statements about the rivers of India:",
        "1. The Ganga rises at Gangotri.",
        "2. The Krishna is the longest peninsular river.",
        "3. The Narmada flows west into the Arabian Sea.",
        "Which of the statements given above is/are correct?",
    ]
    assert draft.answer == "1 and 3 only"
    assert draft.choices is not None and len(draft.choices) == 4 and draft.choices.count("1 and 3 only") == 1
    assert draft.explanation == "Statement 2 is false: The notes say the Godavari, not the Krishna."
    assert placed.line == 3


def test_two_statements_take_the_papers_four_options() -> None:
    claims = [claim(3, "The Ganga rises at Gangotri.", true=False), claim(9, "The Kaveri flows east.", topic="South")]
    [placed] = statement_sets(claims, lambda topic: None)
    assert placed.draft.choices == ["1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2"]
    assert placed.draft.answer == "2 only"
    assert placed.draft.prompt.startswith("Consider the following statements:\n")  # two sections: no one subject


def test_a_lone_statement_and_a_set_all_false_are_not_asked() -> None:
    assert statement_sets([claim(3, "The Ganga rises at Gangotri.", true=False)], lambda topic: None) == []
    wrong = [claim(n, f"River {n} is long.", true=False) for n in (3, 4, 5)]
    assert statement_sets(wrong, lambda topic: None) == []


NOTES = """The Two Houses

A money bill can be introduced only in the Lower House.
The Upper House cannot be dissolved at any time.
The Lower House alone can pass a vote of no confidence.
The Upper House can only discuss the budget.
Members of the Lower House are directly elected by the people.
Members of the Upper House are elected by the state assemblies.
The Speaker presides over a joint sitting of the Lower House and the Upper House.
The Upper House has special powers over the state list.
The Lower House has more members than the Upper House.
"""


def test_statements_the_quarter_of_true_false_leaves_out_are_judged_together() -> None:
    bank, _ = generate_bank(parse_text(NOTES), deck="Parliament")
    sets = [q for q in bank.questions if q.prompt.startswith("Consider the following statements")]
    truefalse = [q for q in bank.questions if q.type == "truefalse"]
    assert len(truefalse) <= len(bank.questions) / 4
    assert sets, [q.prompt for q in bank.questions]
    for question in sets:
        statements = question.prompt.splitlines()[1:-1]
        assert 2 <= len(statements) <= 3
        assert question.choices is not None and question.answer in question.choices
        asked_elsewhere = {q.source_line for q in bank.questions if q is not question}
        assert question.source_line not in asked_elsewhere  # a line no other question asks
        assert question.prompt.startswith("Consider the following statements about the Two Houses:")
    swapped = [q for q in sets if "only in the Upper House" in q.prompt]
    assert swapped and "Statement 1 is false: The notes say Lower House, not Upper House." in (
        swapped[0].explanation or ""
    )
