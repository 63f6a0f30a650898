"""The bank's schema: a deck of questions as plain dataclasses, and the Problem a bad bank yields."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

# One encoder for every hash: json.dumps with these options would build a new one per call.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_json_text = json.encoder.encode_basestring
"""A string as that encoder writes it (ensure_ascii off): the same C function it calls."""

QUESTION_TYPES = ("mcq", "cloze", "short", "truefalse", "flashcard", "list")
"""Every question type a bank may use."""

MAX_CHOICES = 6
"""An MCQ is answered with keys 1–6 or a–f, so it can offer at most six choices."""

TOP_LEVEL_FIELDS = ("deck", "source", "questions")
QUESTION_FIELDS = (
    "id",
    "type",
    "topic",
    "prompt",
    "answer",
    "choices",
    "accept",
    "items",
    "explanation",
    "source",
    "tags",
)
"""The keys a question may have, in the order the dumper writes them."""

REQUIRED_QUESTION_FIELDS = ("id", "type", "prompt", "answer")


@dataclass(slots=True, frozen=True)
class Problem:
    """One thing wrong with a bank, located as precisely as the bank allows.

    `line` is 1-based; 0 means the path as a whole (not found, or a folder without banks).
    """

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


def _json_list(values: list[str] | None) -> str:
    if values is None:
        return "null"
    if type(values) is not list:
        raise TypeError
    return "[" + ",".join(map(_json_text, values)) + "]"


def _json_optional(value: str | None) -> str:
    return "null" if value is None else _json_text(value)


def _canonical(question: BankQuestion) -> str:
    """`_CANONICAL.encode(question.content())` for the types a loaded bank holds; TypeError for any other."""
    line = question.source_line
    if line is not None and type(line) is not int:
        raise TypeError  # a bool or a float is written differently by the encoder
    return (
        f'{{"accept":{_json_list(question.accept)},"answer":{_json_text(question.answer)},'
        f'"choices":{_json_list(question.choices)},"explanation":{_json_optional(question.explanation)},'
        f'"items":{_json_list(question.items)},"prompt":{_json_text(question.prompt)},'
        f'"source_line":{"null" if line is None else int.__repr__(line)},'
        f'"source_text":{_json_optional(question.source_text)},"tags":{_json_list(question.tags)},'
        f'"topic":{_json_optional(question.topic)},"type":{_json_text(question.type)}}}'
    )


@dataclass(slots=True)
class BankQuestion:
    """One question as the bank states it (all text already stripped and validated)."""

    id: str
    type: str
    prompt: str
    answer: str
    topic: str | None = None
    choices: list[str] | None = None
    accept: list[str] = field(default_factory=list)
    items: list[str] | None = None
    explanation: str | None = None
    source_line: int | None = None
    source_text: str | None = None
    tags: list[str] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    """Where the question starts in its bank file; not part of its content."""

    def content(self) -> dict[str, object]:
        """The question's content as stored: everything but its position in the file."""
        return {
            "type": self.type,
            "topic": self.topic,
            "prompt": self.prompt,
            "answer": self.answer,
            "choices": self.choices,
            "accept": self.accept,
            "items": self.items,
            "explanation": self.explanation,
            "source_line": self.source_line,
            "source_text": self.source_text,
            "tags": self.tags,
        }

    def content_hash(self) -> str:
        """A digest of the content, so a sync can tell a changed question from an unchanged one.

        The digest is that of `content()` as canonical JSON (sorted keys, no spaces, UTF-8), which the
        databases store: it must never change. It is written out by hand here, field by field in sorted
        order, several times faster than the encoder walking a dict; anything but the usual types takes
        the encoder.
        """
        try:
            text = _canonical(self)
        except TypeError:
            text = _CANONICAL.encode(self.content())
        return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Bank:
    """A whole bank file: one deck and its questions in file order."""

    deck: str
    questions: list[BankQuestion]
    source: str | None = None
    file: str = ""
    """The path as the user named it, for messages."""
    digest: str = ""
    """SHA-256 of the file's bytes."""
    deck_line: int = 1
    """Where `deck:` stands in the file, for problems about the deck as a whole."""
    content_hashes: list[str] | None = field(default=None, compare=False, repr=False)
    """Each question's `content_hash()`, when the loader already worked them out (in a worker process).
    Whoever edits the questions of a loaded bank sets this back to None (and `prepared` with it)."""
    prepared: Any = field(default=None, compare=False, repr=False)
    """What the `prepare` function given to the loader made of this bank, where it was parsed (see
    `load.iter_files`): the importer's rows, worked out by the parsing workers."""
