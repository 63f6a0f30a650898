"""Term cards: acronym ↔ expansion and term → definition."""

from __future__ import annotations

import re

from quizapp.generate.draft import Draft, SentenceContext
from quizapp.generate.facts import Fact
from quizapp.generate.facts.names import CONNECTORS as _CONNECTORS
from quizapp.generate.nouns import is_definition, is_generic_label, readings, states_something


def _sentence_case(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


def acronym_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    """Both ways: "What does ACR stand for?" and a card from the expansion back to the acronym.

    Acronym → expansion is typed when the expansion is short enough to type, else a flashcard; the way
    back is always a flashcard, never typed or offered among choices, where the expansion's initials
    would all but give the acronym away.
    """
    acronym, expansion = fact.text, fact.value[0]
    forward = "short" if len(expansion.split()) <= 4 else "flashcard"
    if not any(char.islower() for char in expansion) and len(expansion.split()) == 1:
        return []  # "(CCl4)" after a name is a formula, not an acronym
    if len(acronym) <= 2 or any(char.isdigit() for char in acronym):
        return []  # "RS" for Rajya Sabha, "CO2": nothing a student learns
    if _initials_only(acronym, expansion):
        return []  # "GST" for "Goods and Services Tax": the phrase's initials, nothing more to learn
    return [Draft(forward, f"What does {acronym} stand for?", expansion, ["acronym"], fact, score=0.95)]


def _initials_only(acronym: str, expansion: str) -> bool:
    """Whether the acronym is just the first letters of its expansion's words, in order ("UTGST" for "Union
    Territory Goods and Services Tax", "UNCLOS" taking the "o" of "on"), rather than letters from inside them
    ("MINEX" for "mine-countermeasures exercise")."""
    words = re.findall(r"[\w’'&]+", expansion)
    every = "".join(word[0] for word in words).lower()
    content = "".join(word[0] for word in words if word.lower() not in _CONNECTORS).lower()
    letters = "".join(ch for ch in acronym.lower() if ch.isalpha())
    letters = letters[:-1] if letters.endswith("s") and not every.endswith("s") else letters
    return _in_order(letters, every) and _in_order(content, letters)


def _in_order(small: str, big: str) -> bool:
    rest = iter(big)
    return all(char in rest for char in small)


def _proper_name(term: str) -> bool:
    """A name of one person, place or thing ("Yamuna", "Ralph Fitch"), not a term of the subject ("Osmosis",
    "Money Bill"): every word capitalised and none a word of English."""
    words = term.split()
    return all(word[:1].isupper() and not word.isupper() and not readings(word.lower()) for word in words)


_PERSON = re.compile(
    r"^(?:the\s|a\s|an\s)?(?:\w+\s){0,3}?(?:ruler|emperor|king|queen|sultan|scientist|botanist|scholar|leader|minister"
    r"|president|founder|son|daughter|father|mother|wife|husband|poet|author|writer|general|governor|viceroy|person"
    r"|man|woman|chemist|physicist|biologist|philosopher|explorer|traveller|inventor|archaeologist|historian)\b",
    re.IGNORECASE,
)
_NO_TERM = frozenset({"there", "it", "this", "these", "those", "they", "he", "she", "here", "that", "which", "what"})


def definition_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    """A term → definition card for every definition; a list question of its members asks something else."""
    definition, verb = fact.value
    if fact.text.lower() in _NO_TERM or " and " in fact.text or is_generic_label(fact.text):
        return []  # "There is the prevalence of …" defines nothing; "Breathing difficulties and …" is a list
    if states_something(definition) or not is_definition(definition):
        return []  # "A war of succession broke out": a clause, not what the term is
    if _PERSON.search(definition) and all(word[:1].isupper() for word in fact.text.split()):
        back = _sentence_case(definition)
        return [Draft("flashcard", f"Who was {fact.text}?", back.rstrip(".") + ".", ["definition"], fact, score=1.1)]
    if _proper_name(fact.text):
        # "What is meant by “Yamuna”?": a river has an origin, a length, tributaries; no one meaning. What the
        # notes single it out as is asked the other way: "Which is the longest tributary of the Ganga?"
        unique = re.match(r"(?i)the\s(?:\w+est|first|last|only|oldest|capital|chief|main|principal)\b", definition)
        if unique and len(definition.split()) <= 12:
            front = f"Which is {definition[:1].lower()}{definition[1:].rstrip('.')}?"
            return [Draft("short", front, fact.text, ["definition"], fact, score=1.15)]
        return []
    if definition.startswith("under which "):
        back = "Under it, " + definition[len("under which ") :]
        front = f"What is the {fact.text}?" if verb != "is" else f"What is meant by “{fact.text}”?"
    else:
        back = _sentence_case(definition)
        front = f"What is meant by “{fact.text}”?"
        if " of " in fact.text and fact.text[:1].islower() or fact.text.startswith(("SI ", "Unit ", "unit ")):
            front = f"What is the {fact.text}?"  # "the SI unit of impulse" is asked for, not defined
    if back.rstrip().endswith(":"):
        return []  # a definition that leads into a list the card would not carry
    return [Draft("flashcard", front, back.rstrip(".") + ".", ["definition"], fact, score=1.1)]
