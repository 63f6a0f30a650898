"""A question before ids and filtering, the sentence it comes from, and the blank that makes a cloze."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.generate.facts import Fact

BLANK = "____"


@dataclass(slots=True)
class Draft:
    """A question before ids, filtering and ranking."""

    type: str
    prompt: str
    answer: str
    tags: list[str]
    fact: Fact | None = None
    choices: list[str] | None = None
    items: list[str] | None = None
    accept: list[str] = field(default_factory=list)
    explanation: str | None = None
    score: float = 1.0
    """Higher is better; the filter keeps the best drafts of each fact."""


@dataclass(slots=True)
class SentenceContext:
    """A sentence ready for questions: its text (a leading pronoun already resolved) and its facts."""

    text: str
    source: str
    """The sentence exactly as in the notes, for `source.text`."""
    line: int
    topic: str
    facts: list[Fact]
    pool: list[Fact]
    """Every fact of the document, for distractors."""
    block_text: str
    """The sentence's whole block: a false statement must not be true elsewhere in it."""
    label: str | None = None
    """The term the sentence's line is written after, where the sentence does not say it ("Afghanistan – …")."""
    leans_back: bool = False
    """The sentence opened with "In this regard," or the like: only its topic can stand in for what it points at,
    so it gives blanks with the topic before them, and no true/false statement."""


def cloze(text: str, fact: Fact) -> str:
    return text[: fact.start] + BLANK + text[fact.end :]
