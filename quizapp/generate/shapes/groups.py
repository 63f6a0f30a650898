"""Sibling groups of points ("Acids" and "Bases", "Lok Sabha" and "Rajya Sabha", each with what the notes say of
it): "Which of these is true of bases?", the wrong choices the points of the other groups."""

from __future__ import annotations

import re

from quizapp.documents.outline import Node, Outline
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import is_generic_label, lower_first, stable_order
from quizapp.generate.shapes.common import Placed, TopicOf, same_thing
from quizapp.generate.shapes.pair import split_pair
from quizapp.generate.shapes.qa import question_text
from quizapp.generate.shapes.records import record_points

_LEAD = re.compile(r"^(?:They|It|These|This)\s(?=[a-z])")
_SMALL = frozenset({"they", "it", "the", "a", "an", "of", "and", "in", "is", "are", "have", "has", "to"})


def _name(node: Node) -> str | None:
    """What a group is about: a short name ("Acids", "Lok Sabha", "Prokaryotic cells"), not a sentence, a
    question or a label such as "Examples"."""
    pair = split_pair(node)
    text = (
        (pair.term if pair is not None and not pair.label and not pair.body.strip() else node.text).rstrip(":").strip()
    )
    text = re.sub(r"^\(?(?:\d+|[ivx]+|[a-z])[.)]\s*", "", text)
    if not text or len(text.split()) > 4 or question_text(node.text) is not None or is_generic_label(text):
        return None
    if re.search(r"[.!?,;=()&]|\d|\sand\s", text) or not text[:1].isupper():
        return None  # "Trade and Exchange" names a section of the notes, not one thing points are true of
    text = re.split(r"\s[-–—]\s", text)[0]  # "GAUTAMA BUDDHA - LIFE": the man, not the part of the notes
    if text.isupper() and len(text) > 5:
        text = " ".join(word.capitalize() for word in text.split())
    return text


def _point(node: Node) -> str | None:
    """A point as a choice: "They taste bitter." → "Taste bitter"; a labelled field or a long passage is none."""
    if node.kind != "item" or node.children:
        return None
    pair = split_pair(node)
    if pair is not None and pair.label:
        return None  # "Examples: NaOH, KOH": a list of its own, no property
    text = _LEAD.sub("", node.text).rstrip(" .;")
    words = text.split()
    if not 2 <= len(words) <= 14 or text.endswith(":") or "?" in text or re.search(r"\s[=–—-]\s|\.\s[A-Z]", text):
        return None  # "Left home at 29 = Mahabhinishkramana. Charioteer Channa …": notes, no choice to weigh
    return text[:1].upper() + text[1:]


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9+-]+", text.lower()) if w not in _SMALL)


def _says_same(a: str, b: str) -> bool:
    """Two points that say one thing ("They conduct electricity" under acids and under bases), so neither can be
    the wrong choice for the other's group."""
    first, second = _words(a), _words(b)
    return bool(first) and bool(second) and (first <= second or second <= first) or same_thing(a, b)


def group_questions(outline: Outline, topic_of: TopicOf, lowercase: frozenset[str]) -> list[Placed]:
    """For each point of a group with sibling groups: which group it is true of, the other groups' points wrong."""
    families: dict[int, list[tuple[Node, str, list[tuple[Node, str]]]]] = {}
    in_records = set(record_points(outline))  # "Country: Italy" under each volcano: a table's cells, asked as one
    for node in outline.nodes:
        if node.kind not in ("heading", "item", "text"):
            continue
        name = _name(node)
        points = [
            (child, point)
            for child in node.children
            if child.line not in in_records and (point := _point(child)) is not None
        ]
        if name is None or len(points) < 2 or len(points) < 0.6 * len(node.children):
            continue
        families.setdefault(id(node.parent), []).append((node, name, points))
    placed: list[Placed] = []
    for groups in families.values():
        if len(groups) < 2 or len({normalise(name) for _, name, _ in groups}) < len(groups):
            continue
        for node, name, points in groups:
            # Only groups set out like this one ("Taste sour …" beside "Taste bitter …") lend wrong choices: the
            # points of a section on another subject are true too, only elsewhere.
            frames = {_frame(point) for _, point in points}
            rivals = [(other, rival) for other, _, rival in groups if other is not node]
            rivals = [(other, rival) for other, rival in rivals if len(frames & {_frame(p) for _, p in rival}) >= 2]
            pool = [
                point
                for other, rival in rivals
                for _, point in rival
                if not _names(point, _name(other) or "") and not any(_says_same(point, mine) for _, mine in points)
            ]
            shown = name if name.split()[0].lower() not in lowercase else lower_first(name)
            for child, point in points:
                if _names(point, name):
                    continue  # "Strong acids: …" under acids: the group's own word answers
                wrong = [w for w in dict.fromkeys(pool) if not _shares_name(w, point)]
                wrong = stable_order(wrong, point)[:3]
                if len(wrong) < 2:
                    continue  # two groups side by side ("Acids", "Bases") may give three choices, not fewer
                prompt = f"Which of these is true of {shown}?"
                draft = Draft("mcq", prompt, point, ["group"], None, choices=[point, *wrong], score=1.05)
                placed.append(Placed(draft, child.line, child.text, topic_of(child), f"member:{child.line}"))
    return placed


def _frame(point: str) -> str:
    """How a point opens ("Discovered by …", "Located in …", "Taste …"): points opening alike are parallel."""
    words = [w for w in re.findall(r"[A-Za-z]+", point.lower()) if w not in ("the", "a", "an")]
    return words[0] if words else ""


def _names(point: str, name: str) -> bool:
    """A point carrying its group's own word ("Strong bases: …"), which tells the group at sight."""
    stems = {w[:5] for w in re.findall(r"[a-z]+", name.lower()) if len(w) >= 4}
    return bool(stems & {w[:5] for w in re.findall(r"[a-z]+", point.lower()) if len(w) >= 4})


def _shares_name(wrong: str, answer: str) -> bool:
    """A wrong choice naming a place, person or number the answer names ("Located in Sindh, Pakistan" beside
    "Located in Larkana, Sindh Province"): it may be true as well."""

    def names(text: str) -> set[str]:
        return {w for w in re.findall(r"\b(?:[A-Z][\w-]+|\d[\d.,]*)", text)[1:]}

    return bool(names(wrong) & names(answer))
