"""Phrases: enumerations ("such as A, B and C") and definitions ("X is a Y …")."""

from __future__ import annotations

import re

from quizapp.generate.facts.model import Fact
from quizapp.generate.facts.names import _CAP_WORD, _NOT_NAME_START

# -- enumerations -----------------------------------------------------------------------------------

_ENUM_TRIGGER = re.compile(
    r"\b(?P<trigger>between|such as|include|includes|including|like|namely|viz\.?|are|comprising)\s"
)
_STOP_WORDS = re.compile(
    r"\s(?:will|is|are|was|were|has|have|had|which|that|who|to be|as well)\b"
    r"|\s(?:in|at|on|during|across|since|within|over|for|from|by|with|after|before)\s"
    r"(?:the|a|an|this|that|these|those|its|their|our|his|her|recent|coming|next|last|\d)\b"
)
"""Where the words after the last item stop being part of it: a verb, a clause, a phrase such as "in the coming years"."""
_PRONOUNS = {
    "i",
    "me",
    "you",
    "he",
    "him",
    "she",
    "her",
    "it",
    "we",
    "us",
    "they",
    "them",
    "this",
    "that",
    "these",
    "those",
    "one",
    "others",
    "each other",
    "one another",
}


_PREPOSITIONS = {"through", "of", "in", "to", "for", "by", "with", "from", "on", "at", "into", "especially"}
_PAIR_TRIGGERS = {"between", "such as", "include", "includes", "including", "namely", "comprising"}
"""Triggers after which two items without a comma ("between X and Y") still make a list."""


def _split_items(tail: str, trigger: str) -> list[str] | None:
    """Items of an enumeration at the start of `tail` ("A, B, and C ..."), or None if there is none."""
    clause = re.split(r"[.;:!?()]|\s[-–—]\s", tail, maxsplit=1)[0]
    parts = [p.strip() for p in clause.split(", ")]
    if len(parts) >= 2:
        # "A, B, and C, which …": the item after "and" is the last; what follows its comma is another clause.
        ending = next((i for i, p in enumerate(parts) if i and re.match(r"(?:and|or)\s", p)), None)
        if ending is not None:
            parts = parts[: ending + 1]
        head, last = parts[:-1], parts[-1]
        if any(re.search(r"\s(?:and|or)\s", h) for h in head):
            return None
        if re.match(r"(?:and|or)\s", last):
            if len(head) < 2:
                return None  # "X, and Y" joins two clauses; a list of two has no comma
            items = [*head, last.split(" ", 1)[1]]
        else:
            pair = re.match(r"(.+?)\s(?:and|or)\s(.+)", last)
            items = [*head, pair.group(1), pair.group(2)] if pair else [*head, last]
    elif trigger in _PAIR_TRIGGERS:
        pair = re.match(r"(.+?)\s(?:and|or)\s(.+)", clause)
        if not pair:
            return None
        if trigger not in ("between", "such as") and re.search(r"\s(?:and|or)\s", _STOP_WORDS.split(pair.group(2))[0]):
            return None  # "include X and Y and Z" is too loose to be sure where the items are
        items = [pair.group(1), pair.group(2)]
    else:
        return None
    items = [re.sub(r"^(?:the|a|an)\s", "", item.strip()) for item in items]
    if all(p[:1].isupper() or p[:1].isdigit() for p in items):
        # Proper names: the last item ends where its run of capitalised words ends.
        match = re.match(rf"{_CAP_WORD}(?:[\s-](?:of\s|and\s)?{_CAP_WORD})*", items[-1])
        if not match:
            return None
        items[-1] = match.group(0)
    else:
        items[-1] = _STOP_WORDS.split(items[-1], maxsplit=1)[0]
    for item in items:
        words = item.split()
        if not words or len(words) > 6 or words[0].lower() in _PREPOSITIONS or item.lower() in _PRONOUNS:
            return None
    if len({item.casefold() for item in items}) < len(items):
        return None
    return items


def find_enumerations(text: str) -> list[Fact]:
    facts = []
    for m in _ENUM_TRIGGER.finditer(text):
        tail = text[m.end() :]
        items = _split_items(tail, m.group("trigger"))
        if not items:
            continue
        first = tail.find(items[0])
        last = tail.find(items[-1], first + len(items[0]))
        if first < 0 or last < 0:
            continue
        start, end = m.end() + first, m.end() + last + len(items[-1])
        facts.append(Fact("list", text[start:end], start, end, "list", (m.group("trigger"), tuple(items), m.start())))
    return facts


# -- definitions ----------------------------------------------------------------------------------

_DEFINITION = re.compile(
    r"^(?:[\w\s]+:\s)?(?:The\s|A\s|An\s)?(?P<term>[A-Z][\w’'\-]*(?:\s[\w’'\-]+){0,6}?)(?:\s\([A-Z][A-Za-z]*\))?\s(?P<verb>is|are|was|refers to|means)\s(?P<def>(?:a|an|the)\s.{10,})$"
)
_DEFINITION_LOWER = re.compile(
    r"^(?:[\w\s]+:\s)?(?:The|A|An)\s(?P<term>[a-z][\w\-]*(?:\s[a-z][\w\-]*){0,2}?)(?:\s\([A-Z][A-Za-z]*\))?"
    r"\s(?P<verb>is|are|was|refers to|means)\s(?P<def>(?:a|an|the)\s.{10,})$"
)
"""A common noun defined: "A cell is the basic unit of life", "An astronomical unit (AU) is the mean distance …"."""
_TERM_STOP = {
    "of",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "their",
    "and",
    "or",
    "to",
    "in",
    "on",
    "for",
    "with",
}
_DEFINITION_END = re.compile(
    r"\s(?:will|would|shall)\s(?:be\s)?|,\s(?:and|but|while|whereas|although|though)\s"
    r"|\s(?:and|but)\s(?:is|are|was|were|has|have|had|also|can|could|holds|contains|lies)\b"
)
"""Where a definition ends: "The Sun is a star … and holds 99.86% of its mass" defines the Sun as a star."""
_STARTED = re.compile(
    r"^(?:A|An|The)\s[‘“\"'](?P<term>[^’”\"']{2,60})[’”\"']\s(?:was|were|has been|is)\s(?P<verb>started|launched|set up|established|introduced|created),?\s(?P<def>under which .{10,})$"
)


def find_definitions(text: str) -> list[Fact]:
    body = text.rstrip(".")
    for pattern in (_STARTED, _DEFINITION, _DEFINITION_LOWER):
        m = pattern.match(body)
        if m:
            term = m.group("term").strip()
            words = term.split()
            if words[0] in _NOT_NAME_START or len(term) < 3:
                continue  # "A cell is …" is no capitalised term "A cell"; the lowercase pattern may take it
            if any(word in ("The", "A", "An") for word in words[1:]):
                return []  # "Cell Biology The cell": a heading run into its first sentence, no term
            if pattern is _DEFINITION_LOWER and any(word in _TERM_STOP for word in words):
                return []  # "The importance of this is a matter of debate" defines nothing
            definition = _DEFINITION_END.split(m.group("def").strip(), maxsplit=1)[0].rstrip(" ,")
            return [
                Fact(
                    "definition",
                    term,
                    m.start("term"),
                    m.end("term"),
                    "definition",
                    (definition, m.group("verb")),
                )
            ]
    return []
