"""Assembling a Document from headings and blocks in reading order, shared by the text and Markdown parsers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from quizapp.documents.model import Block, Document, DocumentError, Section
from quizapp.documents.sentences import split_sentences

_STEM_SEPARATORS = re.compile(r"[\s_\-.]+")
UNTITLED = "Untitled"
"""The title of notes that came without a file name."""


def title_from_path(path: Path | None) -> str:
    """The file name as a title: "india-japan-relations.txt" → "India Japan Relations"."""
    if path is None:
        return UNTITLED
    words = [word for word in _STEM_SEPARATORS.split(path.stem) if word]
    # Only the first letter is raised, so "IoT-notes" keeps "IoT" (str.title would make it "Iot").
    return " ".join(word[:1].upper() + word[1:] for word in words) or UNTITLED


def source_name(path: Path | None) -> str:
    """How error messages name the source: the path, or "<text>" for text handed over directly."""
    return str(path) if path is not None else "<text>"


class DocumentBuilder:
    """Collects sections and blocks; a block is placed in the current section, opening a heading-less one if needed."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self._lists = 0
        self._open_anonymous = True  # the text before the first heading has a section of its own

    def heading(self, text: str, line: int, level: int = 1) -> None:
        self.sections.append(Section(heading=text, line=line, level=level))
        self._open_anonymous = False

    def gap(self) -> None:
        """A break in the text (a run of blank lines): the blocks after it no longer belong to the last heading."""
        if self.sections:
            self._open_anonymous = True

    def new_list(self) -> int:
        """A fresh list id, numbered from 1 in document order."""
        self._lists += 1
        return self._lists

    def block(
        self,
        kind: Literal["paragraph", "bullet"],
        parts: Sequence[tuple[int, str]],
        *,
        marker: str | None = None,
        list_id: int | None = None,
    ) -> Block | None:
        """Add a block from its (line, text) parts; a block with no words in it is dropped (None)."""
        text, sentences = split_sentences(parts)
        if not sentences:
            return None
        first_line = next(line for line, raw in parts if raw.strip()) if kind == "paragraph" else parts[0][0]
        block = Block(kind=kind, text=text, line=first_line, sentences=sentences, marker=marker, list_id=list_id)
        if self._open_anonymous:
            self.sections.append(Section(heading=None, line=block.line, level=1))
            self._open_anonymous = False
        self.sections[-1].blocks.append(block)
        return block

    def document(self, *, path: Path | None, title: str) -> Document:
        """The finished Document; one with no sentences at all is refused, as nothing can be asked about it."""
        if not any(section.blocks for section in self.sections):
            raise DocumentError(f"{source_name(path)}: no sentences found (the document has no text to ask about)")
        return Document(path=path, title=title, sections=self.sections)
