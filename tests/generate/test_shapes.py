"""Questions from the shape of the notes: the outline reader, Q/A pairs, term pairs, lists, order, tables, caps."""

from __future__ import annotations

import re
from collections import Counter

from quizapp.documents import parse_markdown, parse_text
from quizapp.documents.outline import read_outline
from quizapp.generate.pipeline import generate_bank

QA_NOTES = """TREES - QUESTIONS

Q1. Which tissue carries water up a tree?
Ans. Xylem.

Q2. Which tissue carries food down a tree?
Ans. Phloem.

Q3. What gives wood its strength?
Ans. Lignin.

Q4. Which gas do leaves take in?
Ans. Carbon dioxide.

Q5. Name the parts of a flower that make pollen.
Ans.
  1. Anthers
  2. Filaments
"""

GLOSSARY = """# Rocks

## Kinds of rock

- Igneous: rock formed when magma cools and hardens.
- Sedimentary: rock formed from layers of settled particles.
- Metamorphic: rock changed by heat and pressure deep underground.
- Plutonic: igneous rock that cooled slowly far below the surface.

## Stages of the rock cycle

1. Weathering
2. Erosion
3. Deposition
4. Compaction

## Minerals

| Mineral | Hardness | Colour |
|---|---|---|
| Talc | 1 | White |
| Gypsum | 2 | Grey |
| Calcite | 3 | Colourless |
| Quartz | 7 | Purple |
"""


def bank_of(text: str, *, markdown: bool = False):
    document = parse_markdown(text, title="Notes") if markdown else parse_text(text, title="Notes")
    return generate_bank(document)[0]


def test_the_outline_keeps_nesting_and_lines() -> None:
    outline = read_outline("Fruits:\n- Apple\n  - Red\n- Pear\n\nPlain text here.\n")
    apple = next(node for node in outline.nodes if node.text == "Apple")
    red = next(node for node in outline.nodes if node.text == "Red")
    assert (apple.line, red.line) == (2, 3)
    assert red.parent is apple
    assert apple.parent is not None and apple.parent.text == "Fruits:"
    assert next(node for node in outline.nodes if node.text == "Plain text here.").parent is None


def test_a_numbered_point_holds_the_bullets_at_its_margin() -> None:
    outline = read_outline("1. Harappa\n• Found by Sahni in 1921.\n2. Lothal\n• Found by Rao in 1954.\n")
    found = [node for node in outline.nodes if node.text.startswith("Found")]
    assert [node.parent.text for node in found] == ["Harappa", "Lothal"]  # type: ignore[union-attr]


def test_question_and_answer_pairs_are_asked_as_written() -> None:
    bank = bank_of(QA_NOTES)
    xylem = [q for q in bank.questions if q.prompt == "Which tissue carries water up a tree?"]
    assert [(q.answer, q.source_line) for q in xylem] == [("Xylem", 3)]
    assert xylem[0].type in ("mcq", "short")
    [parts] = [q for q in bank.questions if q.type == "list"]
    assert parts.prompt == "Name the parts of a flower that make pollen." and parts.items == ["Anthers", "Filaments"]
    assert not [q for q in bank.questions if "Ans." in q.prompt or q.prompt.endswith("in ____.")]


def test_a_term_and_its_definition_are_asked_once_from_the_definition_back() -> None:
    """One fact, one question: the card "What is igneous?" and "Which kind of rock is this: …?" ask the same fact,
    so only the second, with the sibling terms as choices, is kept."""
    bank = bank_of(GLOSSARY, markdown=True)
    assert not [q for q in bank.questions if q.prompt == "What is igneous?"]
    [back] = [q for q in bank.questions if q.answer == "Igneous" and q.type == "mcq"]
    assert back.prompt.startswith("Which kind of rock is this:")
    assert set(back.choices or []) <= {"Igneous", "Sedimentary", "Metamorphic", "Plutonic"}


def test_a_heading_with_items_gives_a_list_and_order_questions() -> None:
    bank = bank_of(GLOSSARY, markdown=True)
    [stages] = [q for q in bank.questions if q.type == "list" and "rock cycle" in q.prompt]
    assert stages.prompt == "Name the four stages of the rock cycle."
    assert stages.items == ["Weathering", "Erosion", "Deposition", "Compaction"]
    after = [q for q in bank.questions if "order" in q.tags]
    assert [(q.answer, q.source_line) for q in after] == [("Erosion", 13), ("Deposition", 14), ("Compaction", 15)]
    assert all(q.prompt.startswith("In the stages of the rock cycle, which comes right after") for q in after)


def test_table_rows_are_asked_across_their_columns() -> None:
    bank = bank_of(GLOSSARY, markdown=True)
    for mineral, hardness in (("Talc", "1"), ("Gypsum", "2"), ("Calcite", "3"), ("Quartz", "7")):
        asked = [
            q
            for q in bank.questions
            if (q.prompt, q.answer)
            in {
                (f"What is the hardness of {mineral}?", hardness),
                (f"Which mineral has the hardness “{hardness}”?", mineral),
            }
        ]
        assert len(asked) == 1, mineral  # one question a cell, one way round or the other
        assert asked[0].type == "mcq" and len(set(asked[0].choices or [])) == 4
    ways = {q.prompt.split()[0] for q in bank.questions if "table" in q.tags}
    assert ways == {"What", "Which"}


def test_dash_separated_lines_under_a_header_are_a_table() -> None:
    notes = "Ruler – Capital – Dynasty\nAshoka – Pataliputra – Maurya\nKanishka – Purushapura – Kushan\n"
    notes += "Harsha – Kannauj – Pushyabhuti\nKrishna – Vijayanagara – Tuluva\n"
    bank = bank_of(notes)
    kanishka = [q for q in bank.questions if q.source_line == 3 and "table" in q.tags]
    assert {(q.prompt, q.answer) for q in kanishka} & {
        ("What is the capital of Kanishka?", "Purushapura"),
        ("Which ruler has the capital “Purushapura”?", "Kanishka"),
    }
    assert not [q for q in bank.questions if q.prompt.startswith("What is ashoka")]


def test_at_most_three_questions_a_line_and_a_quarter_true_false() -> None:
    line = (
        "The Treaty of Alpha was signed in 1815 by 12 states, cost Rs 400 crore, set up the Beta Council in "
        "Geneva, was ranked 3rd among treaties, and was renewed on 4 May 1901 and again in 1950."
    )
    bank = bank_of("\n\n".join([line] + [f"The Gamma Pact of {1900 + i} bound {i + 2} nations." for i in range(8)]))
    per_line = Counter(q.source_line for q in bank.questions if q.type != "list")
    assert max(per_line.values()) <= 3
    assert sum(q.type == "truefalse" for q in bank.questions) <= len(bank.questions) / 4


def test_a_point_without_its_subject_takes_the_item_name() -> None:
    bank = bank_of("1. Harappa\n• Discovered by Daya Ram Sahni in 1921.\n2. Lothal\n• Discovered by S R Rao in 1954.\n")
    prompts = " ".join(q.prompt for q in bank.questions)
    assert "Harappa was discovered" in prompts or "When was Harappa discovered" in prompts
    assert not any(q.prompt.startswith("Discovered") for q in bank.questions)


RECORDS = """Volcanoes of the world

1. Etna
- Country: Italy
- Height: 3,357 m
2. Fuji
- Country: Japan
- Height: 3,776 m
3. Kilimanjaro
- Country: Tanzania
- Height: 5,895 m
4. Vesuvius
- Country: Italy
- Height: 1,281 m

Timeline

1815 – April: Tambora erupts in Indonesia
1883 – August: Krakatoa erupts and is heard far away
1980 – May: Mount St Helens erupts in the USA
1991 – June: Pinatubo erupts in the Philippines
"""


def test_the_same_labels_under_several_items_are_a_table() -> None:
    bank = bank_of(RECORDS)
    [fuji] = [q for q in bank.questions if q.source_line == 7]
    assert (fuji.prompt, fuji.answer) == ("What is the country of Fuji?", "Japan")
    height = next(q for q in bank.questions if q.source_line == 11)
    assert height.prompt == "What is the height of Kilimanjaro?" and height.answer == "5,895 m"
    assert set(height.choices or []) <= {"5,895 m", "3,357 m", "3,776 m", "1,281 m"}
    assert not [q for q in bank.questions if q.prompt in ("What is country?", "What is height?")]


def test_a_timeline_asks_when_each_event_happened() -> None:
    bank = bank_of(RECORDS)
    [krakatoa] = [q for q in bank.questions if "Krakatoa" in q.prompt]
    assert krakatoa.prompt == "When did this happen: “Krakatoa erupts and is heard far away”?"
    assert krakatoa.answer == "August 1883"
    assert krakatoa.type == "mcq" and len(set(krakatoa.choices or [])) == 4


LABELLED = """# Light

## Kepler's three laws of planetary motion

1. Law of orbits
2. Law of areas
3. Law of periods

## Lenses

Convex lens. A convex lens bends parallel rays of light to meet at a focus behind it.

Applications. It is used in spectacles for long sight and in the simple microscope.
"""


def test_a_heading_that_counts_its_items_keeps_its_own_count() -> None:
    bank = bank_of(LABELLED, markdown=True)
    [laws] = [q for q in bank.questions if q.type == "list"]
    assert laws.prompt == "Name Kepler's three laws of planetary motion."


def test_a_field_label_paragraph_is_no_term() -> None:
    bank = bank_of(LABELLED, markdown=True)
    prompts = [q.prompt for q in bank.questions]
    assert any("convex lens" in p.lower() for p in prompts)
    assert not [p for p in prompts if "applications" in p.lower()]
    # "It" in the paragraph after the label is not the label ("Applications is used in …").
    assert not [q for q in bank.questions if "Applications is" in q.prompt or "Applications is" in q.answer]


RIVAL_LISTS = """# The orchestra

## Sections

(i) Instruments played in the string section:

- Violin
- Viola
- Cello
- Double bass
- String harp

(ii) Instruments played in the brass section:

- Trumpet
- Trombone
- Bass trombone
- French horn
- Tuba
- Brass cornet
"""


def test_list_choices_do_not_name_their_own_list() -> None:
    bank = bank_of(RIVAL_LISTS, markdown=True)
    members = [q for q in bank.questions if q.prompt.startswith("Which of these is one of the")]
    # One item a list: the same stem again with another answer would read as a repeat.
    assert sorted(q.answer for q in members) == ["Trumpet", "Violin"]
    # "String harp" among the string section's instruments answers itself; "Brass cornet" as a wrong choice
    # there is ruled out by its name.
    assert not [q for q in members if q.answer in ("String harp", "Brass cornet")]
    assert not [q for q in members if "string" in q.prompt and "Brass cornet" in (q.choices or [])]
    # Wrong choices differ from each other: never "Trombone" beside "Bass trombone".
    assert not [q for q in members if {"Trombone", "Bass trombone"} <= set(q.choices or [])]


SUMMIT = """# Trade talks

## The 2024 summit

The summit was held in Lisbon in March 2024 between Portugal and Brazil.
The trade ministers of Portugal and Brazil agreed to cut the tariff on cork to 2 per cent by 2026.
Shipping between Lisbon and Santos grew by a third {when}, led by the new container terminal.
Portugal and Brazil {advice} the Atlantic Customs Pact to cut delays at the Lisbon container terminal.
"""


def test_relative_years_and_advice_are_not_asked() -> None:
    plain = bank_of(SUMMIT.format(when="in 2023", advice="signed"), markdown=True)
    assert {q.source_line for q in plain.questions} >= {5, 6, 7}
    vague = bank_of(SUMMIT.format(when="last year", advice="must strengthen"), markdown=True)
    lines = {q.source_line for q in vague.questions}
    assert 5 in lines
    assert 7 not in lines  # "last year" is known only from when the notes were written
    assert not [q for q in vague.questions if q.type == "truefalse" and "must" in q.prompt]  # advice, never false


FIELDS = """Mountain passes

1. Khyber
- Joins: Afghanistan and the Peshawar valley of Pakistan, over the Spin Ghar range
- Crossings: used by traders, armies and pilgrims for over two thousand years, from the Kushans onward
2. Bolan
- Crossings: the caravan route from Sibi to Quetta across the Brahui range in Balochistan, used by nomads
- Seasons:
  - Winter side: caravans go down to the plains
  - Summer side: caravans climb to the hills
3. Shipki La
- Joins: Himachal Pradesh and Tibet, along the Sutlej gorge

Units in the notes

- km -> distance along the road
- m -> height above sea level

Reactions

- Iron + oxygen -> iron oxide
"""


def test_a_field_under_a_named_item_is_asked_about_that_item() -> None:
    bank = bank_of(FIELDS)
    prompts = [q.prompt for q in bank.questions]
    assert "What are the crossings of Khyber?" in prompts
    # Common-word labels are no terms of the subject: never "What are crossings?" or "What is winter side?".
    assert not [p for p in prompts if p in ("What are crossings?", "What is winter side?", "What are joins?")]
    assert not [p for p in prompts if "winter side" in p.lower() or "joins" in p.lower()]
    # An arrow is a change only where the notes speak of one: "km" glosses, iron and oxygen react.
    assert not [p for p in prompts if "km turn into" in p or "m turn into" in p]
    assert "Reactions: what does iron + oxygen turn into?" in prompts  # the heading says in what


PLAIN_HEADER = """Hormones

HORMONE TABLE
Hormone – gland – effect
Insulin – pancreas – lowers blood sugar
Thyroxine – thyroid – sets the rate of metabolism
Adrenaline – adrenal medulla – readies the body for fight or flight
Melatonin – pineal body – regulates the sleep cycle
"""


def test_a_dash_table_with_a_header_in_plain_words_is_a_table() -> None:
    bank = bank_of(PLAIN_HEADER)
    prompts = [q.prompt for q in bank.questions]
    assert any("gland" in p and ("pancreas" in p or "Insulin" in p) for p in prompts)
    # "Thyroxine" and "thyroid" share a root: that row's gland question would answer itself.
    assert not any("gland" in p and ("Thyroxine" in p or "thyroid" in p) for p in prompts)
    # The rows are cells of a table, never terms defined by the rest of their line.
    assert not [p for p in prompts if p.startswith(("What is insulin", "Describe", "Which term is this"))]


VERB_HEADER = """# Medicines

| Medicine | Used for | Taken by |
| --- | --- | --- |
| Aspirin | pain and fever | mouth |
| Insulin | diabetes | injection |
| Salbutamol | asthma | inhaler |
| Warfarin | blood clots | mouth |
"""


def test_a_header_that_is_a_verb_reads_as_one() -> None:
    bank = bank_of(VERB_HEADER, markdown=True)
    prompts = [q.prompt for q in bank.questions]
    used = [p for p in prompts if "used for" in p]
    assert len(used) == 4  # one question a row, either way round
    assert all(re.fullmatch(r"What is \w+ used for\?|Which medicine is used for “[^”]+”\?", p) for p in used)
    assert not [p for p in prompts if "the used for" in p or "In the table of" in p]


SITES = """FORTS OF THE DECCAN
1. Golconda
• Built by the Kakatiya kings in 1143.
Notable Remains
  • Fateh Rahben gun
  • Rani Mahal
  • clapping portico
2. Daulatabad
• Built by the Yadava kings in 1187.
Notable Remains
  • Chand Minar
  • Chini Mahal
  • elephant moat
3. Bidar
• Rebuilt by Ahmad Shah in 1429.
Notable Remains
  • Rangin Mahal
  • Solah Khamba mosque
  • Tarkash Mahal
"""


def test_a_label_under_an_item_holds_the_points_indented_below_it() -> None:
    outline = read_outline(SITES)
    chand = next(node for node in outline.nodes if node.text == "Chand Minar")
    assert chand.parent is not None and chand.parent.text == "Notable Remains"
    assert chand.parent.parent is not None and chand.parent.parent.text == "Daulatabad"
    bank = bank_of(SITES)
    [gun] = [q for q in bank.questions if "Fateh Rahben gun" in q.prompt]
    assert gun.type == "mcq" and gun.prompt == "“Fateh Rahben gun” is one of the notable remains of which of these?"
    assert gun.source_line == 5 and gun.answer == "Golconda"
    # The choices are the other forts, each remain a question of its own.
    assert sorted(gun.choices or []) == ["Bidar", "Daulatabad", "Golconda"]
    asked = {q.prompt.split("”")[0].strip("“") for q in bank.questions if "notable remains of which" in q.prompt}
    # "Rani Mahal" beside "Chini Mahal" of another fort: a remain that shares a word with another's is not asked.
    assert asked == {"Fateh Rahben gun", "clapping portico", "Chand Minar", "elephant moat", "Solah Khamba mosque"}


PAIRS_WITH_CLAUSES = """# Friction

Three kinds of friction:
- Static friction — a body at rest resists being set moving
- Sliding friction — a body sliding over a surface is slowed down
- Rolling friction — a wheel rolling on a road loses a little speed
"""


def test_a_term_whose_right_side_is_a_clause_is_described() -> None:
    bank = bank_of(PAIRS_WITH_CLAUSES, markdown=True)
    cards = {q.prompt: q.answer for q in bank.questions if q.type == "flashcard"}
    assert cards["Describe static friction."] == "A body at rest resists being set moving"
    assert cards["Describe rolling friction."].startswith("A wheel rolling on a road")


LONGEST = """Q1. Name the smallest bird.
Ans. Bee hummingbird.

Q2. Name the largest bird.
Ans. Ostrich.

Q3. What are ratites?
Ans. Birds without a keel on the breastbone.

Q4. Name the fastest bird.
Ans. Peregrine falcon.
"""


def test_a_question_without_fair_choices_is_typed_and_a_description_is_no_choice() -> None:
    bank = bank_of(LONGEST)
    asked = {q.prompt: q for q in bank.questions}
    assert asked["Name the fastest bird."].answer == "Peregrine falcon"
    for q in bank.questions:
        assert "Birds without a keel on the breastbone" not in (q.choices or [])  # a description, no bird


GROUPS = """METALS AND NON-METALS

1. Metals:
- Shine when freshly cut.
- Conduct heat and electricity well.
- Form basic oxides with oxygen.
- Examples: iron, copper, zinc.

2. Non-metals:
- Shine only in a few cases such as iodine.
- Conduct heat poorly, graphite aside.
- Form acidic oxides with oxygen.
- Examples: sulphur, carbon, oxygen.

3. Trade and Uses:
- Form the frames of bridges and cars.
- Used in fertilisers and fuels.
"""


def test_a_point_is_asked_against_the_points_of_a_parallel_group() -> None:
    bank = bank_of(GROUPS)
    [oxides] = [q for q in bank.questions if q.answer == "Form basic oxides with oxygen"]
    assert oxides.type == "mcq" and oxides.prompt == "Which of these is true of metals?"
    wrong = set(oxides.choices or []) - {oxides.answer}
    # Wrong choices come from the group set out the same way, never from a section about something else.
    assert wrong <= {
        "Shine only in a few cases such as iodine",
        "Conduct heat poorly, graphite aside",
        "Form acidic oxides with oxygen",
    }
    assert len(wrong) >= 2
    assert not [q for q in bank.questions if "true of trade" in q.prompt.lower()]
    assert not [q for q in bank.questions if "Examples" in (q.answer or "")]


HEADED = """Photosynthesis notes

FACTORS AFFECTING GROWTH
- Rates rise with warmth up to an optimum temperature of about 35 degrees.

LARGE INTESTINE
- Main job is absorbing water and salts from the undigested food.
"""


def test_a_heading_in_capitals_names_the_subject_and_a_section_description_does_not() -> None:
    bank = bank_of(HEADED)
    prompts = [q.prompt for q in bank.questions]
    assert not [p for p in prompts if p.startswith(("Factors affecting growth:", "FACTORS"))]
    main_job = [p for p in prompts if "main job" in p.lower()]
    assert main_job and all(p.lower().startswith("the main job of the large intestine is") for p in main_job)


TIMELINE_MIXED = """Treaties

1648 – Peace of Westphalia ends the Thirty Years War
1713 – 11 April: Treaty of Utrecht signed
1763 – 10 February: Treaty of Paris ends the Seven Years War
1815 – 9 June: Congress of Vienna closes
1919 – 28 June: Treaty of Versailles signed
"""

PEAKS = """Peaks of the world

1. Everest
- Height: about 8,849 m, the highest above sea level
2. Lhotse
- Height: about 8,516 m
3. K2
- Height: about 8,611 m, second highest
4. Kangchenjunga
- Height: about 8,586 m
5. Denali
- Height: about 6,190 m
6. Kilimanjaro
- Height: about 5,895 m
"""


def test_choices_are_written_alike_and_clearly_apart() -> None:
    bank = bank_of(TIMELINE_MIXED)
    [westphalia] = [q for q in bank.questions if "Westphalia" in q.prompt]
    assert westphalia.answer == "1648"
    assert all(re.fullmatch(r"\d{4}", c) for c in westphalia.choices or [westphalia.answer])  # years beside a year
    peaks = bank_of(PEAKS)
    heights = [q for q in peaks.questions if q.prompt.startswith("What is the height of")]
    assert heights
    for q in heights:
        assert "," not in q.answer.replace(",", "", 1)  # "about 8,849 m", never its remark
        assert all("highest" not in c for c in q.choices or [])
        numbers = sorted(float(re.sub(r"[^\d.]", "", c)) for c in q.choices or [])
        assert all(b - a > 0.1 * b for a, b in zip(numbers, numbers[1:], strict=False))  # a tenth apart at least


RIVERS = """Rivers

1. Ganga
- Length: about 2,525 km
- Ends in: Bay of Bengal (through a wide delta)
Note: It was declared the national river of the country in 2008.
2. Narmada
- Length: about 1,312 km
- Ends in: Arabian Sea, near Bharuch
3. Mahanadi
- Length: about 858 km
- Ends in: Bay of Bengal
4. Tapi
- Length: about 724 km
- Ends in: Arabian Sea
"""


def test_a_field_named_by_a_verb_is_asked_with_it_and_a_note_is_about_its_item() -> None:
    bank = bank_of(RIVERS)
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked.get("Where does Narmada end?") == "Arabian Sea"  # the remark after the name is no part of it
    assert not [p for p in asked if "ends in of" in p]
    assert asked.get("When was Ganga declared the national river of the country?") == "2008"


def test_a_column_most_rows_share_asks_nothing() -> None:
    """Three rivers of four ending in one sea: "the Bay of Bengal" is a guess that is mostly right."""
    bank = bank_of(RIVERS.replace("Ends in: Arabian Sea\n", "Ends in: Bay of Bengal\n"))
    assert not [q for q in bank.questions if q.prompt.startswith("Where does")]


LONG_ANSWER = """Q1. Which gases are noble gases?
Ans.
- Helium
- Neon
- Argon
- Krypton
- Xenon
- Radon
- Oganesson
- Ununoctium
- Eka-radon

Q2. Which gases make up most of the air?
Ans.
- Nitrogen, about 78 per cent of it
- Oxygen, about 21 per cent of it
"""


def test_an_answer_is_never_cut_short() -> None:
    bank = bank_of(LONG_ANSWER)
    asked = {q.prompt: q for q in bank.questions}
    assert "Which gases are noble gases?" not in asked or len(asked["Which gases are noble gases?"].items or []) == 9
    air = asked["Which gases make up most of the air?"]
    assert "Nitrogen" in (air.answer or "") and "Oxygen" in (air.answer or "")


KINGS = """# Kings

| King | Reign |
| --- | --- |
| Alfred | 871-899 |
| Edward | 899-924 |
| Athelstan | 924-939 |
| Edmund | 939-946 |
| Eadred | 946-955 |
| Eadwig | 955-959 |
| Edgar | 959-975 |
| Aethelred | 978-1013 |
| Cnut | 1016-1035 |
| Harold | 1035-1040 |
| Harthacnut | 1040-1042 |
| Edward II | 1042-1066 |
| Harold II | 1066 |

Alfred defended Wessex against the Danes. Athelstan was the first king of all England.
Edgar was crowned at Bath in 973. Cnut ruled England, Denmark and Norway.
"""


def test_a_long_table_asks_the_rows_the_notes_name_elsewhere() -> None:
    """Thirteen kings in a table: the prose says which of them matter; a short one is the content itself."""
    bank = bank_of(KINGS, markdown=True)
    rows = {q.source_line for q in bank.questions if "table" in q.tags}
    asked = {line - 5 for line in rows}  # the table's first row is line 5
    assert asked and asked <= {0, 2, 6, 8}  # Alfred, Athelstan, Edgar, Cnut: the kings the prose names


COUNT_NOUNS = """# Programming words

Loop – a structure that repeats a block of code
Recursion – a function calling itself
Compiler – a program that turns source code into machine code
Syntax – the rules of how code is written
"""


def test_a_term_the_notes_write_with_an_article_takes_it() -> None:
    notes = (
        "# Code words\n\nFunction – a block of code made with def\nTuple – an ordered collection that cannot change\n"
        "Loop – a block that repeats\n\nA function is called by its name.\n"
    )
    prompts = {q.prompt for q in bank_of(notes, markdown=True).questions if q.type == "flashcard"}
    assert "What is a function?" in prompts or "Describe a function." in prompts
    assert "What is a tuple?" in prompts or "Describe a tuple." in prompts


def test_a_term_named_after_someone_keeps_its_capital() -> None:
    notes = (
        "# Plants\n\nCalvin cycle: The reactions that fix carbon dioxide into sugar.\n"
        "Stomata: Pores on leaves that let gases in and out.\nXylem: Tubes that carry water up the plant.\n\n"
        "The sugar is made in the Calvin cycle inside the chloroplast.\n"
    )
    prompts = {q.prompt for q in bank_of(notes, markdown=True).questions if q.type == "flashcard"}
    assert "What is the Calvin cycle?" in prompts
    assert "What is calvin cycle?" not in prompts and "What is xylem?" in prompts  # a plain term stays plain


def test_a_thing_of_which_there_are_many_takes_an_article() -> None:
    prompts = {q.prompt for q in bank_of(COUNT_NOUNS, markdown=True).questions if q.type == "flashcard"}
    assert "What is a loop?" in prompts and "What is a compiler?" in prompts
    assert "What is recursion?" in prompts  # a process, no article
    assert not [p for p in prompts if p in ("What is loop?", "What is a recursion?")]


NAMED = """# Earthquake words

- Point deep underground at which the rock first breaks = focus
- Slower than P waves but faster than surface waves - secondary waves
- Seismometers detect the shaking - happens within seconds
"""


def test_a_description_with_its_name_after_it_asks_the_name() -> None:
    asked = {q.prompt: q.answer for q in bank_of(NAMED, markdown=True).questions}
    assert asked.get("Which term is this: “Point deep underground at which the rock first breaks”?") == "focus"
    assert asked.get("Which term is this: “Slower than P waves but faster than surface waves”?") == "secondary waves"
    assert not [a for a in asked.values() if a.startswith("happens")]


EXAMPLES = """# Levers

Three classes of lever:
- First class lever: the fulcrum lies between effort and load
- Second class lever: the load lies between fulcrum and effort
- Third class lever: the effort lies between fulcrum and load

Examples:
- First class lever: a see-saw in a park
- Second class lever: a wheelbarrow carrying bricks
- Third class lever: tweezers picking up a hair
"""


def test_an_example_is_asked_as_which_idea_it_shows() -> None:
    bank = bank_of(EXAMPLES, markdown=True)
    [barrow] = [q for q in bank.questions if "wheelbarrow" in q.prompt]
    assert barrow.prompt == "Which of these does this example show: “a wheelbarrow carrying bricks”?"
    assert barrow.answer == "Second class lever"
    assert set(barrow.choices or []) == {"First class lever", "Second class lever", "Third class lever"}


ACID_EXAMPLES = """1. Acids:
- Substances that release H+ ions in water.
- Examples: HCl, H2SO4, HNO3.
2. Bases:
- Substances that release OH- ions in water.
- Examples: NaOH, KOH.
"""


def test_examples_ask_for_any_one_of_them() -> None:
    bank = bank_of(ACID_EXAMPLES)
    [acid] = [q for q in bank.questions if q.prompt.startswith("Name one example of acids")]
    assert acid.type == "short" and {acid.answer, *acid.accept} == {"HCl", "H2SO4", "HNO3"}


def test_an_example_the_notes_name_elsewhere_is_accepted_too() -> None:
    bank = bank_of(
        ACID_EXAMPLES + "\nLemons hold citric acid and vinegar holds acetic acid.\nA weak acid ionises partly.\n"
    )
    [acid] = [q for q in bank.questions if q.prompt.startswith("Name one example of acids")]
    assert {"citric acid", "acetic acid"} <= set(acid.accept)
    assert "weak acid" not in acid.accept  # a kind of acid, no example of one


USES = """Products of electrolysis
(i) Sodium Hydroxide
Use: It is used for making soaps.
(ii) Chlorine
Use: It is used for treating water.
(iii) Hydrogen
Use: It is used as a fuel.
"""


def test_a_single_use_asks_for_one_of_several() -> None:
    prompts = {q.prompt for q in bank_of(USES).questions}
    assert "Give one use of chlorine." in prompts or "Give one use of Chlorine." in prompts
    assert not [p for p in prompts if p.startswith("What is the use of")]


SUBSUMED = """## Which fees were merged into the new levy?

(i) Fees of the capital:

- Harbour Fee
- Bridge Toll
- Lantern Duty

(ii) Fees of the provinces that were merged are

- Market Fee
- Ferry Toll
- Well Cess
- Cart Tax as far as it relates to goods carried by road
"""


def test_a_question_heading_over_lists_under_lead_ins_is_no_card_of_the_first_list() -> None:
    bank = bank_of(SUBSUMED, markdown=True)
    cards = [q for q in bank.questions if q.prompt == "Which fees were merged into the new levy?"]
    assert not [q for q in cards if "Fees of the capital" in q.answer]  # half the answer, with its lead-in
    assert not [q for q in bank.questions if q.type == "truefalse" and q.prompt.startswith("Cart Tax")]


def test_a_sentence_opening_on_a_rare_term_is_asked_without_its_heading() -> None:
    text = "Seals of the valley\n\nSoapstone seals were carved with animals.\nSteatite was mainly used in the manufacture of seals.\nA steatite bowl was found.\n"
    prompts = [q.prompt for q in bank_of(text).questions if q.source_line == 4]
    assert "____ was mainly used in the manufacture of seals." in prompts


def test_a_heading_that_says_what_a_body_consists_of_names_its_members() -> None:
    text = "### The Water Board consists of:\n\n- River Minister – Chairperson\n- Deputy Minister of State in charge of Canals\n- Irrigation Ministers (or any other nominated Minister) of each District\n"
    [listed] = [q for q in bank_of(text, markdown=True).questions if q.type == "list"]
    assert listed.prompt == "Name the three members of the Water Board."
    assert listed.items[0] == "River Minister"


def test_a_defined_term_is_named_with_its_article() -> None:
    text = "Terms\n\n- Parameter – the variable written in a function's definition\n- Loop – a block that repeats while a condition holds\n\nPanel of judges. The panel of judges is chosen by the head judge each year.\n"
    prompts = {q.prompt for q in bank_of(text).questions if q.type == "flashcard"}
    assert "What is meant by “parameter”?" in prompts  # not "What is parameter?"
    assert "What is a loop?" in prompts
    assert "What is the panel of judges?" in prompts


def test_a_one_word_label_its_siblings_share_a_noun_with_is_written_out() -> None:
    text = (
        "# Layers\n\nThe physical layer sends bits. The session layer keeps talks open. The network layer finds routes.\n"
        "The transport layer carries segments.\n\n## Roles\n\n"
        "- Physical: the wires, plugs and signals that carry raw bits\n"
        "- Session: the part that opens, keeps and closes a dialogue\n"
        "- Network: the part that picks a route for each packet\n"
    )
    prompts = {q.prompt for q in bank_of(text, markdown=True).questions if q.type == "flashcard"}
    assert not [p for p in prompts if re.search(r"\b(?:physical|session|network)\?", p, re.IGNORECASE)], prompts
    assert {"What is the Physical layer?", "What is the Session layer?"} & prompts, prompts


DIGS = """Excavated sites

1. Lothal
• Discovered by S. R. Rao in 1954.
• Situated on the bank of Bhogava River.
Findings
  • dockyard
  • fortified wall
  • bead factory
  • rice husk

2. Dholavira
• Discovered by J. P. Joshi in 1967.
• Situated on the bank of Luni River.
Findings
  • defensive wall
  • water reservoirs
  • wooden signboard
  • stadium

3. Rakhigarhi
• Discovered by Amarendra Nath in 1963.
• Situated on the bank of Ghaggar River.
Findings
  • granary
  • cemetery
  • covered drains
  • copper tools
"""


def test_a_point_another_site_may_have_too_is_not_asked_which_site() -> None:
    """ "fortified wall" at Lothal, "defensive wall" at Dholavira: asked which site, either could be meant."""
    asked = {q.prompt: q.answer for q in bank_of(DIGS).questions if q.type == "mcq"}
    assert asked["Which Excavated site has this finding: “dockyard”?"] == "Lothal"
    assert not [prompt for prompt in asked if "wall" in prompt]


LEAD_IN = """Smog

The following are the harmful effects of smog:

1. Smog irritates the eyes and the throat of people who breathe it for long.
2. Smog lowers the growth of crops near large cities in winter.
3. Smog makes asthma attacks more frequent in children and old people.
"""


def test_a_lead_in_over_statements_is_asked_whole() -> None:
    cards = [q for q in bank_of(LEAD_IN).questions if q.source_line == 3]
    assert [q.prompt for q in cards] == ["What are the harmful effects of smog?"]
    assert cards[0].answer.startswith("Smog irritates the eyes") and "asthma attacks" in cards[0].answer


def test_a_lead_in_naming_the_following_points_is_asked_whole() -> None:
    text = (
        "Voters\n\nThe law lays down the following conditions for a person to be entered on the roll of voters:\n\n"
        "- He must be a citizen of the country.\n- He must be at least 18 years of age on the qualifying date.\n"
        "- He must be an ordinary resident of the constituency.\n"
    )
    prompts = [q.prompt for q in bank_of(text).questions]
    assert "What are the conditions for a person to be entered on the roll of voters?" in prompts


def test_a_use_card_names_the_uses_the_notes_give_elsewhere() -> None:
    text = USES + "\nCaustic lye: Sodium hydroxide is used in paper making, artificial fibres and soaps.\n"
    text = text.replace("(i) Sodium Hydroxide", "(i) Sodium hydroxide")
    [card] = [q for q in bank_of(text).questions if q.prompt.lower() == "give one use of sodium hydroxide."]
    assert card.answer.endswith("The notes also name: paper making, artificial fibres.")


LABELLED_ITEMS = """Kinds of rail gauge

There are mainly three kinds of rail gauge in the country:

1. Broad Gauge (BG): BG track has rails 1,676 mm apart and carries most long-distance trains.
2. Metre Gauge (MG): MG track has rails 1,000 mm apart and survives on a few hill lines.
3. Narrow Gauge (NG): NG track has rails 762 mm apart and climbs the steepest mountain slopes.
"""


def test_items_named_before_a_sentence_of_their_own_make_a_list_and_keep_their_sentences() -> None:
    bank = bank_of(LABELLED_ITEMS)
    lists = [q for q in bank.questions if q.type == "list"]
    assert [q.items for q in lists] == [["Broad Gauge (BG)", "Metre Gauge (MG)", "Narrow Gauge (NG)"]]
    # what each item says is still asked from its own line
    assert {q.source_line for q in bank.questions if q.type != "list"} & {5, 6, 7}


ROLE_QA = """Plant cells - questions

Q1. What is the function of chloroplasts?
Ans. They are the kitchens of the plant cell, making food from sunlight.

Q2. What are stomata?
Ans. Tiny pores on the underside of a leaf (e.g., in a bean leaf).
"""


def test_a_function_or_a_description_answered_is_asked_the_other_way_from_the_answer_line() -> None:
    # (the bank keeps one of the two ways where both are drafted: each one's answer stands in the other's prompt)
    from quizapp.generate.shapes import qa_questions

    placed = qa_questions(read_outline(ROLE_QA), lambda node: "t")
    back = {p.draft.prompt: (p.draft.answer, p.line) for p in placed if p.line in (4, 7)}
    assert back["What are the kitchens of the plant cell?"] == ("Chloroplasts", 4)
    assert back["What are tiny pores on the underside of a leaf called?"] == ("stomata", 7)


HEADING_QA = """# Glaciers

## How does a glacier carve a valley?

The moving ice plucks rocks from the valley floor and grinds them against the walls, so the valley turns from a V to a U.
"""


def test_a_question_heading_is_asked_from_its_answer_line() -> None:
    bank = bank_of(HEADING_QA, markdown=True)
    card = next(q for q in bank.questions if q.prompt == "How does a glacier carve a valley?")
    assert card.source_line == 5
    assert card.source_text.startswith("How does a glacier carve a valley?")


def test_a_line_opening_with_a_word_in_q_is_no_question_and_a_step_is_no_term() -> None:
    from quizapp.generate.shapes.qa import question_text

    assert question_text("Quit India Movement was launched in August 1942.") is None
    assert question_text("Quick tip: draw the diagram first.") is None
    assert question_text("Q4. Who led the Dandi March?") == "Who led the Dandi March?"
    assert question_text("Ques. What is a delta?") == "What is a delta?"
    bank = bank_of("Index steps\n\n1. Find the growth rate: new value minus old value, over the old value.\n")
    assert not [q for q in bank.questions if "find the growth rate" in q.prompt.lower()]


SLAB_QA = """# Postal rates

## What are the parcel rates?

The post office charges parcels by the weight band they fall in.

- Up to 1 kg – Rs 50 for any parcel sent within the same district or town
- 1 to 5 kg – Rs 120 for parcels sent anywhere inside the state by surface mail
- Above 5 kg – Rs 300 for heavy parcels, which travel by goods train only
"""


def test_a_question_heading_over_long_points_is_answered_by_every_point() -> None:
    bank = bank_of(SLAB_QA, markdown=True)
    card = next(q for q in bank.questions if q.prompt == "What are the parcel rates?")
    assert all(band in card.answer for band in ("Up to 1 kg", "1 to 5 kg", "Above 5 kg"))
    assert card.source_line == 7  # the first point: the heading is no line of content


def test_an_everyday_word_in_ing_before_an_equals_sign_is_no_term() -> None:
    bank = bank_of("Common slips\n\n- using = where == was meant\n- indenting with tabs and spaces mixed together\n")
    assert not [q for q in bank.questions if q.prompt.lower().startswith(("describe using", "what is using"))]


def test_a_remark_label_is_no_field_of_its_subject() -> None:
    text = "Deflation\n\n1. Deflation\n- Important: a single cheap item is not deflation; the general price level must fall.\n- Cause: demand falling across the economy.\n"
    prompts = [q.prompt for q in bank_of(text).questions]
    assert not [p for p in prompts if "important of" in p.lower()]


SITE_FINDS = """# Old towns

## Digs

(i) Finds of Harbor Point:

- Stone anchor
- Fish market
- Rope works

(ii) Finds of Hilltop Fort:

- Watch tower
- Stone cistern
- Goat pens

(iii) Finds of Riverside Camp:

- Water wheel
- Reed boats
- Clay kilns
"""


def test_lists_that_differ_only_by_owner_are_asked_item_by_item_as_which_owner() -> None:
    bank = bank_of(SITE_FINDS, markdown=True)
    assert not [q for q in bank.questions if q.prompt.startswith("Which of these is one of the")]
    asked = {q.answer for q in bank.questions if q.type == "mcq" and "Water wheel" in q.prompt}
    assert asked == {"Riverside Camp"}
    # Each item a prompt of its own; "Stone anchor" here and "Stone cistern" there share a word, left out.
    prompts = [q.prompt for q in bank.questions if "finds of which of these" in q.prompt]
    assert len(prompts) == len(set(prompts)) == 7
    assert not [prompt for prompt in prompts if "Stone" in prompt]


TREATY_RECORDS = """League notes

MAJOR TREATIES
3rd Treaty (1921) – river border fixed; a joint water board.
5th Treaty (1928) – free trade through the mountain passes.
8th Treaty (1935) – a common court for border disputes.
11th Treaty (1940) – end of the salt tax between the two states.

PRACTICE
Q. Which treaty set up a common court?
Ans. 8th Treaty (1935).
"""


def test_named_records_with_a_year_are_asked_which_one_and_a_bare_q_mark_is_a_question() -> None:
    bank = bank_of(TREATY_RECORDS)
    asked = {q.prompt: q for q in bank.questions}
    assert all("(19" not in (q.answer + " ".join(q.choices or [])) for q in bank.questions if q.type == "mcq")
    which = asked["Which treaty is this: “free trade through the mountain passes”?"]
    # One of its kind, not "a kind of treaty"; the years left out of the choices, which they would order.
    assert which.answer == "5th Treaty" and sorted(which.choices or []) == [
        "11th Treaty",
        "3rd Treaty",
        "5th Treaty",
        "8th Treaty",
    ]
    # "Q. … / Ans. …" without a number is the notes' own question, not a list item lettered Q.
    practice = asked["Which treaty set up a common court?"]
    assert practice.answer.startswith("8th Treaty") and practice.source_line == 10


KEYS = """# Tables

## Keys

- PRIMARY KEY - uniquely identifies each row of a table
- CANDIDATE KEY - any column that could act as the primary key
- ALTERNATE KEY - a candidate key not chosen as the primary key
- FOREIGN KEY - a column that refers to the primary key of another table
"""


def test_a_definition_that_names_a_sibling_still_makes_its_card() -> None:
    """ "Alternate key — a candidate key not chosen …" names another key in its answer: no clue on the card."""
    cards = {q.prompt: q.answer for q in bank_of(KEYS, markdown=True).questions if q.type == "flashcard"}
    assert [prompt for prompt in cards if "ALTERNATE KEY" in prompt]
    assert [prompt for prompt in cards if "FOREIGN KEY" in prompt]


CIRCUITS = """# Circuits

## Ohm's law

Statement: at constant temperature, the current through a wire is proportional to the voltage across it.

V = I R

where V = voltage, I = current, R = resistance

## Power

P = V I

where P = electric power, V = voltage, I = current

E = P t

where E = energy used, t = time taken

- Use P = VI if power is asked.

## Cells of defence

| Cell | Main feature | Where / role |
|------|--------------|--------------|
| Neutrophil | most common | eats bacteria |
| Eosinophil | two lobes | fights worms |
| Basophil | rare | releases histamine |

- **Active immunity**: the body makes its own antibodies
  - natural active = after an infection
  - artificial active = after a vaccine
"""


def test_a_legend_on_one_line_a_statement_label_a_two_name_header_and_a_clipped_term() -> None:
    bank = bank_of(CIRCUITS, markdown=True)
    prompts = {q.prompt: q for q in bank.questions}
    # "where V = voltage, I = current, …" is a legend, not a pair "where V" – "voltage, I = current, …".
    assert not [p for p in prompts if "where" in p.lower() or "Use P" in p]
    current = prompts["In “V = I R”, what does I stand for?"]
    assert current.answer == "current" and "electric power" in (current.choices or [])
    assert prompts["State Ohm's law."].source_line == 5
    assert "What is the role of Basophil?" in prompts or "Which cell has the role “releases histamine”?" in prompts
    assert not [p for p in prompts if "where / role" in p]
    # "natural active" under "Active immunity" is natural active immunity.
    assert [p for p in prompts if "natural active immunity" in p]


WINDS = """# Winds

## Monsoon

- The south-west monsoon reaches Kerala in June.
  - splits into two branches — Arabian Sea branch and Bay of Bengal branch

Trick to remember: "KAB" (Kerala, Arabian, Bay)

## Rainfall kinds

### Convectional rainfall

- Features:
  - hot air rises, cools and condenses
  - e.g. equatorial regions daily

### Orographic rainfall

- Features:
  - mountains force moist winds up
  - e.g. Western Ghats

### Cyclonic rainfall

- Features:
  - warm and cold air masses meet
"""


def test_a_verb_led_point_a_memory_trick_and_an_example_only_point_are_no_terms_or_descriptions() -> None:
    prompts = [q.prompt for q in bank_of(WINDS, markdown=True).questions]
    assert not [p for p in prompts if "splits" in p or "trick" in p.lower() or "e.g." in p]
    assert [p for p in prompts if "hot air rises" in p]  # the points that describe are asked which rainfall


def test_a_denial_of_a_headline_is_no_statement() -> None:
    from quizapp.generate.judge import is_statement
    from quizapp.generate.nouns import is_plural

    assert not is_statement("Prior permission of the Governor NOT required.")
    assert is_plural("Helper T cells (CD4)")


SQL_NOTES = """# Tables

## Common commands

Create a table:
`CREATE TABLE pupil (id INT PRIMARY KEY, name VARCHAR(30));`

Remove duplicate values: `SELECT DISTINCT town FROM pupil;`

Update:
`UPDATE pupil SET mark = 90 WHERE id = 1;`
"""


def test_a_task_and_its_line_of_code_ask_for_the_command() -> None:
    cards = {q.prompt: q.answer for q in bank_of(SQL_NOTES, markdown=True).questions}
    assert cards["What does this command do: “SELECT DISTINCT town FROM pupil”?"] == "Remove duplicate values"
    assert [p for p in cards if p.startswith("What does this command do: “CREATE TABLE pupil")]
    assert not [p for p in cards if "UPDATE" in p or "SET" in p]  # code split at "=" is no term


WARS = """# Proxy wars

## Where they were fought

Korea - North invaded South in 1950; the war ended in an armistice in 1953.
Afghanistan - USSR invaded in 1979; US armed the fighters. Soviet troops withdrew by 1989.
"""


def test_a_sentence_written_after_a_term_keeps_the_term_in_front() -> None:
    prompts = [q.prompt for q in bank_of(WARS).questions if q.type in ("cloze", "mcq", "truefalse")]
    withdrew = [p for p in prompts if "withdrew" in p]
    assert withdrew and all(p.startswith("Afghanistan: ") for p in withdrew)


LANGUAGES = """# Query languages

| Category | Full form | Commands |
|----------|-----------|----------|
| DDL | Data Definition Language | CREATE, DROP |
| DML | Data Manipulation Language | INSERT, DELETE |
| DCL | Data Control Language | GRANT, REVOKE |
| TCL | Transaction Control Language | COMMIT, ROLLBACK |
"""


def test_a_full_form_is_not_asked_back_to_its_initials() -> None:
    prompts = [q.prompt for q in bank_of(LANGUAGES, markdown=True).questions]
    assert not [p for p in prompts if "has the full form" in p]  # "DML" is "Data Manipulation Language"'s initials
    full = [q for q in bank_of(LANGUAGES, markdown=True).questions if q.prompt.startswith("What is the full form of")]
    assert full and all(q.type == "short" for q in full)  # among other full forms, the one with its initials stands out


def test_a_point_that_names_siblings_in_the_singular_does_not_offer_them() -> None:
    from quizapp.generate.shapes.owners import owner_questions
    from quizapp.generate.standalone import lowercase_words

    text = (
        "# Chemistry\n\n1. Acids:\n- Taste sour.\n- Turn blue litmus red.\n2. Bases:\n- Taste bitter.\n- Feel soapy.\n"
        "3. Salts:\n- Formed by neutralisation.\n- Often crystals.\n4. Indicators:\n- Litmus: red in acid, blue in base.\n"
        "- Turmeric turns red in a base.\n"
    )
    outline = read_outline(text)
    for placed in owner_questions(outline, lambda node: "t", set(), lowercase_words(text)):
        if "Litmus" in placed.draft.prompt:
            assert not {"Acids", "Bases"} & set(placed.draft.choices or [])


def test_a_list_of_numbered_or_contrasted_headings_is_no_set_to_name() -> None:
    text = (
        "# Motion\n\n## Newton's three laws of motion\n\n- 1st Law\n- 2nd Law\n- 3rd Law\n\n"
        "## Humoral vs cell-mediated\n\n- Humoral immunity\n- Cell-mediated immunity\n"
    )
    prompts = [q.prompt for q in bank_of(text, markdown=True).questions if q.type == "list"]
    assert not [p for p in prompts if "laws" in p or " vs " in p]


RULERS = """# Kings

| King | Reign |
|------|-------|
| Aldric | 1101-1120 |
| Bertram | 1120-1141 |
| Cedric | 1141-1150 |
| Dunstan | 1150-1170 |
| Edmund | 1170-1199 |
| Fulk | 1199-1230 |
| Godwin | 1230-1262 |
| Harold | 1262-1290 |
"""


def test_a_ruler_asked_by_his_reign_has_the_rulers_nearest_in_time_as_choices() -> None:
    asked = [q for q in bank_of(RULERS, markdown=True).questions if q.prompt.startswith("Which king")]
    assert asked
    order = ["Aldric", "Bertram", "Cedric", "Dunstan", "Edmund", "Fulk", "Godwin", "Harold"]
    for q in asked:
        spots = sorted(order.index(choice) for choice in q.choices or [])
        assert spots[-1] - spots[0] <= 4, q  # four kings in a run of at most five, not the first beside the last


def test_a_question_many_answers_fit_is_a_card_the_student_judges() -> None:
    bank = bank_of(
        "Cells\n\nQ1. Name one multicellular organism.\nAns. Man.\n\nQ2. Name the longest cell.\nAns. Nerve cell.\n"
    )
    kinds = {q.prompt: q.type for q in bank.questions}
    assert kinds["Name one multicellular organism."] == "flashcard"
    assert kinds["Name the longest cell."] in ("short", "mcq")


RESISTORS = """# Circuits

## Resistors in series and parallel

Series:
R_s = R1 + R2 + R3

- total p.d. V = V1 + V2 + V3
- R_s is greater than the largest resistance

Parallel: 1/R_p = 1/R1 + 1/R2 + 1/R3

- total current I = I1 + I2 + I3
- R_p is less than the smallest resistance

## Worked examples

- parallel: 1/R = 1/2 + 1/3 + 1/6 = 1 → R = 1 Ω
"""


def test_a_point_under_one_of_a_heading_s_cases_says_which_and_a_formula_is_no_heading() -> None:
    outline = read_outline(RESISTORS, markdown=True)
    formula = next(node for node in outline.nodes if node.text.startswith("R_s = R1"))
    assert formula.kind != "heading"  # all capitals, but a formula
    prompts = {q.prompt for q in bank_of(RESISTORS, markdown=True).questions}
    assert "Series: what is total p.d. V?" in prompts
    assert "Parallel: what is total current I?" in prompts
    assert not [p for p in prompts if p.lower() in ("what is parallel?", "what are series?")]


def test_the_notes_answer_without_its_act_and_year_is_accepted() -> None:
    bank = bank_of("Polity\n\nQ. Which amendment is called the mini constitution?\nAns. 42nd Amendment Act, 1976.\n")
    [asked] = [q for q in bank.questions if q.prompt.startswith("Which amendment")]
    assert "42nd Amendment" in (asked.accept or []) or asked.answer == "42nd Amendment"


def test_a_capital_that_names_keeps_its_case_and_a_chain_of_arrows_is_no_term() -> None:
    from quizapp.generate.shapes.pair import term_case

    assert term_case("B cell") == "B cell" and term_case("P waves") == "P waves"
    assert term_case("Light reactions") == "light reactions"
    bank = bank_of("# Cells\n\n- B cell → plasma cell → antibodies; T cell → killing\n", markdown=True)
    assert not [q for q in bank.questions if q.prompt.startswith("What is B cell")]


def test_a_term_defined_under_two_headings_says_which() -> None:
    text = (
        "# Houses\n\n## Upper House\n\n- Chairman elected by members\n- panel of chairmen: 6 members of the house\n\n"
        "## Lower House\n\n- Speaker elected by members\n- panel of chairmen: 10 members chosen by the speaker\n"
    )
    prompts = [q.prompt for q in bank_of(text, markdown=True).questions if "panel of chairmen" in q.prompt]
    assert prompts and all(p.startswith(("Upper House: ", "Lower House: ")) for p in prompts)


def test_pairs_of_names_are_asked_as_the_notes_match_them() -> None:
    notes = (
        "# Reservoirs\n\n## Dams and their rivers\n\n- Alpha Dam – Velora (north)\n- Bryn Weir – Castor\n"
        "- Corvo Barrage – Dunmere\n- Eldon Dam – Fennick\n- Gorse Dam – Castor\n"
    )
    bank = generate_bank(parse_markdown(notes, title="Reservoirs"))[0]
    matched = {q.source_line: q for q in bank.questions if "matched with" in q.prompt}
    alpha = matched[5]
    assert alpha.prompt == "Dams and their rivers: which of these is matched with Alpha Dam?"
    assert alpha.answer == "Velora" and alpha.choices and len(alpha.choices) == 4  # "(north)" is an aside
    gorse = matched[9]
    assert gorse.answer == "Castor" and gorse.choices and gorse.choices.count("Castor") == 1  # Bryn's river too


def test_points_of_other_kinds_are_no_set_of_matches() -> None:
    notes = (
        "# Constitution\n\n## Notes\n\n- Article 39 – 38\n- Conflict b/w FR & DPSP – case laws\n- Basic types – 3.14\n"
        "- Minerva Mills – 1980\n"
    )
    bank = generate_bank(parse_markdown(notes, title="Constitution"))[0]
    assert not [q for q in bank.questions if "matched with" in q.prompt]


def test_a_question_and_its_answer_on_one_line_are_asked_as_written() -> None:
    notes = (
        "Revision\n\nQ. Where did the first council meet? Ans. Rajagriha.\n"
        "Q. Which council split the order in two? Ans. The fourth council, in Kashmir, under Kanishka.\n"
    )
    bank = generate_bank(parse_text(notes, title="Councils"))[0]
    asked = {q.prompt: q for q in bank.questions}
    first = asked["Where did the first council meet?"]
    assert first.answer == "Rajagriha" and first.source_line == 3
    split = asked["Which council split the order in two?"]
    assert split.type != "list" and split.answer.startswith("The fourth council")  # one council, however many commas


def test_a_question_with_its_answer_after_an_arrow_is_asked_as_written() -> None:
    notes = "Revision\n\nQ1. Base year of the price index? -> 2004-05\nQ2. Who chairs the rate panel? → the governor\n"
    bank = generate_bank(parse_text(notes, title="Prices"))[0]
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked["Base year of the price index?"] == "2004-05"
    assert asked["Who chairs the rate panel?"] == "the governor"


def test_a_table_column_that_names_no_property_asks_its_row_back() -> None:
    notes = (
        "# Tools\n\n| Tool | Who/what | If raised | Type |\n|---|---|---|---|\n"
        "| Alpha rate | lender of last resort | loans cost more | Quantitative |\n"
        "| Beta ratio | cash kept aside | less money to lend | Quantitative |\n"
        "| Gamma ratio | assets kept liquid | less credit flows | Quantitative |\n"
        "| Delta talk | persuasion by letters | — | Qualitative |\n"
    )
    bank = generate_bank(parse_markdown(notes, title="Tools"))[0]
    prompts = [q.prompt for q in bank.questions]
    assert not [p for p in prompts if "who/what" in p.lower() or "the if raised" in p.lower()], prompts
    beta = [q for q in bank.questions if "“cash kept aside”" in q.prompt]
    assert beta and beta[0].answer == "Beta ratio" and beta[0].prompt.startswith("Which tool is this:")
    assert not [q for q in bank.questions if q.answer == "—"]  # an empty cell is no answer


def test_a_table_of_things_compared_in_columns_is_not_read_as_rows_of_things() -> None:
    notes = "# Kinds\n\n| | Alpha | Beta |\n|---|---|---|\n| Brackets | [ ] | ( ) |\n| Can change? | yes | no |\n"
    bank = generate_bank(parse_markdown(notes, title="Kinds"))[0]
    assert not [q for q in bank.questions if "Can change?" in q.prompt or "of Brackets" in q.prompt]


def test_a_block_of_code_right_under_a_point_ends_the_point_and_its_lead_in() -> None:
    notes = (
        "# Queries\n\n## Joins\ndept: (10, CS), (20, EE)\n\n```sql\nSELECT 1;\n```\n"
        "- CROSS JOIN -> every row with every row\n- SELF JOIN -> a table joined with itself\n```sql\nSELECT 2;\n```\n"
        "\n## Keys\n- Foreign key: column that refers to the key of another table\n"
        "- Candidate key: a minimal set of columns that tells rows apart\n- Primary key: the candidate key chosen\n"
    )
    nodes = {node.line: node for node in read_outline(notes, markdown=True).nodes}
    assert nodes[10].text.startswith("SELF JOIN") and "SELECT" not in nodes[10].text
    assert nodes[9].parent is not None and nodes[9].parent.text == "Joins"  # not under "dept: …"
    assert nodes[16].parent is not None and nodes[16].parent.text == "Keys"  # the code ended; the notes go on
    prompts = [q.prompt for q in bank_of(notes, markdown=True).questions]
    assert "What is meant by “foreign key”?" in prompts  # no "What is foreign key?"
    assert not [p for p in prompts if "turn into" in p]  # "every row with every row" is no change of state


def test_a_formula_for_a_case_is_asked_for_that_case() -> None:
    notes = "# Circuits\n\n## Resistors in parallel\n- 2 resistors only → R_p = (R1 × R2)/(R1 + R2)\n"
    bank = bank_of(notes, markdown=True)
    asked = {q.prompt: q.answer for q in bank.questions}
    assert asked.get("2 resistors only: what is R_p?") == "(R1 × R2)/(R1 + R2)"


def test_pairs_under_a_heading_that_names_their_right_sides_ask_for_it() -> None:
    notes = (
        "# Mechanics\n\n## Units (learn)\nforce – newton (N)\nwork – joule (J)\npressure – pascal (Pa)\n"
        "frequency – hertz (Hz)\n"
    )
    nodes = [node for node in read_outline(notes, markdown=True).nodes if node.kind != "heading"]
    assert len(nodes) == 4  # lines of pairs in lower case are no paragraph
    asked = {q.prompt: q for q in bank_of(notes, markdown=True).questions}
    work = asked["What is the unit of work?"]
    assert work.answer == "joule" and sorted(work.choices or []) == ["hertz", "joule", "newton", "pascal"]


def test_a_term_of_a_set_nothing_else_asks_is_asked_which_of_the_set_it_is() -> None:
    notes = (
        "# Queues\n\n## ORDER (rules)\nAlpha – all or nothing\nBeta – first come first served\n"
        "Gamma – last in first out\nDelta – winner takes all\n"
    )
    bank = bank_of(notes, markdown=True)
    asked = {q.prompt: q for q in bank.questions}
    question = asked.get("ORDER: which of these is described as “all or nothing”?")
    assert question is not None and question.answer == "Alpha"
    assert sorted(question.choices or []) == ["Alpha", "Beta", "Delta", "Gamma"]


def test_matched_pairs_never_offer_a_right_side_the_pair_names_too() -> None:
    notes = (
        "# Winds\n\n## Local winds (matching)\nFirst breeze – Kerala & coastal Goa\nSecond breeze – Karnataka\n"
        "Third breeze – West Bengal, Assam\nFourth breeze – Assam\nFifth breeze – Punjab\n"
    )
    bank = bank_of(notes, markdown=True)
    third = [q for q in bank.questions if q.prompt.endswith("matched with Third breeze?")]
    assert third and "Assam" not in (third[0].choices or [])


def test_a_left_side_that_is_no_term_gets_no_card_and_a_deed_is_asked_as_one() -> None:
    notes = (
        "# Body\n\n## Hormones\n- Gastrin – stimulates the release of gastric juice\n"
        "- Insulin – lowers the sugar in blood\n- Question 2 – revise the hormones\n- Tip from sir – draw the glands\n"
        "- hits Lower Valley → heavy rain on the slopes\n- one gland fails → the whole system slows\n"
    )
    prompts = [q.prompt for q in bank_of(notes, markdown=True).questions]
    assert "What does gastrin do?" in prompts
    assert not [p for p in prompts if re.search(r"(?i)question 2|tip from|hits lower|gland fails", p)], prompts


def test_notes_with_an_equals_are_no_command_and_a_group_is_named_without_its_label() -> None:
    from quizapp.generate.shapes.groups import _name
    from quizapp.generate.shapes.pairs import _prose

    assert _prose("RIGHTS = claims on the STATE, DUTIES = asks of CITIZENS, both meant to guide laws")
    assert not _prose("SELECT name FROM student WHERE marks > 80;")
    assert not _prose("nums.append(5), nums.insert(0, 9), nums.pop()")
    nodes = read_outline("Notes\n\nGAUTAMA BUDDHA - LIFE\n- Born in a royal house\n- Left home at 29\n").nodes
    assert _name(next(node for node in nodes if node.text.startswith("GAUTAMA"))) == "Gautama Buddha"


def test_the_page_title_a_record_field_and_a_table_row_are_not_asked_as_terms_or_sentences() -> None:
    notes = (
        "Optics – Physics notes (Ch 10, Class 10)\n\nMIRRORS - LIFE\n- father – the old lens maker\n"
        "- later – moved to the city\n\n| Kind | Focus | Use |\n| --- | --- | --- |\n"
        "| Concave | real focus in front | torches focus light |\n| Convex | virtual focus behind | mirrors show wide views |\n"
    )
    prompts = [q.prompt for q in bank_of(notes).questions]
    assert not [p for p in prompts if re.search(r"(?i)what is (?:optics|father|later)\?| \| ", p)], prompts


def test_a_tag_in_a_code_span_is_kept_and_never_blanked() -> None:
    notes = (
        "# Web\n\n## Tags\n- a tag is written in angle brackets: `<p>` opens a paragraph and `</p>` closes it\n"
        '- the image tag `<img src="cat.jpg">` shows a picture on the page\n'
    )
    nodes = read_outline(notes, markdown=True).nodes
    assert any("<p>" in node.text for node in nodes)
    assert not [q for q in bank_of(notes, markdown=True).questions if re.search(r"<[^<>]*____", q.prompt)]


def test_a_describing_word_is_asked_as_a_kind_of_the_thing_above_it() -> None:
    notes = (
        "# Volcanoes\n\n## Types of volcanoes\n- Dormant – not erupted for a long time but may erupt again\n"
        "- Extinct – no eruption in historical times\n- Similar – looks like the others\n"
    )
    prompts = [q.prompt for q in bank_of(notes, markdown=True).questions]
    assert "What is a dormant volcano?" in prompts and "What is an extinct volcano?" in prompts, prompts
    assert not [p for p in prompts if re.match(r"Describe (?:dormant|extinct|similar)", p)]


def test_a_bare_plural_heading_is_named_with_what_it_is_of() -> None:
    notes = "# Village Councils\n\n## Tiers\n- Village council\n- Block council\n- District council\n"
    prompts = [q.prompt for q in bank_of(notes, markdown=True).questions if q.type == "list"]
    assert "Name the three tiers of Village Councils." in prompts, prompts


def test_a_field_of_the_thing_a_capital_heading_names_is_asked_of_that_thing() -> None:
    notes = "# THE HUMAN EYE\n\nSize – about 2.5 cm across in adults\nCovering – the sclera, a tough white layer\n"
    prompts = {q.prompt for q in generate_bank(parse_markdown(notes, title="THE HUMAN EYE"))[0].questions}
    assert {"What is the size of the human eye?", "What is the covering of the human eye?"} <= prompts, prompts


def test_a_range_or_an_event_of_a_year_is_no_term_and_a_later_line_of_its_own_is_not_joined() -> None:
    notes = (
        "Quakes\n\n* 2015 Kathmandu quake - 25 April, magnitude 7.8, felt across the plains of the north\n"
        "tsunami = a harbour wave raised when the sea floor moves in a quake\n\nEra\n\napprox 320 CE - 550 CE, the age "
        "of the empire\n"
    )
    nodes = {node.line: node for node in read_outline(notes).nodes}
    assert 4 in nodes and "tsunami" not in nodes[3].text  # its own line, not the end of the point above
    prompts = [q.prompt for q in bank_of(notes).questions]
    assert not [p for p in prompts if re.search(r"What is (?:2015|approx)", p)], prompts


def test_a_matched_pair_offers_the_right_sides_nearest_its_answer_first() -> None:
    notes = (
        "# Earth\n\n## Matching\nMauna Loa – Shield volcano\nMt Fuji – Composite volcano\nToba – Caldera\n"
        "Deccan Traps – Flood basalt\nRichter – Magnitude\nMercalli – Intensity\n"
    )
    asked = {q.prompt: q for q in bank_of(notes, markdown=True).questions}
    fuji = asked["Matching: which of these is matched with Mt Fuji?"]
    assert "Shield volcano" in (fuji.choices or []), fuji.choices
