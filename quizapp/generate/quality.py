"""The quality filter: strike what a teacher would strike, then keep the best questions of each fact."""

from __future__ import annotations

import re

from quizapp.generate.distractors import normalise
from quizapp.generate.questions import BLANK, Draft

TRIVIAL = {
    "it",
    "its",
    "they",
    "them",
    "their",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "him",
    "her",
    "we",
    "us",
    "our",
    "you",
    "i",
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "not",
    "no",
    "yes",
    "also",
    "both",
    "some",
    "many",
    "more",
    "most",
    "other",
    "such",
    "all",
    "any",
    "each",
    "year",
    "years",
    "one",
    "two",
}
_PAIRS = (("“", "”"), ("‘", "’"), ("(", ")"), ("[", "]"))
_PER_FACT = {"cloze": 1, "mcq": 1, "short": 1, "flashcard": 2, "list": 1, "truefalse": 1}
"""At most this many questions of each type per fact: several good questions per fact, not every blank.
An acronym with a long expansion has two cards, one each way."""


def defects(draft: Draft) -> list[str]:
    """What is wrong with a draft, in words; empty if nothing."""
    found: list[str] = []
    answer_key = normalise(draft.answer)
    if not answer_key or draft.answer.strip().casefold() in TRIVIAL:
        found.append("trivial answer")
    if draft.type in ("cloze", "mcq", "short", "list"):
        prompt_key = normalise(draft.prompt.replace(BLANK, " "))
        if answer_key and answer_key in prompt_key:
            found.append("answer visible in the prompt")
        for item in draft.items or []:
            if normalise(item) in prompt_key:
                found.append(f"item {item!r} visible in the prompt")
    words = re.findall(r"\w+", draft.prompt.replace(BLANK, " "))
    if len(words) < 3 and draft.type != "flashcard":  # a card's front may be a lone term
        found.append("prompt asks nothing")
    if BLANK in draft.prompt and re.search(rf"[\w-]{re.escape(BLANK)}|{re.escape(BLANK)}[\w-]", draft.prompt):
        found.append("blank splits a word")
    if re.search(rf"{re.escape(BLANK)}\s?\(|\([^)]*{re.escape(BLANK)}[^)]*\)", draft.prompt):
        found.append("blank beside or inside its own gloss")
    if re.search(rf"{re.escape(BLANK)}\s(?:celsius|fahrenheit|kelvin|per\s?cent|percent|degrees?)\b", draft.prompt):
        found.append("blank cut from its unit")
    if re.search(rf"<[^<>]*{re.escape(BLANK)}[^<>]*>|`[^`]*{re.escape(BLANK)}[^`]*`", draft.prompt):
        found.append("blank inside a line of code")  # `<img src="____">`: an example's value, no fact
    if re.search(rf"\b\d+(?:st|nd|rd|th)\s{re.escape(BLANK)}", draft.prompt):
        found.append("blank cut from its ordinal")  # "the 12th ____": half of "12th Finance Commission"
    for opening, closing in _PAIRS:
        if opening == "‘":
            # ’ is also the apostrophe; only an opening ‘ without any closing one is broken.
            if draft.prompt.count("‘") > draft.prompt.count("’"):
                found.append("broken quotes")
        elif draft.prompt.count(opening) != draft.prompt.count(closing):
            found.append("broken quotes or brackets")
    if draft.prompt.count('"') % 2:
        found.append("broken quotes")
    if re.match(r"^(?:It|They|This|These|Those|He|She)\b", draft.prompt):
        found.append("prompt does not stand on its own")
    if draft.choices is not None and len({normalise(c) for c in draft.choices}) != len(draft.choices):
        found.append("equivalent choices")
    return found


def select(drafts: list[Draft]) -> list[Draft]:
    """Drop defective drafts and repeats; keep the best few of each type per fact, in document order."""
    sound = [d for d in drafts if not defects(d)]
    ranked = sorted(enumerate(sound), key=lambda pair: (-pair[1].score, pair[0]))
    per_fact: dict[tuple[int, str], int] = {}
    seen_prompts: set[tuple[str, str]] = set()
    kept: set[int] = set()
    for index, draft in ranked:
        # A typed cloze, an mcq and a short question with one prompt ask the same thing: keep one.
        group = "typed" if draft.type in ("cloze", "mcq", "short") else draft.type
        prompt_key = (group, normalise(draft.prompt))
        if prompt_key in seen_prompts:
            continue
        fact_key = (id(draft.fact) if draft.fact is not None else -index, draft.type)
        if per_fact.get(fact_key, 0) >= _PER_FACT[draft.type]:
            continue
        per_fact[fact_key] = per_fact.get(fact_key, 0) + 1
        seen_prompts.add(prompt_key)
        kept.add(index)
    return [draft for index, draft in enumerate(sound) if index in kept]
