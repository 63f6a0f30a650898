"""PDF notes: the text layer of a PDF written by hand in the test, and PDFs that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader, PdfWriter

from quizapp.documents import DocumentError, read_document
from quizapp.documents import pdf as pdf_module
from quizapp.documents.pdf import pdf_text


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _write_pdf(path: Path, objects: dict[int, bytes]) -> Path:
    """The numbered objects written out as a PDF file, with its cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    path.write_bytes(bytes(out))
    return path


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Write a PDF with one page per list of Helvetica text lines (an empty list: a blank page, no text)."""
    page_ids = [4 + 2 * index for index in range(len(pages))]  # each page is followed by its content stream
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {len(pages)} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for page_id, lines in zip(page_ids, pages, strict=True):
        shown = " ".join(f"({_escape(line)}) Tj 0 -16 Td" for line in lines)
        stream = f"BT /F1 12 Tf 72 720 Td {shown} ET".encode("latin-1") if lines else b""
        objects[page_id] = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_id + 1} 0 R >>"
        ).encode()
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    return _write_pdf(path, objects)


PAGES = [
    ["Trade Ties:", "- India exports tea (and rice).", "Japan ranks 12th. It grew in 2019."],
    ["Way Forward:", "- Both sides met on 28 April 1952.Japan agreed."],
]


def test_the_hand_written_pdf_is_valid_and_pypdf_extracts_its_text(tmp_path: Path) -> None:
    reader = PdfReader(make_pdf(tmp_path / "notes.pdf", PAGES), strict=True)  # strict: a wrong xref would fail
    assert len(reader.pages) == 2
    assert reader.pages[0].extract_text().splitlines() == PAGES[0]


def test_pdf_notes_are_read_page_after_page(tmp_path: Path) -> None:
    document = read_document(make_pdf(tmp_path / "trade-notes.pdf", PAGES))
    assert document.title == "Trade Notes"
    # Page 1 is lines 1–3 of the extracted text and ends with a newline; joining adds one more, so page 2
    # starts on line 5.
    assert [(s.heading, s.line) for s in document.sections] == [("Trade Ties", 1), ("Way Forward", 5)]
    found = [(s.text, s.line) for _, _, s in document.sentences()]
    assert found == [
        ("India exports tea (and rice).", 2),
        ("Japan ranks 12th.", 3),
        ("It grew in 2019.", 3),
        ("Both sides met on 28 April 1952.", 6),
        ("Japan agreed.", 6),
    ]


def test_a_pdf_under_another_suffix_is_still_read_as_pdf(tmp_path: Path) -> None:
    document = read_document(make_pdf(tmp_path / "notes.txt", PAGES))
    assert document.sections[0].heading == "Trade Ties"


def test_a_pdf_with_only_a_blank_page_has_no_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: has no text layer (a scanned PDF?)")


def test_a_pdf_with_no_pages(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "empty.pdf", [])
    with pytest.raises(DocumentError, match=r"the PDF has no pages$"):
        read_document(path)


@pytest.mark.parametrize(
    "content",
    [b"this is not a PDF at all", b"%PDF-1.4\ngarbage without objects\n", b""],
)
def test_a_file_pypdf_cannot_open(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot be read as a PDF (")
    assert "\n" not in message


def test_a_pdf_whose_text_is_only_a_heading_has_no_sentences(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "heading.pdf", [["# Trade"]])
    with pytest.raises(DocumentError, match="no sentences found"):
        read_document(path)


# -- the structure the fonts show ---------------------------------------------------------------------------

Run = tuple[str, float, str]  # font (R: Helvetica, B: Helvetica-Bold, S: symbols by code), size, text
Line = tuple[float, list[Run]]  # the baseline's height on the page, the runs of the line

# The "S" font shows codes 1-4 as what PDFs without proper fonts give for bullets: Symbol's private-use bullet,
# a black circle, a black square, a black diamond; and Symbol's alpha, also in the private use area.
_SYMBOLS = {1: 0xF0B7, 2: 0x25CF, 3: 0x25AA, 4: 0x2756, 5: 0xF061}  # 5: Symbol's alpha, no bullet
_TO_UNICODE = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Symbols def /CMapType 2 def "
    "1 begincodespacerange <00> <FF> endcodespacerange "
    f"{len(_SYMBOLS)} beginbfchar "
    + " ".join(f"<{code:02X}> <{unicode:04X}>" for code, unicode in _SYMBOLS.items())
    + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
).encode()


def line(y: float, text: str, font: str = "R", size: float = 11) -> Line:
    return y, [(font, size, text)]


def styled_pdf(path: Path, pages: list[list[Line]]) -> Path:
    """Write a PDF whose lines are set in Helvetica and Helvetica-Bold at the given sizes, each line placed with Tm."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        6: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_TO_UNICODE), _TO_UNICODE),
    }
    page_ids = [7 + 2 * index for index in range(len(pages))]
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {len(pages)} >>".encode()
    for page_id, lines in zip(page_ids, pages, strict=True):
        operations = []
        for y, runs in lines:
            shown = " ".join(f"/F{font} {size} Tf ({_escape(text)}) Tj" for font, size, text in runs)
            operations.append(f"BT 1 0 0 1 72 {y} Tm {shown} ET")
        stream = "\n".join(operations).encode("cp1252")
        objects[page_id] = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /FR 3 0 R /FB 4 0 R /FS 5 0 R >> >> /Contents {page_id + 1} 0 R >>"
        ).encode()
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    return _write_pdf(path, objects)


# Two pages of notes: a big title, a larger heading and a bold one, body text, a running footer and page numbers.
NOTES = [
    [
        line(740, "Cell Biology", size=24),
        line(700, "Cell Structure", "B"),
        line(684, "The cell is the basic unit of life."),
        line(668, "Robert Hooke described cells in 1665."),
        line(40, "Biology notes for the exam"),
        line(28, "1", size=9),
    ],
    [
        line(740, "Organelles", size=16),
        line(716, "Mitochondria produce ATP."),
        line(700, "The nucleus holds DNA."),
        line(40, "Biology notes for the exam"),
        line(28, "Page 2 of 2", size=9),
    ],
]


def test_headings_come_from_font_size_and_weight_and_page_furniture_is_dropped(tmp_path: Path) -> None:
    document = read_document(styled_pdf(tmp_path / "notes.pdf", NOTES))
    assert document.title == "Cell Biology"
    assert [(s.heading, s.level) for s in document.sections] == [("Cell Structure", 3), ("Organelles", 2)]
    found = [(section.heading, s.text) for section, _, s in document.sentences()]
    assert found == [
        ("Cell Structure", "The cell is the basic unit of life."),
        ("Cell Structure", "Robert Hooke described cells in 1665."),
        ("Organelles", "Mitochondria produce ATP."),
        ("Organelles", "The nucleus holds DNA."),
    ]
    assert pdf_text(tmp_path / "notes.pdf").split("\n") == [
        "# Cell Biology",
        "### Cell Structure",
        "The cell is the basic unit of life.",
        "Robert Hooke described cells in 1665.",
        "## Organelles",
        "Mitochondria produce ATP.",
        "The nucleus holds DNA.",
    ]


def test_heading_levels_follow_the_rank_of_their_size(tmp_path: Path) -> None:
    path = styled_pdf(
        tmp_path / "levels.pdf",
        [
            [
                line(740, "The Mughal Empire", size=24),
                line(700, "Founding", size=18),
                line(680, "Babur founded the empire in 1526."),
                line(660, "The First Battle", size=14),
                line(640, "Babur defeated Ibrahim Lodi at Panipat."),
                line(620, "Aftermath:", "B"),
                line(604, "Babur ruled from Agra."),
                line(580, "Akbar", size=18),
                line(560, "Akbar became emperor in 1556."),
            ]
        ],
    )
    assert pdf_text(path).split("\n") == [
        "# The Mughal Empire",
        "## Founding",
        "Babur founded the empire in 1526.",
        "### The First Battle",
        "Babur defeated Ibrahim Lodi at Panipat.",
        "#### Aftermath",  # bold at body size: below the smallest size heading; the colon is not kept
        "Babur ruled from Agra.",
        "## Akbar",
        "Akbar became emperor in 1556.",
    ]


def test_a_large_first_line_smaller_than_a_later_heading_is_no_title(tmp_path: Path) -> None:
    path = styled_pdf(
        tmp_path / "notes.pdf",
        [
            [
                line(740, "Introduction", size=14),
                line(720, "Cells are small."),
                line(700, "Big Ideas", size=20),
                line(680, "Life is cellular."),
            ]
        ],
    )
    assert pdf_text(path).split("\n") == ["### Introduction", "Cells are small.", "## Big Ideas", "Life is cellular."]


def test_a_heading_wrapped_over_two_lines_is_one_heading_and_the_lines_keep_their_count(tmp_path: Path) -> None:
    path = styled_pdf(
        tmp_path / "wrapped.pdf",
        [
            [
                line(740, "Bilateral Relations between India", size=16),
                line(720, "and Japan since 1952", size=16),
                line(700, "The two countries signed a peace treaty in 1952."),
                line(684, "Japan gave India its first yen loan in 1958."),
            ]
        ],
    )
    text = pdf_text(path)
    assert text.split("\n") == [
        "# Bilateral Relations between India and Japan since 1952",
        "",
        "The two countries signed a peace treaty in 1952.",
        "Japan gave India its first yen loan in 1958.",
    ]
    document = read_document(path)
    assert document.title == "Bilateral Relations between India and Japan since 1952"
    assert [(s.text, s.line) for _, _, s in document.sentences()] == [
        ("The two countries signed a peace treaty in 1952.", 3),
        ("Japan gave India its first yen loan in 1958.", 4),
    ]


def test_bold_that_is_not_a_heading_stays_body_text(tmp_path: Path) -> None:
    path = styled_pdf(
        tmp_path / "bold.pdf",
        [
            [
                line(740, "Cell Parts", size=18),
                line(720, "Remember the nucleus.", "B"),  # a bold sentence: emphasis
                (704, [("B", 11, "Ribosomes: "), ("R", 11, "they make proteins.")]),  # a bold lead-in
                line(688, "Vacuoles store water."),
            ]
        ],
    )
    assert pdf_text(path).split("\n") == [
        "# Cell Parts",
        "Remember the nucleus.",
        "Ribosomes: they make proteins.",
        "Vacuoles store water.",
    ]


def test_notes_set_bold_throughout_have_no_bold_headings(tmp_path: Path) -> None:
    lines = ["Trade Ties", "India exports tea.", "Japan buys rice.", "Way Forward", "Both sides met in 1952."]
    path = styled_pdf(tmp_path / "bold.pdf", [[line(740 - 16 * i, text, "B") for i, text in enumerate(lines)]])
    assert pdf_text(path).split("\n") == lines


def test_running_headers_and_footers_with_changing_numbers_are_dropped_and_the_title_kept(tmp_path: Path) -> None:
    pages = [
        [line(740, "Cell Biology", size=24), line(700, "Cells are the unit of life.")],
        [line(760, "Cell Biology", size=9), line(700, "Hooke named the cell.")],
        [line(760, "Cell Biology", size=9), line(700, "Schleiden studied plants.")],
    ]
    for number, page in enumerate(pages, 1):
        page.append(line(30, f"Notes by A. Student, 2024 - {number}", size=9))
    path = styled_pdf(tmp_path / "notes.pdf", pages)
    assert pdf_text(path).split("\n") == [
        "# Cell Biology",
        "Cells are the unit of life.",
        "Hooke named the cell.",
        "Schleiden studied plants.",
    ]


def test_a_line_on_one_page_only_is_no_running_footer(tmp_path: Path) -> None:
    pages = [
        [line(740, "Trade grew in 2019."), line(40, "Source: the Ministry of External Affairs.")],
        [line(740, "Japan invested in metro rail."), line(40, "Both sides agreed.")],
        [line(740, "Tourism rose in 2023."), line(40, "Source: the Ministry of External Affairs.")],
    ]
    text = pdf_text(styled_pdf(tmp_path / "notes.pdf", pages))
    assert "Source" not in text  # on 2 pages of 3: most pages
    pages.append([line(740, "Students met in 2024."), line(40, "Tea trade ended.")])
    pages.append([line(740, "Ports were built."), line(40, "Rice trade grew.")])
    text = pdf_text(styled_pdf(tmp_path / "notes.pdf", pages))
    assert "Source: the Ministry of External Affairs." in text  # on 2 pages of 5: not most pages


@pytest.mark.parametrize("number", ["12", "- 4 -", "Page 3", "page 3 of 10", "[7]", "3/10", "iv", "p. 5"])
def test_lone_page_numbers_at_the_top_or_bottom_are_dropped(tmp_path: Path, number: str) -> None:
    page = [
        line(760, number, size=9),
        line(700, "The Harappans built cities."),
        line(684, "Mohenjo-daro had a great bath."),
        line(668, "1921"),  # a number amid the text is not a page number
        line(652, "Lothal had a dockyard."),
        line(30, number, size=9),
    ]
    text = pdf_text(styled_pdf(tmp_path / "notes.pdf", [page]))
    assert text.split("\n") == [
        "The Harappans built cities.",
        "Mohenjo-daro had a great bath.",
        "1921",
        "Lothal had a dockyard.",
    ]


def test_a_footer_drawn_first_is_found_by_its_place_on_the_page(tmp_path: Path) -> None:
    pages = [
        [line(30, f"Indian Polity - {number}", size=9), line(740 - 16 * i, text)]
        for number, i, text in [(1, 0, "Parliament makes laws."), (2, 1, "The Rajya Sabha is permanent.")]
    ]
    for page in pages:
        page.insert(1, line(760, "Lok Sabha has 543 seats."))
    text = pdf_text(styled_pdf(tmp_path / "notes.pdf", pages))
    assert "Indian Polity" not in text
    assert "Parliament makes laws." in text


def test_bullet_glyphs_stay_at_the_line_start(tmp_path: Path) -> None:
    path = styled_pdf(
        tmp_path / "bullets.pdf",
        [
            [
                line(740, "Organelles", size=18),
                (720, [("S", 11, "\x01"), ("R", 11, " Mitochondria make ATP.")]),  # Symbol's private-use bullet
                (704, [("S", 11, "\x02"), ("R", 11, " Ribosomes make proteins.")]),
                (688, [("S", 11, "\x03"), ("R", 11, "Vacuoles store water.")]),
                (672, [("S", 11, "\x04"), ("R", 11, " Lysosomes digest waste.")]),
                line(656, "\u2022 Chloroplasts make sugar."),
                line(640, "\u2013Centrioles help division."),
            ]
        ],
    )
    lines = pdf_text(path).split("\n")
    assert [text[:1] for text in lines[1:]] == ["•", "●", "▪", "❖", "•", "–"]
    assert lines[-1] == "– Centrioles help division."
    document = read_document(path)
    blocks = [block for _, block, _ in document.sentences()]
    assert [(block.kind, block.text) for block in blocks] == [
        ("bullet", "Mitochondria make ATP."),
        ("bullet", "Ribosomes make proteins."),
        ("bullet", "Vacuoles store water."),
        ("bullet", "Lysosomes digest waste."),
        ("bullet", "Chloroplasts make sugar."),
        ("bullet", "Centrioles help division."),
    ]
    assert len({block.list_id for block in blocks}) == 1


def test_a_greek_letter_from_the_symbol_font_is_no_bullet(tmp_path: Path) -> None:
    path = styled_pdf(
        tmp_path / "greek.pdf",
        [
            [
                line(740, "Proteins are chains of amino acids."),
                (724, [("S", 11, "\x05"), ("R", 11, "-helices are common.")]),
            ]
        ],
    )
    assert pdf_text(path).split("\n")[1] == "\uf061-helices are common."


def test_a_failing_visitor_path_falls_back_to_the_plain_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = styled_pdf(tmp_path / "notes.pdf", NOTES)
    extract_text = PageObject.extract_text

    def no_visitors(self: PageObject, *args: object, **kwargs: object) -> str:
        if kwargs.get("visitor_text") is not None:
            raise KeyError("/Font")
        return extract_text(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", no_visitors)
    # No fonts, so no headings; the running footer and the page numbers are still known by their text and place.
    assert pdf_text(path).split("\n") == [
        "Cell Biology",
        "Cell Structure",
        "The cell is the basic unit of life.",
        "Robert Hooke described cells in 1665.",
        "Organelles",
        "Mitochondria produce ATP.",
        "The nucleus holds DNA.",
    ]
    assert read_document(path).title == "Notes"  # no "# Title" line: the title comes from the file name


def test_a_failure_while_reading_the_structure_gives_the_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = styled_pdf(tmp_path / "notes.pdf", NOTES)
    plain = "\n".join(page.extract_text() for page in PdfReader(path).pages)

    def broken(pages: object) -> str:
        raise IndexError("list index out of range")

    monkeypatch.setattr(pdf_module, "_structured_text", broken)
    assert pdf_text(path) == plain


def test_runs_that_do_not_make_the_text_give_plain_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = styled_pdf(tmp_path / "notes.pdf", NOTES)
    monkeypatch.setattr(pdf_module, "_font_lines", lambda text, runs: None)
    assert pdf_text(path).split("\n")[:2] == ["Cell Biology", "Cell Structure"]


def _encrypted(path: Path, source: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as file:
        writer.write(file)
    return path


def test_a_password_protected_pdf_keeps_its_message(tmp_path: Path) -> None:
    path = _encrypted(tmp_path / "locked.pdf", styled_pdf(tmp_path / "notes.pdf", NOTES), "secret")
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: the PDF is password-protected"


def test_a_pdf_encrypted_only_against_copying_is_read_with_its_structure(tmp_path: Path) -> None:
    path = _encrypted(tmp_path / "restricted.pdf", styled_pdf(tmp_path / "notes.pdf", NOTES), "")
    document = read_document(path)
    assert document.title == "Cell Biology"
    assert [s.heading for s in document.sections] == ["Cell Structure", "Organelles"]
