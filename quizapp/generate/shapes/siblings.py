"""Terms the notes set out side by side ("Session layer: …", "Transport layer: …"; P, S and surface waves; the
members of a list), and a statement about one of them made false by putting a sibling in its place."""

from __future__ import annotations

import re
import zlib

from quizapp.documents.outline import Outline
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import BLANK, Draft
from quizapp.generate.nouns import singular, stable_order
from quizapp.generate.shapes.lists import list_names
from quizapp.generate.shapes.owners import sibling_names
from quizapp.generate.shapes.pair import split_pair

_VERB_NEXT = re.compile(
    r"\s(?:is|are|was|were|has|have|had|does|do|did|cannot|can\sonly|must|will|[a-z]{3,}(?:s|ed))\b(?!\s(?:of|and|or)\b)"
)
_SHARED = re.compile(
    r"\b(?:also|both|all|too|as\swell|like|similar(?:ly)?|unlike|whereas|while|either|neither)\b", re.IGNORECASE
)
"""A statement that says its term shares the property, or sets it against another: swapped, it may stay true."""
_WEAK_MODAL = re.compile(r"\b(?:can|may|could|might|some|sometimes|often|usually)\b(?!\s+only)", re.IGNORECASE)
_CONTENT = re.compile(r"[a-z]{4,}")


def sibling_terms(outline: Outline, lowercase: frozenset[str]) -> dict[str, list[str]]:
    """Each term the notes set beside others of its kind, with those others: "Term: definition" points under
    one parent, and the sibling names of one kind that points hang under."""
    by_parent: dict[int, list[str]] = {}
    for node in outline.nodes:
        pair = split_pair(node) if node.kind in ("item", "text") else None
        if pair is not None and not pair.label:
            term = re.sub(r"\s*\([^)]*\)", "", pair.term).strip()
            by_parent.setdefault(id(node.parent), []).append(term)
    # A glossary's terms are of many kinds ("Temperature", "Thylakoids"): only terms with one head noun are
    # siblings of a kind ("Application layer", "Session layer").
    groups = [
        group
        for group in by_parent.values()
        if len(group) >= 3 and len({singular(term.split()[-1].lower()) for term in group}) == 1
    ]
    groups += sibling_names(outline, lowercase)
    groups += [[re.sub(r"\s*\([^)]*\)", "", name).strip() for name in names] for names in list_names(outline)]
    found: dict[str, list[str]] = {}
    for group in groups:
        for term in group:
            others = [other for other in group if normalise(other) != normalise(term)]
            found[normalise(term)] = list(dict.fromkeys([*found.get(normalise(term), []), *others]))
    return found


def _subject(statement: str, siblings: dict[str, list[str]], notes: str) -> tuple[int, str, str, list[str]] | None:
    """The statement's subject where it is a term of a family and the statement says its own of it: (words before
    it, the subject as written, the rest from the verb on, the siblings the notes say nothing of the kind of)."""
    if _SHARED.search(statement) or _WEAK_MODAL.search(statement):
        return None  # "Nitrogen monoxide can also cause …": true of the sibling too, for all the student knows
    words = statement.split()
    start = 1 if words and words[0] in ("The", "A", "An") else 0
    for size in range(5, 0, -1):
        if len(words) <= start + size:
            continue
        written = " ".join(words[start : start + size])
        key = normalise(written)
        if key not in siblings:
            continue
        rest = " " + " ".join(words[start + size :])
        if not _VERB_NEXT.match(rest):
            return None
        rivals = [
            rival
            for rival in siblings[key]
            if normalise(rival) not in normalise(statement)
            and rival.lower().endswith("s") == written.lower().endswith("s")  # "S waves are": a plural for a plural
            and not _said_of(rival, rest, notes)
        ]
        return (start, written, rest, rivals) if rivals else None
    return None


def subject_swapped(statement: str, siblings: dict[str, list[str]], notes: str) -> tuple[str, str, str] | None:
    """ "S waves are secondary waves …" → "P waves are secondary waves …": the statement's subject, a term of a
    family, replaced by a sibling the notes say nothing of the kind of. (false statement, the right term, the
    wrong one) or None where no swap is safe."""
    found = _subject(statement, siblings, notes)
    if found is None:
        return None
    start, written, rest, rivals = found
    rival = rivals[zlib.crc32(statement.encode()) % len(rivals)]
    if start == 0:
        rival = rival[:1].upper() + rival[1:]
    words = statement.split()
    return f"{' '.join(words[:start])} {rival}{rest}".strip(), written, rival


def subject_choice(statement: str, siblings: dict[str, list[str]], notes: str) -> Draft | None:
    """ "____ are secondary waves because they arrive second." with P, S and surface waves as the choices: which
    of a family the statement is about, where it says nothing the notes say of the others."""
    found = _subject(statement, siblings, notes)
    if found is None or len(found[3]) < 2:
        return None
    start, written, rest, rivals = found
    # the answer as the family writes it ("P waves" beside "S waves"), not as this sentence does ("P-waves")
    written = next(
        (name for name in siblings.get(normalise(rivals[0]), []) if normalise(name) == normalise(written)), written
    )
    words = statement.split()
    article = " ".join(words[:start])
    prompt = f"{article} {BLANK}{rest}".strip()
    wrong = stable_order(rivals, statement)[:3]
    if written[:1].isupper() or start:
        wrong = [w[:1].upper() + w[1:] if not start else w for w in wrong]
    return Draft("mcq", prompt, written, ["statement"], None, choices=[written, *wrong], score=0.75)


def _said_of(rival: str, predicate: str, notes: str) -> bool:
    """Whether the notes say much the same of the rival: its sentences share most of the predicate's words."""
    wanted = set(_CONTENT.findall(predicate.lower()))
    if not wanted:
        return True
    pattern = re.compile(rf"\b{re.escape(rival.lower())}\b")
    for sentence in re.split(r"(?<=[.!?])\s+|\n", notes.lower()):
        if pattern.search(sentence) and len(wanted & set(_CONTENT.findall(sentence))) >= max(1, len(wanted) // 2):
            return True
    return False
