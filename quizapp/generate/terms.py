"""Term cards: acronym ↔ expansion and term → definition."""

from __future__ import annotations

from quizapp.generate.draft import Draft, SentenceContext
from quizapp.generate.facts import Fact


def _sentence_case(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


def acronym_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    """ "What does ACR stand for?": typed when the expansion is short enough to type, else a flashcard.

    The other direction (expansion → acronym) is never asked: the expansion spells the acronym out.
    """
    acronym, expansion = fact.text, fact.value[0]
    prompt = f"What does {acronym} stand for?"
    kind = "short" if len(expansion.split()) <= 4 else "flashcard"
    return [Draft(kind, prompt, expansion, ["acronym"], fact, score=1.4)]


def definition_questions(ctx: SentenceContext, fact: Fact) -> list[Draft]:
    """A term → definition card, unless a list question of the sentence already asks the same."""
    definition, verb = fact.value
    if any(f.kind == "list" and f.value[0] == "between" for f in ctx.facts):
        return []
    if definition.startswith("under which "):
        back = "Under it, " + definition[len("under which ") :]
        front = f"What is the {fact.text}?" if verb != "is" else fact.text
    else:
        back = _sentence_case(definition)
        front = fact.text
    return [Draft("flashcard", front, back.rstrip(".") + ".", ["definition"], fact, score=1.1)]
