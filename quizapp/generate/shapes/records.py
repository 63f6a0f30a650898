"""Records set out as points: the same labels under several named items ("1. Ganga" with "- Origin: …",
"- Length: …"), asked as a table is; and timelines of "1914 – event" lines, asked for their dates."""

from __future__ import annotations

import re
from collections import defaultdict

from lemminflect import getAllLemmas

from quizapp.documents.outline import Node, Outline
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import coin, is_plural, kind_noun, readings, stable_order
from quizapp.generate.shapes.common import Placed, TopicOf, core_value, like_answer, overlaps, varied

_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z]+(?:\s[a-z]+){0,2})\s*:\s*(?P<value>\S.{0,80})$")
_TIMELINE = re.compile(
    r"^(?P<year>(?:1[0-9]|20)\d\d)\s*[–—-]+\s*(?:(?P<day>\d{1,2}\s[A-Z][a-z]+|[A-Z][a-z]+)\s*:\s*)?(?P<event>[A-Z].{5,120})$"
)


def _owner(node: Node) -> Node | None:
    """The named item a point is about: its parent item ("2. Ganga"), or a short heading."""
    parent = node.parent
    if parent is None or parent.kind not in ("item", "heading", "text"):
        return None
    name = re.sub(r"\s*\([^)]*\)", "", parent.text).rstrip(":").strip()
    return parent if 1 <= len(name.split()) <= 4 and name[:1].isupper() else None


def _name(node: Node) -> str:
    return re.sub(r"\s*\([^)]*\)", "", node.text).rstrip(":").strip()


_REMARK = re.compile(r"^(?P<name>[A-Z][\w'’-]*(?:\s(?:of|the|de|[A-Z][\w'’-]*))*)(?:,\s(?=[a-z])|\s\()")


def _without_remark(value: str) -> str:
    """A name without the remark after it: "Arabian Sea, near Surat" → "Arabian Sea", "Bay of Bengal (joins the
    Ganga …)" → "Bay of Bengal"; a list of names ("Kabini, Hemavati") stays whole."""
    found = _REMARK.match(value)
    return found["name"] if found else value


def record_points(outline: Outline) -> dict[int, tuple[Node, str, str]]:
    """Points (by line) that are one field of a record: the record's owner, the field's label, its value."""
    found: dict[str, dict[int, tuple[Node, Node, str]]] = defaultdict(dict)
    for node in outline.nodes:
        if node.kind != "item":
            continue
        match = _LABEL.match(node.text)
        owner = _owner(node)
        if match is None or owner is None or node.children:
            continue
        label = match["label"].lower()
        first = readings(label.split()[0])
        if first and "NOUN" not in first:
            continue  # "Ends in: …" is no field name a question can carry
        found[label][id(owner)] = (node, owner, _without_remark(match["value"].strip().rstrip(".")))
    points: dict[int, tuple[Node, str, str]] = {}
    for label, owners in found.items():
        if len(owners) >= 3:  # a field repeated under three items is a column of a table set out as points
            for node, owner, value in owners.values():
                points[node.line] = (owner, label, value)
    return points


_WHERE = frozenset({"in", "at", "into", "near", "on"})


def _verb_prompt(label: str, name: str) -> str | None:
    """A field named by a verb ("Ends in", "Joins", "Rises at"): "Where does Ganga end?", "What does Yamuna
    join?"; None for a field named by a noun ("Length")."""
    words = label.split()
    if len(words) > 2 or not words[0].endswith("s") or (len(words) == 2 and words[1] not in _WHERE | {"from", "to"}):
        return None
    lemmas = getAllLemmas(words[0]).get("VERB")
    if not lemmas or words[0] in ("is", "has", "was"):
        return None
    verb = lemmas[0]
    if len(words) == 2 and words[1] in _WHERE:
        return f"Where does {name} {verb}?"
    return f"What does {name} {verb}{' ' + words[1] if len(words) == 2 else ''}?"


def record_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    points = record_points(outline)
    columns: dict[str, list[tuple[Node, str]]] = defaultdict(list)
    nodes = {node.line: node for node in outline.nodes}
    for line, (owner, label, value) in points.items():
        columns[label].append((owner, core_value(value)))
    placed: list[Placed] = []
    for line, (owner, label, value) in sorted(points.items()):
        node = nodes[line]
        value = core_value(value)
        if not varied([v for _, v in columns[label]]):
            continue  # "Ends in: Bay of Bengal" for most of the rivers: the common answer is a safe guess
        name = _name(owner)
        others = [v for o, v in columns[label] if o is not owner and not overlaps(v, value)]
        owners = [_name(o) for o, _ in columns[label] if o is not owner]
        heading = owner.heading()
        kind = kind_noun(heading.text) if heading is not None else None
        be = "are" if is_plural(label) else "is"
        unique = sum(normalise(v) == normalise(value) for _, v in columns[label]) == 1
        asked = _verb_prompt(label, name)
        if asked is not None:
            # "Ends in: Bay of Bengal" under "Ganga": "Where does Ganga end?", typed or chosen among the others.
            wrong = stable_order(list(dict.fromkeys(like_answer(value, others))), f"{name}{label}")[:3]
            if len(wrong) == 3 and len(value) <= 40:
                draft = Draft("mcq", asked, value, ["table"], None, choices=[value, *wrong], score=1.2)
            else:
                draft = Draft("short", asked, value, ["table"], None, score=1.15)
        elif kind and unique and len(value.split()) <= 6 and coin(f"{name}\x1f{label}", 2):
            prompt = f"Which {kind} has the {label} “{value}”?"
            wrong = stable_order(owners, f"{value}{label}")[:3]
            draft = Draft("mcq", prompt, name, ["table"], None, choices=[name, *wrong], score=1.25)
        else:
            prompt = f"What {be} the {label} of {name}?"
            wrong = stable_order(like_answer(value, others), f"{name}{label}")[:3]
            if len(wrong) == 3 and len(value) <= 40:
                draft = Draft("mcq", prompt, value, ["table"], None, choices=[value, *wrong], score=1.25)
            elif len(value.split()) <= 6:
                draft = Draft("short", prompt, value, ["table"], None, score=1.15)
            else:
                draft = Draft("flashcard", prompt, value, ["table"], None, score=1.1)
        placed.append(Placed(draft, line, node.text, topic_of(node), f"record:{line}"))
    return placed


def timeline_lines(outline: Outline) -> dict[int, tuple[str, str]]:
    """Lines of a timeline ("1914 – 28 June: Franz Ferdinand assassinated"), three or more in a run: date, event."""
    runs: list[list[tuple[int, str, str]]] = [[]]
    for node in outline.nodes:
        match = _TIMELINE.match(node.text) if node.kind in ("text", "item") else None
        if match is None:
            if runs[-1]:
                runs.append([])
            continue
        date = f"{match['day']} {match['year']}" if match["day"] else match["year"]
        runs[-1].append((node.line, date, match["event"].rstrip(".")))
    return {line: (date, event) for run in runs if len(run) >= 3 for line, date, event in run}


def timeline_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    entries = timeline_lines(outline)
    nodes = {node.line: node for node in outline.nodes}
    placed: list[Placed] = []
    for line, (date, event) in sorted(entries.items()):
        others = [d for other, (d, _) in entries.items() if other != line and normalise(d) != normalise(date)]
        wrong = stable_order(like_answer(date, others), event)[:3]
        prompt = f"When did this happen: “{event}”?"
        if len(wrong) == 3:
            draft = Draft("mcq", prompt, date, ["date"], None, choices=[date, *wrong], score=1.3)
        else:
            draft = Draft("short", prompt, date, ["date"], None, score=1.2)
        placed.append(Placed(draft, line, nodes[line].text, topic_of(nodes[line]), f"timeline:{line}"))
    return placed
