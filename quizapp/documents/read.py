"""Reading a notes file from disk: choosing the reader by suffix, decoding, and refusing what is not notes."""

from __future__ import annotations

from pathlib import Path

from quizapp.documents.markdown import parse_markdown
from quizapp.documents.model import Document, DocumentError
from quizapp.documents.pdf import pdf_text
from quizapp.documents.text import parse_text

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
PDF_SUFFIX = ".pdf"
_SNIFF_BYTES = 8192
# Files students are likely to pick by mistake, by their first bytes, to say what the file seems to be.
_MAGIC = (
    (b"PK\x03\x04", "a Word, OpenDocument or zip file"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Office file"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"{\\rtf", "an RTF document"),
)


def read_document(path: Path) -> Document:
    """Read .txt (or any other text), .md/.markdown or .pdf notes into a Document; DocumentError says why not."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder, not a file")
    if path.suffix.lower() == PDF_SUFFIX:
        return _read_pdf(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"{path}: cannot be read ({error.strerror or error})") from error
    if data.startswith(b"%PDF-"):  # a PDF under another name is still a PDF
        return _read_pdf(path)
    text = _decode(data, path)
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return parse_markdown(text, path=path)
    return parse_text(text, path=path)


def _read_pdf(path: Path) -> Document:
    return parse_text(pdf_text(path), path=path, loose_titles=True)


def _decode(data: bytes, path: Path) -> str:
    """The file as text: UTF-8 (a BOM is fine; UTF-16 with a BOM, as Windows Notepad may save, is read too)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DocumentError(f"{path}: not valid UTF-16 text ({error.reason})") from error
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DocumentError(f"{path}: is a binary file ({kind}?), not text; save your notes as .txt, .md or .pdf")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise DocumentError(f"{path}: is a binary file, not text; save your notes as .txt, .md or .pdf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocumentError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); save the file as UTF-8"
        ) from error
