"""List questions: "Name the N …" from an enumeration of a sentence."""

from __future__ import annotations

import re

from quizapp.generate.draft import Draft, SentenceContext, cloze
from quizapp.generate.facts import Fact
from quizapp.generate.facts.phrases import BARE_PREPOSITIONS
from quizapp.generate.wh import EVENT, event_question

_LABEL = re.compile(r"^[A-Z][\w\s-]{0,30}:\s")

_NOUN_STOP = {
    "for",
    "of",
    "to",
    "in",
    "on",
    "with",
    "from",
    "by",
    "at",
    "and",
    "or",
    "the",
    "a",
    "an",
    "some",
    "its",
    "their",
    "his",
    "her",
    "our",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "support",
    "interest",
}


def _list_noun(before: str) -> str | None:
    """The noun phrase an enumeration belongs to: "projects like …" → "projects"."""
    words = before.split()
    phrase: list[str] = []
    for word in reversed(words):
        if word.lower() in _NOUN_STOP or word.endswith((",", ":")):
            break
        phrase.insert(0, word)
        if len(phrase) == 5:
            break
    return " ".join(phrase) if phrase else None


def _makes_list(fact: Fact, ctx: SentenceContext) -> bool:
    """Whether an enumeration becomes a list question ("between X and Y" only when it lists members)."""
    return fact.value[0] != "between" or (len(fact.value[1]) >= 3 and any(f.kind == "definition" for f in ctx.facts))


def list_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    trigger, items, trigger_start = fact.value
    items = list(items)
    n = len(items)
    blanked = cloze(ctx.text, fact)
    definition = next((f for f in ctx.facts if f.kind == "definition"), None)
    if not _makes_list(fact, ctx):
        return []  # "between X and Y" names a relation, not a set worth listing
    if trigger == "between" and definition is not None:
        prompt = f"Who are the {n} members of the {definition.text}?"
    elif trigger == "dates":
        event = EVENT.search(re.sub(r"\s(?:in|on|during|from)$", "", ctx.text[: fact.start].rstrip()))
        when = event_question(event["name"], event["place"]) if event else None
        prompt = when or f"Name the {n} dates that fill the blank: “{blanked}”"
    elif trigger == "qualities":
        return []  # "a free, open, inclusive and rules-based Indo-Pacific": adjectives to recite, no fact
    else:
        before = ctx.text[:trigger_start].strip()
        if trigger in ("include", "includes"):
            noun = _LABEL.sub("", before).strip()
            if noun and not noun.split()[0].isupper():
                noun = noun[:1].lower() + noun[1:]
        elif trigger in BARE_PREPOSITIONS and re.search(
            r"\b(?:as\sa\sresult|because|due|owing|on\saccount)$", before, re.IGNORECASE
        ):
            noun = "reasons"  # "… struggling as a result of ____": the items are the reasons
        elif trigger in BARE_PREPOSITIONS:
            noun = None  # "a result of ____": the word before a preposition does not name the items
        else:
            noun = _list_noun(before)
            if noun and before.startswith(noun) and not noun.split()[0].isupper():
                noun = noun[:1].lower() + noun[1:]  # "Organelles such as …" opens the sentence
        if noun and len(noun.split()) <= 6:
            noun = re.sub(r"^(?:\S+[’']s|the|a|an|some|these|those|its|their)\s", "", noun, flags=re.IGNORECASE)
            prompt = f"Name the {n} {noun} mentioned: “{blanked}”"
        else:
            prompt = f"Name the {n} items that fill the blank: “{blanked}”"
    answer = ", ".join(items[:-1]) + " and " + items[-1]
    return [Draft("list", prompt, answer, ["list"], fact, items=items, score=1.3)]
