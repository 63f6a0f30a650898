"""Fact extractors: dates, amounts, ranks, acronyms, names, enumerations and definitions, with their tricky cases."""

from __future__ import annotations

import re

import pytest

from quizapp.generate.facts import (
    Fact,
    extract_facts,
    find_acronyms,
    find_amounts,
    find_dates,
    find_definitions,
    find_enumerations,
    find_names,
    find_ranks,
    month_number,
    ordinal,
)
from quizapp.generate.facts.phrases import trim_dangling


def spans(facts: list[Fact]) -> list[tuple[str, str]]:
    return [(fact.kind, fact.text) for fact in facts]


def only(facts: list[Fact], kind: str | None = None) -> Fact:
    chosen = [fact for fact in facts if kind is None or fact.kind == kind]
    assert len(chosen) == 1, spans(facts)
    return chosen[0]


def test_every_fact_span_is_its_text() -> None:
    text = (
        "On 28 April 1952, Japan and India agreed; in FY18 Japan gave $90 billion, ranks 12th, "
        "and the Acquisition and Cross-Servicing Agreement (ACSA) covers AI, IoT, and big data."
    )
    facts = extract_facts(text)
    assert len(facts) >= 6
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    assert [f.start for f in facts] == sorted(f.start for f in facts)


# -- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer", "kind", "value"),
    [
        (
            "India and Japan established diplomatic relations on 28 April 1952.",
            "28 April 1952",
            "date",
            ("date", 28, 4, 1952),
        ),
        ("The negotiations began in October 2018.", "October 2018", "date", ("month", 10, 2018)),
        (
            "It was held from September-October 2019 off the coast of Japan.",
            "September-October 2019",
            "period",
            ("period", 9, 10, 2019),
        ),
        ("Japan has been a donor since 1958, and is the largest.", "1958", "year", ("year", 1958)),
        ("The corridor was announced in 2017 and joint projects followed.", "2017", "year", ("year", 2017)),
        ("Exports in FY18 were lower.", "FY18", "fiscal", ("fiscal", "18", None)),
        ("The budget for FY2019-20 rose.", "FY2019-20", "fiscal", ("fiscal", "2019", "20")),
        ("The summit was on April 12, 2019 in Delhi.", "April 12, 2019", "date", ("date", 12, 4, 2019)),
        ("The summit was on 12th April 2019 in Delhi.", "12th April 2019", "date", ("date", 12, 4, 2019)),
        ("It opened on 5th September, 2019.", "5th September, 2019", "date", ("date", 5, 9, 2019)),
        ("It opened in Sept 2019.", "Sept 2019", "date", ("month", 9, 2019)),
        ("The plan ran in 2018-19.", "2018-19", "period", ("years", 2018, "19")),
        ("The plan ran in 2018–2019.", "2018–2019", "period", ("years", 2018, "2019")),
    ],
)
def test_dates_and_periods(text: str, answer: str, kind: str, value: tuple[object, ...]) -> None:
    assert find_dates(text)
    fact = only([f for f in extract_facts(text) if f.tag == "date"])
    assert (fact.kind, fact.text, fact.tag) == (kind, answer, "date")
    assert fact.value == value


def test_the_day_of_a_date_is_not_a_rank() -> None:
    text = "The talks were held on 12th April 2019."
    assert find_ranks(text) == []
    assert spans(extract_facts(text)) == [("date", "12th April 2019")]


def test_a_date_inside_a_period_is_not_asked_twice() -> None:
    assert spans(extract_facts("held from September-October 2019 off Japan")) == [("period", "September-October 2019")]
    assert spans(extract_facts("Exports in FY2019-20 rose.")) == [("fiscal", "FY2019-20")]


@pytest.mark.parametrize(
    "text",
    [
        "The count was 1,958 in all.",
        "The index stood at 2019.5 last week.",
        "Negotiations to purchase amphibious US-2 planes have dragged on.",
        "Dharma Guardian-2019 was held.",
        "The output rose 2019% in value.",
        "It follows a 2019-style plan.",
        "Amounts of $2019 were paid.",
    ],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert [f for f in find_dates(text) if f.kind == "year"] == []


def test_a_year_inside_a_quoted_name_belongs_to_the_name() -> None:
    facts = extract_facts("The “Malabar 2019” exercise and “Cope India 2018” were held.")
    assert spans(facts) == [("quoted", "Malabar 2019"), ("quoted", "Cope India 2018")]


@pytest.mark.parametrize(("name", "number"), [("January", 1), ("Sept", 9), ("Sep", 9), ("September", 9), ("dec", 12)])
def test_month_number(name: str, number: int) -> None:
    assert month_number(name) == number


# -- amounts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer", "kind", "value"),
    [
        ("$90 billion has gone into the corridor.", "$90 billion", "money", ("$", "90", "billion", "")),
        (
            "a project of close to Rs 50,000 crore of which",
            "Rs 50,000 crore",
            "money",
            ("Rs ", "50,000", "crore", ""),
        ),
        (
            "assistance has been of about Rs 38,000 crore.",
            "Rs 38,000 crore",
            "money",
            ("Rs ", "38,000", "crore", ""),
        ),
        ("It cost Rs. 500 cr. in total.", "Rs. 500 cr", "money", ("Rs. ", "500", "cr", "")),
        ("It cost ₹2 lakh crore in all.", "₹2 lakh crore", "money", ("₹", "2", "lakh crore", "")),
        ("It cost ₹ 10 lakh in all.", "₹ 10 lakh", "money", ("₹ ", "10", "lakh", "")),
        ("It cost US$ 4.5 billion.", "US$ 4.5 billion", "money", ("US$", "4.5", "billion", "")),
        ("A ticket costs ¥3,500 there.", "¥3,500", "money", ("¥", "3,500", "", "")),
        ("a project of 500 crore rupees", "500 crore rupees", "money", ("", "500", "crore", "rupees")),
        ("Growth was 45% last year.", "45%", "percent", ("", "45", "", "%")),
        ("Growth was 12 per cent last year.", "12 per cent", "percent", ("", "12", "", "per cent")),
        ("The road is 300 km long.", "300 km", "quantity", ("", "300", "", "km")),
        (
            "There are 1,50,000 people in the town.",
            "1,50,000 people",
            "quantity",
            ("", "1,50,000", "", "people"),
        ),
        (
            "The Earth is 150 million km from the Sun.",
            "150 million km",
            "quantity",
            ("", "150", "million", "km"),
        ),
        ("Light takes about 8 minutes to arrive.", "8 minutes", "quantity", ("", "8", "", "minutes")),
        ("Human cells contain 46 chromosomes.", "46 chromosomes", "quantity", ("", "46", "", "chromosomes")),
    ],
)
def test_money_percentages_and_quantities(text: str, answer: str, kind: str, value: tuple[str, ...]) -> None:
    fact = only(extract_facts(text))
    assert (fact.kind, fact.text, fact.tag) == (kind, answer, "money")
    assert fact.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Negotiations to purchase amphibious US-2 planes have dragged on for years.",
        "In 2019 elections were held.",
        "There are various reasons and 3 famous ones.",
        "The 2+2 dialogue met.",
    ],
)
def test_no_quantity_where_there_is_none(text: str) -> None:
    assert [f for f in find_amounts(text) if f.kind == "quantity"] == []


def test_an_amount_number_is_not_a_year() -> None:
    assert spans(extract_facts("It cost Rs 2019 crore.")) == [("money", "Rs 2019 crore")]


# -- ranks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("Japan is at 18th position in the list.", "18th"),
        ("Among importers, Japan ranks 12th.", "12th"),
        ("India announced it at the recent 14th EAS.", "14th"),
        ("India became the 4th agency to reach Mars.", "4th"),
        ("Venus ranks 2nd in distance from the Sun.", "2nd"),
        ("It came 21st.", "21st"),
        ("It came 112th.", "112th"),
    ],
)
def test_ranks(text: str, rank: str) -> None:
    fact = only(find_ranks(text))
    assert fact.text == rank and fact.value == (int(rank[:-2]),)
    assert only(extract_facts(text), "rank").text == rank


@pytest.mark.parametrize("text", ["He came 1th.", "He came 11st.", "a 14th-century fort", "the 22th time"])
def test_not_ranks(text: str) -> None:
    assert find_ranks(text) == []


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
    ],
)
def test_ordinal(n: int, text: str) -> None:
    assert ordinal(n) == text


# -- acronyms -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "acronym", "expansion"),
    [
        (
            "Japan is a donor in the form of ODA (Official Development Assistance) to India.",
            "ODA",
            "Official Development Assistance",
        ),
        (
            "Outside India: Asia-Africa Growth Corridor (AAGR) announced in 2017.",
            "AAGR",
            "Asia-Africa Growth Corridor",
        ),
        ("a mine-countermeasures exercise (MINEX) held in Japan", "MINEX", "mine-countermeasures exercise"),
        (
            "those reflected in the United Nations Convention on the Law of the Sea (UNCLOS).",
            "UNCLOS",
            "United Nations Convention on the Law of the Sea",
        ),
        (
            "the negotiations of Acquisition and Cross-Servicing Agreement (ACSA) since October 2018",
            "ACSA",
            "Acquisition and Cross-Servicing Agreement",
        ),
        ("The World Health Organization (WHO) said so.", "WHO", "World Health Organization"),
        ("The WHO (World Health Organization) said so.", "WHO", "World Health Organization"),
        (
            "National Aeronautics and Space Administration (NASA) launched it.",
            "NASA",
            "National Aeronautics and Space Administration",
        ),
        ("The nucleus holds deoxyribonucleic acid (DNA).", "DNA", "deoxyribonucleic acid"),
        (
            "launched by ISRO (Indian Space Research Organisation).",
            "ISRO",
            "Indian Space Research Organisation",
        ),
    ],
)
def test_acronyms_both_ways(text: str, acronym: str, expansion: str) -> None:
    fact = only(find_acronyms(text))
    assert (fact.kind, fact.tag, fact.text, fact.value[0]) == ("acronym", "acronym", acronym, expansion)
    assert text[fact.start : fact.end] == acronym
    start = fact.value[1]
    assert text[start : start + len(expansion)] == expansion
    assert only(extract_facts(text), "acronym").text == acronym


@pytest.mark.parametrize(
    "text",
    [
        "Japan is also backing the High Speed Rail (bullet train) service.",
        "They met in Japan (Tokyo) last year.",
        "The Growth Corridor (XYZ) was announced.",
        "See the results (A) above.",
        "The figure (see above) is large.",
    ],
)
def test_parentheses_that_define_no_acronym(text: str) -> None:
    assert find_acronyms(text) == []


# -- names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the recently conducted second “Dharma Guardian-2019” and", "Dharma Guardian-2019"),
        ("the recently conducted second “SHINYUU Maitri-2019”.", "SHINYUU Maitri-2019"),
        ("A ‘Cool EMS Service’ was started, under which food is sent.", "Cool EMS Service"),
        (
            "India’s announcement of “Indo-Pacific Oceans Initiative” at the summit",
            "Indo-Pacific Oceans Initiative",
        ),
        ("the 'Make in India' scheme", "Make in India"),
        ('the "Digital India" programme', "Digital India"),
    ],
)
def test_quoted_names(text: str, name: str) -> None:
    fact = only(find_names(text), "quoted")
    assert (fact.text, fact.tag, fact.value[0]) == (name, "name", "quoted")
    assert text[fact.start : fact.end] == name


def test_quoted_text_that_is_a_sentence_is_no_name() -> None:
    assert [f for f in find_names("He said “we will come back, and soon.” to all.") if f.kind == "quoted"] == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "the negotiations of Acquisition and Cross-Servicing Agreement (ACSA) since",
            "Acquisition and Cross-Servicing Agreement",
            "Agreement",
        ),
        (
            "those in the United Nations Convention on the Law of the Sea (UNCLOS).",
            "United Nations Convention on the Law of the Sea",
            "Convention",
        ),
        (
            "$90 billion has gone into the Delhi-Mumbai Industrial Corridor.",
            "Delhi-Mumbai Industrial Corridor",
            "Corridor",
        ),
        (
            "Japan is also backing the Mumbai-Ahmedabad High Speed Rail (bullet train) service.",
            "Mumbai-Ahmedabad High Speed Rail",
            "Rail",
        ),
        (
            "Discussions took place on the Dedicated Freight Corridor, a project",
            "Dedicated Freight Corridor",
            "Corridor",
        ),
        (
            "Defence ties: Quadrilateral Security Dialogue is a strategic dialogue",
            "Quadrilateral Security Dialogue",
            "Dialogue",
        ),
        ("Malabar exercise has been carried out by India.", "Malabar", "Exercise"),
        (
            "Recalling the Japan-India-US Summit Meetings in November 2018",
            "Japan-India-US Summit Meetings",
            "Meetings",
        ),
    ],
)
def test_capitalised_names_and_their_kind(text: str, name: str, kind: str) -> None:
    found = {f.text: f for f in find_names(text)}
    assert name in found, sorted(found)
    assert found[name].value[1] == kind
    assert found[name].value[0] == "name"  # a convention "in the" notes is no place


def test_a_place_is_a_place() -> None:
    [fact] = [
        f
        for f in find_names("The Ministers exchanged views on developments in the South China Sea.")
        if f.kind == "name"
    ]
    assert (fact.text, fact.value) == ("South China Sea", ("place", "Sea"))
    [fact] = [f for f in find_names("They met in New York in September 2019.")]
    assert (fact.text, fact.value[0]) == ("New York", "place")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The Reserve Bank of India and the State Bank of India met.",
            {"Reserve Bank of India", "State Bank of India"},
        ),
        (
            "National Aeronautics and Space Administration (NASA) launched it.",
            {"National Aeronautics and Space Administration"},
        ),
        ("Japan and Australia signed it.", set()),
        ("India and Japan established diplomatic relations.", set()),
        ("Japan’s interest in India is increasing.", set()),
        ("Cell Biology The cell is the basic unit of life.", {"Cell Biology"}),
    ],
)
def test_and_inside_a_name_or_between_two(text: str, names: set[str]) -> None:
    assert {f.text for f in find_names(text) if f.kind == "name"} == names


# -- enumerations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "items"),
    [
        (
            (
                "Defence ties: Quadrilateral Security Dialogue is a strategic dialogue between India, United States, "
                "Japan and Australia will be carried out."
            ),
            "between",
            ("India", "United States", "Japan", "Australia"),
        ),
        (
            "Areas of potential collaboration include AI, IoT, and big data.",
            "include",
            ("AI", "IoT", "big data"),
        ),
        (
            "Areas of collaboration such as AI, IoT and big data are growing.",
            "such as",
            ("AI", "IoT", "big data"),
        ),
        (
            "Areas such as AI, IoT, and big data in the coming years will grow.",
            "such as",
            ("AI", "IoT", "big data"),
        ),
        (
            (
                "Joint projects in some third countries like Bangladesh, Myanmar, and Sri Lanka and in Africa as well "
                "will be taken jointly."
            ),
            "like",
            ("Bangladesh", "Myanmar", "Sri Lanka"),
        ),
        (
            (
                "It supports India’s mega infrastructure projects like the Delhi-Mumbai Freight Corridor, Delhi-Mumbai "
                "Industrial Corridor, Chennai-Bangalore Industrial Corridor and the Ahmedabad-Mumbai High Speed Rail"
            ),
            "like",
            (
                "Delhi-Mumbai Freight Corridor",
                "Delhi-Mumbai Industrial Corridor",
                "Chennai-Bangalore Industrial Corridor",
                "Ahmedabad-Mumbai High Speed Rail",
            ),
        ),
        (
            (
                "Japanese ODA supports India’s development in sectors such as power, transportation, environmental "
                "projects and projects related to basic human needs."
            ),
            "such as",
            ("power", "transportation", "environmental projects", "projects related to basic human needs"),
        ),
        (
            "The inner planets are Mercury, Venus, Earth and Mars.",
            "are",
            ("Mercury", "Venus", "Earth", "Mars"),
        ),
        (
            "The inner planets are Mercury, Venus, Earth, and Mars, which are rocky.",
            "are",
            ("Mercury", "Venus", "Earth", "Mars"),
        ),
        ("Gas giants include Jupiter and Saturn.", "include", ("Jupiter", "Saturn")),
        (
            "India must leverage Japan’s strengths in areas such as medical equipment and hospitals.",
            "such as",
            ("medical equipment", "hospitals"),
        ),
        # Three or more plain items after a bare preposition.
        (
            "India struggles in the Japanese market as a result of language barriers, high quality and service standards.",
            "of",
            ("language barriers", "high quality", "service standards"),
        ),
        (
            "Enhancing connectivity for the flow of people, technology and ideas for shared prosperity.",
            "of",
            ("people", "technology", "ideas"),
        ),
        (
            "Further cooperate for peace, stability and prosperity of Indo-Pacific.",
            "for",
            ("peace", "stability", "prosperity"),
        ),
        # Qualities of one thing.
        (
            "The aim is to create a safe, secure, stable, prosperous and sustainable maritime domain.",
            "qualities",
            ("safe", "secure", "stable", "prosperous", "sustainable"),
        ),
        (
            "They seek a free, open, inclusive and rules-based Indo-Pacific, the Ministers said.",
            "qualities",
            ("free", "open", "inclusive", "rules-based"),
        ),
    ],
)
def test_enumerations(text: str, trigger: str, items: tuple[str, ...]) -> None:
    fact = only(find_enumerations(text))
    assert (fact.kind, fact.tag) == ("list", "list")
    assert fact.value[0] == trigger
    assert fact.value[1] == items
    assert fact.text == text[fact.start : fact.end]
    assert fact.text.startswith(items[0]) and fact.text.endswith(items[-1])


@pytest.mark.parametrize(
    "text",
    [
        "The talks are ongoing, and both sides agree.",
        "It is between you and me.",
        "They met, talked, and left.",
        "India, in turn, is growing fast.",
        "He likes apples, and she likes pears.",
        "Planets such as Earth are rocky.",
        "The Ministers expressed their intention to cooperate including through cooperation with other countries.",
        "It stressed countering terrorism, including through increased sharing of information and intelligence.",
        (
            "Japan’s interest is increasing due to reasons including India’s large and growing market and its "
            "resources, especially the human resources."
        ),
        "Good fruits such as apples, pears and apples are sold.",
        # A preposition before a verb and its object, or before only two items, announces no list.
        "They went to see the museum, park and zoo.",
        "They met in Delhi and Tokyo.",
        "The delegates bought a pen, pencil and paper at the shop.",
    ],
)
def test_not_enumerations(text: str) -> None:
    assert find_enumerations(text) == []


# -- definitions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        (
            (
                "Defence ties: Quadrilateral Security Dialogue is a strategic dialogue between India, United States, "
                "Japan and Australia will be carried out."
            ),
            "Quadrilateral Security Dialogue",
            "a strategic dialogue between India, United States, Japan and Australia",
        ),
        (
            (
                "A ‘Cool EMS Service’ was started, under which Japanese food items are transported in cool boxes from "
                "Japan to India through postal channels."
            ),
            "Cool EMS Service",
            "under which Japanese food items are transported in cool boxes from Japan to India through postal channels",
        ),
        (
            "Photosynthesis is the process by which plants make food.",
            "Photosynthesis",
            "the process by which plants make food",
        ),
        (
            "A cell is the basic unit of life in all organisms.",
            "cell",
            "the basic unit of life in all organisms",
        ),
        (
            "An astronomical unit (AU) is the mean distance between the Earth and the Sun.",
            "astronomical unit",
            "the mean distance between the Earth and the Sun",
        ),
        (
            "The Sun is a star at the centre of the Solar System and holds 99.86% of its mass.",
            "Sun",
            "a star at the centre of the Solar System",
        ),
        (
            "Mercury is the smallest planet, and a year on Mercury lasts 88 days.",
            "Mercury",
            "the smallest planet",
        ),
        (
            "The Indian Space Research Organisation (ISRO) is the national space agency of India.",
            "Indian Space Research Organisation",
            "the national space agency of India",
        ),
        # A name and what it is, side by side.
        (
            "Talks took place on the Dedicated Freight Corridor, a project of close to Rs 50,000 crore of which Japan gave half.",
            "Dedicated Freight Corridor",
            "a project of close to Rs 50,000 crore of which Japan gave half",
        ),
        (
            "The Hubble Space Telescope, an observatory in low Earth orbit, was launched in 1990.",
            "Hubble Space Telescope",
            "an observatory in low Earth orbit",
        ),
        # A note without a verb that says what a named thing is.
        (
            "2+2 dialogue at the defence and foreign minister level.",
            "2+2 dialogue",
            "a dialogue at the defence and foreign minister level",
        ),
        (
            "Malabar exercise among the navies of three countries.",
            "Malabar exercise",
            "an exercise among the navies of three countries",
        ),
    ],
)
def test_definitions(text: str, term: str, definition: str) -> None:
    fact = only(find_definitions(text))
    assert (fact.kind, fact.tag, fact.text, fact.value[0]) == ("definition", "definition", term, definition)
    assert text[fact.start : fact.end] == term


@pytest.mark.parametrize(
    "text",
    [
        "It is a big deal for everyone here.",
        "This is a very important point to remember.",
        "The importance of this is a matter of debate.",
        "Cell Biology The cell is the basic unit of life.",
        "They are a group of friends from the town.",
        "India and Japan established diplomatic relations on 28 April 1952.",
        "They visited Japan, a country they loved dearly.",
        "In Tokyo, a big city, the talks went on.",
        "Malabar exercise has been carried by India Japan and USA on a continuous basis.",
    ],
)
def test_not_definitions(text: str) -> None:
    assert find_definitions(text) == []


# -- the whole sentence ---------------------------------------------------------------------------


def test_facts_of_a_sentence_of_the_notes() -> None:
    text = (
        "The Ministers expressed their satisfaction at trilateral cooperation represented by the “Malabar 2019” "
        "held from September-October 2019 off the coast of Japan, mine-countermeasures exercise (MINEX) held in "
        "Japan in July 2019 and “Cope India 2018” in which Japan participated as an observer in December 2018."
    )
    found = spans(extract_facts(text))
    for expected in [
        ("quoted", "Malabar 2019"),
        ("period", "September-October 2019"),
        ("acronym", "MINEX"),
        ("date", "July 2019"),
        ("quoted", "Cope India 2018"),
        ("date", "December 2018"),
    ]:
        assert expected in found
    assert ("year", "2019") not in found and ("year", "2018") not in found


def test_overlapping_facts_of_one_family_keep_the_longest() -> None:
    facts = extract_facts("Discussions have been on a project of close to Rs 50,000 crore since 12th April 2019.")
    assert spans(facts) == [("money", "Rs 50,000 crore"), ("date", "12th April 2019")]


# -- a definition that runs on ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trimmed"),
    [
        (
            "Quadrilateral Security Dialogue is a strategic dialogue between India, United States, Japan and Australia "
            "will be carried out.",
            "Quadrilateral Security Dialogue is a strategic dialogue between India, United States, Japan and Australia.",
        ),
        ("The Council is a body of ten states would meet yearly.", "The Council is a body of ten states."),
        # Grammatical sentences stay as they are.
        ("The Council is a body that will meet every year.", "The Council is a body that will meet every year."),
        (
            "The Sun is a star and will burn for billions of years.",
            "The Sun is a star and will burn for billions of years.",
        ),
        ("The talks will be held in Tokyo next year.", "The talks will be held in Tokyo next year."),
    ],
)
def test_trim_dangling(text: str, trimmed: str) -> None:
    assert trim_dangling(text) == trimmed


def test_dates_named_together_are_a_list() -> None:
    text = "Recalling the Summit Meetings in November 2018 and June 2019, the Ministers met in 2020."
    [fact] = find_enumerations(text)
    assert (fact.value[0], fact.value[1], fact.text) == (
        "dates",
        ("November 2018", "June 2019"),
        "November 2018 and June 2019",
    )
    assert find_enumerations("It was held in November 2018, and in 2019 it moved.") == []


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Decisions require a three-fourths majority of the votes.", "three-fourths"),
        ("One-third of its members retire every second year.", "One-third"),
        ("The bill needs a two thirds majority.", "two thirds"),
    ],
)
def test_a_share_in_words_is_a_fact(text: str, share: str) -> None:
    [fact] = [f for f in extract_facts(text) if f.kind == "fraction"]
    assert fact.text == share and text[fact.start : fact.end] == share


def test_wrong_shares_are_other_shares_written_alike() -> None:
    from quizapp.generate.distractors import choose_distractors

    text = "Decisions require a three-fourths majority of the votes."
    fact = only(extract_facts(text), "fraction")
    wrong = choose_distractors(fact, [fact], seed="s")
    assert len(wrong) == 3 and "three-fourths" not in wrong
    assert all(re.fullmatch(r"[a-z]+-[a-z]+", w) for w in wrong), wrong


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Article 279A provides for the GST Council.", "Article 279A"),
        ("As per Article 366(12A) of the Constitution, GST is a tax on supply.", "Article 366(12A)"),
        ("Article 80 gives the details of the Rajya Sabha.", "Article 80"),
    ],
)
def test_a_reference_to_a_law_is_a_name(text: str, reference: str) -> None:
    names = [f.text for f in extract_facts(text) if f.tag == "name"]
    assert reference in names
    assert not [f for f in extract_facts(text) if f.kind == "quantity"]  # "80 gives" counts nothing
