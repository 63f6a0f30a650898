"""The text layer of a PDF, page after page, with pypdf, and the structure its fonts show.

pypdf's `extract_text(visitor_text=...)` reports each run of text with its font and size. From these the text
handed to the parser gets Markdown-style headings ("## Cell Structure") for lines set clearly larger than the
body text or bold short lines standing alone; running headers, footers and page numbers are left out; bullet
glyphs stay at the line start. Anything unexpected in that path falls back to the plain text of the page.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from quizapp.documents.model import DocumentError
from quizapp.documents.sentences import collapse, has_words

_logger = logging.getLogger(__name__)

# A heading's size is at least this many times the body text's (12 pt body: 13.8 pt and up).
HEADING_SIZE_RATIO = 1.15
# ... in all but a few of its characters (a footnote mark, a subscript).
HEADING_SIZE_SHARE = 0.8
# Headings are short, as text.py's are.
MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 12
# Two wrapped lines of one heading together stay under this many words.
MAX_MERGED_HEADING_WORDS = 16
# Running headers, footers and page numbers are looked for among this many lines at the top and the bottom.
EDGE_LINES = 2

_BOLD_NAME = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
_FORCE_BOLD_FLAG = 1 << 18
# "12", "- 4 -", "[7]", "Page 3", "Page 3 of 10", "p. 5", "3/10", "iv": a page number alone on its line.
_PAGE_NUMBER = re.compile(
    r"""^[\s\-–—|\[(]*
        (?:(?i:page|pg\.?|p\.)\s*)?
        (?:\d{1,4}|[ivx]{1,6})
        (?:\s*(?:(?i:of)|/)\s*\d{1,4})?
        [\s\-–—|\])]*$""",
    re.VERBOSE,
)
# Symbol and Wingdings bullets without a Unicode mapping come out in the private use area: U+F0B7 is Symbol's
# bullet, U+F0A7, U+F0D8, U+F0FC... Wingdings' square, arrowhead, tick. Wingdings' "n" (■), "q" (❑), "v" (❖) share
# their codes with Symbol's Greek letters ("ν-receptor"), so they are bullets only with a space after them.
# Some glyphs the text parser does not know as bullets are bullets at the start of a PDF's line too.
_PRIVATE_USE_BULLET = re.compile(r"^(\s*)(?:[\uf0a7\uf0a8\uf0b7\uf0d8\uf0e0\uf0f0\uf0fc]|[\uf06e\uf071\uf076](?=\s))")
_OTHER_BULLET = re.compile(r"^(\s*)[❑❒⮚➔♦◘]")
# An en dash glued to its text ("–Within India") is a bullet; the text parser wants a space after a dash.
_GLUED_DASH = re.compile(r"^(\s*)–(?=[^\W\d_]|\()")
_BULLET_START = re.compile(r"^\s*[•◦▪▫●○■□‣⁃➢➤►▸❖◆◇✓✔·\-*–]")
_COLON_END = re.compile(r"\s*:[-–]?$")
_SENTENCE_END = ".!?;,"


@dataclass
class _PdfLine:
    """One line of a page's text layer, with the font sizes of its characters when pypdf reported them."""

    text: str
    sizes: Counter[float] = field(default_factory=Counter)  # size → number of characters (spaces aside)
    bold: bool = False  # every letter is set in a bold font
    y: float | None = None  # the baseline's height on the page

    @property
    def size(self) -> float | None:
        """The size most of the line's characters are set in."""
        return self.sizes.most_common(1)[0][0] if self.sizes else None


@dataclass
class _Page:
    plain: str  # the page's text as pypdf extracts it
    lines: list[_PdfLine]


def pdf_text(path: Path) -> str:
    """The text of every page, pages joined with a newline; line numbers of the notes refer to this text.

    Headings found by font size or weight are written "# Title" / "## Heading"; running headers, footers and
    page numbers are left out.
    """
    # pypdf logs every repair it makes to a damaged file; the user gets our one-line error or the text instead.
    pypdf_logger = logging.getLogger("pypdf")
    previous_level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)
    try:
        pages = _extract_pages(path)
    finally:
        pypdf_logger.setLevel(previous_level)
    if not pages:
        raise DocumentError(f"{path}: the PDF has no pages")
    plain = "\n".join(page.plain for page in pages)
    if not has_words(plain):
        raise DocumentError(f"{path}: has no text layer (a scanned PDF?); run OCR on it or save your notes as text")
    try:
        text = _structured_text(pages)
    except Exception:  # the structure is a bonus; the plain text is always there
        _logger.debug("%s: reading the PDF's structure failed; using its plain text", path, exc_info=True)
        return plain
    return text if has_words(text) else plain


def _extract_pages(path: Path) -> list[_Page]:
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not _decrypts_without_password(reader):
            raise DocumentError(f"{path}: the PDF is password-protected")
        return [_read_page(page) for page in reader.pages]
    except DocumentError:
        raise
    except Exception as error:
        # A damaged PDF can fail deep inside pypdf in many ways (KeyError, ValueError, ...); all mean "unreadable".
        raise DocumentError(f"{path}: cannot be read as a PDF ({_reason(error)})") from error


def _read_page(page: Any) -> _Page:
    """The page's text with the fonts of its lines; the plain text alone if pypdf's visitor path fails."""
    runs: list[tuple[Any, ...]] = []
    try:
        text = page.extract_text(visitor_text=lambda *run: runs.append(run)) or ""
        lines = _font_lines(text, runs)
    except Exception:  # noqa: BLE001 - fall back to the plain path, which raises if the page is truly unreadable
        text = page.extract_text() or ""
        lines = None
    if lines is None:
        lines = [_PdfLine(line) for line in text.split("\n")]
    return _Page(text, lines)


def _font_lines(text: str, runs: Iterable[tuple[Any, ...]]) -> list[_PdfLine] | None:
    """The lines of `text` with the sizes and weight of their characters; None if the runs do not make the text."""
    runs = list(runs)
    if "".join(str(run[0]) for run in runs) != text:
        return None
    lines = [_PdfLine("")]
    letters = [[0, 0]]  # per line: letters in a bold font, letters
    bold_fonts: dict[int, bool] = {}
    for run_text, cm, tm, font, font_size in runs:
        font_id = id(font)
        if font_id not in bold_fonts:
            bold_fonts[font_id] = _is_bold(font)
        size, y = _placement(float(font_size), tm, cm)
        for index, piece in enumerate(str(run_text).split("\n")):
            if index:
                lines.append(_PdfLine(""))
                letters.append([0, 0])
            if not piece:
                continue
            line = lines[-1]
            line.text += piece
            shown = sum(1 for char in piece if not char.isspace())
            if shown:
                line.sizes[size] += shown
                if line.y is None:
                    line.y = y
            alphas = sum(1 for char in piece if char.isalpha())
            letters[-1][0] += alphas if bold_fonts[font_id] else 0
            letters[-1][1] += alphas
    for line, (bold, total) in zip(lines, letters, strict=True):
        line.bold = total > 0 and bold == total
    return lines


def _placement(font_size: float, tm: Any, cm: Any) -> tuple[float, float]:
    """The size the text is drawn at on the page (the text and current matrices scale it) and its height there."""
    c, d, e, f = (float(value) for value in tm[2:6])
    a2, b2, c2, d2, _, f2 = (float(value) for value in cm[:6])
    # The text matrix times the current one maps text space to the page; its second row scales the height.
    scale = math.hypot(c * a2 + d * c2, c * b2 + d * d2)
    y = e * b2 + f * d2 + f2
    size = abs(font_size) * (scale or 1.0)
    return round(size, 1), y


def _is_bold(font: Any) -> bool:
    """Bold by the font's name ("Arial,Bold", "ABCDEF+Calibri-Bold"), weight or ForceBold flag."""
    try:
        if font is None:
            return False
        font = font.get_object()
        if _BOLD_NAME.search(str(font.get("/BaseFont", ""))):
            return True
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if descriptor is None:
            return False
        descriptor = descriptor.get_object()
        if not isinstance(descriptor, DictionaryObject):
            return False
        weight = descriptor.get("/FontWeight")
        flags = descriptor.get("/Flags")
        return (weight is not None and float(weight) >= 600) or (
            flags is not None and bool(int(flags) & _FORCE_BOLD_FLAG)
        )
    except Exception:  # noqa: BLE001 - an odd font dictionary is just not bold
        return False


# -- the structure -------------------------------------------------------------------------------------------


def _structured_text(pages: list[_Page]) -> str:
    furniture = _furniture(pages, _body_size(page.lines for page in pages))
    kept = [
        [line for index, line in enumerate(page.lines) if (number, index) not in furniture]
        for number, page in enumerate(pages)
    ]
    body = _body_size(kept)  # small print at the edges of short pages no longer outweighs the text
    levels = _heading_levels(kept, body, _bold_is_body(kept, body))
    out_pages = []
    for number, lines in enumerate(kept):
        out: list[str] = []
        last_heading: int | None = None  # where in `out` the heading on the line before is
        for index, line in enumerate(lines):
            level = levels.get((number, index))
            if level is None:
                out.append(_with_bullet(line.text))
                last_heading = None
                continue
            heading = _COLON_END.sub("", collapse(line.text))
            if last_heading is not None and _wraps(lines[index - 1], line, out[last_heading], body):
                out[last_heading] += " " + heading
                out.append("")  # the wrapped heading's second line: blank, so the lines keep their count
                continue
            out.append("#" * level + " " + heading)
            last_heading = len(out) - 1
        out_pages.append("\n".join(out))
    return "\n".join(out_pages)


def _body_size(pages: Iterable[list[_PdfLine]]) -> float | None:
    """The size most characters are set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes.update(line.sizes)
    return sizes.most_common(1)[0][0] if sizes else None


def _is_larger(line: _PdfLine, body: float | None) -> bool:
    """Set clearly larger than the body text, a smaller footnote mark or two aside."""
    if body is None or not line.sizes:
        return False
    large = sum(count for size, count in line.sizes.items() if size >= body * HEADING_SIZE_RATIO)
    return large >= HEADING_SIZE_SHARE * sum(line.sizes.values())


def _furniture(pages: list[_Page], body: float | None) -> set[tuple[int, int]]:
    """(page, line) of running headers and footers (a line at the top or bottom of most pages, digits aside)
    and of lone page numbers; lines set larger than the body text are headings, never furniture."""
    edges: dict[tuple[int, int], str] = {}
    for number, page in enumerate(pages):
        for index in _edge_lines(page.lines):
            if not _is_larger(page.lines[index], body):
                edges[(number, index)] = page.lines[index].text
    furniture = {place for place, text in edges.items() if _PAGE_NUMBER.match(text)}
    pages_of: dict[str, set[int]] = {}
    for (number, _), text in edges.items():
        pages_of.setdefault(_running_key(text), set()).add(number)
    running = {key for key, numbers in pages_of.items() if len(numbers) >= 2 and 2 * len(numbers) > len(pages)}
    furniture |= {place for place, text in edges.items() if _running_key(text) in running}
    return furniture


def _edge_lines(lines: list[_PdfLine]) -> set[int]:
    """The first and last lines with text, in the text's order and by height on the page."""
    shown = [index for index, line in enumerate(lines) if has_words(line.text)]
    edges = set(shown[:EDGE_LINES] + shown[-EDGE_LINES:])
    placed = sorted((lines[index].y, index) for index in shown if lines[index].y is not None)
    edges |= {index for _, index in placed[:EDGE_LINES] + placed[-EDGE_LINES:]}
    return edges


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", collapse(text).lower())


def _bold_is_body(pages: list[list[_PdfLine]], body: float | None) -> bool:
    """Notes set in a bold font throughout: bold says nothing there."""
    bold = total = 0
    for lines in pages:
        for line in lines:
            if line.size == body:
                count = sum(line.sizes.values())
                total += count
                bold += count if line.bold else 0
    return total > 0 and 2 * bold >= total


def _heading_levels(pages: list[list[_PdfLine]], body: float | None, bold_is_body: bool) -> dict[tuple[int, int], int]:
    """(page, line) → heading level: 1 for a title set largest on the first line, then 2, 3, ... by size rank,
    bold headings at body size one level below the smallest size heading."""
    if body is None:
        return {}
    by_size: dict[tuple[int, int], float] = {}
    bold: list[tuple[int, int]] = []
    for number, lines in enumerate(pages):
        for index, line in enumerate(lines):
            # A heading's wrapped second line may start in lowercase ("and Japan since 1952").
            above = by_size.get((number, index - 1))
            if not _heading_like(line.text, wrapped=above is not None and above == _size_key(line)):
                continue
            if _is_larger(line, body):
                if not _is_sentence(line.text):
                    by_size[(number, index)] = _size_key(line)
            elif not bold_is_body and _is_bold_heading(lines, index, body):
                bold.append((number, index))
    first = next(
        (
            (number, index)
            for number, lines in enumerate(pages)
            for index, line in enumerate(lines)
            if has_words(line.text)
        ),
        None,
    )
    levels: dict[tuple[int, int], int] = {}
    if first in by_size and by_size[first] >= max(by_size.values()):
        levels[first] = 1
        del by_size[first]
    ranks = sorted(set(by_size.values()), reverse=True)
    for place, key in by_size.items():
        levels[place] = min(2 + ranks.index(key), 6)
    for place in bold:
        levels[place] = min(2 + len(ranks), 6)
    return levels


def _size_key(line: _PdfLine) -> float:
    """Sizes a half point apart are one heading level."""
    return round((line.size or 0.0) * 2) / 2


def _heading_like(text: str, *, wrapped: bool = False) -> bool:
    """Short, with words, not a bullet, and not starting in lowercase (a wrapped sentence's end) unless it is
    the `wrapped` second line of a heading."""
    stripped = collapse(text)
    if not stripped or len(stripped) > MAX_HEADING_CHARS or len(stripped.split()) > MAX_HEADING_WORDS:
        return False
    if sum(char.isalpha() for char in stripped) < 2 or (stripped[0].islower() and not wrapped):
        return False
    return not _BULLET_START.match(_with_bullet(stripped)) and not stripped.startswith("#")


def _is_sentence(text: str) -> bool:
    """ "The cell is the unit of life." set large is a lead paragraph's line, not a heading ("1. Cells" is one)."""
    stripped = collapse(text)
    return stripped.endswith(".") and len(stripped.split()) > 3


def _is_bold_heading(lines: list[_PdfLine], index: int, body: float) -> bool:
    """A bold line at about body size standing alone: not a sentence, not a line of a bold paragraph."""
    line = lines[index]
    if not line.bold or line.size is None or line.size < body * 0.95:
        return False
    if collapse(line.text).rstrip("\"'”’)]}»")[-1:] in _SENTENCE_END:
        return False
    before = lines[index - 1] if index > 0 else None
    if (
        before is not None
        and before.bold
        and has_words(before.text)
        and not _is_larger(before, body)
        and collapse(before.text)[-1:] not in ".!?:"
    ):
        return False  # a line of the bold paragraph above
    after = lines[index + 1] if index + 1 < len(lines) else None
    long_line = after is not None and len(collapse(after.text).split()) > MAX_HEADING_WORDS
    return not (after is not None and after.bold and long_line)  # the first line of a bold paragraph


def _wraps(before: _PdfLine, line: _PdfLine, written: str, body: float | None) -> bool:
    """`line` is the second line of the heading `before`, set larger than the body and wrapped: the same size
    and weight, the first line not finished."""
    if not _is_larger(before, body) or _size_key(before) != _size_key(line) or before.bold != line.bold:
        return False
    if collapse(before.text)[-1:] in _SENTENCE_END + ":":
        return False
    return len(written.split()) - 1 + len(collapse(line.text).split()) <= MAX_MERGED_HEADING_WORDS


def _with_bullet(text: str) -> str:
    """A bullet glyph at the start of the line as the text parser knows bullets."""
    text = _PRIVATE_USE_BULLET.sub(r"\1•", text)
    text = _OTHER_BULLET.sub(r"\1•", text)
    return _GLUED_DASH.sub(r"\1– ", text)


def _decrypts_without_password(reader: PdfReader) -> bool:
    """Many PDFs are encrypted only to restrict printing or copying and open with an empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - e.g. AES encryption without the optional cryptography package
        return False


def _reason(error: Exception) -> str:
    message = str(error).strip().splitlines()
    return message[0] if message else type(error).__name__
