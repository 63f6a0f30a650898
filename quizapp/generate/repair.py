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
