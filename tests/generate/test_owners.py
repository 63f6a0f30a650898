"""Points under sibling names: which of the siblings a point is true of, the siblings as the choices."""

from __future__ import annotations

from quizapp.documents import parse_markdown, parse_text
from quizapp.documents.outline import read_outline
from quizapp.generate.pipeline import generate_bank, lowercase_words
from quizapp.generate.shapes import owner_questions

GLACIERS = """# Glaciers

## Kinds of glacier

1. Valley Glaciers:
   - Features:
     - Cirques: bowl-shaped hollows carved high on a mountain side.
     - Aretes: knife-edged ridges between two cirques.
     - Moraines: ridges of rock debris dropped along the valley floor.
   - Examples: Siachen, Gangotri.
2. Piedmont Glaciers:
   - Features:
     - Lobes: broad fans of ice that spread out on a lowland plain.
     - Moraines: ridges of rock debris dropped along the valley floor.
   - Examples: Malaspina.
3. Continental Glaciers:
   - Features:
     - Ice domes: thick sheets that bury whole mountain ranges.
     - A continental ice sheet covers most of Antarctica.
   - Examples: Antarctic ice sheet.
"""

TREATIES = """# Rivers treaties

## Sections

### Introduction

- Many treaties share water between neighbours.
- Most of them are old.

### Background of disputes

- Dams upstream change the flow downstream.
- Floods cross borders every monsoon.

### Summary

- Sharing water needs trust on both sides.
- Data on river flow is exchanged every year.
"""

MIND_MAP = """Levers (mind map)
1. Class One
1.1. Balanced like a pair of scales.
1.1.1. example 1
1.1.1.1. A see-saw in a playground.
2. Class Two
2.1. Always multiplies the force put in.
2.1.1. example 1
2.1.1.1. A wheelbarrow full of sand.
3. Class Three
3.1. Moves the load further than the effort.
3.1.1. example 1
3.1.1.1. A pair of fishing tweezers.
"""


def _owned(text: str, *, markdown: bool = True) -> dict[str, tuple[str, list[str]]]:
    outline = read_outline(text, markdown=markdown)
    placed = owner_questions(outline, lambda node: "t", set(), lowercase_words(text))
    return {item.draft.prompt: (item.draft.answer, item.draft.choices or []) for item in placed}


def test_a_feature_of_one_sibling_asks_which_sibling_has_it() -> None:
    asked = _owned(GLACIERS)
    prompt = "Which glacier has this feature: “Cirques: bowl-shaped hollows carved high on a mountain side”?"
    assert asked[prompt][0] == "Valley Glaciers"
    assert sorted(asked[prompt][1]) == ["Continental Glaciers", "Piedmont Glaciers", "Valley Glaciers"]
    assert asked["Which glacier is this an example of: “Malaspina”?"][0] == "Piedmont Glaciers"


def test_a_point_two_siblings_share_or_one_that_names_its_sibling_is_not_asked() -> None:
    asked = _owned(GLACIERS)
    assert not [p for p in asked if "Moraines" in p]  # true of valley and piedmont glaciers both
    assert not [p for p in asked if "Antarctica" in p]  # "continental ice sheet" gives the answer away


def test_sections_of_the_notes_are_no_siblings_of_one_kind() -> None:
    assert _owned(TREATIES) == {}


def test_a_flat_mind_map_asks_which_branch_an_example_shows() -> None:
    asked = _owned(MIND_MAP, markdown=False)
    assert asked["“A wheelbarrow full of sand” is an example of which of these?"][0] == "Class Two"
    assert asked["Which of these does this describe: “Balanced like a pair of scales”?"][0] == "Class One"


def test_the_bank_keeps_one_question_a_point_with_the_same_answer_for_several_points() -> None:
    bank = generate_bank(parse_markdown(GLACIERS, title="Glaciers"))[0]
    owned = [q for q in bank.questions if "owner" in (q.tags or [])]
    answers = [q.answer for q in owned]
    assert answers.count("Valley Glaciers") >= 2  # each point a fact of its own, not a repeat of one answer
    assert len({q.source_line for q in owned}) == len(owned)
    plain = generate_bank(parse_text(MIND_MAP, title="Levers"))[0]
    assert any(q.answer == "Class Three" and "tweezers" in q.prompt for q in plain.questions)


WAVES = """# Sound in solids

## Waves in a rod

L WAVES:
- Longitudinal - the leading waves to arrive.
- Push and pull along the rod.

T WAVES:
- Shake the rod from side to side.
- Slower than L waves.

F WAVES:
- Bend the whole rod like a bow.
- Carry the most energy.
"""


def test_a_point_spelling_out_a_one_letter_name_is_not_asked() -> None:
    asked = _owned(WAVES)
    assert asked["Which wave does this describe: “Carry the most energy”?"][0] == "F waves"
    assert not [p for p in asked if "leading waves" in p]  # "Leading waves" spells out "L waves"


STAGES = """# Making paper

- STAGE 1 - Pulping - wood chips are cooked into a soft mass
  - Chipping the logs
  - Cooking with caustic soda
- STAGE 2 - Pressing - the mass is squeezed into a sheet
  - Draining on a wire mesh
  - Squeezing between felt rollers
- STAGE 3 - Finishing - the sheet is dried and smoothed
  - Calendering between steel rolls
  - Coating with clay
"""


def test_names_after_a_numbered_label_are_siblings_of_the_label_kind() -> None:
    asked = _owned(STAGES)
    assert asked["Which stage does this describe: “Coating with clay”?"] == (
        "Finishing",
        ["Finishing", *[c for c in asked["Which stage does this describe: “Coating with clay”?"][1][1:]]],
    )
    assert set(asked["Which stage does this describe: “Draining on a wire mesh”?"][1]) == {
        "Pulping",
        "Pressing",
        "Finishing",
    }


KINDS = """Salts and their kin

1. Oxides:
- Compounds of oxygen with one other element.
- Examples: CO2, MgO.
2. Hydrides:
- Compounds of hydrogen with one other element.
- Examples: NaH, CH4.
3. Halides:
- Compounds of a halogen with a less electronegative element.
"""


def test_plural_names_set_out_as_items_are_siblings_without_a_common_word() -> None:
    asked = _owned(KINDS, markdown=False)
    assert asked["“NaH, CH4” are examples of which of these?"][0] == "Hydrides"
    assert sorted(asked["“NaH, CH4” are examples of which of these?"][1]) == ["Halides", "Hydrides", "Oxides"]


def test_a_list_whose_points_are_asked_one_by_one_is_not_asked_whole_as_well() -> None:
    bank = generate_bank(parse_markdown(GLACIERS, title="Glaciers"))[0]
    owned_lines = {q.source_line for q in bank.questions if "owner" in (q.tags or [])}
    assert {7, 8} <= owned_lines  # cirques and aretes of valley glaciers
    assert not [q for q in bank.questions if q.type == "list" and q.source_line == 6]  # their "Features:" label


PASSES = """Himalayan passes

1. Khardung La
- Once called the highest motorable road in the world.
2. Nathu La
- Reopened for border trade with Tibet in 2006.
3. Shipki La
- Together with Nathu La it handles trade with Tibet by road.
4. Zoji La
- Links Srinagar with Leh in Ladakh.
"""


def test_a_sibling_the_point_names_is_no_wrong_choice_and_a_shared_name_word_is_no_kind() -> None:
    asked = _owned(PASSES, markdown=False)
    answer, choices = asked["Which of these does this describe: “Reopened for border trade with Tibet in 2006”?"]
    assert answer == "Nathu La" and set(choices) == {"Khardung La", "Nathu La", "Shipki La", "Zoji La"}
    prompt = "Which of these does this describe: “Together with Nathu La it handles trade with Tibet by road”?"
    answer, choices = asked[prompt]
    assert answer == "Shipki La" and "Nathu La" not in choices


def test_a_point_whose_every_name_other_siblings_share_is_not_asked_which() -> None:
    from quizapp.generate.shapes.owners import _no_name_of_its_own

    others = ["Located in Larkana, Sindh Province", "Located in Montgomery, Pakistan, Punjab"]
    assert _no_name_of_its_own("Located in Sindh, Pakistan", others)  # Sindh and Pakistan are both elsewhere
    assert not _no_name_of_its_own("Located in Khairpur, Sindh Province", others)  # Khairpur is its own


METALS = """Metals and non-metals

Metals
1. They are lustrous when freshly cut.
2. They are good conductors of heat.
3. They are malleable and ductile.

Non-metals
1. They are brittle in the solid state.
2. They are good conductors of heat.

Alloys
1. Alloys are mixtures of a metal with other elements.
2. They resist corrosion better than the pure metal.
"""

CHAPTERS = """## Beginnings

- The first satellite was launched from a fishing village.
- Scientists carried rocket parts on bicycles.

## Launch Vehicles

- The first rocket used solid fuel.
- The heavy rocket uses a cryogenic stage.

## Partnerships

- The agency works with foreign space agencies.
- A joint mission maps the Earth with radar.
"""


def test_points_that_say_they_of_plural_headings_ask_which_heading_they_are_true_of() -> None:
    asked = _owned(METALS, markdown=False)
    assert asked["Which of these are brittle in the solid state?"][0] == "Non-metals"
    assert sorted(asked["Which of these are malleable and ductile?"][1]) == ["Alloys", "Metals", "Non-metals"]
    assert not [p for p in asked if "conductors of heat" in p]  # said of metals and non-metals both


def test_headings_whose_points_name_their_own_subjects_are_parts_of_the_notes() -> None:
    assert _owned(CHAPTERS) == {}
