"""Two lists that weigh one thing ("Advantages" and "Disadvantages", "Significance" and "Challenges"): for each
point of one, which of these is one of its kind, the other list's points as the wrong choices."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from quizapp.documents.outline import Node, Outline
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import lower_first, stable_order
from quizapp.generate.shapes.common import Placed, TopicOf

_GOOD = (
    r"advantages?|benefits?|merits?|pros|strengths?|significance|importance|achievements?|positive\s(?:effects?"
    r"|impacts?|consequences?)|opportunities"
)
_BAD = (
    r"disadvantages?|drawbacks?|demerits?|cons|weakness(?:es)?|limitations?|challenges?|criticisms?|problems?"
    r"|issues|concerns|shortcomings?|failures?|negative\s(?:effects?|impacts?|consequences?)|threats|risks"
)
_LABEL = re.compile(
    rf"^(?:\(?(?:\d+|[ivx]+|[a-h])[.)]\s*)?(?:(?:main|key|major|some)\s)?(?P<side>{_GOOD}|{_BAD})"
    r"(?:\s(?:of|for|to)\s(?P<subject>[^:.?]{2,60}))?\s*:?$",
    re.IGNORECASE,
)
_GOOD_SIDE = re.compile(rf"^(?:{_GOOD})$", re.IGNORECASE)
_LEADING_LABEL = re.compile(r"^[^:]{1,40}:\s+(?=\S)")


def _points(node: Node) -> list[Node]:
    points = []
    for child in node.children:
        words = child.text.split()
        if child.kind == "item" and not child.children and 2 <= len(words) <= 20 and not child.text.endswith(":"):
            points.append(child)
    return points


def _subject(node: Node, label: re.Match[str]) -> str | None:
    """What the two lists weigh: named in the label ("Advantages of federalism"), else the heading above."""
    if label["subject"]:
        return label["subject"].strip()
    above = node.parent
    while above is not None and above.kind != "heading":
        above = above.parent
    if above is None:
        return None
    text = _LEADING_LABEL.sub("", above.text).strip().rstrip(":?")  # "Article 279A: The GST Council"
    if not 1 <= len(text.split()) <= 6 or re.search(r"[?!]|\b(?:and|what|how|why)\b", text, re.IGNORECASE):
        return None
    return text


def _name(side: str, subject: str) -> str:
    """ "one of the challenges of the GST Council", "part of the significance of …"."""
    side = side.lower()
    if side in ("significance", "importance"):
        return f"part of the {side} of {subject}"
    if not side.endswith("s") or side in ("pros", "cons"):
        side = f"{side}es" if side.endswith(("ss", "sh")) else f"{side}s"
    return f"one of the {side} of {subject}"


def polar_questions(outline: Outline, topic_of: TopicOf, skip: set[int]) -> list[Placed]:
    placed: list[Placed] = []
    for node in outline.nodes:
        sides: list[tuple[Node, re.Match[str], list[Node]]] = []
        for child in node.children:
            label = _LABEL.match(child.text.strip())
            points = _points(child)
            if label and len(points) >= 2:
                sides.append((child, label, points))
        good = [side for side in sides if _GOOD_SIDE.match(side[1]["side"])]
        bad = [side for side in sides if not _GOOD_SIDE.match(side[1]["side"])]
        if len(good) != 1 or len(bad) != 1:
            continue
        for (mine, label, points), (_, _, others) in ((good[0], bad[0]), (bad[0], good[0])):
            subject = _subject(mine, label)
            if subject is None:
                continue
            shown = re.sub(r"^The\s", "the ", lower_first(subject))
            if re.match(r"^[A-Z]{2,}\b.*\s[A-Z][a-z]+$", shown):
                shown = f"the {shown}"  # "GST Council": a body, named with "the"
            rivals = [other.text.rstrip(" .;") for other in others]
            # As many questions as there are wrong choices to go round: four questions with the same two wrong
            # choices are answered by elimination after the first.
            for point in points[: max(2, len(rivals))]:
                if point.line in skip:
                    continue
                answer = point.text.rstrip(" .;")
                wrong = [r for r in rivals if fuzz.ratio(r.lower(), answer.lower()) < 80]
                wrong = stable_order(wrong, answer)[:3]
                if len(wrong) < 2:
                    continue
                prompt = f"Which of these is {_name(label['side'], shown)}?"
                draft = Draft("mcq", prompt, answer, ["list"], None, choices=[answer, *wrong], score=1.1)
                placed.append(Placed(draft, point.line, point.text, topic_of(point), f"member:{point.line}"))
    return placed
