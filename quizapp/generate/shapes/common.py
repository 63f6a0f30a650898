"""What every shape's questions share: a drafted question placed on its line, and the choosing of choices."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizapp.documents.outline import Node
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft

TopicOf = Callable[[Node], str]
"""How the pipeline names a node's topic (its heading, or the notes' title)."""


@dataclass(slots=True)
class Placed:
    """A drafted question with the line of the notes it comes from."""

    draft: Draft
    line: int
    source: str
    topic: str
    group: str = ""
    """Questions of one group ask one fact: the selection keeps the best of them."""


def overlaps(a: str, b: str) -> bool:
    """Two cells that say the same thing, one inside the other ("Jalal-ud-din Muhammad" and "… Akbar")."""
    first, second = normalise(a), normalise(b)
    return first in second or second in first


def _shape(text: str) -> str:
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"\d+", "9", text))


def like_answer(answer: str, others: list[str]) -> list[str]:
    """The other cells written like the answer (a plain year range among plain year ranges), if there are
    enough of them; else all of them."""
    same = [other for other in others if _shape(other) == _shape(answer)]
    return same if len(set(same)) >= 3 else others
