"""A heading or lead-in with its items: \"Name the N …\", \"which comes right after\" for a sequence, and \"Which of these
is one of …\" for each item, with members of the notes' other lists of that kind as choices."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.documents.outline import Node, Outline
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import (
    count_word,
    has_verb,
    head_noun,
    head_word,
    is_generic_label,
    is_plural,
    lead_noun,
    lower_first,
    plain_case,
    readings,
    singular,
    stable_order,
    starts_with_preposition,
    verb_only,
)
from quizapp.generate.shapes.common import Placed, TopicOf, alike, like_answer, overlaps, same_thing
from quizapp.generate.shapes.pair import parent_text, split_pair, subject_of
from quizapp.generate.shapes.qa import question_text

# -- a heading or lead-in with its items ---------------------------------------------------------------

_ORDER_WORDS = re.compile(
    r"\b(?:order|sequence|steps?|stages?|phases?|layers?|hierarchy|ranks?|chronolog\w*|timeline|levels?|process)\b",
    re.IGNORECASE,
)


_LABELLED = re.compile(r"^(?P<term>[A-Z][^:.;!?]{1,60}?)\s?:\s+(?=[A-Z])")
"""An item named before what is said of it ("Water: The water deficiency in the plant …", "Central Goods and
Services Tax (CGST): CGST is levied …"), where the saying is a sentence of its own."""


def _item_name(node: Node) -> str | None:
    pair = split_pair(node)
    labelled = _LABELLED.match(node.text) if pair is None else None
    bare_term = re.sub(r"\s*\([^)]*\)", "", labelled["term"]) if labelled else ""
    if labelled and len(bare_term.split()) <= 6 and not has_verb(bare_term):
        name = labelled["term"].strip()
    elif pair is not None and not pair.label:
        name = pair.term
    else:
        name = node.text.rstrip(".;,:")
        bare = re.sub(r"\s*\([^)]*\)", "", name)
        if len([w for w in bare.split() if w.lower() not in ("of", "the")]) > 7 or re.search(r"[.!?]\s", name):
            return None
    name = re.sub(r"^(?:Layer\s+\d+\s*[-–:]\s*)", "", name).strip()
    return name if any(char.isalpha() for char in name) else None


_MODAL = frozenset({"can", "could", "may", "might", "must", "will", "would", "should", "shall", "cannot"})


def _member_like(name: str) -> bool:
    """An item that names a member of a set ("Gateway city", "Erosion"), not a label ("Features") or a property
    ("Fastest - primary waves", "Can travel through solids", "Longitudinal")."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip() or name  # "(or any other nominated Minister)": an aside
    words = name.split()
    first = words[0].lower()
    if is_generic_label(name) or first in _MODAL or verb_only(first) or first.endswith("est"):
        return False
    if any(word.lower() in _MODAL for word in words) or has_verb(name) or starts_with_preposition(name):
        return False  # "Requirement of consensus can delay reforms", "With metals": a point, not a member
    found = readings(first)
    return not (len(words) == 1 and "ADJ" in found and "NOUN" not in found)


@dataclass(slots=True)
class _List:
    parent: Node
    items: list[Node]
    names: list[str]
    noun: str
    complete: bool = True
    """Every item of the list names a member (else only some are asked, one by one)."""


def _lists(outline: Outline) -> list[_List]:
    """Every heading or lead-in whose items name the members of a set, with the set's plural noun."""
    found: list[_List] = []
    lowercase = {word for node in outline.nodes for word in re.findall(r"\b[a-z][a-z'’-]+\b", node.text)}
    for parent in outline.nodes:
        items = [child for child in parent.children if child.kind == "item"]
        if len(items) < 2 or len(items) > 15 or question_text(parent.text) is not None:
            continue
        named = [(item, _item_name(item)) for item in items]
        named = [(item, name) for item, name in named if name is not None and _member_like(name)]
        if len(named) < max(2, 0.6 * len(items)):
            continue  # most items are sentences, not members of a set
        complete = len(named) == len(items)
        items, clean = [item for item, _ in named], [name for _, name in named]
        if len({normalise(n) for n in clean}) != len(clean):
            continue
        lead = parent_text(parent) or ""
        noun = lead_noun(lead) or head_noun(lead)
        above = parent.parent
        # Only an item above names whose set this is ("Archaeological Findings" under "1. Harappa"); a heading
        # above is the notes' section, already the question's topic.
        context = (
            subject_of(parent) if parent.kind != "heading" and above is not None and above.kind == "item" else None
        )
        if context is not None:
            context = context if _a_name(context, lowercase) else lower_first(context)
        if noun is None or is_generic_label(noun):
            if noun and context:
                noun = f"{noun.lower()} of {context}"
            else:
                continue
        elif context and normalise(context) not in normalise(noun) and " of " not in noun:
            noun = f"{plain_case(noun)} of {context}"  # "archaeological findings of Harappa"
        if any(normalise(name) in normalise(noun) for name in clean) or not is_plural(noun):
            continue  # "Name the two parts of the duration": a heading that is no plural noun names no set
        if re.search(r"\s(?:vs\.?|versus)\s", noun, re.IGNORECASE) or _no_names(clean):
            continue  # "Humoral vs cell-mediated"; "1st Law, 2nd Law, 3rd Law", "Primary, Secondary": no members
        if parent.kind != "heading" and len(noun.split()) == 1 and context is None:
            continue  # "chairs:" alone under a point names nothing a question could carry
        if len(noun.split()) == 1 and " of " not in noun and context is None:
            whose = _whose(parent, outline.title or "")
            if whose is None:
                continue  # "Name the three tiers." of what, the notes do not say
            noun = f"{noun.lower()} of {whose}"  # "tiers of Panchayati Raj"
        found.append(_List(parent, items, clean, noun, complete))
    return found


def _whose(parent: Node, title: str) -> str | None:
    """What a bare plural heading ("Tiers", "Keys") is of: the nearest heading above it that names a thing, else
    the notes' title without its file number or subtitle; None where neither does."""
    above = [node.text for node in parent.ancestors() if node.kind == "heading" and node is not parent]
    for text in [*above, re.sub(r"^\s*\d+[\s._-]*", "", title)]:
        text = re.split(r"\s[-–—:|]\s|:\s|\s\(", text.replace("_", " "))[0].strip()
        words = text.split()
        if not 1 <= len(words) <= 5 or is_generic_label(text) or re.search(r"\d|\?|,|\bnotes?\b", text, re.IGNORECASE):
            continue
        return text if not text.isupper() or len(words) == 1 else text.title()
    return None


def list_names(outline: Outline) -> list[list[str]]:
    """The members each list of the notes names in full ("Harappa", "Mohenjodaro", …): things of one kind."""
    return [found.names for found in _lists(outline) if found.complete and len(found.names) >= 3]


def _no_names(names: list[str]) -> bool:
    """Items that only number or qualify ("1st Law", "2nd Law"; "Primary", "Secondary"): naming them tests nothing."""
    numbered = all(re.fullmatch(r"(?i)(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+\w+", n) for n in names)
    qualifiers = sum(
        1
        for n in names
        if " " not in n and "ADJ" in readings(n.lower()) and n.lower().endswith(("ary", "al", "ive", "ic", "ous"))
    )
    return numbered or qualifiers * 2 >= len(names)


def _a_name(text: str, lowercase: set[str]) -> bool:
    """A name whose first word the notes never write in lower case ("Harappa", "Koti-Diji"), not a common noun
    at the start of a line ("Acids")."""
    first = text.split(" ", 1)[0]
    return first.lower() not in lowercase and first[:1].isupper()


def _name_prompt(noun: str, n: int, heading: str) -> str:
    """ "Name the four stages of the rock cycle."; a noun that already counts its items keeps its own count
    and the heading's capitals ("Name Newton's three laws of motion.", not "Name the three newton's three …")."""
    if not re.search(rf"(?i)\b(?:{count_word(n)}|{n})\b", noun):
        return f"Name the {count_word(n)} {noun}."
    written = re.search(re.escape(noun), heading, re.IGNORECASE)
    if written:
        noun = written.group(0)
    first = noun.split(" ", 1)[0]
    return f"Name {noun}." if first.endswith(("'s", "’s")) else f"Name the {noun}."


def list_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    placed: list[Placed] = []
    lists = _lists(outline)
    # How many lines of the notes name each list item: a wrong choice named elsewhere may be true there.
    names = {_core(name) for found in lists for name in found.names}
    mentions: dict[str, int] = dict.fromkeys(names, 0)
    listed = {id(node) for found in lists for node in [found.parent, *found.items]}
    for node in outline.nodes:
        if id(node) in listed:
            continue  # only prose counts: "Central Sales Tax was collected by the Central Government"
        text = normalise(node.text)
        for name in names:
            if name and name in text:
                mentions[name] += 1
    for found in lists:
        parent, items, clean, noun = found.parent, found.items, found.names, found.noun
        n = len(clean)
        topic = topic_of(parent)
        if n <= 8 and found.complete:
            prompt = _name_prompt(noun, n, parent_text(parent) or parent.text)
            answer = ", ".join(clean[:-1]) + " and " + clean[-1]
            draft = Draft("list", prompt, answer, ["list"], None, items=clean, score=1.45)
            placed.append(Placed(draft, parent.line, parent.text, topic, f"list:{parent.line}"))
        lead = parent_text(parent) or ""
        ordered = all(item.numbered for item in items) and (
            _ORDER_WORDS.search(lead) or _ORDER_WORDS.search(parent.text)
        )
        if ordered and n >= 3:
            placed.extend(_order_questions(items, clean, noun, topic))
        elif n >= 3:
            placed.extend(_member_questions(found, lists, topic, mentions))
    return placed


def _core(name: str) -> str:
    return normalise(re.sub(r"\s*\([^)]*\)", "", name))


def _member_questions(found: _List, lists: list[_List], topic: str, mentions: dict[str, int]) -> list[Placed]:
    """ "Which of these is one of the state taxes subsumed under GST?" for an item, the choices taken from the
    notes' other lists of the same kind of thing (taxes with taxes), none of them a member of this one."""
    members = {normalise(name) for name in found.names}
    kind = singular(head_word(found.noun)).lower()
    rivals = [other for other in lists if other is not found and singular(head_word(other.noun)).lower() == kind]
    owners = _owners(found, rivals)
    if owners is not None:
        return _owner_questions(found, rivals, owners, topic)
    own = _stems(found.noun)
    # The words that set this list apart from its rivals ("Centre" against "State"): a choice carrying one of
    # them shows which list it belongs to without the student knowing ("State VAT" among the Centre's taxes).
    own_marks = own - {stem for other in rivals for stem in _stems(other.noun)}
    pool = [
        name
        for other in rivals
        for name in other.names
        if normalise(name) not in members and not _stems(name) & (_stems(other.noun) - own)
    ]
    placed: list[Placed] = []
    pool = [name for name in pool if not mentions.get(_core(name), 0)]  # named in prose: may be a member too
    own_points = [_item_name(child) or child.text for child in found.parent.children]  # "fortified wall" too
    for item, name in zip(found.items, found.names, strict=True):
        if _stems(name) & own_marks:
            continue  # "Central Excise Duty" among "taxes levied by the Centre": the stem answers for the student
        candidates = [c for c in pool if not overlaps(c, name) and not any(same_thing(c, m) for m in own_points)]
        wrong = _unlike(stable_order(like_answer(name, candidates), name), name)[:3]
        if len(wrong) < 3:
            continue
        prompt = f"Which of these is one of the {found.noun}?"
        draft = Draft("mcq", prompt, name, ["list"], None, choices=[name, *wrong], score=1.15)
        placed.append(Placed(draft, item.line, item.text, topic, f"member:{item.line}"))
        break  # the same question again with another answer reads as a repeat: one item of a list is asked so
    return placed


def _owners(found: _List, rivals: list[_List]) -> tuple[str, str, list[str]] | None:
    """ "archaeological findings of" Harappa, of Mohenjodaro, of Lothal: the frame three or more lists share, what
    this one is of, and what the others are of; None where the lists differ otherwise."""
    words = [found.noun.split(), *(rival.noun.split() for rival in rivals)]
    shared = 0
    while all(len(w) > shared + 1 and w[shared].lower() == words[0][shared].lower() for w in words):
        shared += 1
    frame = words[0][:shared]
    article = ""
    if frame and frame[-1].lower() == "the":
        frame, article = frame[:-1], "the "  # "levied by the" Centre: "levied by which of these?", "the Centre"
    tails = [article + " ".join(w[shared:]) for w in words]
    if (
        not frame
        or any(len(tail.split()) > 4 for tail in tails)
        or len({t.lower() for t in tails}) < max(3, len(tails))
    ):
        return None
    return " ".join(frame), tails[0], tails[1:]


def _owner_questions(found: _List, rivals: list[_List], owners: tuple[str, str, list[str]], topic: str) -> list[Placed]:
    """Each item asked which list it is of ("“Great Granary” is one of the archaeological findings of which of
    these?"): a different question for each, where "Which of these is one of …?" would repeat one stem."""
    frame, own, others = owners
    placed: list[Placed] = []
    theirs = [_item_name(child) or child.text for rival in rivals for child in rival.parent.children]
    for item, name in zip(found.items, found.names, strict=True):
        if any(same_thing(name, other) or overlaps(name, other) or alike(name, other) for other in theirs):
            continue  # found at two sites: which one, the notes would not settle
        if _stems(name) & _stems(own):
            continue  # "Brass cornet" of the brass section: the name answers for the student
        prompt = f"“{name}” is one of the {frame} which of these?"
        choices = [own, *stable_order(others, name)[:3]]
        placed.append(
            Placed(
                Draft("mcq", prompt, own, ["list", "owner"], None, choices=choices, score=1.05),
                item.line,
                item.text,
                topic,
                f"member:{item.line}",
            )
        )
    return placed


_FUNCTION_WORDS = frozenset(
    [
        "that",
        "this",
        "these",
        "those",
        "have",
        "been",
        "were",
        "with",
        "from",
        "into",
        "under",
        "over",
        "which",
        "their",
        "there",
        "they",
        "them",
        "such",
        "also",
        "some",
        "other",
        "than",
        "then",
        "when",
        "where",
        "what",
        "more",
        "most",
        "only",
        "both",
        "each",
    ]
)


def _stems(text: str) -> set[str]:
    """The content words of a name, cut to five letters so that "Centre" and "Central" meet."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {word[:5] for word in words if len(word) >= 4 and word not in _FUNCTION_WORDS}


def _unlike(candidates: list[str], answer: str) -> list[str]:
    """Wrong choices that differ from each other: among three versions of "Duties of Excise", the one choice
    that is no excise duty stands out. A candidate sharing half its words with one already taken waits."""
    taken: list[str] = []
    for candidate in candidates:
        words = _stems(candidate)
        if all(len(words & _stems(other)) * 2 < max(1, min(len(words), len(_stems(other)))) for other in taken):
            taken.append(candidate)
    return taken


def _order_questions(items: list[Node], names: list[str], noun: str, topic: str) -> list[Placed]:
    """ "In the sequence of organs, what comes right after the mouth?" for each item but the first."""
    numbers = [int(re.sub(r"\D", "", item.marker or "0") or 0) for item in items]
    descending = numbers == sorted(numbers, reverse=True) and numbers[0] != numbers[-1]
    placed: list[Placed] = []
    for index in range(1, len(names)):
        before, answer = names[index - 1], names[index]
        relation = "right below" if descending else "right after"
        prompt = f"In the {noun}, which comes {relation} {before}?"
        others = [name for name in names if name not in (before, answer)]
        wrong = stable_order(others, answer)[:3]
        if len(wrong) >= 2:
            draft = Draft("mcq", prompt, answer, ["order"], None, choices=[answer, *wrong], score=1.2)
        else:
            draft = Draft("short", prompt, answer, ["order"], None, score=1.1)
        placed.append(Placed(draft, items[index].line, items[index].text, topic, f"order:{items[index].line}"))
    return placed


def list_members(outline: Outline) -> set[int]:
    """The nodes (by id) that are items of a list with a noun: their list asks them."""
    return {
        id(item)
        for found in _lists(outline)
        for item, name in zip(found.items, found.names, strict=True)
        if len(item.text.split()) <= len(name.split()) + 3  # "Water: The water deficiency …" says more than its name
    }


# -- a lead-in whose points are statements ------------------------------------------------------------

_POINT_NOUNS = frozenset(
    [
        "consequence", "effect", "cause", "feature", "characteristic", "power", "function", "role", "advantage",
        "disadvantage", "benefit", "drawback", "limitation", "challenge", "problem", "reason", "factor", "step",
        "qualification", "condition", "provision", "principle", "objective", "aim", "importance", "significance",
        "mistake", "difference", "similarity", "measure", "impact", "outcome", "result", "property", "criticism",
        "concern", "issue", "merit", "demerit", "strength", "weakness", "implication", "responsibility", "duty",
        "use", "application",
    ]
)  # fmt: skip
"""What a lead-in names when its points are statements: "the negative consequences of …", "the features of …"."""
_THESE_ARE = re.compile(
    r"^(?:The\sfollowing\sare|These\sare|Following\sare)\s(?:the\s)?(?P<noun>[^:]{3,80}?)\s*:?$"
    r"|\bthe\sfollowing\s(?P<following>[a-z][^:,]{3,100}?)\s*:?$"
)


def lead_in_cards(outline: Outline, topic_of: TopicOf, asked: set[int]) -> list[Placed]:
    """ "The following are the negative consequences of ozone depletion:" over points that are sentences, not
    names: a card "What are the negative consequences of ozone depletion?" with the points as its back, where
    neither the lead-in nor most of its points is asked otherwise (a list question asks a set of names)."""
    placed: list[Placed] = []
    for parent in outline.nodes:
        items = [child for child in parent.children if child.kind == "item"]
        if parent.line in asked or not 2 <= len(items) <= 6 or len(items) != len(parent.children):
            continue
        if any(item.children for item in items) or sum(item.line in asked for item in items) * 2 > len(items):
            continue  # points with points of their own, or points asked one by one
        if question_text(parent.text) is not None or all(_item_name(item) for item in items):
            continue  # a question heading answers itself; names are asked by "Name the N …"
        lead = parent_text(parent) or ""
        found = _THESE_ARE.search(lead)
        noun = (found["noun"] or found["following"]) if found else lead_noun(lead) or head_noun(lead)
        head = (
            re.split(r"\s(?:of|to|for|in|on|at|under|during|with|by|over|about|against|between|from)\s", noun)[0]
            .split()[-1]
            .lower()
            if noun
            else ""
        )
        if noun is None or singular(head) not in _POINT_NOUNS or not is_plural(head):
            continue  # "S WAVES:" over its properties is no set of points to recall
        if len(noun.split()) <= 2 and " of " not in noun:
            owner = subject_of(parent) if parent.parent is not None and parent.parent.kind == "item" else None
            if owner is None:
                continue  # "Effects:" of what, only a heading above would say
            noun = f"{noun.lower()} of {owner}"  # "Features:" under "Convergent Plate Boundaries"
        points = [re.sub(r"^(?:\d+[.)]|\([ivx]+\))\s*", "", item.text).rstrip(".;") for item in items]
        if sum(len(point.split()) for point in points) > 90:
            continue  # a back too long to recall as one answer
        front = f"What are the {plain_case(noun) if noun[:1].isupper() and not noun.isupper() else noun}?"
        back = "; ".join(points) + "."
        draft = Draft("flashcard", front, back, ["list"], None, score=1.0)
        placed.append(Placed(draft, parent.line, parent.text, topic_of(parent), f"lead:{parent.line}"))
    return placed
