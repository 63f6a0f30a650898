"""Markdown notes read with markdown-it-py: headings, lists, paragraphs and table rows, with their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from quizapp.documents.builder import DocumentBuilder, source_name, title_from_path
from quizapp.documents.model import Document, DocumentError
from quizapp.documents.sentences import collapse, has_words
from quizapp.documents.text import split_lines

# CommonMark plus the two GitHub extensions notes use most; tables become text, struck-out text stays text.
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_SKIPPED_INLINE = {"image", "html_inline"}  # pictures and raw HTML have no sentence in them


@dataclass
class _Item:
    """A list item being gathered: its own paragraphs, before any list nested in it."""

    marker: str
    line: int
    list_id: int
    parts: list[tuple[int, str]] = field(default_factory=list)


def parse_markdown(text: str, *, path: Path | None = None, title: str | None = None) -> Document:
    """Read Markdown notes; a level-1 heading that opens the file is the document's title, not a section."""
    if not has_words(text):
        raise DocumentError(f"{source_name(path)}: the document is empty")
    lines = _blank_front_matter(split_lines(text))
    tokens = _MARKDOWN.parse("\n".join(lines))
    document = _MarkdownReader(tokens).run(path=path, title=title)
    document.text, document.markdown = text, True
    return document


def _blank_front_matter(lines: list[str]) -> list[str]:
    """YAML front matter ("---" … "---" at the top) blanked out, keeping the line count so numbers stay right."""
    if not lines or lines[0].strip() != "---":
        return lines
    for end in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[end]):
            return [""] * (end + 1) + lines[end + 1 :]
    return lines


def inline_parts(token: Token) -> list[tuple[int, str]]:
    """An inline token's text, markup removed, as (line, text) parts: one part per source line it covers."""
    line = token.map[0] + 1 if token.map else 1
    parts: list[tuple[int, str]] = []
    current: list[str] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append((line, "".join(current)))
            current = []
            line += 1
        elif child.type in _SKIPPED_INLINE:
            line += child.content.count("\n")  # raw HTML may span lines without a break token
        elif child.type in ("text", "code_inline"):
            current.append(child.content)
        # strong/em/link/s open and close tokens only wrap text, which arrives as text tokens
    parts.append((line, "".join(current)))
    return parts


class _MarkdownReader:
    """Walks markdown-it's flat token stream, keeping the stack of open lists and items."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.builder = DocumentBuilder()
        self.lists: list[int] = []  # ids of the lists we are inside, innermost last
        self.items: list[_Item] = []  # items we are inside, innermost last
        self.row: list[str] | None = None  # cells of the table body row being read
        self.row_line = 0
        self.in_head = False

    def run(self, *, path: Path | None, title: str | None) -> Document:
        found_title: str | None = None
        start = 0
        if len(self.tokens) >= 2 and self.tokens[0].type == "heading_open" and self.tokens[0].tag == "h1":
            found_title = collapse(" ".join(part for _, part in inline_parts(self.tokens[1]))) or None
            start = 3  # heading_open, inline, heading_close
        index = start
        while index < len(self.tokens):
            index = self._token(index)
        return self.builder.document(path=path, title=title or found_title or title_from_path(path))

    def _token(self, index: int) -> int:
        """Handle the token at index; the index of the next token to handle."""
        token = self.tokens[index]
        kind = token.type
        if kind == "heading_open":
            self._flush_items()
            text = collapse(" ".join(part for _, part in inline_parts(self.tokens[index + 1])))
            if text:  # an empty "#" heading names nothing
                self.builder.heading(text, token.map[0] + 1 if token.map else 1, int(token.tag[1:]))
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self._flush_items()  # the parent item's own text comes before its nested list
            self.lists.append(self.builder.new_list())
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup}" if token.info else token.markup
            self.items.append(_Item(marker, token.map[0] + 1 if token.map else 1, self.lists[-1]))
        elif kind == "list_item_close":
            self._flush_items()
            self.items.pop()
        elif kind == "thead_open":
            self.in_head = True
        elif kind == "thead_close":
            self.in_head = False
        elif kind == "tr_open" and not self.in_head:
            # The header row alone states nothing ("Country; Rank"), so only body rows become paragraphs.
            self.row, self.row_line = [], token.map[0] + 1 if token.map else 1
        elif kind == "tr_close" and self.row is not None:
            cells = [cell for cell in self.row if cell]
            if cells:
                self.builder.block("paragraph", [(self.row_line, "; ".join(cells))])
            self.row = None
        elif kind == "inline":
            self._inline(token)
        # fence, code_block, html_block, hr and the rest carry no sentences of the notes
        return index + 1

    def _inline(self, token: Token) -> None:
        if self.in_head:
            return
        parts = inline_parts(token)
        if self.row is not None:
            self.row.append(collapse(" ".join(part for _, part in parts)))
        elif self.items:
            self.items[-1].parts.extend(parts)
        else:
            self.builder.block("paragraph", parts)

    def _flush_items(self) -> None:
        """Emit the gathered text of the open items as bullets (a nested list or the item's end follows)."""
        for item in self.items:
            if item.parts:
                # The marker's line starts the bullet; text after a nested list starts on its own line.
                lead = [(item.line, "")] if item.line else []
                self.builder.block("bullet", [*lead, *item.parts], marker=item.marker, list_id=item.list_id)
                item.parts = []
                item.line = 0
