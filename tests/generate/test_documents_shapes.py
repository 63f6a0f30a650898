"""The pipeline on documents of three shapes: Markdown with numbered lists, a plain science text, and a PDF."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from quizapp.bank import Bank, BankQuestion
from quizapp.bank.load import check_text
from quizapp.documents import read_document
from quizapp.documents.pdf import pdf_text
from quizapp.generate.facts import extract_facts
from quizapp.generate.pipeline import bank_for_file, generate_bank
from quizapp.generate.wh import when_question

DATA = Path(__file__).resolve().parent / "data"
MARKDOWN = DATA / "space-programme.md"
SCIENCE = DATA / "solar-system.txt"

CELL_BIOLOGY = [
    "Cell Biology",
    "The cell is the basic unit of life.",
    "Robert Hooke first described cells in 1665.",
    "The nucleus holds deoxyribonucleic acid (DNA).",
    "Mitochondria produce adenosine triphosphate (ATP).",
    "Human cells contain 46 chromosomes in 23 pairs.",
    "Plant cells have organelles such as chloroplasts, vacuoles and cell walls.",
    "The Human Genome Project was completed in April 2003.",
    "It cost about $2.7 billion over 13 years.",
    "A red blood cell lives for about 120 days.",
]

Check = Callable[[Bank, Sequence[str]], None]


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer is `lines`, one text line each (Helvetica, ASCII only), written by hand."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "\n".join(["BT", "/F1 10 Tf", "14 TL", "40 800 Td", *(f"({escape(line)}) Tj T*" for line in lines), "ET"])
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>"
        ),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "cell-biology.pdf"
    path.write_bytes(minimal_pdf(CELL_BIOLOGY))
    return path


def generated(path: Path) -> tuple[Bank, list[str]]:
    """The bank of a document and the lines its source lines refer to."""
    bank, _ = generate_bank(read_document(path))
    lines = pdf_text(path).split("\n") if path.suffix == ".pdf" else path.read_text(encoding="utf-8").split("\n")
    return bank, lines


def test_the_minimal_pdf_reads_back_line_by_line(pdf_path: Path) -> None:
    assert pdf_text(pdf_path).split("\n")[: len(CELL_BIOLOGY)] == CELL_BIOLOGY


@pytest.mark.parametrize("name", ["markdown", "science", "pdf"])
def test_every_shape_gives_a_sound_bank_of_several_types(name: str, pdf_path: Path, sound_bank: Check) -> None:
    path = {"markdown": MARKDOWN, "science": SCIENCE, "pdf": pdf_path}[name]
    bank, lines = generated(path)
    sound_bank(bank, lines)
    types = Counter(q.type for q in bank.questions)
    assert len(types) >= 4, types
    assert (
        len(bank.questions) >= 7
    )  # at most three a line, a fact asked once however asked, one blank of a kind a sentence


_RIGHT = re.compile(r"(?:^|\s)(?:is|say|says|said)\s(.+?), not .+\.$")
"""The right value a false statement's explanation names ("The notes say X, not Y.")."""


def asked(bank: Bank, answer: str) -> list[BankQuestion]:
    """The questions whose answer, or one of whose items, is `answer`; or a false statement put in its place (a
    fact is asked once: recalled, or judged)."""
    return [
        q
        for q in bank.questions
        if (q.type != "truefalse" and (q.answer == answer or answer in (q.items or [])))
        or (q.type == "truefalse" and (match := _RIGHT.search(q.explanation or "")) is not None and match[1] == answer)
    ]


def asked_or_cue(bank: Bank, answer: str) -> list[BankQuestion]:
    """`asked`, or the questions that give `answer` as the cue of another fact of its sentence: a sentence is asked
    once, so "$2.7 billion" may stand in "The ____ cost about $2.7 billion" rather than be blanked itself."""
    return asked(bank, answer) or [q for q in bank.questions if answer in q.prompt]


def check_wrong(values: list[str], shape: str) -> None:
    """At least one wrong value is offered for the answer, and every one has the answer's shape."""
    # A fact on a line that gives three questions already may have neither (three questions a line at most).
    for value in values:
        assert re.fullmatch(shape, value), value


# -- Markdown: headings and numbered lists --------------------------------------------------------


@pytest.fixture(scope="module")
def space() -> Bank:
    return generated(MARKDOWN)[0]


def test_markdown_topics_are_its_headings(space: Bank) -> None:
    assert space.deck == "The Indian Space Programme"
    sections = {
        "Beginnings": range(5, 12),
        "Launch Vehicles": range(12, 19),
        "Missions": range(19, 27),
        "Cooperation": range(27, 32),
    }
    # The line before the first heading, if asked, belongs to the document as a whole.
    assert {q.topic for q in space.questions} - {"The Indian Space Programme"} == set(sections)
    assert all(q.source_line < 5 for q in space.questions if q.topic == "The Indian Space Programme")
    for q in (q for q in space.questions if q.topic in sections):
        assert q.source_line in sections[q.topic], (q.topic, q.source_line)  # type: ignore[index]


def test_markdown_numbered_items_are_bullets() -> None:
    blocks = [block for section in read_document(MARKDOWN).sections for block in section.blocks]
    numbered = [block for block in blocks if block.kind == "bullet" and block.marker and block.marker[0].isdigit()]
    assert len(numbered) == 13
    assert all(not block.text[:1].isdigit() for block in numbered)  # "1. " is the marker, not the text


def test_markdown_facts(space: Bank, wrong_values: Callable[[Bank, str], list[str]]) -> None:
    # "ISRO" is only the initials of "Indian Space Research Organisation": nothing to learn, not asked.
    assert not [q for q in space.questions if q.prompt == "What does ISRO stand for?"]
    assert asked(space, "15 August 1969")
    check_wrong(wrong_values(space, "15 August 1969"), r"\d{1,2} [A-Z][a-z]+ \d{4}")
    [agencies] = [q for q in space.questions if q.type == "list"]
    assert agencies.items == ["NASA", "CNES", "JAXA", "Roscosmos"]
    check_wrong(wrong_values(space, "₹450 crore"), r"₹\d[\d,]* crore")  # "Rs 615 crore" of the notes in ₹
    check_wrong(wrong_values(space, "Rs 615 crore"), r"Rs \d[\d,]* crore")
    fiscal = wrong_values(space, "FY2019-20")
    check_wrong(fiscal, r"FY\d{4}-\d\d")
    assert all(int(v[-2:]) == (int(v[2:6]) + 1) % 100 for v in fiscal), fiscal
    check_wrong(wrong_values(space, "4th"), r"\d+(?:st|nd|rd|th)")
    assert asked_or_cue(space, "Aryabhata") and asked(space, "Chandrayaan-3") and asked(space, "Gaganyaan")


def test_markdown_through_bank_for_file(tmp_path: Path) -> None:
    bank, report, text = bank_for_file(MARKDOWN, tmp_path)
    assert text.startswith("# Generated by `quizapp generate`")
    assert check_text(text, str(tmp_path / "space-programme.yaml")) == []
    assert bank.source and bank.source.endswith("space-programme.md")
    assert sum(report.questions.values()) == len(bank.questions)
    assert report.sentences == 17


# -- plain text on a science subject --------------------------------------------------------------


@pytest.fixture(scope="module")
def solar() -> Bank:
    return generated(SCIENCE)[0]


def test_science_topics(solar: Bank) -> None:
    assert {q.topic for q in solar.questions} == {"The Solar System", "Exploration"}


def test_science_lists(solar: Bank) -> None:
    lists = {tuple(q.items or ()) for q in solar.questions if q.type == "list"}
    assert ("Mercury", "Venus", "Earth", "Mars") in lists
    assert ("Jupiter", "Saturn", "Uranus", "Neptune") in lists


def test_science_acronyms_and_definitions(solar: Bank) -> None:
    expansions = {
        q.prompt.removeprefix("What does ").removesuffix(" stand for?"): q.answer
        for q in solar.questions
        if q.type in ("short", "flashcard") and q.prompt.startswith("What does ")
    }
    # Each of these is its expansion's initials, which is nothing to learn.
    assert expansions == {}
    cards = {q.prompt: q.answer for q in solar.questions if q.type == "flashcard"}
    assert cards["What is meant by “Sun”?"] == "A star at the centre of the Solar System."
    # A planet's name has no one meaning; what the notes single it out as is asked the other way.
    assert "What is meant by “Jupiter”?" not in cards
    assert [q.answer for q in solar.questions if q.prompt == "Which is the largest planet?"] == ["Jupiter"]
    assert cards.get("astronomical unit") in (None, "The mean distance between the Earth and the Sun.")
    # The way back, expansion → acronym, is not asked: the expansion's initials would give it away.
    assert not [q for q in solar.questions if q.answer in ("AU", "IAU", "NASA", "ESA")]


def test_science_numbers_with_units(solar: Bank, wrong_values: Callable[[Bank, str], list[str]]) -> None:
    check_wrong(wrong_values(solar, "150 million km"), r"\d+ million km")
    percentages = wrong_values(solar, "99.86%")
    check_wrong(percentages, r"\d+\.\d\d%")
    assert all(float(v[:-1]) <= 100 for v in percentages)
    check_wrong(wrong_values(solar, "4.6 billion years"), r"\d+\.\d billion years")
    lines = SCIENCE.read_text(encoding="utf-8").split("\n")
    for answer in ("8 minutes", "139,820 km", "88 days", "9 years", "465 degrees", "2nd", "24 August 2006"):
        line = next(n for n, text in enumerate(lines, 1) if answer in text)
        full = sum(q.source_line == line and q.type != "list" for q in solar.questions) == 3
        assert asked_or_cue(solar, answer) or full, answer  # or its line gives the three questions a line may give


def test_science_prompts_stand_on_their_own(solar: Bank) -> None:
    for q in solar.questions:
        assert not re.match(r"^(?:In|On|By|After|Since|Later)\b[^,]*?\s(?:it|they|he|she)\s", q.prompt), q.prompt


def test_science_when_questions_are_grammatical(solar: Bank) -> None:
    # "The telescope cost about $10 billion and was launched on DATE" once gave
    # "When was the telescope cost about $10 billion and launched?": a subject is a noun phrase, not a clause.
    whens = [q.prompt for q in solar.questions if q.type == "short" and q.prompt.startswith("When ")]
    # The bank asks a sentence for its name rather than its date where it can, so the builder is asked directly.
    for sentence, day in [
        (
            "The National Aeronautics and Space Administration (NASA) launched “Voyager 1” in September 1977.",
            "September 1977",
        ),
        (
            "The James Webb Space Telescope cost about $10 billion and was launched on 25 December 2021.",
            "25 December 2021",
        ),
    ]:
        [date] = [fact for fact in extract_facts(sentence) if fact.text == day]
        whens.append(when_question(sentence, date) or "")
    assert "When did the National Aeronautics and Space Administration (NASA) launch “Voyager 1”?" in whens
    for prompt in whens:
        assert not re.search(r"\b(?:cost|costs|has|is)\b|[$₹¥€£%]", prompt), prompt


def test_science_list_prompts_have_one_article(solar: Bank) -> None:
    # "The outer planets include …" once gave "Name the 4 the outer planets mentioned".
    for q in solar.questions:
        if q.type == "list":
            assert not re.search(r"\bthe \d+ the\b", q.prompt, re.IGNORECASE), q.prompt


# -- a PDF ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cells(pdf_path: Path) -> Bank:
    return generated(pdf_path)[0]


def test_pdf_facts(cells: Bank, wrong_values: Callable[[Bank, str], list[str]]) -> None:
    assert cells.deck == "Cell Biology"
    shorts = {q.prompt: q.answer for q in cells.questions if q.type == "short"}
    # DNA and ATP stand once each, beside their expansions: only their initials, so not asked.
    assert not [prompt for prompt in shorts if prompt.startswith("What does")]
    [hooke] = asked(cells, "1665")
    assert hooke.source_line == 3
    check_wrong(wrong_values(cells, "1665"), r"16\d\d")
    [organelles] = [q for q in cells.questions if q.type == "list"]
    assert organelles.items == ["chloroplasts", "vacuoles", "cell walls"]
    [cost] = asked_or_cue(cells, "$2.7 billion")
    assert cost.prompt == "The ____ cost about $2.7 billion over 13 years."  # "It" took its subject, then was asked
    assert cost.answer == "Human Genome Project"
    assert asked(cells, "46 chromosomes") and asked(cells, "120 days") and asked_or_cue(cells, "April 2003")


def test_pdf_source_lines_are_lines_of_the_text_layer(cells: Bank) -> None:
    for q in cells.questions:
        if q.source_text and q.source_line and q.source_line > 1:
            assert CELL_BIOLOGY[q.source_line - 1] == q.source_text


def test_pdf_title_line_is_not_part_of_the_first_sentence(pdf_path: Path) -> None:
    first = next(read_document(pdf_path).sentences())[2]
    assert first.text == "The cell is the basic unit of life."
