"""Labels on points: "Examples: …", "Evidence: …" under a named item, and fields such as "Tributaries:" under each
river, asked about the item above them; labels that only mark an aside ask nothing."""

from __future__ import annotations

import re

from quizapp.documents.outline import Node
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import is_generic_label, is_plural, readings, singular, zipf
from quizapp.generate.shapes.common import Placed
from quizapp.generate.shapes.pair import GLOSS, TermPair, shouted_name, subject_of, term_case

_SILENT_LABELS = frozenset(
    {
        "note",
        "notes",
        "fact",
        "facts",
        "hint",
        "summary",
        "answer",
        "complete answer",
        "in summary",
        "explanation",
        "key points",
        "key point",
        "source",
        "sources",
        "note that",
    }
)
"""Labels that only mark a line as an aside: nothing to ask about the subject above them."""


_ONE_OF_MANY = frozenset({"use", "application", "advantage", "disadvantage", "feature", "property", "example"})
"""A label in the singular for one of several: "the use of chlorine" would claim there is only one."""


def _named_kinds(subject: str, notes: str) -> list[str]:
    """Other examples the notes name of a kind ("citric acid", "oxalic acid" for "Acids"): a name of a rare word
    and the kind's noun."""
    words = subject.split()
    if not words:
        return []
    head = singular(words[-1]).lower()
    found = re.findall(rf"\b([A-Za-z]{{4,}}) {re.escape(head)}s?\b", notes, re.IGNORECASE)
    return list(dict.fromkeys(f"{word.lower()} {head}" for word in found if zipf(word.lower()) < 3.5))


_USED_FOR = re.compile(r"\bused\s(?:in|for|as)\s(?P<uses>[^.;:]+)", re.IGNORECASE)


def _uses_elsewhere(subject: str, notes: str, line: int) -> list[str]:
    """What other lines of the notes say the subject is used in or for ("Sodium hydroxide NaOH is … used in soaps,
    detergents, paper making and artificial fibres"), each use a short phrase."""
    found: list[str] = []
    pattern = re.compile(rf"\b{re.escape(subject)}\b", re.IGNORECASE)
    for number, text in enumerate(notes.splitlines(), 1):
        if number == line or not pattern.search(text):
            continue
        for match in _USED_FOR.finditer(text):
            for use in re.split(r",\s*|\s+and\s+", match["uses"]):
                use = re.sub(r"\s*\betc\b\.?", "", use).strip()
                if use and len(use.split()) <= 4:
                    found.append(use)
    return list(dict.fromkeys(found))


def _shouted(node: Node, topic: str) -> str | None:
    """ "# THE HUMAN HEART" over "Size – …": the heading's thing in lower case ("the human heart"), where the
    heading (or, for a point at the top of the notes, their title) is a short name in capitals."""
    heading = node.parent
    text = heading.text if heading is not None and heading.kind == "heading" else topic if heading is None else ""
    name = shouted_name(text, 4)
    return name.lower() if name else None


def label_questions(pair: TermPair, topic: str, group: str, notes: str = "") -> list[Placed]:
    """ "Examples: …", "Evidence: …" under a named item: asked about that item. `notes`: the notes' text, where
    other examples of the item's kind may be named."""
    node, body = pair.node, pair.body.rstrip()
    subject = subject_of(node) or _shouted(node, topic)
    label = pair.term.rstrip(":").lower()
    if (
        subject is None
        or re.search(r"\s(?:and|&)\s", subject)  # "Protocol Data Units and OSI Model": a section, no one thing
        or node.children
        or label in _SILENT_LABELS
        or re.match(r"(?:connection|relation|link)\b", label)
        or "NOUN" not in readings(label.split()[-1])  # "Important: …" is a remark, no field of the subject
    ):
        return []
    name = len(subject.split()) == 1 and subject[:1].isupper() and not readings(subject.lower())
    subject_text = subject if name else term_case(subject)  # "Indus" is a name; "Acids" a common noun
    if label in ("examples", "example"):
        items = [i.strip() for i in re.split(r",\s*|\s+and\s+", GLOSS.sub("", body).rstrip(".")) if i.strip()]
        items = [i for i in items if not re.fullmatch(r"(?i)(?:many\s)?others|etc\.?|and so on", i)]
        if 2 <= len(items) <= 6 and all(len(i.split()) <= 5 for i in items):
            # "Name one example of …", any of them right: the notes may give other examples elsewhere, so "the
            # two examples" would have two answers.
            prompt = f"Name one example of {subject_text} that the notes give."
            others = [kind for kind in _named_kinds(subject, notes) if normalise(kind) not in map(normalise, items)]
            draft = Draft("short", prompt, items[0], ["list"], None, accept=[*items[1:], *others], score=1.1)
            return [Placed(draft, node.line, node.text, topic, group)]
        return []
    if label in ("concept", "description", "definition", "meaning"):
        front = f"What {'are' if is_plural(subject) else 'is'} {subject_text}?"
    elif label == "statement":
        front = f"State {subject_text}."  # "Statement: at constant temperature …" under "Ohm's law"
    else:
        front = f"What {'are' if is_plural(label) else 'is'} the {label} of {subject_text}?"
        if label in _ONE_OF_MANY:
            # "Use: It is used for making soaps" under "Sodium hydroxide": one use the notes give, of several it has.
            front = f"Give one {label} of {subject_text}."
            others = [
                use for use in _uses_elsewhere(subject, notes, node.line) if normalise(use) not in normalise(body)
            ]
            if label == "use" and others:
                body = f"{body.rstrip('.')}. The notes also name: {', '.join(others)}."  # any of them is right
    return [
        Placed(Draft("flashcard", front, body, ["definition"], None, score=1.2), node.line, node.text, topic, group)
    ]


PROCESS = re.compile(
    r"(?i)\b(?:digest|break|broken|convert|turn|becom|chang|react|transform|split|oxidi|reduc|decompos|synthes"
    r"|produc(?:e|es|ed|ing|tion)\b|form(?:s|ed|ation)?\b|into\b|yield|cycle|process|pathway)"
)
"""Words that make an arrow a change ("Fats -> fatty acids" under "Digestion"), not a gloss ("str -> text")."""


def field_of_item(pair: TermPair, repeated: set[str]) -> bool | None:
    """A common-word label on a point under a named item ("Joins: the Ganga at Prayagraj" under "3. Yamuna",
    "Left bank: …" under "Tributaries:"): a field of that item, not a term of the subject to define. True when
    it is asked about the item, False when it asks nothing, None when the pair is a term after all."""
    node, parent = pair.node, pair.node.parent
    if node.kind != "item" or parent is None or parent.kind != "item" or pair.arrow:
        return None
    if not re.match(rf"\W*{re.escape(pair.term)}\s*:", node.text):
        return None  # "Force = Mass x Acceleration": a formula, not a field
    words = pair.term.rstrip(":").split()
    if not 1 <= len(words) <= 3 or any(word[:1].isupper() for word in words[1:]):
        return None  # "Left bank" may be a field; "Lok Sabha", "Citric acid tests" are names
    if normalise(pair.term) not in repeated and not all(zipf(word.lower()) >= 3.5 for word in words):
        return None  # "Osmosis: …" under an item is a term the notes define, however it is set out
    parent_label = parent.text.rstrip().rstrip(":")
    if (
        parent.text.rstrip().endswith(":")
        and parent.parent is not None
        and parent.parent.kind == "item"
        and not is_generic_label(parent_label)
    ):
        return False  # a field of a field ("Left bank" under "Tributaries:" under "Ganga"): whose, unsaid
    if parent.text.rstrip().endswith(":"):
        return None  # "Strong acids: …" under "1. Acids:": a kind of the item, asked as a term
    first = readings(words[0].lower())
    if len(words) == 1 and "VERB" in first and words[0].endswith("s") and not words[0].endswith("ss"):
        return False  # "Joins: the Ganga at …", "Ends in": a verb, whose "of" question would not parse
    return bool(first) and "NOUN" in first
