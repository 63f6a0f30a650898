"""Study documents (.txt, .md, .pdf) read into sections, blocks and sentences with line numbers."""

from __future__ import annotations

from quizapp.documents.markdown import parse_markdown
from quizapp.documents.model import Block, Document, DocumentError, Section, Sentence
from quizapp.documents.read import read_document
from quizapp.documents.text import parse_text

__all__ = [
    "Block",
    "Document",
    "DocumentError",
    "Section",
    "Sentence",
    "parse_markdown",
    "parse_text",
    "read_document",
]
