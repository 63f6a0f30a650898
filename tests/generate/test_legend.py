"""A formula's legend: what each symbol stands for, asked in the formula the notes write it in."""

from __future__ import annotations

from quizapp.documents.outline import read_outline
from quizapp.generate.shapes import legend_questions

OHM = """# Current electricity

## Ohm's law

V = I * R

P = V * I

- V = Potential Difference
- I = Electric Current
- R = Electrical Resistance
- P = Electric Power
- Q = Electric Charge
- W = Work Done
- t = Time Taken
"""


def test_each_symbol_is_asked_in_its_formula_with_the_legend_as_choices() -> None:
    placed = legend_questions(read_outline(OHM, markdown=True), lambda node: "t")
    asked = {p.draft.prompt: (p.draft.answer, p.draft.choices or [], p.line) for p in placed}
    answer, choices, line = asked["In “V = I * R”, what does R stand for?"]
    assert (answer, line) == ("Electrical Resistance", 11)
    # "Electric Current" is no choice for R: I stands for it in the same formula.
    assert "Electric Current" not in choices and "Potential Difference" not in choices and len(choices) == 4
    assert asked["In “P = V * I”, what does P stand for?"][0] == "Electric Power"  # the nearest formula with P


def test_a_symbol_the_formula_gives_a_value_is_not_asked() -> None:
    text = (
        "# Force\n\nF = k * m * a (as k = 1)\n\n- k = Constant\n- m = Mass of body\n- a = Rate of change\n- v = Speed\n"
    )
    prompts = [p.draft.prompt for p in legend_questions(read_outline(text, markdown=True), lambda node: "t")]
    assert not [p for p in prompts if "what does k" in p]


def test_a_list_of_pairs_with_no_formula_above_is_no_legend() -> None:
    text = "# Capitals\n\n- A = Apple Land\n- B = Berry Town\n- C = Cherry Vale\n"
    assert legend_questions(read_outline(text, markdown=True), lambda node: "t") == []


def test_a_symbol_that_is_its_word_s_first_letter_is_not_asked() -> None:
    text = "# Work\n\nW = F * d\n\nP = W / t\n\n- W = Work done\n- F = Applied force\n- d = Distance moved\n- t = Time taken\n- P = Rate of doing work\n"
    prompts = [p.draft.prompt for p in legend_questions(read_outline(text, markdown=True), lambda node: "t")]
    assert prompts == ["In “W = F * d”, what does F stand for?", "In “P = W / t”, what does P stand for?"]
