"""Whether a sentence of the notes can be quoted as a blank or judged as a statement: it names what it is about,
says one thing with a verb, and is no shorthand, advice, praise or label; and how one is denied."""

from __future__ import annotations

import re

from quizapp.generate.nouns import has_verb, main_clause, readings, zipf
from quizapp.generate.questions import one_idea
from quizapp.generate.shapes.qa import ANSWER_MARK
from quizapp.generate.standalone import POINTING, fragment_start, unresolved

_EVERYDAY = 4.2
"""Zipf frequency from which a word is everyday English: a sentence of such words alone names nothing."""
_SUBJECT_WORD = 3.8
"""Zipf frequency under which a sentence's first word is a term of its subject, not of everyday English."""


_BACK_REFERENCE = re.compile(r"^(?:The|This|That|These|Those|Its|Their|Such)\s(?P<noun>[a-z]+)\s(?!of\b)(?P<next>\w+)")


_DANGLING = re.compile(
    r"^(?:[\w'’-]+\s){0,2}of\s(?:its|their)\s"  # "One-third of its members retire …": whose members?
    r"|^[^,]{0,60},\s(?:where|when|which|as|so|and)\s(?:it|they)\b"  # "In Arunachal Pradesh, where it is called …"
    r"|^(?:In|On|At|By|During|After|Before|Since|Until|From|Within|Over)\b[^,]{0,60},\s(?:it|they)\b",
    re.IGNORECASE,
)


def subject_unsaid(text: str) -> bool:
    """A sentence whose subject is an everyday noun the notes named before ("The committee was tasked …", "The
    weights exhibit …", "The members are elected …"), or a pronoun it never resolves ("One-third of its members
    …", "In Arunachal Pradesh, where it is called …"): whose committee, the sentence does not say."""
    if _DANGLING.search(text):
        return True
    match = _BACK_REFERENCE.match(text)
    if match is None:
        return False
    noun, following = match["noun"], match["next"]
    if zipf(noun) < _SUBJECT_WORD or "NOUN" not in readings(noun):
        return False  # "The armistice was signed …": a term of the subject names itself
    if any(word[:1].isupper() or word[:1].isdigit() for word in text.split()[2:7]):
        return False  # "The revenue generated from UTGST is …": named a few words on
    return has_verb(f"{noun} {following}") or following in ("was", "were", "is", "are", "has", "have", "had")


def names_something(text: str, lowercase: frozenset[str]) -> bool:
    """Whether a sentence names what it is about: a name inside it, a number, or a first word the notes never
    write in lower case ("Harappans had …"), rather than only common nouns ("Decisions require …")."""
    words = text.split()
    if any(word[:1].isupper() for word in words[1:]) or re.search(r"\d", text):
        return True
    first = re.sub(r"[^\w'’-]", "", words[0]).lower() if words else ""
    if first in _COMMON_OPENERS or not first:
        return False
    if re.match(r"^[A-Z]-[a-z]", words[0]):
        return True  # "P-waves are …"
    if zipf(first) < _SUBJECT_WORD:
        return True  # "Steatite was mainly used …", "Osmosis is …": a term of the subject names itself
    second = re.sub(r"[^\w'’-]", "", words[1]).lower() if len(words) > 1 else ""
    if (
        second
        and second not in _COMMON_OPENERS
        and second not in ("job", "part", "point", "thing", "way", "idea", "reason", "aim")
        and not second.endswith("ly")  # "States collectively have …": an adverb, no second noun
        and (second == "of" or not has_verb(f"{words[0]} {words[1]}"))
        and ("NOUN" in readings(first) or second == "of" and "NOUN" in readings(second.rstrip("s")))
        and first not in ("main", "other", "same", "first", "second", "third", "last", "next", "such")
    ):
        return True  # "Plate movement is driven by …", "Radius of circle is …": a subject of its own
    if all(zipf(word) >= _EVERYDAY for word in re.findall(r"[a-z]{3,}", text.lower())):
        return False  # "Political differences may affect decision-making": true of anything, whose it is unsaid
    # "Main job is …": a word of everyday English, which the notes may just not happen to write in lower case.
    return first not in lowercase and not readings(first)


_COMMON_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "there",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "no",
        "some",
        "many",
        "most",
        "all",
    ]
)


def is_statement(text: str) -> bool:
    """A sentence that can stand as a true statement: a verb, one idea in 5 to 25 words, nothing that points elsewhere."""
    words = text.split()
    return (
        not unresolved(text)
        and 5 <= len(words)
        and one_idea(text)
        and has_verb(main_clause(text))
        and not POINTING.search(text)
        and not text.rstrip(". ").endswith((":", "?"))
        and not fragment_start(text)
        and not re.search(r"\s[-–—]\s", text)
        and not _NORMATIVE.search(text)
        and not _HEADLINE_PASSIVE.match(text)
    )


_HEADLINE_PASSIVE = re.compile(
    r"^(?!.*\b(?:is|are|was|were|be|been|has|have|had|will|shall|can|could|may|might|must|should|would|do|does|did)"
    r"\b)(?:[\w'’&-]+\s){1,4}(?:[a-z]+(?:ed|en|wn)|paid|made|built|held|led|sold|told|found|kept|left|sent|spent"
    r"|bought|brought|taught|caught|won|laid|said|set|run|put|read|hit|cut)\sby\b"
    r"|^(?!.*\b(?:is|are|was|were|be|been|has|have|had|will|shall|can|could|may|might|must|should|would|do|does|did)"
    r"\b)(?:[\w'’&-]+\s){1,6}(?:not|NOT)\s[a-z]+(?:ed|en)\.?$"  # "Prior permission of President NOT required."
)
"""“Speaker and Deputy Speaker elected by house”: a note in the shorthand of a headline, no sentence to judge."""


_UNNAMED = re.compile(
    r"\b(?:the|both|two|all)\s(?:two\s)?(?:ministers|leaders|delegates|officials|parties|participants|sides|signatories"
    r"|representatives|delegations|heads)\b(?!\sof\b)",
    re.IGNORECASE,
)
"""“The Ministers welcomed …”, “Both sides are …”: people the notes never name, so a sentence quoted with them says
less than it seems; its facts are still asked by questions that leave them out ("When were … held?")."""
_PRAISE = re.compile(
    r"\bone\sof\sthe\s(?:most|best|greatest|finest|biggest)\b|\bof\sall\stime\b|\bin\sdisguise\b"
    r"|\b(?:very|extremely|highly)\s(?:important|significant|useful)\b",
    re.IGNORECASE,
)
"""“One of the most successful treaties of all time”: praise, which no student would call false; nothing to test."""


def unquotable(text: str) -> bool:
    """A sentence no blank or statement quotes: about people the notes never name, or praise."""
    return bool(_UNNAMED.search(text) or _PRAISE.search(text))


_NORMATIVE = re.compile(r"\b(?:must|should|ought\sto|needs?\sto|has\sto|have\sto)\s(?:\w+\s)?\w+", re.IGNORECASE)
"""“Both countries must endeavour to …”: advice, which no student would call false; judging it tests nothing."""


def claimable(text: str, source: str) -> bool:
    """Whether a statement can stand among others of a prelims question: not an answer, whose question it leaves
    out ("A: Python raises …"), nor a phrase without a subject ("Matching mountain trends …")."""
    return not ANSWER_MARK.match(source) and not re.match(r"^[A-Z][a-z]+ing\b", text)
