"""Definitions written as prose: "X is called Y", "X is known as Y", "Y means X", and a paragraph that opens
with the name of what it defines ("Balanced forces. When two forces …")."""

from __future__ import annotations

import re

from quizapp.generate.articles import the_of_phrase
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import (
    has_verb,
    is_generic_label,
    is_plural,
    main_clause,
    starts_with_preposition,
    verb_only,
)

NAMED_AS = r"(?:called|known\sas|termed|referred\sto\sas|named)"
"""The verbs that give a thing its name: "is called", "is known as" …"""
_NAMED_TERM = (
    rf"(?:(?:also|commonly|often|usually|generally)\s)?{NAMED_AS}\s(?P<term>[^,;:()]{{2,50}}?)(?:\s\([^)]*\))?\.?$"
)
_CALLED = re.compile(rf"^(?P<def>[A-Z][^;:]{{12,220}}?),?\s(?:is|are|was|were)\s{_NAMED_TERM}")
_MEANS = re.compile(
    r"^(?P<term>(?:The\s)?[A-Za-z][\w'’-]*(?:\s[\w'’-]+){0,3})(?P<symbol>\s\([^()]{1,12}\))?"
    r"\s(?P<verb>means|refers\sto|is\sdefined\sas"
    r"|are\sdefined\sas|denotes|signifies)\s(?P<def>.{8,240}?)\.?$"
)
_LEAD_WORDS = re.compile(r"^(?:When|If|Where|Whenever|In|On|At|It|This|These|They|There|Some|Many|All|Most|Each)\b")


def _head(phrase: str) -> str:
    """A noun phrase up to its head noun: "The process involving producing the molecules …" → "The process"."""
    return re.split(r"\s(?:of|that|which|who|whose|by|in|on|for|from|with|to|where|when|[a-z]+ing|[a-z]+ed)\b", phrase)[
        0
    ]


def _term(written: str) -> str | None:
    """The name a sentence gives, without its quotes; None where it is no name (over five words, no word)."""
    term = written.strip().strip("‘’'\"“”")
    return term if len(term.split()) <= 5 and re.search(r"[^\W\d_]{3}", term) else None


def called_question(text: str) -> Draft | None:
    """ "The natural tendency … is called inertia." → "What is the natural tendency … called?" (inertia)."""
    match = _CALLED.match(text.strip())
    if match is None:
        return None
    definition, term = match["def"].strip(), _term(match["term"])
    if _LEAD_WORDS.match(definition) or term is None:
        return None
    if has_verb(main_clause(definition)) or definition.split()[-1].lower() in ("which", "that", "who"):
        return None  # "Babur wrote his biography Babur-nama which is called …": a clause, not what is named  # "When the pH falls below 5.6, it is called acid rain": the subject is a clause
    be = "are" if is_plural(_head(definition)) else "is"
    prompt = f"What {be} {definition[:1].lower()}{definition[1:]} called?"
    if definition.split()[0][1:] != definition.split()[0][1:].lower():
        prompt = f"What {be} {definition} called?"  # "ATP molecules …" keeps its capitals
    return Draft("short", prompt, term, ["definition"], None, score=1.4)


def means_question(text: str) -> Draft | None:
    """ "Osmosis means the movement of …" → a card: "What does osmosis mean?"."""
    match = _MEANS.match(text.strip())
    if match is None or _LEAD_WORDS.match(match["term"]):
        return None
    term, verb, definition = match["term"], match["verb"], match["def"]
    shown = term if term.split()[0][1:] != term.split()[0][1:].lower() else term[:1].lower() + term[1:]
    shown += match["symbol"] or ""  # "internal energy (U)": the symbol the notes go on to use
    if verb.endswith("defined as"):
        front = f"How {verb.split()[0]} {shown} defined?"
    else:
        front = f"What does {shown} {'refer to' if verb == 'refers to' else 'mean'}?"
    back = definition[:1].upper() + definition[1:] + "."
    return Draft("flashcard", front, back, ["definition"], None, score=1.35)


_WHEN_CALLED = re.compile(
    rf"^(?P<when>When|If|Whenever)\s(?P<condition>[^,;:]{{8,200}}),\s(?:it|this|that|the\s[a-z]+)\s(?:is|are)\s"
    rf"{_NAMED_TERM}"
)


def condition_called_question(text: str) -> Draft | None:
    """ "When the pH of rain water falls below 5.6, it is called acid rain." → "What is it called when the pH of
    rain water falls below 5.6?" (acid rain): the name of what a condition describes."""
    match = _WHEN_CALLED.match(text.strip())
    if match is None:
        return None
    term = _term(match["term"])
    if term is None or not has_verb(match["condition"]):
        return None
    condition = match["condition"].strip()
    prompt = f"What is it called {match['when'].lower()} {condition}?"
    return Draft("short", prompt, term, ["definition"], None, score=1.4)


_ONE_THAT = re.compile(
    r"^(?P<article>A|An|The)\s(?P<term>[a-z][\w'’-]*(?:\s[a-z][\w'’-]*){0,3})\s(?:is|was)\s(?:the\s)?one\s"
    r"(?P<rel>that|which|in\swhich|where|whose|by\swhich)\s(?P<def>[^;]{8,220}?)\.?$"
)


_POINTS = re.compile(r"\b(?:this|these|those|such|above|former|latter)\b", re.IGNORECASE)


def one_that_question(text: str) -> Draft | None:
    """ "A quasi-static process is one that happens infinitely slowly …" → a card: "What is a quasi-static
    process?" (A process that happens infinitely slowly …)."""
    match = _ONE_THAT.match(text.strip())
    if match is None:
        return None
    term = match["term"]
    if has_verb(term) or is_generic_label(term) or is_plural(term) or _POINTS.search(match["def"]):
        return None  # "… is the one which links the processes to this protocol": which protocol, unsaid
    head = term.split()[-1]
    if match["article"] == "The":
        article, shown = "The", f"the {term}"  # "The transport layer is the one which …": one of its kind
    else:
        article = "An" if head[:1] in "aeiou" else "A"
        shown = f"{'an' if term[:1] in 'aeiou' else 'a'} {term}"
    back = f"{article} {head} {match['rel']} {match['def'].strip()}."
    return Draft("flashcard", f"What is {shown}?", back, ["definition"], None, score=1.35)


def label_definition(label: str, sentence: str) -> Draft | None:
    """A paragraph opening with a short name and a period ("Balanced forces. When …"): a card for the name."""
    name = label.strip().rstrip(".").strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or not name[:1].isupper() or re.search(r"\b(?:is|are|was|were)\b", name):
        return None
    if is_generic_label(name) or re.fullmatch(r"(?i)(?:ans(?:wer)?|q(?:uestion)?|note|hint)\.?", name):
        return None  # "Ans.", "Note.": a marker, not a name
    if len(sentence.split()) < 6:
        return None
    key = re.sub(r"\s*\([^)]*\)", "", name)
    shown = (
        key
        if any(w[1:] != w[1:].lower() for w in key.split()) or len(words) > 1 and words[1][:1].isupper()
        else (key[:1].lower() + key[1:])
    )
    shown = f"the {shown}" if the_of_phrase(shown) else shown  # "What is the law of conservation of momentum?"
    front = f"What {'are' if is_plural(key) else 'is'} {shown}?"
    return Draft("flashcard", front, sentence, ["definition"], None, score=1.3)


_COPULA = re.compile(
    r"^(?P<term>(?:The\s)?[A-Z][\w'’-]*(?:\s(?:\([^)]{1,40}\)|[\w'’-]+)){0,5}?)\s(?P<verb>is|are)\s"
    r"(?P<def>(?:a|an|the|one\sof\sthe)\s[^;]{8,220}?)\.?$"
)
_NOT_TERM = re.compile(r"^(?:It|This|That|These|Those|There|They|He|She|We|You|Here|Each|Every|All|Some|One)\b")


def copula_question(text: str) -> Draft | None:
    """ "The Lok Sabha (House of the People) is the Lower House of Parliament." → a card for the Lok Sabha."""
    match = _COPULA.match(text.strip())
    if match is None or _NOT_TERM.match(match["term"]):
        return None
    term = re.sub(r"\s*\([^)]*\)", "", match["term"]).strip()
    words = term.split()
    if starts_with_preposition(term) or (len(words) == 1 and is_generic_label(term)):
        return None  # "For every action there is …", "Applications are …": no term to define
    if not words or any(w.lower() in ("is", "are", "was", "were", "has", "have") for w in words):
        return None
    definition = match["def"].strip()
    if definition.lower().startswith(("the same", "a matter", "the case", "a part of this", "the one")):
        return None
    if definition.rstrip().endswith(":"):
        return None  # "… by phasing out:" leads into a list the card would not carry
    shown = (
        term
        if any(w[:1].isupper() for w in words[1:]) or words[0][1:] != words[0][1:].lower()
        else (term[:1].lower() + term[1:])
    )
    if shown.startswith("The "):
        shown = "the " + shown[4:]
    front = f"What {match['verb']} {shown}?"
    back = definition[:1].upper() + definition[1:] + "."
    return Draft("flashcard", front, back, ["definition"], None, score=1.25)


_DEFINING_FRAGMENT = re.compile(
    r"^(?P<head>(?:[A-Z][a-z]+|[a-z]+)(?:\s[a-z]+){0,2})\s(?:that|which|who|whose|where|in\swhich|by\swhich)\s.{6,}"
)


def fragment_definition(subject: str | None, text: str) -> list[Draft]:
    """A point under a named item that is the item's definition ("Substances that release H+ ions …" under
    "1. Acids:"): a card for the name, and the name asked back from its definition."""
    match = _DEFINING_FRAGMENT.match(text.strip())
    if not subject or match is None or len(subject.split()) > 5 or len(text.split()) > 30:
        return []
    head = match["head"].split()
    if has_verb(match["head"]) or any(verb_only(word) for word in head) or starts_with_preposition(match["head"]):
        return []  # "Experts say that …", "In the event that …": a clause, not the name of a thing
    if any(word.lower() in ("say", "says", "said", "believe", "think", "feel") for word in head):
        return []
    definition = text.strip().rstrip(".")
    be = "are" if is_plural(subject) else "is"
    shown = subject if any(w[1:] != w[1:].lower() for w in subject.split()) else subject[:1].lower() + subject[1:]
    card = Draft(
        "flashcard",
        f"What {be} {shown}?",
        definition[:1].upper() + definition[1:] + ".",
        ["definition"],
        None,
        score=1.35,
    )
    back_be = "are" if is_plural(match["head"]) else "is"
    back = Draft(
        "short",
        f"What {back_be} {definition[:1].lower()}{definition[1:]} called?",
        subject,
        ["definition"],
        None,
        score=1.3,
    )
    return [card, back]
