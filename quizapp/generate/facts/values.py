"""Values: dates and periods, money and other amounts, ranks."""

from __future__ import annotations

import re

from quizapp.generate.facts.model import _DASH, _MONTH, _YEAR, Fact, month_number

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
_QUANTITY = re.compile(rf"(?<![\w$₹¥€£.,-])(?P<num>{_NUMBER})(?:\s(?P<scale>{_SCALE}))?\s(?P<unit>{_UNITS})(?![\w/-])")
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
            Fact("percent", m.group(0), m.start(), m.end(), "money", ("", m.group("num"), "", m.group("unit")))
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
        if re.search(r"\b(?:Article|Section|Schedule|Clause|Rule|Entry|No\.?|Number)\s$", text[: m.start()]):
            continue  # "Article 80 gives …": the number names the article; "gives" is its verb
        facts.append(Fact("quantity", m.group(0), m.start(), m.end(), "money", ("", m.group("num"), "", unit)))
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


# -- fractions in words ------------------------------------------------------------------------------

FRACTIONS = ("one-half", "one-third", "two-thirds", "one-fourth", "three-fourths", "one-fifth", "one-sixth")
_FRACTION = re.compile(
    r"(?<![\w-])(?P<n>one|two|three|four)[-\s](?P<d>half|third|thirds|fourth|fourths|quarter|quarters|fifth|fifths"
    r"|sixth|sixths)(?![\w-])",
    re.IGNORECASE,
)


def find_fractions(text: str) -> list[Fact]:
    """ "a two-thirds majority", "one-third of its members": a share written in words, which majorities and
    parts of a whole are given in."""
    return [
        Fact("fraction", m.group(0), m.start(), m.end(), "fraction", (m["n"].lower(),))
        for m in _FRACTION.finditer(text)
    ]
