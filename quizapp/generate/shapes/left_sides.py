"""Which left sides of "term – right side" points are terms to ask about: not a page's label, a split gone
wrong or a field of a record; a describing word, asked as a kind of the thing above it; a right side that goes
on with the term's own verb."""

from __future__ import annotations

import re

from quizapp.documents.outline import Node
from quizapp.generate.nouns import is_generic_label, is_plural, readings, singular
from quizapp.generate.shapes.pair import TermPair, parent_text

_FURNITURE_TERM = re.compile(
    r"(?i)^(?:question|answer|ans|term|terms|tip|tips|hint|note|notes|remember|imp|important|misc|everything\selse"
    r"|others?|example|examples|eg|e\.g|non-[\w-]+\sexamples?|[\w-]+\sexamples?)\b(?:\s?\d+|\sfrom\s\w+)?$"
)


_NO_NAME = re.compile(r"^\d+\s(?:from|of|in|by|to|for|with)\b|\s(?:&|and)\s(?:below|above|beyond|others|so\son)$")
"""“3 from RBI”, “district & below”: a count or a range of the notes, no name of a thing."""


_PAGE = re.compile(
    r"(?i)\b(?:physics|chemistry|biology|history|geography|economics|polity|science|revision|study|short|class)\snotes\b"
    r"|\bch\.?\s?\d+\b|\bchapter\s?\d+|\bclass\s?\d+(?:th)?\b|\bsyllabus\b"
)
_RELATIONS = frozenset(
    {"father", "mother", "wife", "husband", "son", "daughter", "brother", "sister", "uncle", "aunt", "teacher", "guru"}
)


_NEGATION = re.compile(r"(?i)\b(?:not|doesn[’']?t|don[’']?t|isn[’']?t|never)\b")


def no_term(pair: TermPair) -> bool:
    """A left side that is no term to define: a label of the page ("Question 2", "Tip from sir", "Everything
    else"), a split gone wrong ("slicing s[1"), a verb at its head ("hits Garo–Khasi hills", "Meets Alaknanda at
    Devprayag") or a cause and its effect ("one component breaks → …"): a card "What is …?" would ask nonsense."""
    term = pair.term.strip()
    if _FURNITURE_TERM.match(term) or _NO_NAME.search(term) or _PAGE.search(pair.body) or _NEGATION.search(term):
        return True  # (… or "Thermodynamics – Physics notes (Ch 12, Class 11)": the title line of the page)
    if re.match(r"(?:1[0-9]|20)\d\d\s[A-Z]", term):
        return True  # "2015 Nepal (Gorkha) – 25 April, M 7.8": an event of a year, asked by its sentence
    found = readings(term)
    if term.islower() and " " not in term and (term in _RELATIONS or found and "NOUN" not in found):
        return True  # "father – Siddhartha", "later – …": a field of a person's record, no term of its own
    if any(term.count(a) != term.count(b) for a, b in ("()", "[]", "{}")) or re.search(r"\s[-–—=]\s", term):
        return True  # "slicing s[1", "Wife - Yashodhara, son": a line of several pairs split at its last
    words = term.split()
    first = words[0].lower()
    if len(words) >= 2 and first.endswith("s") and "VERB" in readings(first) and words[1][:1].isupper():
        return True  # "hits Garo–Khasi hills"
    last = words[-1].lower()
    # "one component breaks → whole circuit stops": what follows from what
    return pair.arrow and len(words) >= 2 and last.endswith("s") and "VERB" in readings(last) and not term[:1].isupper()


def acts(body: str) -> str | None:
    """The verb a right side opens with where it goes on with the term as its subject ("stimulates gastric juice",
    "rises at Multai"); None for a right side that names or defines ("showers in May", "a gland that …")."""
    opening, *rest = body.lower().split()[:2] or [""]
    if not body[:1].islower() or not opening.endswith("s") or opening.endswith("ss") or "VERB" not in readings(opening):
        return None
    # "rises at Multai", "includes services": the term's own verb; "showers in May" would be a noun
    return opening if "NOUN" not in readings(opening) or bool(rest) and rest[0] in _AFTER_VERB else None


MOVES = frozenset({"rises", "flows", "originates", "enters", "joins", "meets", "drains", "falls", "hits", "runs"})
"""What a river or a wind does: its course, asked by the course's own questions, not "What does the Tapi do?"."""


_AFTER_VERB = frozenset({"at", "on", "from", "into", "through", "near", "between", "the", "a", "an"})


_RELATIVE = frozenset(
    {"similar", "same", "different", "other", "main", "important", "common", "general", "basic", "special", "key"}
)
"""Words that set a thing beside others ("similar – …"), no kind of it."""
_ADJECTIVE_END = re.compile(r"(?:ary|ic|al|ous|ive|ant|ent|ful|less|able|ible)$")


def adjective(term: str) -> bool:
    """A left side that is one describing word ("dormant", "contractionary", "saturated"): a kind of the thing
    above it, not a thing of its own."""
    word = term.strip().lower()
    if " " in term.strip() or not word.isalpha() or term[1:] != term[1:].lower() or word in _RELATIVE:
        return False
    found = readings(word)
    if found:
        return "ADJ" in found and (found == {"ADJ"} or "VERB" in found or _ADJECTIVE_END.search(word) is not None)
    return _ADJECTIVE_END.search(word) is not None


def kind_above(node: Node) -> str | None:
    """The kind of thing a point's heading or lead-in names, in the singular ("Types of volcanoes" → "volcano",
    "FISCAL POLICY" → "fiscal policy"), passing over labels that name none ("Types", "on basis of activity")."""
    for above in node.ancestors():
        text = re.sub(r"\s*\([^)]*\)", "", parent_text(above) or above.text).strip().rstrip(":")
        text = re.split(r"\s[-–—]\s", text)[0]
        of = re.match(r"(?i)^(?:types?|kinds?|forms?|classes|classification)\s+of\s+(.+)$", text)
        if of:
            text = of.group(1)
        elif re.match(r"(?i)^(?:types?|kinds?|forms?|classification|on\s(?:the\s)?basis\s.*|based\son\s.*)$", text):
            continue
        words = text.split()
        if not 1 <= len(words) <= 3 or not all(word.isalpha() for word in words) or is_generic_label(text):
            return None
        lowered = [word if word.isupper() and len(word) <= 4 else word.lower() for word in words]  # "NS", "LPA" stay
        last = lowered[-1]
        if is_plural(last):
            singles = [last[:-2], singular(last)] if last.endswith("oes") else [singular(last)]
            last = next((one for one in singles if readings(one)), singles[-1])
        return " ".join([*lowered[:-1], last])
    return None


def of_kind(term: str, siblings: list[str], kind: str) -> bool:
    """Whether a term is one of the kind its heading names, where most of its siblings carry the kind's word
    ("Zone III" among zones): "tsunami" set after the zones is none, and the zones are no choices for it."""
    head = singular(kind.split(" of ")[0].split()[-1].lower())
    carries = [name for name in siblings if head in (singular(w) for w in name.lower().split())]
    return 2 * len(carries) < len(siblings) or head in (singular(w) for w in term.lower().split())
