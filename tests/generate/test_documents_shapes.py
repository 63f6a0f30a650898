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
from quizapp.generate.pipeline import bank_for_file, generate_bank

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
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
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


def by_answer(bank: Bank, answer: str, kind: str | None = None) -> list[BankQuestion]:
    return [q for q in bank.questions if q.answer == answer and (kind is None or q.type == kind)]


def test_the_minimal_pdf_reads_back_line_by_line(pdf_path: Path) -> None:
    assert pdf_text(pdf_path).split("\n")[: len(CELL_BIOLOGY)] == CELL_BIOLOGY


@pytest.mark.parametrize("name", ["markdown", "science", "pdf"])
def test_every_shape_gives_a_sound_bank_of_several_types(name: str, pdf_path: Path, sound_bank: Check) -> None:
    path = {"markdown": MARKDOWN, "science": SCIENCE, "pdf": pdf_path}[name]
    bank, lines = generated(path)
    sound_bank(bank, lines)
    types = Counter(q.type for q in bank.questions)
    assert len(types) >= 5, types
    assert len(bank.questions) >= 20


# -- Markdown: headings and numbered lists --------------------------------------------------------


@pytest.fixture(scope="module")
def space() -> Bank:
    return generated(MARKDOWN)[0]


def test_markdown_topics_are_its_headings(space: Bank) -> None:
    assert space.deck == "The Indian Space Programme"
    assert {q.topic for q in space.questions} == {"Beginnings", "Launch Vehicles", "Missions", "Cooperation"}


def test_markdown_numbered_items_are_bullets_of_their_section(space: Bank) -> None:
    cards = [q for q in space.questions if q.type == "flashcard" and q.source_text is None]
    assert {(q.topic, q.source_line) for q in cards} == {("Beginnings", 5), ("Launch Vehicles", 12), ("Missions", 19), ("Cooperation", 27)}
    [beginnings] = [q for q in cards if q.topic == "Beginnings"]
    assert beginnings.answer.count("•") == 4
    assert "1." not in beginnings.answer


def test_markdown_facts(space: Bank) -> None:
    [isro] = [q for q in space.questions if q.prompt == "What does ISRO stand for?"]
    assert (isro.answer, isro.source_line) == ("Indian Space Research Organisation", 7)
    [founded] = by_answer(space, "15 August 1969", "mcq")
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", c) for c in founded.choices or [])
    [agencies] = [q for q in space.questions if q.type == "list"]
    assert agencies.items == ["NASA", "CNES", "JAXA", "Roscosmos"]
    [mom] = by_answer(space, "₹450 crore", "mcq")
    assert all(c.startswith("₹") and c.endswith(" crore") for c in mom.choices or []), mom.choices
    [budget] = by_answer(space, "Rs 615 crore", "mcq")
    assert all(c.startswith("Rs ") and c.endswith(" crore") for c in budget.choices or []), budget.choices
    [fiscal] = by_answer(space, "FY2019-20", "mcq")
    for choice in fiscal.choices or []:
        start, end = re.fullmatch(r"FY(\d{4})-(\d\d)", choice).groups()  # type: ignore[union-attr]
        assert int(end) == (int(start) + 1) % 100
    assert by_answer(space, "4th", "mcq")
    assert by_answer(space, "Aryabhata", "mcq") and by_answer(space, "Chandrayaan-3", "mcq")


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
        if q.type == "short" and q.prompt.startswith("What does ")
    }
    assert expansions == {
        "AU": "astronomical unit",
        "IAU": "International Astronomical Union",
        "NASA": "National Aeronautics and Space Administration",
        "ESA": "European Space Agency",
    }
    cards = {q.prompt: q.answer for q in solar.questions if q.type == "flashcard" and "definition" in q.tags}
    assert cards["astronomical unit"] == "The mean distance between the Earth and the Sun."
    assert cards["Sun"] == "A star at the centre of the Solar System."


def test_science_numbers_with_units(solar: Bank) -> None:
    [distance] = by_answer(solar, "150 million km", "mcq")
    assert all(c.endswith(" million km") for c in distance.choices or []), distance.choices
    [mass] = by_answer(solar, "99.86%", "mcq")
    assert all(c.endswith("%") and float(c[:-1]) <= 100 for c in mass.choices or []), mass.choices
    [age] = by_answer(solar, "4.6 billion years", "mcq")
    assert all(c.endswith(" billion years") for c in age.choices or []), age.choices
    false_age = [q for q in solar.questions if q.type == "truefalse" and q.answer == "False" and q.source_line == 3]
    assert all("billion years ago" in q.prompt for q in false_age if "formed about" in q.prompt)
    assert by_answer(solar, "2nd", "mcq")
    assert by_answer(solar, "24 August 2006", "mcq")


@pytest.mark.xfail(reason="pipeline: a pronoun after a fronted phrase ('In August 2012 it became …') is not resolved "
                          "and the sentence is not dropped", strict=True)
def test_science_prompts_stand_on_their_own(solar: Bank) -> None:
    for q in solar.questions:
        assert not re.match(r"^(?:In|On|By|After|Since|Later)\b[^,]*?\s(?:it|they|he|she)\s", q.prompt), q.prompt


@pytest.mark.xfail(reason="questions.when_question: 'X cost about $10 billion and was launched on DATE' gives "
                          "'When was X cost about $10 billion and launched?'", strict=True)
def test_science_when_questions_are_grammatical(solar: Bank) -> None:
    for q in solar.questions:
        if q.type == "short" and q.prompt.startswith("When "):
            assert " and " not in q.prompt, q.prompt


@pytest.mark.xfail(reason="questions.list_questions: 'The outer planets include …' gives 'Name the 4 the outer "
                          "planets mentioned'", strict=True)
def test_science_list_prompts_have_one_article(solar: Bank) -> None:
    for q in solar.questions:
        if q.type == "list":
            assert not re.search(r"\bthe \d+ the\b", q.prompt, re.IGNORECASE), q.prompt


# -- a PDF ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cells(pdf_path: Path) -> Bank:
    return generated(pdf_path)[0]


def test_pdf_facts(cells: Bank) -> None:
    assert cells.deck == "Cell Biology"
    shorts = {q.prompt: q.answer for q in cells.questions if q.type == "short"}
    assert shorts["What does DNA stand for?"] == "deoxyribonucleic acid"
    assert shorts["What does ATP stand for?"] == "adenosine triphosphate"
    [hooke] = by_answer(cells, "1665", "mcq")
    assert hooke.source_line == 3
    assert all(re.fullmatch(r"1[5-7]\d\d", c) for c in hooke.choices or [])
    [organelles] = [q for q in cells.questions if q.type == "list"]
    assert organelles.items == ["chloroplasts", "vacuoles", "cell walls"]
    [cost] = by_answer(cells, "$2.7 billion", "mcq")
    assert cost.prompt.startswith("The Human Genome Project cost")  # "It" took its subject
    assert all(re.fullmatch(r"\$\d+\.\d billion", c) for c in cost.choices or []), cost.choices
    assert by_answer(cells, "46 chromosomes") and by_answer(cells, "120 days", "mcq")


def test_pdf_source_lines_are_lines_of_the_text_layer(cells: Bank) -> None:
    for q in cells.questions:
        if q.source_text and q.source_line and q.source_line > 1:
            assert CELL_BIOLOGY[q.source_line - 1] == q.source_text


@pytest.mark.xfail(reason="documents: a PDF's text layer has no blank lines, so its title line is glued to the "
                          "first sentence ('Cell Biology The cell is the basic unit of life.')", strict=True)
def test_pdf_title_line_is_not_part_of_the_first_sentence(pdf_path: Path) -> None:
    first = next(read_document(pdf_path).sentences())[2]
    assert first.text == "The cell is the basic unit of life."
