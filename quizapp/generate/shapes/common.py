"""What every shape's questions share: a drafted question placed on its line, and the choosing of choices."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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


def choice_question(
    node: Node, prompt: str, answer: str, wrong: list[str], tag: str, topic_of: TopicOf, group: str, score: float
) -> Placed | None:
    """A choice question from one line of the notes: the answer and up to three wrong choices, or None where
    fewer than two wrong choices are left (one wrong choice is a coin toss)."""
    wrong = wrong[:3]
    if len(wrong) < 2:
        return None
    draft = Draft("mcq", prompt, answer, [tag], None, choices=[answer, *wrong], score=score)
    return Placed(draft, node.line, node.text, topic_of(node), f"{group}:{node.line}")


def core_answer(answer: str) -> str:
    """An answer without what only dates or labels it: "42nd Amendment Act, 1976" and "42nd Amendment (1976)" are
    one answer, the 42nd Amendment."""
    core = re.sub(r"\s*\([^)]*\)", "", answer)
    core = re.sub(r"(?:,\s*|\s+in\s+)\d{4}\.?$", "", core.strip())
    core = re.sub(r"\s(?:Act|Case|case)$", "", core.strip())
    return core if re.search(r"[^\W\d_]", core) else answer  # a year or a figure is its own answer


def overlaps(a: str, b: str) -> bool:
    """Two cells that say the same thing, one inside the other ("Jalal-ud-din Muhammad" and "… Akbar")."""
    first, second = normalise(a), normalise(b)
    return first in second or second in first


def same_thing(a: str, b: str) -> bool:
    """Two short names that may mean one thing in other words ("Defensive wall", "fortified wall", "Brick or Stone
    fortification"): the same head noun, or a word in common; a wrong choice like that may be true as well."""
    heads = [re.findall(r"[a-z]+", text.lower()) for text in (a, b)]
    if not all(0 < len(words) <= 4 for words in heads):
        return False
    stems = [{word[:5] for word in words if len(word) >= 4} for words in heads]
    return heads[0][-1] == heads[1][-1] or bool(stems[0] & stems[1] - {"great", "large", "small"})


def alike(point: str, other: str, common: Sequence[str] = ()) -> bool:
    """Two short points whose head nouns meet ("fortified wall", "Defensive wall", "Brick or Stone fortification";
    "Frame traffic control", "Message traffic control"): the other sibling's may be as right. The kind's own word
    ("Slowest waves", "Fastest waves") is no head that meets."""
    kind = {word.lower()[:5] for word in common}
    words = [re.findall(r"[a-z0-9][a-z0-9-]*", text.lower()) for text in (point, other)]
    if not all(0 < len(found) <= 4 for found in words):
        return False
    stems = [{word[:5] for word in found if len(word) >= 4} - kind for found in words]
    heads = [found[-1][:5] for found in words]
    return bool(stems[0] and stems[1]) and (heads[0] in stems[1] or heads[1] in stems[0])


def _shape(text: str) -> str:
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"\d+", "9", text))


def like_answer(answer: str, others: list[str]) -> list[str]:
    """The other cells written like the answer (a plain year range among plain year ranges), if there are
    enough of them; else all of them. Dates are cut to the answer's detail ("28 June 1914" as "1914" beside a
    bare year), and a number near the answer's ("about 1,376 km" beside "about 1,400 km") is no wrong choice."""
    others = _dated_like(answer, others)
    others = _apart(answer, others)
    same = [other for other in others if _shape(other) == _shape(answer)]
    return same if len(set(same)) >= 3 else others


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR_ONLY = re.compile(r"^(?:c\.\s?)?\d{3,4}$")
_MONTH_YEAR = re.compile(rf"^{_MONTH}\s\d{{4}}$")
_HAS_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s\d{{4}}\b")
_HAS_YEAR = re.compile(r"\b\d{4}\b")


def _dated_like(answer: str, others: list[str]) -> list[str]:
    """Dates of other detail written to the answer's: a year beside a year, a month beside a month."""
    if _YEAR_ONLY.match(answer):
        pick = _HAS_YEAR
    elif _MONTH_YEAR.match(answer):
        pick = _HAS_MONTH_YEAR
    else:
        return others
    out: list[str] = []
    for other in others:
        found = pick.search(other)
        if found and found.group(0) != answer and found.group(0) not in out:
            out.append(found.group(0))
    return out if len(out) >= 2 else others


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number(text: str) -> float | None:
    found = _NUMBER.search(text)
    if found is None or re.fullmatch(r"\d{4}", found.group(0)):
        return None  # a year is a date, not an amount
    try:
        return float(found.group(0).replace(",", ""))
    except ValueError:
        return None


def _apart(answer: str, others: list[str]) -> list[str]:
    """Amounts at least a tenth away from the answer and from each other: rounded figures that close are no
    clearly false choices."""
    value = _number(answer)
    if value is None or value <= 0:
        return others
    kept: list[str] = []
    taken = [value]
    for other in others:
        number = _number(other)
        if number is None:
            kept.append(other)
        elif all(abs(number - t) > 0.1 * max(number, t) for t in taken):
            kept.append(other)
            taken.append(number)
    return kept


_AMOUNT_CELL = re.compile(
    r"^(?P<amount>(?:(?:about|around|approx\.?|nearly|over|under)\s)?\d(?:[\d,.]*\d)?(?:\s?[%A-Za-z]{1,12})?)"
    r"(?:,\s|\s\(|\s[–-]\s|;\s|\s(?:in|but|and|of)\s)\S"
)


def core_value(cell: str) -> str:
    """An amount without the remark after it: "about 1,465 km, longest peninsular river" → "about 1,465 km", the
    remark being a tell no other choice carries."""
    found = _AMOUNT_CELL.match(cell)
    return found["amount"].strip() if found else cell


def varied(values: list[str]) -> bool:
    """Whether a column's values tell its rows apart: no one value for more than half of them."""
    filled = [normalise(value) for value in values if value]
    if not filled:
        return False
    most = max(filled.count(value) for value in set(filled))
    return most <= len(filled) / 2
