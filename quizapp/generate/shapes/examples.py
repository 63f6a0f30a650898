"""Examples set out under an "Examples" label, each after the name of what it shows ("Inertia of rest: when the
bus starts we are pushed backward"): which of the names this example shows, the other names as choices."""

from __future__ import annotations

import re

from quizapp.documents.outline import Node, Outline
from quizapp.generate.distractors import normalise
from quizapp.generate.nouns import has_verb, stable_order
from quizapp.generate.shapes.common import Placed, TopicOf, choice_question

_LABEL = re.compile(
    r"(?i)^(?:some\s)?(?:examples?|e\.g\.?|for example|illustrations?|real[- ]life examples?)\s*[-–:]*$"
)
_NAMED = re.compile(r"^(?P<name>[A-Z][\w'’/ -]{1,50}?)\s?[:–—-]\s+(?P<example>\S.{5,160})$")


def _named(node: Node) -> tuple[str, str] | None:
    match = _NAMED.match(node.text.strip())
    if match is None or node.children:
        return None
    name, example = match["name"].strip(), match["example"].strip().rstrip(".")
    if len(name.split()) > 5 or has_verb(name) or len(example.split()) < 3:
        return None
    return name, example


def _following(label: Node) -> list[Node]:
    """The examples after a label: its children, or the siblings that follow it until something else."""
    if label.children:
        return list(label.children)
    siblings = label.parent.children if label.parent is not None else []
    found: list[Node] = []
    for node in siblings[siblings.index(label) + 1 :] if label in siblings else []:
        if _named(node) is None:
            break
        found.append(node)
    return found


def example_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    placed: list[Placed] = []
    for label in outline.nodes:
        if not _LABEL.match(label.text.strip()):
            continue
        named = [(node, pair) for node in _following(label) if (pair := _named(node)) is not None]
        names = [name for _, (name, _) in named]
        if len(named) < 3 or len({normalise(name) for name in names}) < len(names):
            continue
        for node, (name, example) in named:
            if normalise(name) in normalise(example):
                continue  # the example names what it shows
            wrong = stable_order([other for other in names if other != name], example)
            prompt = f"Which of these does this example show: “{example}”?"
            found = choice_question(node, prompt, name, wrong, "example", topic_of, "owner", 1.05)
            placed.extend([found] if found else [])
    return placed
