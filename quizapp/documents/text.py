"""Plain-text notes read into sections, paragraphs and bullets by the shape of their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.documents.builder import DocumentBuilder, source_name, title_from_path
from quizapp.documents.model import Document, DocumentError
from quizapp.documents.sentences import collapse, has_words

# Headings and title lines are short: a long line is a sentence or a paragraph, whatever its punctuation.
MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 10
# Three blank lines in a row (more than the usual one or two between parts) mean "something else starts here".
GAP_BLANK_LINES = 3

_MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")

_ROMAN_LOWER = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_ROMAN_UPPER = _ROMAN_LOWER.upper()
# Glyph bullets may be glued to their text ("•Within India", common in text copied from PDFs); ASCII ones need a
# space after them so "-5 °C" and "*emphasis*" are not bullets.
_GLYPHS = "•◦▪▫●○■□‣⁃➢➤►▸❖◆◇✓✔·"
_BULLET = re.compile(
    rf"""^\s*(?:
        (?P<glyph>[{_GLYPHS}])\s*
      | (?P<marker>
            [-*–]
          | \d{{1,3}}[.)] | \(\d{{1,3}}\)
          | {_ROMAN_LOWER}[.)] | \({_ROMAN_LOWER}\)
          | {_ROMAN_UPPER}[.)] | \({_ROMAN_UPPER}\)
          | [A-Za-z][.)] | \([A-Za-z]\)
        )(?:\s+|$)
    )(?P<rest>.*)$""",
    re.VERBOSE,
)
# "I. K. Gujral was..." or "A. P. J. Abdul Kalam...": initials, not a bullet "I." followed by its text.
_INITIAL_AFTER = re.compile(r"^[A-Z]\.(?:\s|$)")
# The ending of a heading like "Way Forward:" (Indian notes often write "Conclusion:-").
_COLON_END = re.compile(r"\s*:[-–]?$")
# "The reasons are as follows:" is a sentence introducing a list, not the name of a topic.
# fmt: off
_LEAD_IN_WORDS = frozenset({
    "follows", "following", "include", "includes", "including", "are", "is", "was", "were", "be", "as", "of",
    "to", "the", "and", "or", "by", "with", "for", "in", "on", "namely", "like", "below", "under",
})
# fmt: on
_SENTENCE_END = ".!?;,:…"
_CLOSERS = "\"'”’)]}»"


@dataclass
class _Line:
    number: int
    text: str  # right-stripped, indentation kept
    blank: bool  # no letter or digit: empty, whitespace, or a rule such as "-----" / "* * *"


@dataclass
class _Open:
    """The block being gathered: a paragraph, or a bullet with its continuation lines."""

    kind: str
    parts: list[tuple[int, str]] = field(default_factory=list)
    marker: str | None = None


def split_lines(text: str) -> list[str]:
    """The text's lines after normalising a BOM and Windows/old-Mac line endings; line N is item N-1."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def parse_text(
    text: str, *, path: Path | None = None, title: str | None = None, loose_titles: bool = False
) -> Document:
    """Read plain-text notes: headings, bullets and paragraphs, with the line each sentence starts on.

    `loose_titles` is for text without blank lines (a PDF's text layer): a short unpunctuated line after
    a finished sentence and above a capitalised line is then a heading too.
    """
    if not has_words(text):
        raise DocumentError(f"{source_name(path)}: the document is empty")
    lines = [_Line(number, raw.rstrip(), not has_words(raw)) for number, raw in enumerate(split_lines(text), 1)]
    leading_title = _leading_title(lines)
    if leading_title is not None:
        title = title or leading_title[1]
        lines[leading_title[0]].blank = True  # the title line is not a section of its own
    parser = _TextParser(lines, loose_titles=loose_titles)
    document = parser.run().document(path=path, title=title or title_from_path(path))
    document.text = text
    return document


def _leading_title(lines: list[_Line]) -> tuple[int, str] | None:
    """A "# Title" as the first non-blank line: (its index, its text), as Markdown treats it."""
    for index, line in enumerate(lines):
        if line.blank:
            continue
        match = _MARKDOWN_HEADING.match(line.text)
        if match and len(match.group(1)) == 1 and has_words(match.group(2)):
            return index, collapse(match.group(2))
        return None
    return None


class _TextParser:
    """One pass over the lines, keeping the open block and whether a list is running."""

    def __init__(self, lines: list[_Line], *, loose_titles: bool = False) -> None:
        self.lines = lines
        self.loose_titles = loose_titles
        self.builder = DocumentBuilder()
        self.open: _Open | None = None
        self.list_id: int | None = None
        # The last line with text to ask about (not a bare "1." nor a "# Heading"): a heading needs text after it.
        self._last_content = max((i for i, line in enumerate(lines) if _has_content(line)), default=-1)

    def run(self) -> DocumentBuilder:
        blank_run = 0
        seen_content = False
        after_heading = False
        for index, line in enumerate(self.lines):
            if line.blank:
                self._close_block()  # a blank line ends a paragraph or a bullet (not the list)
                blank_run += 1
                continue
            # A heading stands alone: after a blank line, at the start, or straight under another heading.
            alone = blank_run > 0 or not seen_content or after_heading or self._after_sentence(index)
            if seen_content and blank_run >= GAP_BLANK_LINES:
                self._end_list()
                self.builder.gap()
            blank_run = 0
            seen_content = True
            after_heading = self._line(index, line, alone)
        self._close_block()
        return self.builder

    def _line(self, index: int, line: _Line, alone: bool) -> bool:
        """Take one non-blank line; True if it was a heading."""
        heading = _MARKDOWN_HEADING.match(line.text)
        if heading and has_words(heading.group(2)):
            self._heading(line.number, heading.group(2), len(heading.group(1)))
            return True
        bullet = _match_bullet(line.text)
        if bullet is not None:
            marker, rest = bullet
            self._close_block()
            if self.list_id is None:
                self.list_id = self.builder.new_list()
            self.open = _Open("bullet", [(line.number, rest)], marker)
            return False
        if self.open is not None:  # a line under a bullet or a paragraph line continues it
            self.open.parts.append((line.number, line.text))
            return False
        if alone and index < self._last_content:
            stripped = line.text.strip()
            if _is_colon_heading(stripped):
                self._heading(line.number, _COLON_END.sub("", stripped), 1)
                return True
            if _is_title_line(stripped) and self._title_follows(index):
                self._heading(line.number, stripped, 1)
                return True
        self._end_list()
        self.open = _Open("paragraph", [(line.number, line.text)])
        return False

    def _title_follows(self, index: int) -> bool:
        """A title line stands alone: a blank line after it, or the list it names starts right under it."""
        following = self.lines[index + 1]
        if self.loose_titles and following.text.strip()[:1].isupper():
            return True
        return following.blank or _match_bullet(following.text) is not None

    def _after_sentence(self, index: int) -> bool:
        """Without blank lines, a finished sentence on the line before is what sets a heading apart."""
        if not self.loose_titles or index == 0 or self.lines[index - 1].blank:
            return False
        return self.lines[index - 1].text.rstrip().rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…", ":")

    def _heading(self, number: int, text: str, level: int) -> None:
        self._close_block()
        self._end_list()
        self.builder.heading(collapse(text), number, level)

    def _close_block(self) -> None:
        if self.open is None:
            return
        if self.open.kind == "bullet":
            self.builder.block("bullet", self.open.parts, marker=self.open.marker, list_id=self.list_id)
        else:
            self.builder.block("paragraph", self.open.parts)
        self.open = None

    def _end_list(self) -> None:
        self._close_block()
        self.list_id = None


def _has_content(line: _Line) -> bool:
    """A line of text to ask about: words besides a bullet marker, and not a Markdown heading."""
    if line.blank or _MARKDOWN_HEADING.match(line.text):
        return False
    bullet = _match_bullet(line.text)
    return bullet is None or has_words(bullet[1])


def _match_bullet(text: str) -> tuple[str, str] | None:
    """(marker as written, the text after it) if the line starts a bullet."""
    match = _BULLET.match(text)
    if match is None:
        return None
    marker = match.group("glyph") or match.group("marker")
    rest = match.group("rest")
    if marker[0].isupper() and marker.endswith(".") and _INITIAL_AFTER.match(rest):
        return None
    return marker, rest


def _is_short(text: str) -> bool:
    return len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS


def _is_colon_heading(text: str) -> bool:
    """ "Bilateral Cooperation:" alone on its line; not "The reasons are as follows:"."""
    if not _COLON_END.search(text):
        return False
    name = _COLON_END.sub("", text)
    if not has_words(name) or not _is_short(name):
        return False
    last_word = name.split()[-1].lower().strip(".,;")
    return last_word not in _LEAD_IN_WORDS


def _is_title_line(text: str) -> bool:
    """ "India-Japan bilateral relation": short, starting with no lowercase letter, with no sentence-ending mark."""
    if not _is_short(text) or text[0].islower() or not any(char.isalpha() for char in text):
        return False
    ending = text.rstrip(_CLOSERS) or text
    return ending[-1] not in _SENTENCE_END
