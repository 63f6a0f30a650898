"""A heading lent to a sentence that does not name what it is about: "Acids: …", "The main job of the large
intestine is …"."""

from __future__ import annotations

import re

from quizapp.documents.builder import UNTITLED
from quizapp.generate.nouns import is_generic_label, readings
from quizapp.generate.standalone import INSTRUCTION


def _from_capitals(text: str, lowercase: frozenset[str]) -> str:
    """A heading in capitals as running text: a word the notes write in lower case goes to lower case, a short
    one they never do stays an acronym ("PDU"), the first word takes a capital."""
    words = [
        word.lower() if word.lower() in lowercase else word if len(word) <= 4 else word.capitalize()
        for word in text.split()
    ]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def context_name(
    topic: str, title: str, lowercase: frozenset[str] = frozenset(), outer: tuple[str, ...] = (), sentence: str = ""
) -> str | None:
    """A heading that names what a sentence is about ("Rajya Sabha", "Kigali Amendment"), short enough to stand in
    front of it; not a question, a label, nor a section's description ("Layers of the OSI model and their
    functions", "Causes of ozone depletion", "Practice questions"), which reads as part of the statement. Where
    the nearest heading names no thing ("Voting Structure" under "Article 279A: The GST Council"), the headings
    above it (`outer`, nearest first) are tried. The notes' title is one only where the `sentence` says it
    already: put in front of a sentence that names nothing ("Electricity: If one fails, others keep working"), a
    title makes no statement of it."""
    for text in (topic, *outer, title):
        if text is title and not (sentence and said(_clean(text, lowercase) or "", sentence)):
            continue
        if text == UNTITLED:
            continue  # notes without a title: nothing to name
        clean = _clean(text, lowercase)
        words = clean.split()
        if not 1 <= len(words) <= 4 or clean.endswith("?") or is_generic_label(clean):
            continue
        if re.search(r":|\s(?:and|&|vs\.?|or)\s|,", clean) or is_generic_label(words[0]) or is_generic_label(words[-1]):
            continue  # "Earthquake waves: fact cards", "Seals and Scripts", "Types of inertia", "Key facts"
        if clean[:1].isdigit() or INSTRUCTION.match(clean) or "=" in clean:
            continue  # "05 Acids Bases Salts" is a file's name; "Define light reaction …" an exercise; "FB = –FA"
        return clean
    return None


_TITLE_TAIL = re.compile(r"\s(?:[—–|]|-{1,2})\s.*$|:\s.*$|\s*\([^)]*\)\s*$")
_GENERIC_TITLE = re.compile(r"(?i)\b(?:notes?|revision|summary|chapter|class|unit|lecture|handout|questions?)\b")


def title_name(title: str, lowercase: frozenset[str] = frozenset()) -> str | None:
    """What a whole set of notes is about, short enough to lead a sentence that names no thing of its own
    ("Harappan Civilisation: The weights exhibit a binary system."): the title without its file number, its
    subtitle and its asides ("RBI & Monetary Policy — Eco notes (Unit 4)" → "RBI & Monetary Policy"); None
    where nothing of the kind is left."""
    if title == UNTITLED:
        return None
    name = re.sub(r"^\d+[\s._-]+", "", title.strip())  # "02 Harappan Civilisation": a file's number
    previous = None
    while previous != name:
        previous, name = name, _TITLE_TAIL.sub("", name).strip()
    name = _clean(name, lowercase)
    words = name.split()
    if (
        not 1 <= len(words) <= 7
        or len(name) < 4
        or _GENERIC_TITLE.search(name)
        or is_generic_label(name)
        or "?" in name
    ):
        return None
    if INSTRUCTION.match(name) or re.search(r"\d", name):
        return None
    return name


def _clean(text: str, lowercase: frozenset[str]) -> str:
    labelled = re.match(r"^(?:Article|Section|Part|Chapter|Unit|Topic|Schedule)\s[\w()]+\s?:\s(?P<rest>.+)$", text)
    if labelled:
        text = labelled["rest"]  # "Article 279A: The GST Council" names the GST Council
    clean = re.sub(r"\s*\([^)]*\)", "", text).strip().rstrip(":.")
    if clean.isupper() and len(clean) > 4:
        clean = _from_capitals(clean, lowercase)  # "SMALL INTESTINE" → "Small intestine"
    return clean


_MAIN_THING = re.compile(
    r"^(?P<main>Main|Chief|Primary|Key|Major|Basic)\s(?P<noun>[a-z]+)\s(?P<verb>is|are|was|were)\b"
)


def with_context(context: str, prompt: str, lowercase: frozenset[str]) -> str:
    """A prompt told what it is about: "Main job is …" under "Large intestine" becomes "The main job of the large
    intestine is …"; any other prompt is led by its heading ("Acids: …")."""
    match = _MAIN_THING.match(prompt)
    if match:
        named = " ".join(
            word.lower() if word.lower() in lowercase or readings(word.lower()) else word for word in context.split()
        )
        named = f"the {named}" if named[:1].islower() else named  # "the large intestine", "Harappa"
        return f"The {match['main'].lower()} {match['noun']} of {named} {match['verb']}{prompt[match.end() :]}"
    return f"{context}: {prompt}"


def said(context: str, text: str) -> bool:
    """Whether a sentence already names its heading ("Acids are corrosive" under "Acids"): no need to say it twice."""
    words = {word[:5] for word in re.findall(r"[a-z]{3,}", context.lower())}
    return bool(words) and words <= {word[:5] for word in re.findall(r"[a-z]{3,}", text.lower())}
