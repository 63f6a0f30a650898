"""Notes written like headlines, made into sentences a statement or a blank can be built on."""

from __future__ import annotations

import re

from quizapp.generate.facts.names import _CAP_WORD
from quizapp.generate.nouns import readings

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
    passive = _DONE_BY.match(text)
    if passive is not None and "VERB" in readings(passive["word"]):
        # "released by the Office of …" under "WPI": what is done to it; done once where a year says when
        be = ("were" if plural else "was") if re.search(r"\b1\d{3}|20\d{2}\b", text) else ("are" if plural else "is")
        return f"{subject} {be} {text[:1].lower()}{text[1:]}"
    if text[:1].islower() and _PAST.match(text) and "VERB" in readings(first) and len(text.split()) >= 2:
        return f"{subject} {text}"  # "followed Ajivika sect" under "Bindusara": what he did
    if text[:1].islower() and first.endswith("s") and not plural and "VERB" in readings(first[:-1]):
        second = text.split()[1:2]
        if second and second[0].lower() not in _NOT_AFTER_VERB:
            return f"{subject} {text}"  # "measures change in prices …" under "WPI"
    return None


_DONE_BY = re.compile(r"^(?P<word>[a-z]+ed)\s(?:by|from|under|in\s(?:18|19|20)\d\d)\b")
_PAST = re.compile(r"^(?:[a-z]{3,}ed|sent|built|made|fought|won|became|began|wrote|gave|took|led|founded|held|left)\s")
_NOT_AFTER_VERB = frozenset({"is", "are", "was", "were", "of", "and", "or", "to", "for", "like", "such"})
