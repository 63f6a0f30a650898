"""A "Term: definition" line read as a pair (also "–", "-", "=", "->"): the term, its right side, and whether the
term is a generic label ("Examples:") about the subject above rather than a term of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.documents.outline import Node, is_title_like
from quizapp.generate.nouns import (
    has_verb,
    is_generic_label,
    lower_first,
    readings,
    starts_with_preposition,
    verb_only,
    zipf,
)
from quizapp.generate.shapes.qa import ANSWER_MARK, question_text

_PAIR = re.compile(
    r"^(?P<term>[^:=–—→>]{1,60}?)\s*(?P<sep>->|→|=>|:\s*|\s[–—-]+(?!>)\s*|–\s*|\s=\s*)\s*(?P<body>\S.*)$"
)
_SENTENCE_SUBJECT = re.compile(
    r"^(?:[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5}?)\s+(?:is|are|was|were|has|have|had|will|can|became|provides|"
    r"refers|means)\b"
)


@dataclass(slots=True)
class TermPair:
    node: Node
    term: str
    body: str
    label: bool
    """A generic label ("Examples:", "Concept:") about the subject above, not a term of its own."""
    arrow: bool = False
    """Set beside it with "->" or "→": what the term turns into or gives, not what it is."""


_NUMBERED_LABEL = re.compile(
    r"(?i)^(?:help\s)?(?:card|figure|fig|table|page|slide|step|unit|chapter|lesson|exercise|activity|example|question"
    r"|q|part|section|box|note)\s?\d+[a-z]?\.?$"
)


def split_pair(node: Node) -> TermPair | None:
    """ "Ribosomes: the protein factories of the cell." → (Ribosomes, the protein factories …)."""
    match = _PAIR.match(node.text)
    if match is None:
        return None
    term, body = match["term"].strip(" .*"), match["body"].strip()
    if match["sep"].strip() == "=" and re.search(r"\b[A-Z]{3,}\s[a-z]", term):
        return None  # "UPDATE student SET marks = 90 WHERE rollno = 1": a line of code, no term
    arrow = match["sep"].strip() in ("->", "→", "=>")
    if arrow and re.search(r"->|→|=>", body):
        return None  # "B cell → plasma cell → antibodies; T cell → CMI": a chain of the notes' shorthand
    words = term.split()
    if not words or len(words) > 6 or not any(char.isalpha() for char in term) or len(body) < 2:
        return None
    if CODE.search(body) and 2 <= len(words) <= 6 and not re.search(r"[=;(){}]", term):
        return TermPair(node, term, body, False, False)  # "Create a table: CREATE TABLE …;": a task and its code
    bare_term = re.sub(r"\s\([A-Z][A-Za-z0-9]{1,8}\)$", "", term)  # "Central GST (CGST)"
    bare_term = YEAR_AFTER.sub("", bare_term)  # "52nd Amendment (1985)"
    if term.endswith("?") or re.search(r"\b(?:is|are|was|were|has|have)\b|[,;=()]", bare_term):
        return None
    if re.match(
        r"(?i)(?:when|if|while|as|because|since|although|for example|e\.g|where|here|so|then|hence|thus|given|let)\b|(?:use|using)\s",
        term,
    ):
        return None
    if len(words) >= 3 and has_verb(bare_term):
        return None  # "Seismometers record the shaking - happens within seconds": a clause and a remark
    if re.fullmatch(r"(?:\d+\.?)+|[A-Za-z]", term):
        return None
    if re.search(r"\d\s?(?:CE|BCE|BC|AD|km|kg|cm|m|g)?$", term) and body[:1].isdigit():
        return None  # "approx 320 CE - 550 CE", "Steps 2–4 = …": a range, not a term and its meaning
    if re.fullmatch(r"(?i)question|answer|ans|solution|hint|q|a", term):
        return None  # "Question: Difference between …": the notes' own question, asked as written
    if len(words) >= 2 and words[-1].lower() in ("in", "by", "into", "from", "to", "at", "on", "with"):
        return None  # "Ends in: Arabian Sea", "Released by: …": a field of a record, not a term
    if (
        len(words) > 1
        and words[0][:1].islower()
        and words[0].endswith("s")
        and "VERB" in readings(words[0])
        and words[1] in ("into", "in", "to", "from", "with", "over", "across", "on", "off", "up", "down", "out")
    ):
        return None  # "splits into two branches — …": what does, the line above says; no term
    if words[0].lower().endswith("ed") and len(words) > 2 or verb_only(words[0]):
        return None  # "Provided a structured mechanism for Centre – …": a clause, not a term
    if len(words) == 1 and words[0].lower().endswith("ing") and zipf(words[0].lower()) >= 5:
        return None  # "using = inside an if instead of ==": an everyday verb, no term of the subject
    determiners = ("the", "a", "an", "each", "every", "its", "their", "it", "them")
    if len(words) > 1 and words[1].lower() in determiners and "VERB" in readings(words[0].lower()):
        return None  # "Find the inflation rate: …": a step to take, not a term
    if starts_with_preposition(term) and not node.parent:
        return None
    if _NUMBERED_LABEL.match(term):
        return None  # "Help card 1", "Figure 2", "Step 3": a label of the page, not a term
    if all(len(word) <= 2 and word.isupper() for word in words if word.lower() != "and"):
        return None  # "S and DS": the notes' shorthand, not a term
    label = is_generic_label(term)
    if not label and _SENTENCE_SUBJECT.match(body) and not body.lower().startswith(term.lower()):
        return None  # "Defence ties: Quadrilateral Security Dialogue is …": a label over a sentence of its own
    return TermPair(node, term, body, label, arrow)


def shouted_name(text: str, most: int) -> str | None:
    """A heading's name in capitals, without its aside in brackets ("BINDUSARA (c. 297 - 273 BCE)" → "BINDUSARA"):
    one to `most` words of letters only; None for anything else."""
    name = re.sub(r"\s*\([^)]*\)", "", text).strip()
    words = name.split()
    if not name.isupper() or not 1 <= len(words) <= most or not all(word.isalpha() for word in words):
        return None
    return name


def subject_of(node: Node) -> str | None:
    """What a node's lines are about: its parent's term ("1. Acids:" → Acids), or the heading's name."""
    for parent in node.ancestors():
        if parent.kind == "text" and not parent.text.endswith(":"):
            continue
        pair = split_pair(parent)
        text = pair.term if pair and not pair.label else parent.text
        text = text.rstrip(":").strip()
        if ANSWER_MARK.match(parent.text) or question_text(parent.text) is not None or is_generic_label(text):
            return None  # "Ans.", a question, "Examples:": no name for what the points below are about
        letters = [char for char in text if char.isalpha()]
        if parent.kind == "heading" and (len(letters) > 3 and all(char.isupper() for char in letters)):
            return None  # an ALL-CAPS heading names a part of the notes, not what "it" points at
        if is_title_like(text) and len(text.split()) <= 6 and not text.endswith("?") and "=" not in text:
            return text
        return None
    return None


def parent_text(parent: Node | None) -> str | None:
    if parent is None or ANSWER_MARK.match(parent.text) or question_text(parent.text) is not None:
        return None
    pair = split_pair(parent)
    return (pair.term if pair else parent.text).rstrip(":")


YEAR_AFTER = re.compile(r"\s\((?:c\.\s?)?\d{3,4}(?:\s?[-–]\s?\d{2,4})?\)$")
"""The year or years after a name: "52nd Amendment (1985)", "Edward Jenner (1796)"."""
CODE = re.compile(r";\s*$|==|\w\(\)|[{}]|\b[A-Z]{3,}\b.*\b[A-Z]{3,}\b.*[*<>=]")
"""A line of code ("SELECT name FROM student WHERE marks > 80;", "print(len(x))"): no definition of a term."""
GLOSS = re.compile(r"\s*\((?:e\.g\.|eg|i\.e\.|for example|such as)[^)]*\)", re.IGNORECASE)
"""A parenthesis that gives examples ("(e.g. HCl)"): no part of what a term is."""


def term_case(term: str) -> str:
    """A term in running text: "Light reactions" → "light reactions", but "Shah Jahan" and "ATP" stay."""
    words = term.split()
    if len(words) > 1 and any(word[:1].isupper() for word in words[1:]):
        return term
    if words and (len(words[0]) == 1 or re.fullmatch(r"[A-Z]+[-\d]*", words[0]) or "-" in words[0][:2]):
        return term  # "B cell", "T cells", "P-waves", "HIV infection": the capital is the name
    return lower_first(term)
