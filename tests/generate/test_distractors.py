"""Distractors: wrong choices of the answer's kind and shape, never the answer again, never true in context."""

from __future__ import annotations

import random
import re

import pytest

from quizapp.generate.distractors import choose_distractors, normalise, same_words
from quizapp.generate.facts import Fact, extract_facts, find_dates, month_number, ordinal, parse_number

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def fact_of(sentence: str, text: str) -> Fact:
    """The fact of `sentence` whose text is `text`."""
    matching = [fact for fact in extract_facts(sentence) if fact.text == text]
    assert matching, [f.text for f in extract_facts(sentence)]
    return matching[0]


def pool_of(*sentences: str) -> list[Fact]:
    return [fact for sentence in sentences for fact in extract_facts(sentence)]


def wrong(sentence: str, answer: str, *others: str, banned: tuple[str, ...] | None = None, n: int = 3) -> list[str]:
    """Distractors for `answer` in `sentence`, with the facts of `others` as the document's pool."""
    fact = fact_of(sentence, answer)
    pool = pool_of(sentence, *others)
    chosen = choose_distractors(
        fact, pool, seed=f"{sentence}\x1f{answer}", banned=(sentence,) if banned is None else banned, n=n
    )
    assert len(chosen) == len(set(chosen))
    for choice in chosen:
        assert normalise(choice) != normalise(answer), choice
        assert not same_words(choice, answer), choice
    return chosen


# -- the comparison key ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rs 38,000 crore", "₹38,000 crore"),
        ("Rs 38,000 crore", "INR 38000 crore"),
        ("Rs. 500 cr", "₹500 cr"),
        ("$90 billion", "US$ 90 billion"),
        ("$90 billion", "USD 90 billion"),
        ("12 per cent", "12%"),
        ("45 percent", "45%"),
        ("the Quadrilateral Security Dialogue", "Quadrilateral Security Dialogue"),
        ("Delhi–Mumbai Industrial Corridor", "Delhi-Mumbai Industrial Corridor"),
    ],
)
def test_equivalent_values_share_a_key(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rs 38,000 crore", "$38,000 crore"),
        ("12%", "12 km"),
        ("18th", "12th"),
        ("FY18", "FY15"),
        ("2019", "2017"),
    ],
)
def test_different_values_have_different_keys(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_same_words_in_another_order_name_one_thing() -> None:
    assert same_words("Mumbai-Ahmedabad High Speed Rail", "Ahmedabad-Mumbai High Speed Rail")
    assert not same_words("Delhi-Mumbai Industrial Corridor", "Delhi-Mumbai Freight Corridor")


# -- dates ----------------------------------------------------------------------------------------


def test_full_date_distractors_are_near_and_written_alike() -> None:
    chosen = wrong("India and Japan established diplomatic relations on 28 April 1952.", "28 April 1952")
    assert len(chosen) == 3
    for choice in chosen:
        day, _month, year = re.fullmatch(rf"(\d{{1,2}}) ({MONTH}) (\d{{4}})", choice).groups()  # type: ignore[union-attr]
        assert 1 <= int(day) <= 31 and abs(int(year) - 1952) <= 10


def test_us_style_dates_stay_us_style() -> None:
    chosen = wrong("The summit opened on April 12, 2019 in Delhi.", "April 12, 2019")
    assert len(chosen) == 3
    assert all(re.fullmatch(rf"{MONTH} \d{{1,2}}, \d{{4}}", c) for c in chosen), chosen


def test_ordinal_day_dates_keep_their_ordinal() -> None:
    chosen = wrong("The talks were held on 12th April 2019.", "12th April 2019")
    assert all(re.fullmatch(rf"\d{{1,2}}(?:st|nd|rd|th) {MONTH} \d{{4}}", c) for c in chosen), chosen


def test_month_dates_come_from_the_document_first() -> None:
    others = (
        "The summit met in November 2018.",
        "The summit met again in June 2019.",
        "An exercise was held in July 2019.",
        "Talks were held on 5 May 2019.",
    )
    chosen = wrong("The negotiations began in October 2018.", "October 2018", *others)
    assert sorted(chosen) == ["July 2019", "June 2019", "November 2018"]


def test_a_date_written_another_way_is_never_taken_from_the_document() -> None:
    others = ("Talks ended on April 30, 1952.", "A treaty followed on 3 May 1951.")
    chosen = wrong("India and Japan established diplomatic relations on 28 April 1952.", "28 April 1952", *others)
    assert "April 30, 1952" not in chosen
    assert "3 May 1951" in chosen


def test_document_dates_far_from_the_answer_are_not_preferred() -> None:
    chosen = wrong(
        "Japan has been a donor since 1958, and is the largest.",
        "1958",
        "It was announced in 2017.",
        "It grew in 2019.",
    )
    assert all(abs(int(c) - 1958) <= 10 for c in chosen), chosen


def test_periods_keep_their_span_of_months() -> None:
    chosen = wrong("It was held from September-October 2019 off the coast of Japan.", "September-October 2019")
    assert len(chosen) == 3
    for choice in chosen:
        first, second, year = re.fullmatch(rf"({MONTH})-({MONTH}) (\d{{4}})", choice).groups()  # type: ignore[union-attr]
        assert (month_number(second) - month_number(first)) % 12 == 1
        assert abs(int(year) - 2019) <= 2


@pytest.mark.parametrize(
    ("sentence", "answer", "shape"),
    [
        ("Exports in FY18 were lower.", "FY18", r"FY\d\d"),
        ("Exports in FY 18 were lower.", "FY 18", r"FY \d\d"),
        ("The budget for FY2019-20 rose.", "FY2019-20", r"FY(\d{4})-(\d\d)"),
        ("The plan ran in 2018-19.", "2018-19", r"(\d{4})-(\d\d)"),
        ("The plan ran in 2018–2019.", "2018–2019", r"(\d{4})–(\d{4})"),
    ],
)
def test_fiscal_years_and_year_ranges(sentence: str, answer: str, shape: str) -> None:
    chosen = wrong(sentence, answer)
    assert len(chosen) == 3
    for choice in chosen:
        match = re.fullmatch(shape, choice)
        assert match, choice
        if match.groups():  # a range moves as a whole: its end is still the year after its start
            start, end = match.groups()
            assert int(end) % 100 == (int(start) + 1) % 100, choice


def test_a_year_written_elsewhere_in_the_sentence_is_never_a_distractor() -> None:
    sentence = "The corridor was announced in 2017 and “Malabar 2019” was held."
    for _ in range(3):
        chosen = wrong(sentence, "2017", "It grew in 2019.", "It fell in 2015.", "It rose in 2016.", "It rose in 2018.")
        assert "2019" not in chosen


def test_the_same_date_written_another_way_in_the_sentence_is_banned() -> None:
    sentence = "Talks began on 1 May 1950 and ended on April 28, 1952."
    chosen = wrong(sentence, "1 May 1950", "Relations began on 28 April 1952.", "A pact came on 2 June 1951.")
    assert "28 April 1952" not in chosen
    assert "2 June 1951" in chosen


# -- amounts --------------------------------------------------------------------------------------


def test_rupee_crores_stay_rupee_crores_with_indian_grouping() -> None:
    sentence = (
        "The Dedicated Freight Corridor is a project of close to Rs 50,000 crore of which Japan gave Rs 38,000 crore."
    )
    for answer in ("Rs 50,000 crore", "Rs 38,000 crore"):
        chosen = wrong(sentence, answer, "$90 billion has gone into the corridor.")
        assert len(chosen) == 3
        for choice in chosen:
            assert re.fullmatch(r"Rs (?:\d{1,2},)*\d{1,3}(?:,\d{3})? crore", choice), choice
            assert choice not in (
                "Rs 50,000 crore",
                "Rs 38,000 crore",
            )  # both are in the sentence: true there


def test_the_same_amount_in_another_notation_is_never_a_distractor() -> None:
    chosen = wrong(
        "Japan gave about Rs 38,000 crore.",
        "Rs 38,000 crore",
        "The total was ₹38,000 crore.",
        "A loan of ₹12,000 crore came.",
        "A grant of ₹9,000 crore came.",
    )
    assert all(normalise(c) != normalise("₹38,000 crore") for c in chosen)
    # The document's other rupee amounts come first, written as the answer writes rupees.
    assert "Rs 12,000 crore" in chosen and "Rs 9,000 crore" in chosen
    assert not any(c.startswith("₹") for c in chosen)


def test_dollars_are_not_rupees() -> None:
    chosen = wrong("$90 billion has gone into the corridor.", "$90 billion", "The project cost Rs 50,000 crore.")
    assert len(chosen) == 3 and all(re.fullmatch(r"\$\d+ billion", c) for c in chosen), chosen


@pytest.mark.parametrize(
    ("sentence", "answer", "shape"),
    [
        ("It cost US$ 4.5 billion.", "US$ 4.5 billion", r"US\$ \d+\.\d billion"),
        ("A ticket costs ¥3,500 there.", "¥3,500", r"¥\d{1,3}(?:,\d{3})*"),
        ("It cost ₹2 lakh crore in all.", "₹2 lakh crore", r"₹\d+ lakh crore"),
        ("It cost Rs. 500 cr. in total.", "Rs. 500 cr", r"Rs\. [\d,]+ cr"),
        ("It cost ₹ 10 lakh in all.", "₹ 10 lakh", r"₹ \d+ lakh"),
        ("a project of 500 crore rupees", "500 crore rupees", r"[\d,]+ crore rupees"),
        ("The road is 300 km long.", "300 km", r"\d+ km"),
        (
            "There are 1,50,000 people in the town.",
            "1,50,000 people",
            r"(?:\d{1,2},)*\d{1,2},\d{3} people|\d{1,3},\d{3} people",
        ),
        ("The Solar System formed 4.6 billion years ago.", "4.6 billion years", r"\d+\.\d billion years"),
        ("Light takes about 8 minutes to arrive.", "8 minutes", r"\d+ minutes"),
    ],
)
def test_amounts_keep_currency_scale_unit_and_notation(sentence: str, answer: str, shape: str) -> None:
    chosen = wrong(sentence, answer)
    assert len(chosen) == 3
    assert all(re.fullmatch(shape, c) for c in chosen), chosen


def test_decimal_amounts_keep_their_precision() -> None:
    chosen = wrong("India spent about US$ 1.6 billion on space.", "US$ 1.6 billion")
    assert len(chosen) == 3 and all(re.fullmatch(r"US\$ \d+\.\d billion", c) for c in chosen), chosen


def test_quantities_keep_their_scale() -> None:
    sentence = "The Earth orbits at an average distance of 150 million km."
    chosen = wrong(sentence, "150 million km", "Jupiter has a diameter of 139,820 km.", "Mars is 228 million km away.")
    assert "139,820 km" not in chosen
    assert "228 million km" in chosen
    assert all(c.endswith(" million km") for c in chosen)
    chosen = wrong("It formed 4.6 billion years ago.", "4.6 billion years", "The journey took 9 years.")
    assert "9 years" not in chosen


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("Growth was 45% last year.", "45%"),
        ("The Sun holds 99.86% of the mass.", "99.86%"),
        ("Turnout was 100% there.", "100%"),
    ],
)
def test_percentages_stay_below_a_whole(sentence: str, answer: str) -> None:
    chosen = wrong(sentence, answer)
    assert len(chosen) == 3
    for choice in chosen:
        assert choice.endswith("%")
        assert 0 < parse_number(choice[:-1]) <= 100


def test_percentages_keep_their_notation_and_never_repeat_the_answer() -> None:
    chosen = wrong("Growth was 12 per cent last year.", "12 per cent", "Exports grew 12%.", "Imports grew 30 per cent.")
    assert all(c.endswith(" per cent") for c in chosen), chosen
    assert "30 per cent" in chosen
    chosen = wrong("Exports grew 12%.", "12%", "Growth was 12 per cent last year.", "Imports grew 30%.")
    assert all(c.endswith("%") and normalise(c) != "12%" for c in chosen), chosen


# -- ranks ----------------------------------------------------------------------------------------


def test_ranks_are_nearby_ordinals_from_the_document_first() -> None:
    others = ("Japan is at 18th position in the list.", "India announced it at the recent 14th EAS.")
    chosen = wrong("Among importers, Japan ranks 12th.", "12th", *others)
    assert {"18th", "14th"} <= set(chosen)
    for choice in chosen:
        n = int(choice[:-2])
        assert choice != "12th" and 1 <= n <= 30
        assert re.fullmatch(r"\d+(?:st|nd|rd|th)", choice)
        assert ordinal(n) == choice


def test_ranks_come_only_from_the_notes() -> None:
    """A made-up rank ("5th" among Newton's three laws, "0th") is wrong by its form: ranks come from the notes."""
    assert wrong("India came 1st.", "1st") == []
    chosen = wrong("India came 1st.", "1st", "Japan came 2nd.", "China came 3rd.", "Korea came 4th.")
    assert sorted(chosen) == ["2nd", "3rd", "4th"]


# -- acronyms and names ---------------------------------------------------------------------------


ACRONYM_NOTES = (
    "Japan is a donor in the form of ODA (Official Development Assistance) to India.",
    "Outside India: Asia-Africa Growth Corridor (AAGR) announced in 2017.",
    "the negotiations of Acquisition and Cross-Servicing Agreement (ACSA) since October 2018",
    "a mine-countermeasures exercise (MINEX) held in Japan",
)


def test_acronym_distractors_are_the_documents_other_acronyms() -> None:
    fact = fact_of(ACRONYM_NOTES[0], "ODA")
    chosen = choose_distractors(fact, pool_of(*ACRONYM_NOTES), seed="x")
    assert sorted(chosen) == ["AAGR", "ACSA", "MINEX"]


def test_no_acronyms_are_invented() -> None:
    fact = fact_of(ACRONYM_NOTES[0], "ODA")
    assert choose_distractors(fact, pool_of(*ACRONYM_NOTES[:2]), seed="x") == ["AAGR"]


CORRIDORS = (
    "$90 billion has gone into the Delhi-Mumbai Industrial Corridor.",
    "Discussions took place on the Dedicated Freight Corridor, a big project.",
    "Outside India: the Asia-Africa Growth Corridor was announced.",
    "Japan also backs the Chennai-Bangalore Industrial Corridor in the south.",
    "Japan is also backing the Mumbai-Ahmedabad High Speed Rail (bullet train) service.",
    "India hopes for the Ahmedabad-Mumbai High Speed Rail soon.",
    "India’s announcement of “Indo-Pacific Oceans Initiative” at the summit",
    "the recently conducted second “Dharma Guardian-2019” and",
    "the recently conducted second “SHINYUU Maitri-2019” and",
    "the exercises “Malabar 2019” and “Cope India 2018” were held",
)


def test_names_of_the_same_kind_first() -> None:
    fact = fact_of(CORRIDORS[0], "Delhi-Mumbai Industrial Corridor")
    chosen = choose_distractors(fact, pool_of(*CORRIDORS), seed="s", banned=[CORRIDORS[0]])
    assert sorted(chosen) == [
        "Asia-Africa Growth Corridor",
        "Chennai-Bangalore Industrial Corridor",
        "Dedicated Freight Corridor",
    ]


def test_a_name_with_its_words_reordered_is_the_same_name() -> None:
    fact = fact_of(CORRIDORS[4], "Mumbai-Ahmedabad High Speed Rail")
    for seed in map(str, range(20)):
        chosen = choose_distractors(fact, pool_of(*CORRIDORS), seed=seed, banned=[CORRIDORS[4]])
        assert "Ahmedabad-Mumbai High Speed Rail" not in chosen


def test_quoted_names_get_quoted_names() -> None:
    fact = fact_of(CORRIDORS[7], "Dharma Guardian-2019")
    chosen = choose_distractors(fact, pool_of(*CORRIDORS), seed="s", banned=[CORRIDORS[7]])
    assert len(chosen) == 3
    assert set(chosen) <= {
        "SHINYUU Maitri-2019",
        "Malabar 2019",
        "Cope India 2018",
        "Indo-Pacific Oceans Initiative",
    }


def test_names_in_the_banned_text_are_never_chosen() -> None:
    block = CORRIDORS[8] + " " + CORRIDORS[9]
    fact = fact_of(CORRIDORS[8], "SHINYUU Maitri-2019")
    for seed in map(str, range(10)):
        chosen = choose_distractors(fact, pool_of(*CORRIDORS), seed=seed, banned=[block])
        assert not {"Malabar 2019", "Cope India 2018"} & set(chosen)


def test_a_name_is_not_a_distractor_of_a_name_containing_it() -> None:
    notes = ("The Malabar exercise is old.", "The “Malabar 2019” was held.", "“Cope India 2018” was held.")
    fact = fact_of(notes[1], "Malabar 2019")
    assert "Malabar" not in choose_distractors(fact, pool_of(*notes), seed="s")


def test_facts_of_other_kinds_get_no_distractors() -> None:
    fact = fact_of("Areas of potential collaboration include AI, IoT, and big data.", "AI, IoT, and big data")
    assert choose_distractors(fact, pool_of("Areas include X, Y, and Z."), seed="s") == []


# -- determinism ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("India and Japan established diplomatic relations on 28 April 1952.", "28 April 1952"),
        ("The project cost Rs 50,000 crore.", "Rs 50,000 crore"),
        (CORRIDORS[0], "Delhi-Mumbai Industrial Corridor"),
    ],
)
def test_same_input_same_distractors_whatever_the_pool_order(sentence: str, answer: str) -> None:
    fact = fact_of(sentence, answer)
    pool = pool_of(
        sentence,
        *CORRIDORS,
        "It grew in November 1951.",
        "A loan of Rs 9,000 crore came.",
        "It came 14th.",
        "Talks began on 3 May 1950.",
    )
    first = choose_distractors(fact, pool, seed="seed", banned=[sentence])
    assert len(first) == 3
    for shuffle_seed in range(5):
        shuffled = pool[:]
        random.Random(shuffle_seed).shuffle(shuffled)
        assert choose_distractors(fact, shuffled, seed="seed", banned=[sentence]) == first


def test_adding_an_unrelated_value_leaves_the_choice_alone() -> None:
    sentence = "The negotiations began in October 2018."
    others = [
        "The summit met in November 2018.",
        "It met in June 2019.",
        "It met in July 2019.",
        "It met in May 2019.",
    ]
    before = wrong(sentence, "October 2018", *others)
    after = wrong(sentence, "October 2018", *others, "The project cost Rs 50,000 crore.", "Japan ranks 12th.")
    assert before == after


def test_n_limits_the_count() -> None:
    assert len(wrong("India and Japan established diplomatic relations on 28 April 1952.", "28 April 1952", n=1)) == 1
    assert len(wrong("India and Japan established diplomatic relations on 28 April 1952.", "28 April 1952", n=5)) == 5


def test_dates_found_in_distractors_parse_back_to_dates() -> None:
    for sentence, answer in [
        ("India and Japan established diplomatic relations on 28 April 1952.", "28 April 1952"),
        ("It opened in Sept 2019.", "Sept 2019"),
        ("It was held from Sep-Oct 2019 off Japan.", "Sep-Oct 2019"),
    ]:
        for choice in wrong(sentence, answer):
            assert find_dates(choice)
            [found] = [fact for fact in extract_facts(choice) if fact.tag == "date"]
            assert found.text == choice and found.kind == fact_of(sentence, answer).kind


def test_a_period_whose_year_is_pinned_keeps_its_year_in_every_choice() -> None:
    text = "The “Drill 2019” was held from September-October 2019 and another in July 2019."
    [period] = [f for f in extract_facts(text) if f.kind == "period"]
    wrong = choose_distractors(period, extract_facts(text), seed="s", banned=[text])
    assert len(wrong) == 3
    assert all(w.endswith(" 2019") and "-" in w and w != "September-October 2019" for w in wrong)


def test_a_name_is_offered_only_names_of_its_broad_kind() -> None:
    from quizapp.generate.distractors import broad_kind

    assert broad_kind("First Battle of the Marne") == broad_kind("Hundred Days Offensive") == "battle"
    assert broad_kind("Black Hand") == "group" and broad_kind("Middle East") == "region"
    assert broad_kind("Russian Revolution") == "rising" and broad_kind("Treaty of Versailles") == ""
