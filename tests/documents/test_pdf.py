"""PDF notes: the text layer of a PDF written by hand in the test, and PDFs that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from quizapp.documents import DocumentError, read_document


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


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
