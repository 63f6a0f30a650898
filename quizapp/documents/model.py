"""A study document as quizapp reads it: sections (with their heading) → blocks → sentences, each with its line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


class DocumentError(Exception):
    """A document that cannot be read into sentences; the message names the file and says why."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, its whitespace collapsed, and the 1-based line of the file where it starts."""

    text: str
    line: int


@dataclass(slots=True)
class Block:
    """A paragraph, or one bullet of a list (with its continuation lines), split into sentences."""

    kind: Literal["paragraph", "bullet"]
    text: str
    """The whole block's text, markers and inline markup removed, whitespace collapsed."""
    line: int
    sentences: list[Sentence] = field(default_factory=list)
    marker: str | None = None
    """The bullet's marker as written ("•", "-", "*", "1.", "a)"); None for a paragraph."""
    list_id: int | None = None
    """Bullets of the same list share an id (numbered in document order), so a list can be taken as a whole."""


@dataclass(slots=True)
class Section:
    """The blocks under one heading; `heading` is None for text before the first heading or after a gap."""

    heading: str | None
    line: int
    blocks: list[Block] = field(default_factory=list)
    level: int = 1


@dataclass(slots=True)
class Document:
    """A whole study document."""

    path: Path | None
    title: str
    """From a top-level title if the document has one, else from the file name ("india-japan-relations" →
    "India Japan Relations")."""
    sections: list[Section] = field(default_factory=list)
    text: str | None = None
    """The notes as read (a PDF's text layer), for the generator's reading of their shape."""
    markdown: bool = False

    def sentences(self) -> Iterator[tuple[Section, Block, Sentence]]:
        """Every sentence in document order, with the section and block it belongs to."""
        for section in self.sections:
            for block in section.blocks:
                for sentence in block.sentences:
                    yield section, block, sentence
