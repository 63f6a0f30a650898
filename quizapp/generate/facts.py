"""Fact extractors: the spans of a sentence worth asking about (dates, amounts, ranks, acronyms, names, lists)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ALIASES = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DASH = r"\s?[-–—]\s?"


@dataclass(frozen=True, slots=True)
class Fact:
    """A span of a sentence that can be the answer of a question."""

    kind: str
    """date | year | period | fiscal | money | percent | quantity | rank | acronym | quoted | name | list | definition"""
    text: str
    start: int
    end: int
    tag: str
    """The bank tag: date, money, rank, acronym, name, list, definition."""
    value: tuple[object, ...] = field(default=(), compare=False)
    """What distractors and prompts need: a date's parts, an amount's currency/number/scale, a list's items…"""


def month_number(name: str) -> int:
    return _MONTH_ALIASES[name[:4].lower() if name.lower().startswith("sept") else name[:3].lower()]


# -- dates ----------------------------------------------------------------------------------------

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<m>{_MONTH})\.?,?\s(?P<y>{_YEAR})\b")),
    ("date_us", re.compile(rf"\b(?P<m>{_MONTH})\.?\s(?P<d>\d{{1,2}}),?\s(?P<y>{_YEAR})\b")),
    ("period", re.compile(rf"\b(?P<m>{_MONTH}){_DASH}(?P<m2>{_MONTH})\s(?P<y>{_YEAR})\b")),
    ("month", re.compile(rf"\b(?P<m>{_MONTH})\.?,?\s(?P<y>{_YEAR})\b")),
    ("fiscal", re.compile(r"\bFY\s?(?P<y>\d{2}(?:\d{2})?)(?:[-–/](?P<y2>\d{2}))?\b")),
    ("years", re.compile(rf"\b(?P<y>{_YEAR}){_DASH}(?P<y2>\d{{2}}|{_YEAR})\b")),
    # Not a year: "1,958", "2019.5", "US-2019", "2019%", and "2019-style" (a blank there would split a word).
    ("year", re.compile(rf"(?<![\d,.$₹¥€£-])\b(?P<y>{_YEAR})\b(?!\d|,\d|\.\d|\s?%|[-–][A-Za-z])")),
]


def find_dates(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if kind in ("date", "date_us"):
                value: tuple[object, ...] = (
                    "date",
                    int(groups["d"]),
                    month_number(groups["m"]),
                    int(groups["y"]),
                )
                if not 1 <= int(groups["d"]) <= 31:
                    continue
                kind_out = "date"
            elif kind == "period":
                value = ("period", month_number(groups["m"]), month_number(groups["m2"]), int(groups["y"]))
                kind_out = "period"
            elif kind == "month":
                value = ("month", month_number(groups["m"]), int(groups["y"]))
                kind_out = "date"
            elif kind == "fiscal":
                value = ("fiscal", groups["y"], groups.get("y2"))
                kind_out = "fiscal"
            elif kind == "years":
                value = ("years", int(groups["y"]), groups["y2"])
                kind_out = "period"
            else:
                value = ("year", int(groups["y"]))
                kind_out = "year"
            facts.append(Fact(kind_out, m.group(0), m.start(), m.end(), "date", value))
    return facts


# -- money, percentages, quantities ----------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"lakh\s?crores?|lakhs?|crores?|cr|billion|million|trillion|bn|mn|thousand"
"""Longest first: "₹2 lakh crore" is one amount, not "₹2 lakh" followed by a stray word."""
_CURRENCY = r"US\$|USD\s?|Rs\.?\s?|INR\s?|₹\s?|\$|¥|€|£|Yen\s"
_MONEY = re.compile(
    rf"(?P<cur>{_CURRENCY})\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE})\b)?(?:\s(?P<unit>rupees|yen|dollars))?"
)
_MONEY_WORDS = re.compile(rf"\b(?P<num>{_NUMBER})\s(?P<scale>{_SCALE})\s(?P<unit>rupees|dollars|yen)\b")
_PERCENT = re.compile(rf"(?<![\w.])(?P<num>{_NUMBER})\s?(?P<unit>%|per\s?cent\b|percent\b)")
_UNITS = (
    r"km|kilometres|kilometers|miles|metres|meters|m|kg|kilograms|tonnes|tons|MW|GW|kW|MT|hectares|acres|"
    r"years|days|months|hours|countries|states|people|members|nations|projects|cities|ships|aircraft|planes|"
    r"troops|soldiers|students|villages|districts|minutes|seconds|weeks|decades|centuries|degrees|°C|°F|cm|mm|"
    r"litres|liters|light-years|kmph|km/h|mph"
)
_QUANTITY = re.compile(
    rf"(?<![\w$₹¥€£.,-])(?P<num>{_NUMBER})(?:\s(?P<scale>{_SCALE}))?\s(?P<unit>{_UNITS})(?![\w/-])"
)
_COUNT = re.compile(rf"(?<![\w$₹¥€£.,-])(?P<num>{_NUMBER})\s(?P<unit>[a-z]{{3,}}s)\b(?!-)")
"""A count of things written as a number and a plural noun: "46 chromosomes", "104 satellites"."""
_NOT_COUNTED = {
    "this",
    "thus",
    "plus",
    "less",
    "unless",
    "always",
    "perhaps",
    "whereas",
    "besides",
    "towards",
    "afterwards",
    "sometimes",
    "nevertheless",
    "across",
    "was",
    "has",
    "does",
    "its",
    "his",
    "yes",
}


def parse_number(text: str) -> float:
    return float(text.replace(",", ""))


def find_amounts(text: str) -> list[Fact]:
    facts: list[Fact] = []
    for m in _MONEY.finditer(text):
        cur = m.group("cur")
        facts.append(
            Fact(
                "money",
                m.group(0).rstrip(),
                m.start(),
                m.start() + len(m.group(0).rstrip()),
                "money",
                (cur, m.group("num"), m.group("scale") or "", m.group("unit") or ""),
            )
        )
    for m in _MONEY_WORDS.finditer(text):
        facts.append(
            Fact(
                "money",
                m.group(0),
                m.start(),
                m.end(),
                "money",
                ("", m.group("num"), m.group("scale"), m.group("unit")),
            )
        )
    for m in _PERCENT.finditer(text):
        facts.append(
            Fact(
                "percent", m.group(0), m.start(), m.end(), "money", ("", m.group("num"), "", m.group("unit"))
            )
        )
    for m in _QUANTITY.finditer(text):
        if re.fullmatch(_YEAR, m.group("num")) and m.group("unit") in ("years", "days", "months"):
            continue
        facts.append(
            Fact(
                "quantity",
                m.group(0),
                m.start(),
                m.end(),
                "money",
                ("", m.group("num"), m.group("scale") or "", m.group("unit")),
            )
        )
    taken = [(f.start, f.end) for f in facts]
    for m in _COUNT.finditer(text):
        unit = m.group("unit")
        # "In 2019 elections…": a year before a plural is a year, not a count; adjectives in -ous/-ss are no things.
        if re.fullmatch(_YEAR, m.group("num")) or unit in _NOT_COUNTED or unit.endswith(("ous", "ss", "ics")):
            continue
        if any(start < m.end() and m.start() < end for start, end in taken):
            continue
        facts.append(
            Fact("quantity", m.group(0), m.start(), m.end(), "money", ("", m.group("num"), "", unit))
        )
    return facts


# -- ranks ------------------------------------------------------------------------------------------

_ORDINAL = re.compile(r"(?<![\w-])(?P<n>\d{1,4})(?P<suffix>st|nd|rd|th)\b(?![-–]\w)")
"""An ordinal standing alone: "14th-century" and "Guardian-2nd" are parts of a word."""


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def find_ranks(text: str) -> list[Fact]:
    facts = []
    for m in _ORDINAL.finditer(text):
        n = int(m.group("n"))
        if m.group(0) != ordinal(n):
            continue  # "1th" and the like are typos, not ranks
        # A date's day ("28th April 1952") is a date, not a rank.
        if re.match(rf"\s{_MONTH}\b", text[m.end() :]):
            continue
        facts.append(Fact("rank", m.group(0), m.start(), m.end(), "rank", (n,)))
    return facts


# -- acronyms -------------------------------------------------------------------------------------

_CONNECTORS = {"and", "of", "for", "the", "on", "in", "to", "&", "de", "du", "la"}
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
        content = [w for w in chosen if w.lower() not in _CONNECTORS]
        if len(content) > len(letters) + 1:
            break
        if chosen[0].lower() in _CONNECTORS or chosen[0][0].lower() != letters[0]:
            continue
        if all(w[0].isupper() for w in content):
            initials = _letters(chosen)
            strict = _letters(content)
            if _is_subsequence(letters, initials) or (
                len(strict) == len(letters) and strict[:-1] == letters[:-1]
            ):
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
            facts.append(
                Fact("acronym", acronym, m.start("acr"), m.end("acr"), "acronym", (expansion, start))
            )
    for m in _EXPANSION_IN_PARENS.finditer(text):
        acronym, expansion = m.group("acr"), m.group("exp").strip()
        words = _WORD.findall(expansion)
        content = [w for w in words if w.lower() not in _CONNECTORS]
        if (
            content
            and _is_subsequence(acronym.lower().rstrip("s"), _letters(content))
            and len(content) <= len(acronym) + 2
        ):
            facts.append(
                Fact("acronym", acronym, m.start("acr"), m.end("acr"), "acronym", (expansion, m.start("exp")))
            )
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
_NAME_WITH_KIND = re.compile(
    rf"(?P<name>{_CODE_NAME}|{_CAP_WORD}(?:\s{_CAP_WORD})*)\s(?P<kind>{_LOWER_KINDS})s?\b"
)
_NOT_NAME_START = {
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
_LOWER_CONNECTORS = {"of", "and", "for", "the", "on", "de"}
_PLACE_KINDS = {"Ocean", "Sea", "Port", "Station", "Airport", "Route"}
"""Kinds of name that are places: "in the South China Sea" is a place, "in the … Convention" is not."""


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
            facts.append(
                Fact("quoted", inner, start, start + len(inner), "name", ("quoted", _kind_of(inner)))
            )
    expansions = [f.value[0] for f in find_acronyms(text) if " and " in f.value[0]]
    for m in _NAME.finditer(text):
        for piece in _name_pieces(m.group(0), expansions):
            words = piece.split()
            while words and (words[0] in _NOT_NAME_START or words[0] in _LOWER_CONNECTORS):
                words = words[1:]
            while words and (words[-1] in _LOWER_CONNECTORS or words[-1] in ("The", "A", "An")):
                words = words[:-1]
            if len(words) < 2:
                continue
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
    for m in _NAME_WITH_KIND.finditer(text):
        words = m.group("name").split()
        while words and words[0] in _NOT_NAME_START:
            words = words[1:]
        if not words or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 3 and m.start() == 0):
            continue
        name = " ".join(words)
        start = text.index(name, m.start())
        facts.append(
            Fact("name", name, start, start + len(name), "name", ("name", m.group("kind").capitalize()))
        )
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
        if trigger not in ("between", "such as") and re.search(
            r"\s(?:and|or)\s", _STOP_WORDS.split(pair.group(2))[0]
        ):
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
        facts.append(
            Fact("list", text[start:end], start, end, "list", (m.group("trigger"), tuple(items), m.start()))
        )
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


EXTRACTORS = (
    find_dates,
    find_amounts,
    find_ranks,
    find_acronyms,
    find_names,
    find_enumerations,
    find_definitions,
)


def _overlaps(a: Fact, b: Fact) -> bool:
    return a.start < b.end and b.start < a.end


def extract_facts(text: str) -> list[Fact]:
    """Every fact in a sentence; where two of the same family overlap, the longer one wins."""
    found: list[Fact] = []
    for extractor in EXTRACTORS:
        found.extend(extractor(text))
    quoted = [f for f in found if f.kind == "quoted"]
    # A year inside a quoted name ("Malabar 2019") belongs to the name.
    found = [
        f for f in found if f.tag not in ("date", "rank", "money") or not any(_overlaps(q, f) for q in quoted)
    ]
    found.sort(key=lambda f: (-(f.end - f.start), f.start, not (f.tag == "name" and f.value[1])))
    kept: list[Fact] = []
    for fact in found:
        family = fact.tag
        if any(k.tag == family and _overlaps(k, fact) for k in kept):
            continue
        if family == "name" and any(
            k.tag in ("date", "money", "acronym") and _overlaps(k, fact) for k in kept
        ):
            continue
        if family in ("date", "money", "rank") and any(
            k.tag in ("date", "money", "rank") and _overlaps(k, fact) for k in kept
        ):
            continue
        kept.append(fact)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept
