"""Which article a term takes where a question names it: "a loop", "inertia", "the law of conservation of
momentum"."""

from __future__ import annotations

import re

from quizapp.generate.nouns import is_plural

MASS_NOUNS = frozenset(
    [
        "mass",
        "matter",
        "energy",
        "work",
        "power",
        "heat",
        "light",
        "water",
        "money",
        "data",
        "information",
        "evidence",
        "software",
        "hardware",
        "knowledge",
        "research",
        "advice",
        "equipment",
        "weather",
        "traffic",
        "music",
        "art",
        "momentum",
        "speed",
        "rest",
        "sound",
        "carbon",
        "sulphur",
        "sulfur",
        "iron",
        "copper",
        "gold",
        "silver",
        "zinc",
        "lead",
        "tin",
        "neon",
        "argon",
        "salt",
        "sugar",
        "starch",
    ]
)
_MASS_ENDING = re.compile(r"(?:sis|tion|sion|ity|ism|ness|ing|ics|ia|ance|ence|ogy|phy|ure|gen|ium)$")


def is_mass(word: str) -> bool:
    """A noun that takes no "a" ("energy", "inertia", "photosynthesis")."""
    return word in MASS_NOUNS or bool(_MASS_ENDING.search(word))


def the_of_phrase(term: str) -> bool:
    """A term in lower case, or an acronym, that names one thing by an "of" phrase ("law of conservation of
    momentum", "panel of chairmen", "PDU of the session layer"), so takes "the"; not a kind of a mass noun
    ("inertia of rest")."""
    if " of " not in term:
        return False
    before = term.split(" of ")[0]
    if before.isupper() and " " not in before:
        return True  # "the PDU of the session layer"
    if not term.islower():
        return False
    head = before.split()[-1]
    # "chemical equation of photosynthesis" names one thing though "equation" ends like a mass noun; "inertia
    # of rest" is a kind of a mass noun the notes' word list names as one
    countable = head not in MASS_NOUNS and (len(before.split()) > 1 or not is_mass(head))
    return not is_plural(head) and countable
