"""Points set out under sibling names ("P waves", "S waves", "Surface waves", each with what is true of it; the
plate boundaries each with its features and examples): for each point, which of the siblings it belongs to,
the siblings' names as the choices ("Which wave does this describe: “Can travel through solids only”?")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizapp.documents.outline import Node, Outline
from quizapp.generate.distractors import normalise
from quizapp.generate.nouns import (
    has_verb,
    is_generic_label,
    is_plural,
    kind_noun,
    readings,
    singular,
    stable_order,
)
from quizapp.generate.shapes.common import Placed, TopicOf, alike, choice_question
from quizapp.generate.shapes.pair import parent_text, split_pair
from quizapp.generate.shapes.qa import ANSWER_MARK, question_text

_NUMBERING = re.compile(r"^\(?(?:\d+(?:\.\d+)*[.)]*|(?:[ivx]+|[a-h])[.)]+)\s+", re.IGNORECASE)
_EXAMPLE_LABEL = re.compile(r"(?i)^(?:examples?|e\.g\.?|for example|illustrations?)(?:\s*\d+)?\s*[:.\-–]*$")
_DESCRIBING = re.compile(r"(?i)^(?:description|definition|meaning|key points?|points?|notes?|remarks?|facts?)$")
_OWNED = re.compile(
    r"(?i)^(?:(?:main|key|important|major|salient|archaeological|special)\s)?(?:features?|characteristics?|properties"
    r"|property|findings?|functions?|uses?|advantages?|disadvantages?|merits?|demerits?|causes?|effects?"
    r"|symptoms?|signs?|powers?|roles?|products?)$"
)
_SMALL = frozenset({"the", "a", "an", "of", "and", "or", "in", "on", "to", "is", "are", "it", "they", "its"})
_MOST_WORDS = 24
_POINTING = re.compile(
    r"^(?:This|These|That|Those|Such|Here|Thus|Hence|So)\b|^(?:e\.?g\.?|for example|for instance|such as|ex\.)(?:\s|,|:)",
    re.IGNORECASE,
)
"""A point that leans on the one before, or only gives examples ("e.g. equatorial regions daily"): no description
of its sibling to tell it from the others by."""


@dataclass(slots=True)
class _Point:
    node: Node
    text: str
    label: str | None
    """ "example", or the singular of what the notes call the points ("feature", "archaeological finding")."""
    term: str | None = None
    """The term the point is written after ("Mid-ocean ridges: …"), normalised; None where it has none."""


@dataclass(slots=True)
class _Owner:
    node: Node
    name: str
    points: list[_Point]


def _clean_name(node: Node) -> str | None:
    """A short name points are true of ("Divergent Plate Boundaries:", "P WAVES:", "1. Harappa", "2nd Law")."""
    if node.kind not in ("heading", "item", "text") or question_text(node.text) is not None:
        return None
    if ANSWER_MARK.match(node.text):
        return None
    pair = split_pair(node)
    text = pair.term if pair is not None and not pair.label and not pair.body.strip() else node.text
    numbered = _NUMBERED_NAME.match(text)
    if numbered:
        text = numbered["name"]  # "LAYER 2 - Data Link - The data link layer provides …" → "Data Link"
    text = re.sub(r"\s*\([^)]*\)", "", _NUMBERING.sub("", text)).rstrip(":").strip()
    words = text.split()
    if not 1 <= len(words) <= 5 or is_generic_label(text) or _EXAMPLE_LABEL.match(text) or _OWNED.match(text):
        return None
    if re.search(r"[.!?,;=&'’]|\s(?:and|or|vs|in|by|to|for)\s", text) or not any(char.isalpha() for char in text):
        return None  # "Trade and Exchange" names a part of the notes, not one thing its points are true of
    if has_verb(text):
        return None  # "It's important to note": a remark, not a name
    if text.isupper() and len(words) > 1:
        text = " ".join(word if len(word) <= 2 else word.lower() for word in words)
        text = text[:1].upper() + text[1:]
    return text if text[:1].isupper() or text[:1].isdigit() else None


_NUMBERED_NAME = re.compile(
    r"^(?P<kind>[A-Za-z]+)\s?\d{1,2}\s*[-–—:]\s*(?P<name>[A-Za-z][\w/-]*(?:\s[A-Za-z][\w/-]*){0,3})\s*(?:[-–—:]\s|$)"
)
"""A name after a numbered label of its kind: "LAYER 2 - Data Link - …", "Stage 3: Anaphase"."""


def _hint(node: Node) -> str | None:
    """The kind a numbered label gives its name ("LAYER 2 - Data Link" → "layer")."""
    numbered = _NUMBERED_NAME.match(node.text)
    return numbered["kind"].lower() if numbered else None


def _ends(node: Node) -> int:
    """The last line a node and everything under it takes."""
    return max([node.line, *(line for line, _ in node.parts), *(_ends(child) for child in node.children)])


def _label(text: str) -> str | None:
    """What a label over points calls them: "example", "feature", "archaeological finding", or None."""
    text = _NUMBERING.sub("", text).rstrip(":.- ").strip()
    if _EXAMPLE_LABEL.match(text):
        return "example"
    if _OWNED.match(text):
        words = text.lower().split()
        return " ".join([*words[:-1], singular(words[-1])])
    return None


def _point_text(node: Node) -> tuple[str, str | None, str | None] | None:
    """A point as the notes write it, with the label it carries ("Examples: Mid-Atlantic Ridge, …") and the term
    it is written after, if any."""
    if node.kind != "item" or node.children or question_text(node.text) is not None or ANSWER_MARK.match(node.text):
        return None
    text, label = node.text, None
    pair = split_pair(node)
    term = normalise(pair.term) if pair is not None and not pair.label else None
    if pair is not None and pair.label:
        label = _label(pair.term)
        if label is None and not _DESCRIBING.match(pair.term.strip()):
            return None  # "Country: Italy": a field of a record, asked as a table is
        text = pair.body
    text = _NUMBERING.sub("", text).strip().rstrip(".;,").strip()
    words = text.split()
    if not words or len(words) > _MOST_WORDS or text.endswith(":") or not any(char.isalpha() for char in text):
        return None
    if _EXAMPLE_LABEL.match(text) or is_generic_label(text):
        return None
    return text, label, term


def _points(owner: Node, skip: set[int]) -> list[_Point]:
    """The points under a name, each with the label above it ("Features:", "Examples:"); a label line with
    nothing under it ("example 1") lends its kind to the point after it, as a mind map written flat does. A
    point leading in to points of its own ("phasing out:") is not about the name alone, nor are those below
    it. Below a name that is no heading the points stop at a blank line: what follows is the section's again."""
    found: list[_Point] = []

    def walk(node: Node, label: str | None) -> None:
        previous_end = _ends(node)
        pending: str | None = None
        for child in node.children:
            if owner.kind != "heading" and node is owner and child.line > previous_end + 1:
                break
            previous_end = _ends(child)
            if child.kind == "heading":
                break
            own = _label(child.text)
            if own is not None:
                if child.children:
                    walk(child, own)
                else:
                    pending = own
                continue
            point = _point_text(child) if child.line not in skip else None
            if point is not None:
                text, carried, term = point
                found.append(_Point(child, text, carried or pending or label, term))
            pending = None

    walk(owner, None)
    return found


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _SMALL)


def _no_name_of_its_own(point: str, others: list[str]) -> bool:
    """A point of a shape others share ("Located in …") whose every name another of them holds too: it may be
    true of them as well, for all the notes say."""
    first = point.split()[:1]
    alike = [other for other in others if other.split()[:1] == first]
    names = {name for name in re.findall(r"\b[A-Z][a-z]{3,}\b", point) if not readings(name.lower())}
    names -= set(first)
    return bool(alike and names) and all(any(re.search(rf"\b{name}\b", other) for other in alike) for name in names)


def _marks(name: str, common: list[str]) -> list[str]:
    """The words that tell one sibling from the others ("Divergent" of "Divergent Plate Boundaries")."""
    words = name.split()
    return [w for w in words if w.lower() not in common and w.lower() not in _SMALL] or words


def _says_mark(point: str, marks: list[str], common: list[str]) -> bool:
    """A point that carries its sibling's own word ("Earthquakes occur along transform boundaries"), or spells
    out its letter ("primary waves" under "P waves")."""
    tokens = re.findall(r"[A-Za-z0-9]+", point)
    for mark in marks:
        bare = re.sub(r"[^A-Za-z0-9]", "", mark)
        if (
            common
            and len(bare) == 1
            and bare.isupper()
            and re.search(rf"\b{bare}\w+\s{re.escape(common[-1])}", point, re.IGNORECASE)
        ):
            return True
        if len(bare) >= 4:
            if any(token.lower()[:5] == bare.lower()[:5] for token in tokens if len(token) >= 4):
                return True
        elif bare and bare in tokens:
            return True
    return False


def _common_suffix(names: list[str]) -> list[str]:
    split = [name.lower().split() for name in names]
    common: list[str] = []
    for index in range(1, min(len(words) for words in split) + 1):
        tails = {words[-index] for words in split}
        if len(tails) != 1:
            break
        common.insert(0, split[0][-index])
    if len(common) == min(len(words) for words in split):
        return []  # "Acids" beside "Acids": no word tells them apart
    return common


def _kind(parent: Node | None, common: list[str]) -> str | None:
    """What the siblings are: "plate boundary" from "Types of plate boundaries" over them, or the word their
    names end in ("P waves", "S waves" → "wave"); None where nothing names it."""
    above = kind_noun(parent_text(parent)) if parent is not None else None
    if above is not None:
        above = re.sub(r"^(?:type|kind|form|sort|class|category)\s+of\s+", "", above, flags=re.IGNORECASE)
    if above and (not common or above.lower().split()[-1] == singular(common[-1])):
        return above.lower() if not any(w[:1].isupper() for w in above.split()[1:]) else above
    if common and len(common[-1]) >= 3 and "NOUN" in readings(singular(common[-1])):
        return " ".join([*common[:-1], singular(common[-1])])
    return None  # "Khardung La", "Nathu La": "la" is part of each name, no kind of thing


_THEY = re.compile(r"^(?:They|It)\s(?=(?:are|is|have|has|do|does|can|cannot|[a-z]+)\b)")
"""“They taste bitter” under “Bases”: the point's subject is the name it hangs under."""


def _prompt(kind: str | None, label: str | None, point: str) -> str:
    which = f"Which {kind}" if kind else "Which of these"
    they = _THEY.match(point)
    if they and label is None and has_verb(point) and not re.search(r"\balso\b", point):
        return f"{which} {point[they.end() :]}?"  # "Which of these taste bitter?"
    quoted = f"“{point}”"
    if label == "example":
        several = "," in point or " and " in point
        if kind is None:  # "“HCl, H2SO4, HNO3” are examples of which of these?"
            return f"{quoted} {'are examples' if several else 'is an example'} of which of these?"
        return f"{which} {'are these examples' if several else 'is this an example'} of: {quoted}?"
    if label:
        return f"{which} has this {label}: {quoted}?"
    return f"{which} does this describe: {quoted}?"


def _proper(name: str, lowercase: frozenset[str]) -> bool:
    """A name of one thing ("Harappa", "Vienna Convention"), no common noun at the head of a section."""
    words = name.split()
    return len(words) <= 3 and all(word[:1].isupper() and word.lower() not in lowercase for word in words)


_SECTIONS = frozenset(
    [
        "introduction",
        "summary",
        "conclusion",
        "conclusions",
        "overview",
        "background",
        "history",
        "notes",
        "facts",
        "points",
        "details",
        "types",
        "kinds",
        "causes",
        "effects",
        "features",
        "examples",
        "applications",
        "uses",
        "reasons",
        "results",
        "measures",
        "steps",
        "stages",
        "methods",
        "questions",
        "answers",
        "terms",
        "definitions",
        "keywords",
    ]
)


def _kinds_of_thing(owner: _Owner) -> bool:
    """A short plural name set out as an item, a label or a short heading ("1. Acids:", "Bases", "Indicators"):
    things of one kind beside its siblings, not a section of the notes ("Causes", "Summary")."""
    words = owner.name.lower().split()
    return (
        len(words) <= (2 if owner.node.kind == "heading" else 3)
        and is_plural(owner.name)
        and words[-1] not in _SECTIONS
        and not is_generic_label(owner.name)
    )


def _about_themselves(owners: list[_Owner]) -> bool:
    """Headings such as "Acids", "Bases", "Indicators" are things whose points are about them ("They taste
    bitter.", "Indicators are …"); headings such as "Beginnings" and "Cooperation" are parts of the notes,
    whose points each name their own subject. Owners that are no headings are taken as things."""
    headed = [owner for owner in owners if owner.node.kind == "heading"]
    points = [(owner, point) for owner in headed for point in owner.points]
    about = sum(
        bool(_THEY.match(point.text)) or normalise(point.text).startswith(normalise(owner.name))
        for owner, point in points
    )
    return 2 * about >= len(points)


def _largest(owners: list[_Owner], key: Callable[[_Owner], str | None]) -> list[_Owner]:
    """The largest group of owners alike by `key` (the first found of equal size); owners keyed None in none."""
    groups: dict[str, list[_Owner]] = {}
    for owner in owners:
        if (value := key(owner)) is not None:
            groups.setdefault(value, []).append(owner)
    return max(groups.values(), key=len, default=[])


def _family(owners: list[_Owner], lowercase: frozenset[str]) -> tuple[list[_Owner], list[str]] | None:
    """The siblings that are things of one kind: names that end alike and differ in words of their own
    ("Divergent/Convergent/Transform Plate Boundaries"), or three names of things; else None."""
    alike = _largest(owners, lambda owner: singular(owner.name.split()[-1].lower()))
    if len(alike) >= 3:
        common = _common_suffix([owner.name for owner in alike])
        marks = [{w.lower() for w in _marks(owner.name, common)} for owner in alike]
        if common and all(not (a & b) for i, a in enumerate(marks) for b in marks[i + 1 :]):
            return alike, common
    # "Class One", "Class Two", "Class Three": one word first, the rest telling them apart
    alike = _largest(owners, lambda owner: owner.name.split()[0].lower() if " " in owner.name else None)
    of = any(owner.name.split()[1].lower() in ("of", "at", "in", "for", "by", "from") for owner in alike)
    if len(alike) >= 3 and len({" ".join(owner.name.split()[1:]).lower() for owner in alike}) == len(alike) and not of:
        # ("Finds of Harbor Point", "Finds of Hilltop Fort": lists of what each is of, asked so by shapes.lists)
        return alike, [alike[0].name.split()[0].lower()]
    alike = _largest(owners, lambda owner: _hint(owner.node))
    if len(alike) >= 3 and len({owner.name.lower() for owner in alike}) == len(alike):
        return alike, []
    named = [owner for owner in owners if _proper(owner.name, lowercase) or _kinds_of_thing(owner)]
    if len(named) >= 3 and len(named) == len(owners) and _about_themselves(named):
        words = [{w.lower() for w in owner.name.split()} for owner in named]
        if all(not (a & b) for i, a in enumerate(words) for b in words[i + 1 :]):
            return named, []
    return None


def _families(outline: Outline, skip: set[int]) -> list[tuple[Node | None, list[_Owner]]]:
    by_parent: dict[tuple[int, str, int], tuple[Node | None, list[_Owner]]] = {}
    for node in outline.nodes:
        name = _clean_name(node)
        if name is None:
            continue
        points = _points(node, skip)
        if not points:
            continue
        key = (id(node.parent), node.kind, node.level if node.kind == "heading" else 0)
        by_parent.setdefault(key, (node.parent, []))[1].append(_Owner(node, name, points))
    return list(by_parent.values())


def sibling_names(outline: Outline, lowercase: frozenset[str]) -> list[list[str]]:
    """The names of each family of siblings of one kind ("P waves", "S waves", "Surface waves")."""
    found = (_family(candidates, lowercase) for _, candidates in _families(outline, set()))
    return [[owner.name for owner in family[0]] for family in found if family is not None]


def _fields(outline: Outline) -> set[str]:
    """Labels written twice or more in the notes ("Tributaries: …" under each river, "Joins: …" under two
    passes): fields of records, each item's value of its own, no point that only one of them has."""
    labels: dict[str, int] = {}
    for node in outline.nodes:
        pair = split_pair(node) if node.kind == "item" else None
        if pair is not None and not pair.label:
            key = normalise(pair.term)
            labels[key] = labels.get(key, 0) + 1
    return {label for label, count in labels.items() if count >= 2}


def _cased(word: str, lowercase: frozenset[str]) -> str:
    """A word of a kind in running text: lower case where the notes write it so ("wave", "mughal"), else as a
    name ("Harappan")."""
    lower = word.lower()
    if {lower, f"{lower}s", f"{lower}es", lower.removesuffix("s")} & lowercase:
        return lower
    return word[:1].upper() + word[1:]


_META = frozenset({"type", "kind", "form", "sort", "class", "category", "feature", "point", "part", "example"})


def owner_questions(outline: Outline, topic_of: TopicOf, skip: set[int], lowercase: frozenset[str]) -> list[Placed]:
    """For each point under one of three or more sibling names of one kind: which of them it is true of."""
    placed: list[Placed] = []
    fields = _fields(outline)
    for parent, candidates in _families(outline, skip):
        found = _family(candidates, lowercase)
        if found is None:
            continue
        owners, common = found
        kind = _kind(parent, common)
        if kind is not None:
            if kind.lower() in _META:
                kind = None
            else:
                kind = " ".join(_cased(word, lowercase) for word in kind.split())
        hints = {_hint(owner.node) for owner in owners}
        if kind is None and len(hints) == 1 and None not in hints:
            kind = hints.pop()  # "Which layer …?" of "LAYER 1 - Physical", "LAYER 2 - Data Link", …
        everything = [(owner, point) for owner in owners for point in owner.points]
        for owner in owners:
            marks = _marks(owner.name, common)
            # a sibling the point names ("Together with the Brahmaputra it forms …") is no wrong choice for it
            rivals = [other.name for other in owners if other is not owner]
            for point in owner.points:
                if _says_mark(point.text, marks, common) or _POINTING.match(point.text) or point.term in fields:
                    continue
                mine = _words(point.text)
                if not mine or any(other is not owner and mine <= _words(theirs.text) for other, theirs in everything):
                    continue  # "Situated on the bank of Indus River" under two sites: true of both
                if _no_name_of_its_own(point.text, [t.text for o, t in everything if o is not owner]):
                    continue  # "Located in Sindh, Pakistan", where two other sites are in Sindh and one in Pakistan
                if any(other is not owner and alike(point.text, theirs.text, common) for other, theirs in everything):
                    continue  # "fortified wall" here, "Defensive wall" there: the other may be as right
                prompt = _prompt(kind, point.label, point.text)
                said = {singular(word) for word in re.findall(r"[a-z]+", point.text.lower())}
                wrong = stable_order(
                    [r for r in rivals if not {singular(w) for w in re.findall(r"[a-z]+", r.lower())} <= said],
                    point.text,
                )  # "Litmus: red in acid, blue in base": neither Acids nor Bases is a choice
                found = choice_question(point.node, prompt, owner.name, wrong, "owner", topic_of, "owner", 1.1)
                placed.extend([found] if found else [])
    return placed
