"""Property tests: any text gives a valid bank (or a clear DocumentError), and distractors never repeat the answer."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.bank import dump_bank
from quizapp.bank.load import check_text
from quizapp.documents import DocumentError, parse_text
from quizapp.generate.distractors import choose_distractors, normalise
from quizapp.generate.facts import MONTHS, extract_facts
from quizapp.generate.pipeline import generate_bank

SENTENCES = [
    "India and Japan established diplomatic relations on 28 April 1952.",
    "The Ministers welcomed the talks in October 2018.",
    "The “Malabar 2019” was held from September-October 2019 off the coast of Japan.",
    "Japan has been extending loans to India since 1958, and is its largest donor.",
    "India’s exports to Japan in FY18 were lower than in FY15.",
    "$90 billion has gone into the Delhi-Mumbai Industrial Corridor.",
    "The project cost close to Rs 50,000 crore of which Japan gave about ₹38,000 crore.",
    "Japan is at 18th position in the list of top 25 countries.",
    "Japan ranks 12th.",
    "It was announced at the recent 14th EAS.",
    "Japan gives ODA (Official Development Assistance) to India.",
    "A mine-countermeasures exercise (MINEX) was held in Japan in July 2019.",
    "Quadrilateral Security Dialogue is a strategic dialogue between India, United States, Japan and Australia.",
    "Areas of potential collaboration include AI, IoT, and big data.",
    "A ‘Cool EMS Service’ was started, under which food is sent in cool boxes.",
    "It cost US$ 4.5 billion, about ¥3,500 a head, or 45% of the budget.",
    "The road is 300 km long and 1,50,000 people use it.",
    "The Sun is a star at the centre of the Solar System.",
    "They met again.",
    "This is it.",
    "Mumbai-Ahmedabad High Speed Rail and Ahmedabad-Mumbai High Speed Rail are one.",
]
SEPARATORS = ["\n", "\n\n", " ", "\n  • ", "\n- ", "\n1. ", "\nHeading:\n", "\n\n# Title\n", ""]

pieces = st.one_of(st.text(max_size=40), st.sampled_from(SENTENCES), st.sampled_from(SENTENCES))
notes = st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(text + separator for text, separator in parts)
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
def test_any_text_gives_a_valid_bank_or_a_document_error(text: str) -> None:
    try:
        document = parse_text(text)
    except DocumentError:
        assert not any(sentence in text for sentence in SENTENCES)  # notes with a sentence in them are read
        return
    bank, report = generate_bank(document, deck="Notes")
    if not bank.questions:  # nothing to ask: `generate` says so (DocumentError) and writes no bank
        return
    assert check_text(dump_bank(bank), "x.yaml") == []
    assert len({q.id for q in bank.questions}) == len(bank.questions)
    assert sum(report.questions.values()) == len(bank.questions)
    bank_again, _ = generate_bank(parse_text(text), deck="Notes")
    assert dump_bank(bank_again) == dump_bank(bank)
    for q in bank.questions:
        if q.type == "mcq":
            assert q.choices and len({normalise(c) for c in q.choices}) == len(q.choices)


DAY_FIRST = st.builds(
    lambda d, m, y: f"{d} {MONTHS[m - 1]} {y}",
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1900, 2090),
)
MONTH_FIRST = st.builds(
    lambda d, m, y: f"{MONTHS[m - 1]} {d}, {y}",
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1900, 2090),
)
MONEY = st.builds(
    lambda cur, n, scale: f"{cur}{n:,}{scale}",
    st.sampled_from(["Rs ", "₹", "$", "US$ ", "¥", "€"]),
    st.integers(1, 99_999),
    st.sampled_from(["", " crore", " lakh", " billion", " million", " lakh crore"]),
)


@settings(max_examples=50, deadline=None)
@given(st.one_of(DAY_FIRST, MONTH_FIRST, MONEY), st.lists(st.one_of(DAY_FIRST, MONTH_FIRST, MONEY), max_size=6))
def test_distractors_are_never_the_answer_and_keep_its_shape(answer: str, others: list[str]) -> None:
    sentence = f"The value was {answer} in the end."
    [fact] = [f for f in extract_facts(sentence) if f.text == answer]
    pool = [f for other in others for f in extract_facts(f"Another value was {other} here.")] + [fact]
    chosen = choose_distractors(fact, pool, seed=answer, banned=[sentence])
    assert len(chosen) == 3
    assert len({normalise(c) for c in chosen} | {normalise(answer)}) == 4

    def shape(text: str) -> str:
        text = re.sub(r"\b(?:" + "|".join(MONTHS) + r")\b", "M", text)
        return re.sub(r"\d[\d,.]*", "9", text)

    for choice in chosen:
        assert shape(choice) == shape(answer), (answer, choice)
        [again] = [f for f in extract_facts(f"The value was {choice} in the end.") if f.tag == fact.tag]
        assert again.text == choice and again.kind == fact.kind
