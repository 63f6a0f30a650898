"""Names: acronym definitions, quoted names, capitalised names and their kinds."""

from __future__ import annotations

import re

from quizapp.generate.facts.model import MONTHS, Fact

# -- acronyms -------------------------------------------------------------------------------------

CONNECTORS = {"and", "of", "for", "the", "on", "in", "to", "&", "de", "du", "la"}
_ACRONYM_IN_PARENS = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z]?)\)")
_EXPANSION_IN_PARENS = re.compile(r"\b(?P<acr>[A-Z][A-Z0-9&]{1,9}s?)\s\((?P<exp>[A-Z][^()]{3,90})\)")
_WORD = re.compile(r"[\w’'&-]+")


def _letters(words: list[str]) -> str:
    """The letters an acronym may take from its expansion: initials of words and of hyphenated parts."""
    return "".join(part[0] for word in words for part in re.split(r"[-–]", word) if part).lower()


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _expansion_before(acronym: str, before: str) -> str | None:
    """The words just before "(ACR)" that spell it out, shortest first; None if nothing fits.

    Acronyms are loose: "UNCLOS" takes the "o" of "on", "AAGR" for "Asia-Africa Growth Corridor" is
    how the notes wrote it, "MINEX" is spelled from inside lowercase words.
    """
    words = [m.group(0) for m in _WORD.finditer(before)]
    letters = "".join(ch for ch in acronym.lower() if ch.isalpha())
    if len(letters) < 2:
        return None
    for size in range(1, min(len(words), 2 * len(letters) + 4) + 1):
        chosen = words[len(words) - size :]
        content = [w for w in chosen if w.lower() not in CONNECTORS]
        if len(content) > len(letters) + 1:
            break
        if chosen[0].lower() in CONNECTORS or chosen[0][0].lower() != letters[0]:
            continue
        if all(w[0].isupper() for w in content):
            initials = _letters(chosen)
            strict = _letters(content)
            if _is_subsequence(letters, initials) or (len(strict) == len(letters) and strict[:-1] == letters[:-1]):
                return " ".join(chosen)
        elif len(content) <= len(letters) and _is_subsequence(letters, "".join(chosen).lower()):
            return " ".join(chosen)
    return None


def find_acronyms(text: str) -> list[Fact]:
    """`Long Form (ACR)` and `ACR (Long Form)`; the fact's text is the acronym, its value the expansion."""
    facts = []
    for m in _ACRONYM_IN_PARENS.finditer(text):
        acronym = m.group("acr")
        if sum(ch.isupper() for ch in acronym) < 2:
            continue
        expansion = _expansion_before(acronym, text[: m.start()].rstrip())
        if expansion:
            start = text.rfind(expansion, 0, m.start())
            facts.append(Fact("acronym", acronym, m.start("acr"), m.end("acr"), "acronym", (expansion, start)))
    for m in _EXPANSION_IN_PARENS.finditer(text):
        acronym, expansion = m.group("acr"), m.group("exp").strip()
        words = _WORD.findall(expansion)
        content = [w for w in words if w.lower() not in CONNECTORS]
        if (
            content
            and _is_subsequence(acronym.lower().rstrip("s"), _letters(content))
            and len(content) <= len(acronym) + 2
        ):
            facts.append(Fact("acronym", acronym, m.start("acr"), m.end("acr"), "acronym", (expansion, m.start("exp"))))
    return facts


# -- names ----------------------------------------------------------------------------------------

_QUOTED = re.compile(
    r"“(?P<a>[^”“]{2,60})”|‘(?P<b>[^‘’]{2,60})’|\"(?P<c>[^\"]{2,60})\"|(?<!\w)'(?P<d>[^']{2,60})'(?!\w)"
)
NAME_KINDS = (
    "Corridor",
    "Initiative",
    "Agreement",
    "Exercise",
    "Summit",
    "Dialogue",
    "Project",
    "Rail",
    "Railway",
    "Service",
    "Programme",
    "Program",
    "Mission",
    "Treaty",
    "Convention",
    "Partnership",
    "Scheme",
    "Policy",
    "Act",
    "Bank",
    "Fund",
    "Forum",
    "Organisation",
    "Organization",
    "Council",
    "Conference",
    "Declaration",
    "Accord",
    "Pact",
    "Alliance",
    "Strategy",
    "Plan",
    "Framework",
    "Consultations",
    "Meeting",
    "Meetings",
    "Ocean",
    "Sea",
    "Route",
    "Port",
    "Station",
    "Airport",
    "University",
    "Institute",
    "Committee",
    "Commission",
)
_CAP_WORD = r"(?:[A-Z][\w]*(?:[-–][A-Z0-9][\w]*)*|[A-Z]{2,})"
_NAME = re.compile(rf"{_CAP_WORD}(?:\s(?:(?:of|and|for|the|on|de)\s){{0,2}}{_CAP_WORD})+")
_LOWER_KINDS = (
    "exercise|project|initiative|scheme|mission|programme|program|summit|dialogue|corridor|agreement|treaty|"
    "operation|service|aircraft|plane|jet|helicopter|missile|satellite|rocket|submarine|vessel|ship|format"
)
_CODE_NAME = r"(?:[A-Z]{1,4}-\d{1,4}[A-Z]?|\d\+\d)"
"""Names made of letters and digits: "US-2" planes, the "2+2" dialogue, the "F-16"."""
_NAME_WITH_KIND = re.compile(rf"(?P<name>{_CODE_NAME}|{_CAP_WORD}(?:\s{_CAP_WORD})*)\s(?P<kind>{_LOWER_KINDS})s?\b")
NOT_NAME_START = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "They",
    "He",
    "She",
    "We",
    "Both",
    "Its",
    "Their",
    "Our",
    "Within",
    "Outside",
    "Inside",
    "Under",
    "Over",
    "From",
    "To",
    "For",
    "With",
    "By",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Recalling",
    "Acknowledging",
    "Emphasized",
    "Appreciated",
    "Also",
    "And",
}
_LOWERCONNECTORS = {"of", "and", "for", "the", "on", "de"}
_MONTHS = frozenset(MONTHS)
_PLACE_KINDS = {"Ocean", "Sea", "Port", "Station", "Airport", "Route"}
"""Kinds of name that are places: "in the South China Sea" is a place, "in the … Convention" is not."""


_REFERENCE = re.compile(
    r"\b(?P<kind>Article|Section|Schedule|Part|Clause|Entry|Rule)\s(?:\d{1,3}[A-Z]{0,2}(?:\(\d{1,3}[A-Za-z]?\))?|[IVXL]{1,5})(?![\w(])"
    r"(?!\s(?:to|and|-|–)\s?\d)"
)
"""A reference to a part of a law: "Article 279A", "Article 366(12A)", "Part V" (not "Articles 79 to 122")."""


def _kind_of(name: str) -> str:
    """The kind of thing a name names: its head word ("Convention on the Law of the Sea" → Convention)."""
    head = re.split(r"\s(?:of|on|for)\s", name, maxsplit=1)[0]
    last = head.split()[-1]
    return last if last in NAME_KINDS else ""


def find_names(text: str) -> list[Fact]:
    facts = []
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        if inner and not inner.endswith((".", ",")) and len(inner.split()) <= 8:
            start = text.index(inner, m.start())
            facts.append(Fact("quoted", inner, start, start + len(inner), "name", ("quoted", _kind_of(inner))))
    expansions = [f.value[0] for f in find_acronyms(text) if " and " in f.value[0]]
    for m in _NAME.finditer(text):
        for piece in _name_pieces(m.group(0), expansions):
            words = piece.split()
            while words and (words[0] in NOT_NAME_START or words[0] in _LOWERCONNECTORS):
                words = words[1:]
            while words and (words[-1] in _LOWERCONNECTORS or words[-1] in ("The", "A", "An")):
                words = words[:-1]
            if len(words) >= 2 and words[-1] in _MONTHS:
                words = words[: max(0, len(words) - 1 - (words[-2] in _LOWERCONNECTORS))]
            if len(words) < 2:
                continue  # "India on July 1": a place and then a date, no name
            name = " ".join(words)
            start = text.index(name, m.start())
            end = start + len(name)
            if text[end : end + 1] in ("’", "'") or text[end : end + 1] == ":" and start == 0:
                continue  # a possessive ("Japan’s …") or a label ("Defence Ties: …") is no name to ask about
            kind = _kind_of(name)
            place = bool(re.search(r"\b(?:in|at|from|to|near|off)\s(?:the\s)?$", text[:start]))
            # "described by Robert Hooke", "founded by …": whoever did it is a fact to learn, like a place.
            agent = bool(re.search(r"\bby\s$", text[:start]))
            place = place and (not kind or kind in _PLACE_KINDS)
            role = "place" if place else "agent" if agent else "name"
            facts.append(Fact("name", name, start, end, "name", (role, kind)))
    for m in _REFERENCE.finditer(text):
        # "Article 279A", "Schedule VII": where the law says it, a fact a student of polity learns.
        facts.append(Fact("name", m.group(0), m.start(), m.end(), "name", ("name", m["kind"].rstrip("s"))))
    for m in _NAME_WITH_KIND.finditer(text):
        words = m.group("name").split()
        while words and words[0] in NOT_NAME_START:
            words = words[1:]
        if not words or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 3 and m.start() == 0):
            continue
        name = " ".join(words)
        start = text.index(name, m.start())
        facts.append(Fact("name", name, start, start + len(name), "name", ("name", m.group("kind").capitalize())))
    return facts


def _name_pieces(run: str, whole: list[str] | tuple[str, ...] = ()) -> list[str]:
    """A run of capitalised words split where "and" joins two names rather than forming one.

    "Acquisition and Cross-Servicing Agreement" is one name (it ends in a kind of name);
    "Japan and Australia" is two. A phrase in `whole` (an acronym's expansion) is never split.
    """
    if " and " not in run:
        return [run]
    for phrase in whole:
        at = run.find(phrase)
        if at >= 0:
            before, after = run[:at].strip(), run[at + len(phrase) :].strip()
            return [
                *(_name_pieces(before, whole) if before else []),
                phrase,
                *(_name_pieces(after, whole) if after else []),
            ]
    left, right = run.split(" and ", 1)
    if _kind_of(run) and not _kind_of(left) and not right.startswith("the "):
        return [run]
    return [left, *_name_pieces(right, whole)]
