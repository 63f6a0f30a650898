"""Fact extractors: the spans of a sentence worth asking about (dates, amounts, ranks, acronyms, names, lists)."""

from __future__ import annotations

from quizapp.generate.facts.model import MONTHS, Fact, month_number
from quizapp.generate.facts.names import NAME_KINDS, find_acronyms, find_names
from quizapp.generate.facts.phrases import find_definitions, find_enumerations, standalone_names
from quizapp.generate.facts.values import (
    FRACTIONS,
    find_amounts,
    find_dates,
    find_fractions,
    find_ranks,
    ordinal,
    parse_number,
)

__all__ = [
    "FRACTIONS",
    "MONTHS",
    "NAME_KINDS",
    "Fact",
    "extract_facts",
    "find_acronyms",
    "find_amounts",
    "find_dates",
    "find_definitions",
    "find_enumerations",
    "find_fractions",
    "find_names",
    "find_ranks",
    "month_number",
    "ordinal",
    "parse_number",
    "standalone_names",
]

EXTRACTORS = (
    find_dates,
    find_amounts,
    find_ranks,
    find_fractions,
    find_acronyms,
    find_names,
    find_enumerations,
    find_definitions,
)


def _overlaps(a: Fact, b: Fact) -> bool:
    return a.start < b.end and b.start < a.end


def extract_facts(text: str, known_names: frozenset[str] = frozenset()) -> list[Fact]:
    """Every fact in a sentence; where two of the same family overlap, the longer one wins. `known_names` are the
    names that stand alone elsewhere in the document (see `standalone_names`)."""
    found: list[Fact] = []
    for extractor in EXTRACTORS:
        found.extend(find_enumerations(text, known_names) if extractor is find_enumerations else extractor(text))
    quoted = [f for f in found if f.kind == "quoted"]
    # A year inside a quoted name ("Malabar 2019") belongs to the name.
    found = [f for f in found if f.tag not in ("date", "rank", "money") or not any(_overlaps(q, f) for q in quoted)]
    found.sort(key=lambda f: (-(f.end - f.start), f.start, not (f.tag == "name" and f.value[1])))
    kept: list[Fact] = []
    for fact in found:
        family = fact.tag
        if any(k.tag == family and _overlaps(k, fact) for k in kept):
            continue
        if family == "name" and any(k.tag in ("date", "money", "acronym") and _overlaps(k, fact) for k in kept):
            continue
        if family in ("date", "money", "rank") and any(
            k.tag in ("date", "money", "rank") and _overlaps(k, fact) for k in kept
        ):
            continue
        kept.append(fact)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept
