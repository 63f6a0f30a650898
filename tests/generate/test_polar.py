"""Two lists that weigh one thing: which of these is an advantage (or a drawback), the other list wrong."""

from __future__ import annotations

from quizapp.documents import parse_markdown
from quizapp.documents.outline import read_outline
from quizapp.generate.pipeline import generate_bank
from quizapp.generate.shapes import polar_questions

CANALS = """# Irrigation

## Canal irrigation

### Advantages

- Water reaches fields far from any river
- Two crops a year become possible
- Canals recharge the wells along their banks

### Disadvantages

- Seepage raises the water table and brings salts up
- Stagnant water breeds mosquitoes

## Well irrigation

Wells are dug where the water table is high.
"""


def test_each_point_of_one_side_is_asked_with_the_other_side_as_wrong_choices() -> None:
    placed = polar_questions(read_outline(CANALS, markdown=True), lambda node: "t", set())
    asked = {(p.draft.prompt, p.draft.answer): sorted(p.draft.choices or []) for p in placed}
    good = ("Which of these is one of the advantages of canal irrigation?", "Two crops a year become possible")
    assert asked[good] == sorted(
        ["Two crops a year become possible", "Seepage raises the water table and brings salts up",
         "Stagnant water breeds mosquitoes"]
    )
    bad = ("Which of these is one of the disadvantages of canal irrigation?", "Stagnant water breeds mosquitoes")
    assert len(asked[bad]) == 4
    # two wrong choices go round two questions, not three
    assert sum(prompt.startswith("Which of these is one of the advantages") for prompt, _ in asked) == 2


def test_the_bank_keeps_them_on_their_own_lines() -> None:
    bank = generate_bank(parse_markdown(CANALS, title="Irrigation"))[0]
    lines = {q.source_line for q in bank.questions if q.prompt.startswith("Which of these is one of the")}
    assert {7, 8, 13, 14} <= lines
