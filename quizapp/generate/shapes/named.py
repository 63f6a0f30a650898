"""A description with its name after it ("Point at which earthquakes begin = focus", "Slower than P waves, faster
than surface waves - secondary waves"): the name asked from the description."""

from __future__ import annotations

import re

from quizapp.documents.outline import Outline
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import has_verb, readings, verb_only
from quizapp.generate.shapes.common import Placed, TopicOf

_NAMED = re.compile(r"^(?P<desc>[^=→]{12,160}?)\s(?:=|-|–|—)\s(?P<term>[A-Za-z][A-Za-z'’ -]{1,30}?)\.?$")


def named_questions(outline: Outline, topic_of: TopicOf, taken: set[int]) -> list[Placed]:
    """ "Which term is this: “Point at which earthquakes begin is below Earth’s surface”?" → focus."""
    placed: list[Placed] = []
    for node in outline.nodes:
        if node.kind not in ("item", "text") or node.line in taken or node.children:
            continue
        found = _NAMED.match(node.text)
        if found is None:
            continue
        description, term = found["desc"].strip(" ,;:"), found["term"].strip()
        words = term.split()
        if not 1 <= len(words) <= 3 or len(description.split()) < 4 or has_verb(term) or verb_only(words[0].lower()):
            continue  # "… - happens within seconds": a remark, not a name
        said = set(re.findall(r"[a-z]+", description.lower()))
        if any(word.lower() in said for word in (words[:-1] if len(words) > 1 else words) if len(word) > 3):
            continue  # the name's own word in the description gives it away ("lag" in "… lag …"); its kind
            # ("waves" in "secondary waves" beside "P waves") does not
        if not any("NOUN" in readings(word.lower()) or word[:1].isupper() for word in words):
            continue  # "… - happens at around 45 degrees": a remark, not a name
        if re.search(r"[=+/*]|\d\s*[a-z]?\s*$", description):
            continue  # a formula or a figure, not a description
        prompt = f"Which term is this: “{description}”?"
        draft = Draft("short", prompt, term, ["definition"], None, score=1.2)
        placed.append(Placed(draft, node.line, node.text, topic_of(node), f"named:{node.line}"))
    return placed
