"""Phrases: enumerations ("such as A, B and C") and definitions ("X is a Y …")."""

from __future__ import annotations

import re

from quizapp.generate.facts.model import Fact
from quizapp.generate.facts.names import _CAP_WORD, _CODE_NAME, _LOWER_KINDS, NOT_NAME_START
from quizapp.generate.facts.values import find_dates
from quizapp.generate.nouns import has_verb

# -- enumerations -----------------------------------------------------------------------------------

_ENUM_TRIGGER = re.compile(
    r"\b(?P<trigger>between|such as|include|includes|including|like|namely|viz\.?|are|comprising)\s"
)
_STOP_WORDS = re.compile(
    r"\s(?:will|is|are|was|were|has|have|had|which|that|who|to be|as well)\b"
    r"|\s(?:in|at|on|during|across|since|within|over|for|from|by|with|after|before)\s"
    r"(?:the|a|an|this|that|these|those|its|their|our|his|her|recent|coming|next|last|\d)\b"
)
"""Where the words after the last item stop being part of it: a verb, a clause, a phrase such as "in the coming years"."""
_PRONOUNS = {
    "i",
    "me",
    "you",
    "he",
    "him",
    "she",
    "her",
    "it",
    "we",
    "us",
    "they",
    "them",
    "this",
    "that",
    "these",
    "those",
    "one",
    "others",
    "each other",
    "one another",
}


_PREPOSITIONS = {"through", "of", "in", "to", "for", "by", "with", "from", "on", "at", "into", "especially"}
_PAIR_TRIGGERS = {"between", "such as", "include", "includes", "including", "namely", "comprising"}
"""Triggers after which two items without a comma ("between X and Y") still make a list."""


_ADJUNCT = re.compile(r"\s(?:with|for|in|to|from|on|by|at|under|through|within|across|during|towards?)\s")
_NOT_GROUP_WORD = {"a", "an", "the", "is", "are", "was", "were", "has", "have", "had", "be", "will", "or"} | _PRONOUNS


def _noun_group(part: str) -> bool:
    """A short noun phrase joined by one "and" ("freedom of navigation and overflight"): one item of a comma list,
    not two, when the list's last item has its own "and"."""
    words = part.split()
    if not 3 <= len(words) <= 6 or words.count("and") != 1 or words[0] == "and" or words[-1] == "and":
        return False
    if words[0].lower() in _PREPOSITIONS or any(w.lower() in _NOT_GROUP_WORD for w in words):
        return False
    if any(w.lower() in _PREPOSITIONS for w in words[words.index("and") :]):
        return False  # "trade and flow of people, …": the list begins after "of"; "and" joins what comes before it
    return all(re.fullmatch(r"[A-Za-z][\w’'-]*", w) for w in words)


def _split_items(tail: str, trigger: str) -> list[str] | None:
    """Items of an enumeration at the start of `tail` ("A, B, and C ..."), or None if there is none."""
    clause = re.split(r"[.;:!?()]|\s[-–—]\s", tail, maxsplit=1)[0]
    parts = [p.strip() for p in clause.split(", ")]
    if len(parts) >= 2:
        # "A, B, and C, which …": the item after "and" is the last; what follows its comma is another clause.
        ending = next((i for i, p in enumerate(parts) if i and re.match(r"(?:and|or)\s", p)), None)
        if ending is None and _noun_group(parts[0]):
            # "A and B, C and D, including …": the first later group with "and" is the last item's.
            ending = next((i for i, p in enumerate(parts) if i and re.search(r"\s(?:and|or)\s", p)), None)
        if ending is not None:
            parts = parts[: ending + 1]
        head, last = parts[:-1], parts[-1]
        if any(re.search(r"\s(?:and|or)\s", h) and not _noun_group(h) for h in head):
            return None
        if re.match(r"(?:and|or)\s", last):
            if len(head) < 2:
                return None  # "X, and Y" joins two clauses; a list of two has no comma
            items = [*head, last.split(" ", 1)[1]]
        else:
            pair = re.match(r"(.+?)\s(?:and|or)\s(.+)", last)
            items = [*head, pair.group(1), pair.group(2)] if pair else [*head, last]
    elif trigger in _PAIR_TRIGGERS:
        pair = re.match(r"(.+?)\s(?:and|or)\s(.+)", clause)
        if not pair:
            return None
        if trigger not in ("between", "such as") and re.search(r"\s(?:and|or)\s", _STOP_WORDS.split(pair.group(2))[0]):
            return None  # "include X and Y and Z" is too loose to be sure where the items are
        items = [pair.group(1), pair.group(2)]
    else:
        return None
    items = [re.sub(r"^(?:the|a|an)\s", "", item.strip()) for item in items]
    if all(p[:1].isupper() or p[:1].isdigit() for p in items):
        # Proper names: the last item ends where its run of capitalised words ends.
        match = re.match(rf"{_CAP_WORD}(?:[\s-](?:of\s|and\s)?{_CAP_WORD})*", items[-1])
        if not match:
            return None
        items[-1] = match.group(0)
    else:
        items[-1] = _STOP_WORDS.split(items[-1], maxsplit=1)[0]
        if len(items[-1].split()) > 6 and any(_noun_group(item) for item in items[:-1]):
            # Items that are phrases ("freedom of navigation and overflight, … and peaceful resolution of disputes
            # with full respect …"): the last one ends where an adjunct other than "of" begins.
            items[-1] = _ADJUNCT.split(items[-1], maxsplit=1)[0]
    for item in items:
        words = item.split()
        if not words or len(words) > 6 or words[0].lower() in _PREPOSITIONS or item.lower() in _PRONOUNS:
            return None
    if len({item.casefold() for item in items}) < len(items):
        return None
    return items


BARE_PREPOSITIONS = ("of", "for", "in", "to", "with", "from", "on", "by", "about", "against")
_PREPOSITION_TRIGGER = re.compile(rf"\b(?P<trigger>{'|'.join(BARE_PREPOSITIONS)})\s")
"""A preposition before a run of three or more items ("a result of language barriers, high quality and service
standards"): an enumeration without a word that announces it, so it is held to stricter rules."""
_NOT_ITEM_WORD = {"a", "an", "the", "and", "or", "is", "are", "was", "were", "has", "have", "had", "be", "will"}
_ADJECTIVES = re.compile(
    r"\b(?:a|an|the)\s(?P<items>[a-z][\w-]*(?:,\s[a-z][\w-]*){1,8},?\s(?:and|or)\s[a-z][\w-]*)"
    r"\s(?P<noun>[A-Za-z][\w-]*)"
)
"""Qualities of one thing: "a safe, secure, stable, prosperous and sustainable maritime domain"."""
_NOT_NOUN = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|must|shall|should|do|does|did|and|or|but|"
    r"of|in|on|at|to|for|with|from|by|as|than|that|which|who|the|a|an)$",
    re.IGNORECASE,
)


def _preposition_items(tail: str) -> list[str] | None:
    """Three or more short, plain items after a preposition ("of people, technology and ideas for …")."""
    items = _split_items(tail, "of")
    if not items or len(items) < 3:
        return None
    # What follows the last item ("ideas for shared prosperity") is no part of it when the others are bare.
    if not any(re.search(r"\s(?:of|for|in|to|with|from|on|by|at)\s", item) for item in items[:-1]):
        items[-1] = re.split(r"\s(?:of|for|in|to|with|from|on|by|at|and|or)\s", items[-1], maxsplit=1)[0]
    for item in items:
        words = item.split()
        if _noun_group(item) and item is not items[-1]:
            continue  # "of freedom of navigation and overflight, …": a phrase with its own "and"
        if len(words) > 4 or any(word.lower() in _NOT_ITEM_WORD for word in words):
            return None  # "create a safe, secure …" is a verb and its object, not an item
    return items


def _adjective_lists(text: str) -> list[Fact]:
    facts = []
    for m in _ADJECTIVES.finditer(text):
        if _NOT_NOUN.match(m.group("noun")):
            continue  # "a pen, pencil and paper were …": nouns, not qualities of a noun
        items = [re.sub(r"^(?:and|or)\s", "", part.strip()) for part in re.split(r",\s|\s(?:and|or)\s", m["items"])]
        items = [item for item in items if item]
        if len(items) < 3 or len({item.casefold() for item in items}) < len(items):
            continue
        facts.append(
            Fact(
                "list",
                m.group("items"),
                m.start("items"),
                m.end("items"),
                "list",
                ("qualities", tuple(items), m.start("items")),
            )
        )
    return facts


def _date_lists(text: str) -> list[Fact]:
    """Dates named together ("in November 2018 and June 2019"): when something happened, all of it."""
    dates = sorted((f for f in find_dates(text) if f.kind in ("date", "period")), key=lambda f: f.start)
    facts: list[Fact] = []
    run: list[Fact] = []
    for fact in [*dates, None]:
        if fact is not None and run and re.fullmatch(r",\s|,?\s(?:and|or)\s", text[run[-1].end : fact.start]):
            run.append(fact)
            continue
        if len(run) >= 2 and text[run[-2].end : run[-1].start].strip(" ,") in ("and", "or"):
            start, end = run[0].start, run[-1].end
            items = tuple(f.text for f in run)
            facts.append(Fact("list", text[start:end], start, end, "list", ("dates", items, start)))
        run = [fact] if fact is not None else []
    return facts


_NAME_TOKEN = r"[A-Z][\w’'-]*"
_NAME_RUN = re.compile(rf"(?<![\w’'-]){_NAME_TOKEN}(?:\s{_NAME_TOKEN})*(?![\w’'-])")
_JUXTAPOSED = re.compile(
    rf"\b(?P<trigger>between|{'|'.join(BARE_PREPOSITIONS)})\s"
    rf"(?P<items>(?P<run>{_NAME_TOKEN}(?:\s{_NAME_TOKEN})+)\s(?:and|or)\s(?P<last>{_NAME_TOKEN}))(?![\w’'-])"
)
"""Names side by side without commas ("by India Japan and USA")."""


def standalone_names(texts: list[str]) -> frozenset[str]:
    """Capitalised words that stand alone somewhere in a document ("India" in "India and Japan"), never written in
    lower case there: the names the document knows, which a comma-less run of them can be split into."""
    single: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        single.update(m.group(0) for m in _NAME_RUN.finditer(text) if " " not in m.group(0))
        lower.update(re.findall(r"\b[a-z][\w’'-]*", text))
    return frozenset(name for name in single if name.lower() not in lower)


def _juxtaposed_names(text: str, known_names: frozenset[str]) -> list[Fact]:
    """ "by India Japan and USA": three items when each name before "and" stands alone elsewhere in the document."""
    facts = []
    for m in _JUXTAPOSED.finditer(text):
        names = m.group("run").split()
        if not all(name in known_names for name in names):
            continue
        items = (*names, m.group("last"))
        if len(items) < 3 or len({item.casefold() for item in items}) < len(items):
            continue
        start, end = m.start("items"), m.end("items")
        facts.append(Fact("list", text[start:end], start, end, "list", (m.group("trigger"), items, m.start())))
    return facts


def find_enumerations(text: str, known_names: frozenset[str] = frozenset()) -> list[Fact]:
    facts = [*_triggered_enumerations(text), *_date_lists(text)]
    announced = [(f.start, f.end) for f in facts]
    # A list after a bare preposition, or of qualities, or of names side by side, only where no announced list
    # already covers it.
    for fact in [*_preposition_enumerations(text), *_adjective_lists(text), *_juxtaposed_names(text, known_names)]:
        if not any(start < fact.end and fact.start < end for start, end in announced):
            facts.append(fact)
            announced.append((fact.start, fact.end))
    return facts


def _preposition_enumerations(text: str) -> list[Fact]:
    facts = []
    for m in _PREPOSITION_TRIGGER.finditer(text):
        tail = text[m.end() :]
        items = _preposition_items(tail)
        if not items or not tail.startswith(items[0]):
            continue
        last = tail.find(items[-1], len(items[0]))
        if last < 0:
            continue
        start, end = m.end(), m.end() + last + len(items[-1])
        facts.append(Fact("list", text[start:end], start, end, "list", (m.group("trigger"), tuple(items), m.start())))
    return facts


def _triggered_enumerations(text: str) -> list[Fact]:
    facts = []
    for m in _ENUM_TRIGGER.finditer(text):
        tail = text[m.end() :]
        items = _split_items(tail, m.group("trigger"))
        if not items:
            continue
        first = tail.find(items[0])
        last = tail.find(items[-1], first + len(items[0]))
        if first < 0 or last < 0:
            continue
        start, end = m.end() + first, m.end() + last + len(items[-1])
        facts.append(Fact("list", text[start:end], start, end, "list", (m.group("trigger"), tuple(items), m.start())))
    return facts


# -- definitions ----------------------------------------------------------------------------------

_DEFINITION = re.compile(
    r"^(?:[\w\s]+:\s)?(?:The\s|A\s|An\s)?(?P<term>[A-Z][\w’'\-]*(?:\s[\w’'\-]+){0,6}?)(?:\s\([A-Z][A-Za-z]*\))?\s(?P<verb>is|are|was|refers to|means)\s(?P<def>(?:a|an|the)\s.{10,})$"
)
_DEFINITION_LOWER = re.compile(
    r"^(?:[\w\s]+:\s)?(?:The|A|An)\s(?P<term>[a-z][\w\-]*(?:\s[a-z][\w\-]*){0,2}?)(?:\s\([A-Z][A-Za-z]*\))?"
    r"\s(?P<verb>is|are|was|refers to|means)\s(?P<def>(?:a|an|the)\s.{10,})$"
)
"""A common noun defined: "A cell is the basic unit of life", "An astronomical unit (AU) is the mean distance …"."""
_TERM_STOP = {
    "of",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "their",
    "and",
    "or",
    "to",
    "in",
    "on",
    "for",
    "with",
}
_DEFINITION_END = re.compile(
    r"\s(?:will|would|shall)\s(?:be\s)?|,\s(?:and|but|while|whereas|although|though)\s"
    r"|\s(?:and|but)\s(?:is|are|was|were|has|have|had|also|can|could|holds|contains|lies)\b"
)
"""Where a definition ends: "The Sun is a star … and holds 99.86% of its mass" defines the Sun as a star."""
_STARTED = re.compile(
    r"^(?:A|An|The)\s[‘“\"'](?P<term>[^’”\"']{2,60})[’”\"']\s(?:was|were|has been|is)\s(?P<verb>started|launched|set up|established|introduced|created),?\s(?P<def>under which .{10,})$"
)


_APPOSITIVE = re.compile(
    rf"(?:^|(?<=\s))(?P<term>{_CAP_WORD}(?:\s(?:of\s|and\s|for\s)?{_CAP_WORD})+),\s(?P<def>(?:a|an)\s[a-z](?:(?!,\s)[^;:]){{10,}}?)(?=,\s|$)"
)
"""A name followed by what it is: "the Dedicated Freight Corridor, a project of close to Rs 50,000 crore"."""
_RELATIVE = re.compile(r"\b(?:which|that|who|whom|whose|where|when)\b")


_FRAGMENT = re.compile(
    rf"^(?P<term>(?:{_CODE_NAME}|{_CAP_WORD}(?:\s{_CAP_WORD})*)\s(?P<kind>{_LOWER_KINDS}))"
    r"\s(?P<def>(?:at|of|for|between|on|under|with|in|among)\s.{10,})$"
)
"""A note without a verb that says what a named thing is: "2+2 dialogue at the defence and foreign minister level"."""
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|shall|should|may|might|must|did|does)\b")


def find_definitions(text: str) -> list[Fact]:
    return _sentence_definitions(text) or _appositive_definitions(text) or _fragment_definitions(text)


def _fragment_definitions(text: str) -> list[Fact]:
    m = _FRAGMENT.match(text.rstrip("."))
    if not m or _FINITE.search(m.group("def")) or m.group("term").split()[0] in NOT_NAME_START:
        return []
    article = "an" if m.group("kind")[0] in "aeiou" else "a"
    definition = f"{article} {m.group('kind')} {m.group('def')}"
    return [Fact("definition", m.group("term"), m.start("term"), m.end("term"), "definition", (definition, "fragment"))]


def _appositive_definitions(text: str) -> list[Fact]:
    for m in _APPOSITIVE.finditer(text.rstrip(".")):
        words = m.group("term").split()
        while words and words[0] in NOT_NAME_START:
            words = words[1:]
        if len(words) < 2:
            continue  # "Japan, a country of islands": one capitalised word is too often a place or a list
        term = " ".join(words)
        start = m.end("term") - len(term)
        definition = _DEFINITION_END.split(m.group("def").strip(), maxsplit=1)[0].rstrip(" ,")
        before = text[:start]
        fronted = re.match(r"(?i)(?:after|before|during|since|until|following|with|on|in)\b", before)
        if (has_verb(definition) or fronted) and not has_verb(before):
            continue  # "After the death of Bahadur Shah I, a war of succession broke out": the main clause
        if len(definition.split()) >= 3:
            return [Fact("definition", term, start, m.end("term"), "definition", (definition, "appositive"))]
    return []


def trim_dangling(text: str) -> str:
    """A definition whose sentence runs on into a predicate without a subject, cut after the definition.

    "X is a strategic dialogue between A and B will be carried out." reads as two sentences glued
    together; "X is a strategic dialogue between A and B." is what it states. A modal after a relative
    clause ("X is a group that will meet …") is grammatical and stays.
    """
    body = text.rstrip(".")
    for pattern in (_DEFINITION, _DEFINITION_LOWER):
        m = pattern.match(body)
        if not m:
            continue
        end = _DEFINITION_END.search(m.group("def"))
        if end is None or not re.match(r"\s(?:will|would|shall)\s", end.group(0)):
            return text
        before = m.group("def")[: end.start()]
        if not _RELATIVE.search(before) and not re.search(r"\b(?:and|but|or|then)$", before):
            return body[: m.start("def") + end.start()].rstrip() + "."
        return text
    return text


def _sentence_definitions(text: str) -> list[Fact]:
    body = text.rstrip(".")
    for pattern in (_STARTED, _DEFINITION, _DEFINITION_LOWER):
        m = pattern.match(body)
        if m:
            term = m.group("term").strip()
            words = term.split()
            if words[0] in NOT_NAME_START or len(term) < 3:
                continue  # "A cell is …" is no capitalised term "A cell"; the lowercase pattern may take it
            if any(word in ("The", "A", "An") for word in words[1:]):
                return []  # "Cell Biology The cell": a heading run into its first sentence, no term
            if pattern is _DEFINITION_LOWER and any(word in _TERM_STOP for word in words):
                return []  # "The importance of this is a matter of debate" defines nothing
            definition = _DEFINITION_END.split(m.group("def").strip(), maxsplit=1)[0].rstrip(" ,")
            return [
                Fact(
                    "definition",
                    term,
                    m.start("term"),
                    m.end("term"),
                    "definition",
                    (definition, m.group("verb")),
                )
            ]
    return []
