"""Notes written like headlines, made into sentences a statement or a blank can be built on."""

from __future__ import annotations

import re

from quizapp.generate.facts.names import _CAP_WORD

_OBJECT_KINDS = (
    "Corridor|Initiative|Agreement|Exercise|Summit|Project|Rail|Railway|Service|Programme|Program|Mission|Treaty|"
    "Convention|Scheme|Policy|Act|Declaration|Accord|Pact|Strategy|Plan|Framework|Dialogue|Partnership"
)
"""Kinds of name that are done to, never doers: a Corridor is announced, it announces nothing."""
_HEADLINE = re.compile(
    rf"^(?P<name>(?:The\s)?(?:{_CAP_WORD}\s)+(?:{_OBJECT_KINDS})(?:\s\([A-Z][A-Za-z]*\))?)"
    r"\s(?=(?:announced|launched|signed|started|established|founded|set up|formed|created|held|conducted|"
    r"inaugurated|completed|approved|passed|enacted|ratified|adopted|introduced)\s(?:in|on|at|from|by)\s)"
)


def headline_passive(text: str) -> str:
    """ "Asia-Africa Growth Corridor (AAGR) announced in 2017 and …" → "… (AAGR) was announced in 2017 and …"."""
    m = _HEADLINE.match(text)
    return text if m is None else f"{m.group('name')} was {text[m.end() :]}"


# A verbless point under a named item: "• Discovered by Daya Ram Sahni in 1921." under "1. Harappa".
_PARTICIPLE = re.compile(
    r"^(?P<word>(?:Discovered|Founded|Built|Established|Excavated|Proposed|Introduced|Invented|Written|Composed"
    r"|Signed|Adopted|Launched|Formed|Created|Made|Used|Known|Found|Called|Named|Situated|Located|Composed|Produced"
    r"|Secreted|Controlled|Ruled|Defeated|Granted|Enacted|Passed|Elected|Appointed|Described|Considered|Regarded"
    r"|Driven|Caused|Measured|Stored|Present|Absent|Responsible|Famous|Popular|Important|Located))\b"
)
_PRESENT_STATE = {
    "situated",
    "located",
    "known",
    "found",
    "called",
    "named",
    "used",
    "present",
    "absent",
    "responsible",
    "famous",
    "popular",
    "important",
    "considered",
    "regarded",
    "stored",
    "measured",
}
_PLAIN_VERBS = frozenset(
    [
        "taste",
        "tastes",
        "turn",
        "turns",
        "feel",
        "feels",
        "have",
        "has",
        "contain",
        "contains",
        "include",
        "includes",
        "provide",
        "provides",
        "produce",
        "produces",
        "help",
        "helps",
        "release",
        "releases",
        "change",
        "changes",
        "act",
        "acts",
        "cause",
        "causes",
        "allow",
        "allows",
        "consist",
        "consists",
        "form",
        "forms",
        "occur",
        "occurs",
        "move",
        "moves",
        "show",
        "shows",
        "give",
        "gives",
        "make",
        "makes",
        "take",
        "takes",
        "protect",
        "protects",
        "control",
        "controls",
        "store",
        "stores",
        "carry",
        "carries",
        "transport",
        "transports",
        "absorb",
        "absorbs",
        "convert",
        "converts",
        "conduct",
        "conducts",
        "react",
        "reacts",
        "dissolve",
        "dissolves",
        "exist",
        "exists",
        "lie",
        "lies",
        "travel",
        "travels",
        "depend",
        "depends",
        "require",
        "requires",
        "regulate",
        "regulates",
        "ionize",
        "ionizes",
        "dissociate",
        "dissociates",
        "deal",
        "deals",
    ]
)


def complete_fragment(text: str, subject: str | None) -> str | None:
    """A point without its subject given the subject above it; None when the point is no such fragment."""
    if not subject:
        return None
    plural = subject.split()[-1].lower().endswith("s") and not subject.lower().endswith(("ss", "us", "is"))
    match = _PARTICIPLE.match(text)
    if match:
        word = match["word"].lower()
        be = ("are" if plural else "is") if word in _PRESENT_STATE else ("were" if plural else "was")
        return f"{subject} {be} {text[:1].lower()}{text[1:]}"
    first = text.split(" ", 1)[0].rstrip(",").lower()
    if first in _PLAIN_VERBS and (first.endswith("s") != plural):
        return f"{subject} {text[:1].lower()}{text[1:]}"
    return None
