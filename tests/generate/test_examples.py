"""Examples under an "Examples" label, each after the name of what it shows."""

from __future__ import annotations

from quizapp.documents.outline import read_outline
from quizapp.generate.shapes import example_questions

LEVERS = """Levers

Three classes of lever are known.

examples -

Class one: a see-saw balanced on its middle post
Class two: a wheelbarrow carrying a load of sand
Class three: a pair of tongs picking up ice
Class four: a crowbar lifting a heavy stone
"""


def test_each_example_asks_which_name_it_shows() -> None:
    placed = example_questions(read_outline(LEVERS), lambda node: "t")
    asked = {p.draft.prompt: (p.draft.answer, sorted(p.draft.choices or []), p.line) for p in placed}
    answer, choices, line = asked["Which of these does this example show: “a pair of tongs picking up ice”?"]
    assert (answer, line) == ("Class three", 9)
    assert len(choices) == 4 and "Class three" in choices


def test_lines_named_without_an_examples_label_are_not_examples() -> None:
    text = LEVERS.replace("examples -", "Notes")
    assert example_questions(read_outline(text), lambda node: "t") == []
