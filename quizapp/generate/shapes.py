"""Questions from the shape of the notes: question-and-answer pairs, "Term: definition" pairs, a heading or
lead-in with its items, and table rows (pipe tables, or lines of cells split by dashes under a header)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from quizapp.documents.outline import Node, Outline, is_title_like
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import (
    coin,
    count_word,
    has_verb,
    head_noun,
    head_word,
    is_generic_label,
    is_definition,
    readings,
    singular,
    verb_only,
    is_plural,
    kind_noun,
    lead_noun,
    plain_case,
    lower_first,
    stable_order,
    starts_with_preposition,
)


@dataclass(slots=True)
class Placed:
    """A drafted question with the line of the notes it comes from."""

    draft: Draft
    line: int
    source: str
    topic: str
    group: str = ""
    """Questions of one group ask one fact: the selection keeps the best of them."""


# -- question and answer pairs ----------------------------------------------------------------------

_Q_MARK = re.compile(r"^(?:Q(?:ue?s(?:tion)?)?\.?\s*\d{0,3}\s*[.:)\-–]*|Question\s*\d{0,3}\s*[.:)\-–]*)\s*", re.IGNORECASE)
_A_MARK = re.compile(r"^(?:Ans(?:wer)?s?\.?\s*[.:)\-–]*|A[.:)]\s|Complete answer\s*:|Solution\s*:)\s*", re.IGNORECASE)
_QUESTION_WORDS = re.compile(
    r"^(?:who|what|when|where|which|why|how|name|list|give|state|define|explain|write|describe|mention|is|are|do"
    r"|does|can|what's)\b",
    re.IGNORECASE,
)


def _question_text(text: str) -> str | None:
    """The question a node asks ("Q1. Who …?", "Question 4.", "What is osmosis?"), or None."""
    marked = _Q_MARK.match(text)
    if marked and marked.end() > 0 and (text[: marked.end()].strip()[:1] in "Qq"):
        rest = text[marked.end() :].strip()
        if rest.lower().startswith(("uestion", "ues")):
            return None
        return rest  # may be empty: the question is on the next line
    if text.endswith("?") and _QUESTION_WORDS.match(text) and len(text.split()) <= 30:
        return text
    return None


@dataclass(slots=True)
class QAPair:
    question: str
    line: int
    answer_parts: list[Node] = field(default_factory=list)
    items: list[Node] = field(default_factory=list)
    answer_line: int = 0


def qa_pairs(outline: Outline) -> list[QAPair]:
    """Question-and-answer pairs in their usual house styles, with the nodes of each answer."""
    nodes = outline.nodes
    pairs: list[QAPair] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        if node.kind not in ("text", "heading", "item"):
            index += 1
            continue
        question = _question_text(node.text) if node.kind != "item" or node.numbered else None
        if question is None or (node.kind == "item" and not _Q_MARK.match(node.text)):
            index += 1
            continue
        line = node.line
        index += 1
        if not question and index < len(nodes) and nodes[index].text.endswith(("?", ".")):
            question, line = nodes[index].text, nodes[index].line
            index += 1
        if not question or len(question.split()) < 2:
            continue
        pair = QAPair(question, line)
        while index < len(nodes):
            current = nodes[index]
            if current.kind == "heading" and node.kind != "heading" or _question_text(current.text) is not None:
                break
            if current.kind == "heading" and current.level <= node.level:
                break
            text = current.text
            answer = _A_MARK.match(text)
            if answer:
                text = text[answer.end() :].strip()
                if not text:
                    index += 1
                    continue
            if current.kind == "item" and pair.answer_parts == []:
                pair.items.append(current)
            elif current.kind == "item" and pair.items:
                pair.items.append(current)
            else:
                if pair.items:
                    break
                pair.answer_parts.append(current)
            if not pair.answer_line:
                pair.answer_line = current.line
            index += 1
            if len(pair.answer_parts) >= 2 or (node.kind != "heading" and len(pair.answer_parts) >= 3):
                break
        if pair.answer_parts or pair.items:
            pairs.append(pair)
    return pairs


def _answer_text(node: Node) -> str:
    text = node.text
    answer = _A_MARK.match(text)
    return text[answer.end() :].strip() if answer else text


def _short_answer(question: str, answer: str) -> tuple[str, list[str]] | None:
    """The answer to type, and other ways to write it, for a short answer; None if it is not short."""
    text = re.sub(r"^(?:It is|It was|They are|These are|This is)\s+", "", answer.strip()).rstrip(".")
    text = re.sub(r"\s*\((?:e\.g\.|eg|i\.e\.)[^)]*\)$", "", text).strip()
    accept: list[str] = []
    if question.lower().startswith("who") and (tail := re.search(r"\s(?:in|,)\s*\(?(?:1[0-9]|20)\d\d\)?$", text)):
        accept.append(text)
        text = text[: tail.start()].strip(" ,")
    if re.search(r"\((?:1[0-9]|20)\d\d\)$", text):
        accept.append(text)
        text = re.sub(r"\s*\((?:1[0-9]|20)\d\d\)$", "", text)
    words = text.split()
    if not words or len(words) > 6 or not any(char.isalnum() for char in text):
        return None
    if text.lower().startswith(("in ", "on ")) and re.search(r"\d", text):
        accept.append(text)
        text = text[3:]
    return text, accept


_PERSON_WORDS = frozenset({"scientist", "scientists", "person", "man", "woman", "ruler", "king", "emperor", "author"})


def _answer_kind(question: str) -> str:
    """What kind of thing a question asks for, so sibling answers of the same kind can be its choices: "who",
    "when", "where", or the noun it names ("Name the smallest cell." → "cell")."""
    words = re.findall(r"[A-Za-z]+", question.lower())
    if not words:
        return "what"
    if words[0] in ("who", "whom", "whose"):
        return "person"
    if words[0] in ("when", "where"):
        return words[0]
    start = 1
    while start < len(words) and words[start] in ("is", "are", "was", "were", "the", "a", "an", "one", "of", "any"):
        start += 1
    noun = ""
    for word in words[start:]:
        if word in _HEAD_STOP:
            break
        noun = word
    noun = singular(noun) if noun else words[0]
    return "person" if noun in _PERSON_WORDS or singular(noun) in _PERSON_WORDS else noun


_HEAD_STOP = frozenset(
    "of in on at by for from to with is are was were that which who does do did can responsible called known".split()
)
_WHO_DID = re.compile(r"^Who\s(?P<verb>[a-z]+ed|wrote|built|founded|made|gave|found)\s(?P<object>(?:(?!\band\s(?:how|why|where|when)\b)[^?]){3,80})\?$")
_PARTICIPLE = {"wrote": "written", "built": "built", "made": "made", "gave": "given", "found": "found"}
_YEAR = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")
_WHAT_IS = re.compile(r"^What\s(?P<be>is|are)\s(?:a\s|an\s|the\s)?(?P<term>[\w\s-]{2,40}?)\s?\?$", re.IGNORECASE)


def _second_question(pair: QAPair, answer_text: str, topic: str) -> Placed | None:
    """The other side of a Q/A pair, from its answer's own line: "Who discovered the cell? Ans. Robert Hooke in
    1665." also asks "When was the cell discovered?"; "What is osmosis? Ans. The movement of water …" also
    asks "What is the movement of water … called?"."""
    line = pair.answer_line
    if not line or line == pair.line:
        return None
    who = _WHO_DID.match(pair.question)
    year = _YEAR.findall(answer_text)
    if who and len(set(year)) == 1:
        verb = _PARTICIPLE.get(who["verb"], who["verb"])
        obj = who["object"]
        be = "were" if is_plural(obj) else "was"
        draft = Draft("short", f"When {be} {obj} {verb}?", year[0], ["date"], None, score=1.3)
        return Placed(draft, line, f"{pair.question} {answer_text}", topic, f"qa-when:{line}")
    what = _WHAT_IS.match(pair.question)
    definition = answer_text.rstrip(".")
    if what and re.match(r"(?i)^(?:the|a|an)\s", definition) and 5 <= len(definition.split()) <= 30:
        term = what["term"].strip()
        if normalise(term) in normalise(definition) or any(w in definition.lower() for w in (" it ", " this ")):
            return None
        prompt = f"What {what['be'].lower()} {definition[:1].lower()}{definition[1:]} called?"
        draft = Draft("short", prompt, term, ["definition"], None, score=1.3)
        return Placed(draft, line, f"{pair.question} {answer_text}", topic, f"qa-back:{line}")
    return None


def _first_sentences(text: str, limit: int = 320) -> str:
    """A card's back cut after its last whole sentence within `limit` characters."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > 40 else cut.rsplit(" ", 1)[0] + " …"


def qa_questions(outline: Outline, topic_of) -> list[Placed]:  # noqa: ANN001 - topic_of: Node -> str
    pairs = qa_pairs(outline)
    placed: list[Placed] = []
    shorts: dict[str, list[str]] = {}
    for pair in pairs:
        if pair.answer_parts and not pair.items:
            short = _short_answer(pair.question, _answer_text(pair.answer_parts[0]))
            if short:
                shorts.setdefault(_answer_kind(pair.question), []).append(short[0])
    for pair in pairs:
        first = (pair.answer_parts or pair.items)[0]
        topic = topic_of(first)
        source = f"{pair.question} {' '.join(_answer_text(n) for n in pair.answer_parts[:1]) or ''}".strip()
        group = f"qa:{pair.line}"
        if pair.items and 2 <= len(pair.items) <= 8 and all(len(i.text.split()) <= 8 for i in pair.items):
            items = [i.text.rstrip(".") for i in pair.items]
            answer = ", ".join(items[:-1]) + " and " + items[-1]
            draft = Draft("list", pair.question, answer, ["list"], None, items=items, score=1.5)
            placed.append(Placed(draft, pair.line, pair.question, topic, group))
            continue
        if pair.items:
            back = " ".join(i.text for i in pair.items[:4])
            draft = Draft("flashcard", pair.question, back, ["question"], None, score=1.3)
            placed.append(Placed(draft, pair.line, pair.question, topic, group))
            continue
        answer_text = _answer_text(pair.answer_parts[0])
        short = _short_answer(pair.question, answer_text)
        explanation = answer_text if short and answer_text.rstrip(".") != short[0] else None
        if short:
            answer, accept = short
            comma_items = [part.strip() for part in re.split(r",\s*|\s+and\s+", answer) if part.strip()]
            if len(comma_items) >= 3 and all(len(i.split()) <= 3 for i in comma_items):
                draft = Draft("list", pair.question, answer, ["list"], None, items=comma_items, score=1.5)
                placed.append(Placed(draft, pair.line, pair.question, topic, group))
                continue
            kind = _answer_kind(pair.question)
            others = [
                other
                for other in dict.fromkeys(shorts.get(kind, []))
                if normalise(other) != normalise(answer) and normalise(other) not in normalise(pair.question)
            ]
            wrong = stable_order(others, pair.question)[:3]
            if len(wrong) == 3 and len(answer.split()) <= 4:
                draft = Draft(
                    "mcq", pair.question, answer, ["question"], None, choices=[answer, *wrong], accept=accept,
                    explanation=explanation, score=1.5,
                )
            else:
                draft = Draft(
                    "short", pair.question, answer, ["question"], None, accept=accept, explanation=explanation,
                    score=1.5,
                )
            placed.append(Placed(draft, pair.line, source, topic, group))
            second = _second_question(pair, answer_text, topic)
            if second is not None:
                placed.append(second)
            continue
        back = _first_sentences(" ".join(_answer_text(n) for n in pair.answer_parts))
        draft = Draft("flashcard", pair.question, back, ["question"], None, score=1.35)
        placed.append(Placed(draft, pair.line, source, topic, group))
        second = _second_question(pair, answer_text, topic)
        if second is not None:
            placed.append(second)
    return placed


def qa_lines(outline: Outline) -> set[int]:
    """The lines of every question of a Q/A pair and of short answers: the sentence path leaves them alone."""
    lines: set[int] = set()
    for pair in qa_pairs(outline):
        lines.add(pair.line)
        for node in pair.answer_parts:
            if len(_answer_text(node).split()) <= 8 or not is_sentence(_answer_text(node)):
                lines.add(node.line)
    return lines


def is_sentence(text: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|can|will|\w+ed|\w+s)\b", text)) and text[:1].isupper()


# -- "Term: definition" pairs -------------------------------------------------------------------------

_PAIR = re.compile(r"^(?P<term>[^:=–—]{1,60}?)\s*(?::\s*|\s[–—-]+\s*|–\s*|\s=\s*)(?P<body>\S.*)$")
_SENTENCE_SUBJECT = re.compile(
    r"^(?:[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5}?)\s+(?:is|are|was|were|has|have|had|will|can|became|provides|"
    r"refers|means)\b"
)


@dataclass(slots=True)
class TermPair:
    node: Node
    term: str
    body: str
    label: bool
    """A generic label ("Examples:", "Concept:") about the subject above, not a term of its own."""


def split_pair(node: Node) -> TermPair | None:
    """ "Ribosomes: the protein factories of the cell." → (Ribosomes, the protein factories …)."""
    match = _PAIR.match(node.text)
    if match is None:
        return None
    term, body = match["term"].strip(" .*"), match["body"].strip()
    words = term.split()
    if not words or len(words) > 6 or not any(char.isalpha() for char in term) or len(body) < 2:
        return None
    bare_term = re.sub(r"\s\([A-Z][A-Za-z0-9]{1,8}\)$", "", term)  # "Central GST (CGST)"
    if term.endswith("?") or re.search(r"\b(?:is|are|was|were|has|have)\b|[,;=()]", bare_term):
        return None
    if re.match(r"(?i)(?:when|if|while|as|because|since|although|for example|e\.g)\b", term):
        return None
    if re.fullmatch(r"(?:\d+\.?)+|[A-Za-z]", term):
        return None
    if words[0].lower().endswith("ed") and len(words) > 2 or verb_only(words[0]):
        return None  # "Provided a structured mechanism for Centre – …": a clause, not a term
    if starts_with_preposition(term) and not node.parent:
        return None
    label = is_generic_label(term)
    if not label and _SENTENCE_SUBJECT.match(body) and not body.lower().startswith(term.lower()):
        return None  # "Defence ties: Quadrilateral Security Dialogue is …": a label over a sentence of its own
    return TermPair(node, term, body, label)


def subject_of(node: Node) -> str | None:
    """What a node's lines are about: its parent's term ("1. Acids:" → Acids), or the heading's name."""
    for parent in node.ancestors():
        if parent.kind == "text" and not parent.text.endswith(":"):
            continue
        pair = split_pair(parent)
        text = pair.term if pair and not pair.label else parent.text
        text = text.rstrip(":").strip()
        letters = [char for char in text if char.isalpha()]
        if parent.kind == "heading" and (len(letters) > 3 and all(char.isupper() for char in letters)):
            return None  # an ALL-CAPS heading names a part of the notes, not what "it" points at
        if is_title_like(text) and len(text.split()) <= 6 and not text.endswith("?") and "=" not in text:
            return text
        return None
    return None


def _definition_prompt(term: str, body: str) -> str:
    verb = "are" if is_plural(term) else "is"
    return f"What {verb} {_term_case(term)}?"


_SILENT_LABELS = frozenset({"note", "notes", "fact", "facts", "hint", "summary", "answer", "complete answer", "in summary",
                            "explanation", "key points", "key point", "source", "sources", "note that"})
"""Labels that only mark a line as an aside: nothing to ask about the subject above them."""
_VALUE = re.compile(r"^[\d\s.,:%/–—-]*(?:\d{3,4}|\d+%)[\d\s.,:%/–—-]*(?:AD|BC|BCE|CE)?$")


def _term_case(term: str) -> str:
    """A term in running text: "Light reactions" → "light reactions", but "Shah Jahan" and "ATP" stay."""
    words = term.split()
    if len(words) > 1 and any(word[:1].isupper() for word in words[1:]):
        return term
    return lower_first(term)


_DEFINING_WORDS = re.compile(r"(?i)^(?:a|an|the)\s|\b(?:that|which|who|where)\b")


def _name_like(text: str) -> bool:
    """A short right side that names something ("Citric acid", "Sodium Hydroxide(NaoH)"), not a property
    ("Completely ionize in water", "Red in acid")."""
    first = text.split()[0].lower().strip("(")
    return is_definition(text) and not has_verb(text) and not first.endswith("ly") and not verb_only(first)


def _label_questions(pair: TermPair, topic: str, group: str) -> list[Placed]:
    """ "Examples: …", "Evidence: …" under a named item: asked about that item."""
    node, body = pair.node, pair.body.rstrip()
    subject = subject_of(node)
    label = pair.term.rstrip(":").lower()
    if subject is None or node.children or label in _SILENT_LABELS:
        return []
    subject_text = _term_case(subject)
    if label in ("examples", "example"):
        items = [i.strip() for i in re.split(r",\s*|\s+and\s+", _PARENTHESIS.sub("", body).rstrip(".")) if i.strip()]
        if 2 <= len(items) <= 6 and all(len(i.split()) <= 5 for i in items):
            prompt = f"Give the examples of {subject_text} named in the notes."
            draft = Draft("list", prompt, ", ".join(items), ["list"], None, items=items, score=1.1)
            return [Placed(draft, node.line, node.text, topic, group)]
        return []
    if label in ("concept", "description", "definition", "meaning"):
        front = f"What {'are' if is_plural(subject) else 'is'} {subject_text}?"
    else:
        front = f"What {'are' if is_plural(label) else 'is'} the {label} of {subject_text}?"
    return [Placed(Draft("flashcard", front, body, ["definition"], None, score=1.2), node.line, node.text, topic, group)]


def term_questions(outline: Outline, topic_of) -> list[Placed]:  # noqa: ANN001
    in_tables = table_lines(outline) | {
        node.line for pair in qa_pairs(outline) for node in [*pair.items, *pair.answer_parts]
    }  # a table's rows, and the points of an answer, are asked by their table and their question
    pairs = [
        pair
        for node in outline.nodes
        if node.kind in ("item", "text") and node.line not in in_tables
        for pair in [split_pair(node)]
        if pair
    ]
    by_parent: dict[int, list[TermPair]] = {}
    for pair in pairs:
        if not pair.label:
            by_parent.setdefault(id(pair.node.parent), []).append(pair)
    placed: list[Placed] = []
    for pair in pairs:
        node = pair.node
        topic = topic_of(node)
        group = f"term:{node.line}"
        body = pair.body.rstrip()
        if pair.label:
            placed.extend(_label_questions(pair, topic, group))
            continue
        term = pair.term
        if starts_with_preposition(term) or _VALUE.match(body.rstrip(".")) or body.endswith(":"):
            continue  # "With metals: Acid + Metal -> …", "Babur – 1526-1530": no term and no definition
        parent = node.parent
        if len(term) <= 3 and not term.isalpha() or len(re.findall(r"[^\W\d_]", term)) < 3:
            # "p1 = Initial Momentum": a symbol of a formula, asked for what it stands for.
            if len(term) <= 4 and 1 <= len(body.split()) <= 5 and not _VALUE.match(body):
                meaning = body.rstrip(".")
                others = [p.body.rstrip(".") for p in by_parent.get(id(parent), []) if p is not pair]
                others = [o for o in dict.fromkeys(others) if len(o.split()) <= 5 and normalise(o) != normalise(meaning)]
                prompt = f"In {topic}, what does the symbol {term} stand for?"
                if len(others) >= 3:
                    wrong = stable_order(others, term)[:3]
                    draft = Draft("mcq", prompt, meaning, ["definition"], None, choices=[meaning, *wrong], score=1.2)
                else:
                    draft = Draft("short", prompt, meaning, ["definition"], None, score=1.1)
                placed.append(Placed(draft, node.line, node.text, topic, group))
            continue
        kind = kind_noun(_parent_text(parent))
        siblings = [p.term for p in by_parent.get(id(parent), []) if normalise(p.term) != normalise(term)]
        described = _PARENTHESIS.sub("", body).strip().rstrip(".")
        words = len(described.split())
        if kind and normalise(kind.split(" of ")[0]) in normalise(term):
            kind = f"kind of {kind}"  # "Weak acids" is a kind of acid, not an acid
        if words <= 4 and not _DEFINING_WORDS.search(described) and _name_like(described):
            # "Lemon – Citric acid": a pair of names. Asked one way, the kind of the right side as the question.
            right_kind = kind_noun(_parent_text(parent))
            if right_kind and normalise(right_kind.split(" of ")[0]) in normalise(described):
                prompt = f"Which {right_kind} do the notes pair with {_term_case(term)}?"
                others = [p.body.rstrip(".") for p in by_parent.get(id(parent), []) if p is not pair]
                others = [o for o in others if len(o.split()) <= 4 and normalise(o) != normalise(described)]
                if len(others) >= 3:
                    wrong = stable_order(others, term)[:3]
                    draft = Draft("mcq", prompt, described, ["definition"], None, choices=[described, *wrong], score=1.3)
                else:
                    draft = Draft("short", prompt, described, ["definition"], None, score=1.2)
                placed.append(Placed(draft, node.line, node.text, topic, group))
            continue
        # Forward: what the term means, or what the notes say of it.
        if is_definition(described):
            front = _definition_prompt(term, body)
        else:
            front = f"Describe {_term_case(term)}" + (f" ({kind.removeprefix('kind of ')})." if kind else ".")
        forward = Draft("flashcard", front, body, ["definition"], None, score=1.3)
        placed.append(Placed(forward, node.line, node.text, topic, group))
        # Back: which term the definition describes, its siblings as choices.
        if normalise(term) in normalise(body) or words > 25 or words < 2:
            continue
        if any(normalise(s) in normalise(body) for s in siblings):
            continue
        prompt = f"Which {kind or 'term'} is this: “{described}”?"
        if len(siblings) >= 3:
            wrong = stable_order(siblings, term)[:3]
            draft = Draft("mcq", prompt, term, ["definition"], None, choices=[term, *wrong], score=1.35)
        else:
            draft = Draft("short", prompt, term, ["definition"], None, score=1.2)
        placed.append(Placed(draft, node.line, node.text, topic, group + ":back"))
    return placed


_PARENTHESIS = re.compile(r"\s*\((?:e\.g\.|eg|i\.e\.|for example|such as)[^)]*\)", re.IGNORECASE)


def _parent_text(parent: Node | None) -> str | None:
    if parent is None or _A_MARK.match(parent.text) or _question_text(parent.text) is not None:
        return None
    pair = split_pair(parent)
    return (pair.term if pair else parent.text).rstrip(":")


# -- a heading or lead-in with its items ---------------------------------------------------------------

_ORDER_WORDS = re.compile(
    r"\b(?:order|sequence|steps?|stages?|phases?|layers?|hierarchy|ranks?|chronolog\w*|timeline|levels?|process)\b",
    re.IGNORECASE,
)


def _item_name(node: Node) -> str | None:
    pair = split_pair(node)
    if pair is not None and not pair.label:
        name = pair.term
    else:
        name = node.text.rstrip(".;,")
        bare = re.sub(r"\s*\([^)]*\)", "", name)
        if len(bare.split()) > 7 or re.search(r"[.!?]\s", name):
            return None
    name = re.sub(r"^(?:Layer\s+\d+\s*[-–:]\s*)", "", name).strip()
    return name if any(char.isalpha() for char in name) else None


_MODAL = frozenset({"can", "could", "may", "might", "must", "will", "would", "should", "shall", "cannot"})


def _member_like(name: str) -> bool:
    """An item that names a member of a set ("Gateway city", "Erosion"), not a label ("Features") or a property
    ("Fastest - primary waves", "Can travel through solids", "Longitudinal")."""
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
    for parent in outline.nodes:
        items = [child for child in parent.children if child.kind == "item"]
        if len(items) < 2 or len(items) > 15 or _question_text(parent.text) is not None:
            continue
        named = [(item, _item_name(item)) for item in items]
        named = [(item, name) for item, name in named if name is not None and _member_like(name)]
        if len(named) < max(2, 0.6 * len(items)):
            continue  # most items are sentences, not members of a set
        complete = len(named) == len(items)
        items, clean = [item for item, _ in named], [name for _, name in named]
        if len({normalise(n) for n in clean}) != len(clean):
            continue
        lead = _parent_text(parent) or ""
        noun = head_noun(lead) or lead_noun(lead)
        above = parent.parent
        # Only an item above names whose set this is ("Archaeological Findings" under "1. Harappa"); a heading
        # above is the notes' section, already the question's topic.
        context = subject_of(parent) if parent.kind != "heading" and above is not None and above.kind == "item" else None
        if noun is None or is_generic_label(noun):
            if noun and context:
                noun = f"{noun.lower()} of {lower_first(context)}"
            else:
                continue
        elif context and normalise(context) not in normalise(noun) and " of " not in noun:
            noun = f"{noun} of {lower_first(context)}"
        if any(normalise(name) in normalise(noun) for name in clean) or not is_plural(noun):
            continue  # "Name the two parts of the duration": a heading that is no plural noun names no set
        found.append(_List(parent, items, clean, noun, complete))
    return found


def list_questions(outline: Outline, topic_of) -> list[Placed]:  # noqa: ANN001
    placed: list[Placed] = []
    lists = _lists(outline)
    for found in lists:
        parent, items, clean, noun = found.parent, found.items, found.names, found.noun
        n = len(clean)
        topic = topic_of(parent)
        if n <= 8 and found.complete:
            prompt = f"Name the {count_word(n)} {noun}."
            answer = ", ".join(clean[:-1]) + " and " + clean[-1]
            draft = Draft("list", prompt, answer, ["list"], None, items=clean, score=1.45)
            placed.append(Placed(draft, parent.line, parent.text, topic, f"list:{parent.line}"))
        lead = _parent_text(parent) or ""
        ordered = all(item.numbered for item in items) and (
            _ORDER_WORDS.search(lead) or _ORDER_WORDS.search(parent.text)
        )
        if ordered and n >= 3:
            placed.extend(_order_questions(items, clean, noun, topic))
        elif n >= 3:
            placed.extend(_member_questions(found, lists, topic))
    return placed


def _member_questions(found: _List, lists: list[_List], topic: str) -> list[Placed]:
    """ "Which of these is one of the state taxes subsumed under GST?" for each item, the choices taken from the
    notes' other lists of the same kind of thing (taxes with taxes), none of them a member of this one."""
    members = {normalise(name) for name in found.names}
    kind = singular(head_word(found.noun)).lower()
    pool = [
        name
        for other in lists
        if other is not found and singular(head_word(other.noun)).lower() == kind
        for name in other.names
        if normalise(name) not in members
    ]
    placed: list[Placed] = []
    for item, name in zip(found.items, found.names, strict=True):
        candidates = [c for c in pool if not _overlaps(c, name)]
        wrong = stable_order(_like(name, candidates), name)[:3]
        if len(wrong) < 3:
            continue
        prompt = f"Which of these is one of the {found.noun}?"
        draft = Draft("mcq", prompt, name, ["list"], None, choices=[name, *wrong], score=1.15)
        placed.append(Placed(draft, item.line, item.text, topic, f"member:{item.line}"))
    return placed


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


# -- table rows ----------------------------------------------------------------------------------------

_DASH_CELLS = re.compile(r"\s+[–—-]\s+")
_SERIAL = re.compile(r"(?i)(?:Sl|S|Sr)\.?\s*No\.?|No\.?|#|Serial(?: No\.?)?")


def _header_case(text: str) -> bool:
    """A header cell: Title Case or ALL CAPS ("Name of the Emperor", "PERIOD"), not a value ("Citric acid")."""
    small = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "by", "with"}
    return all(word[:1].isupper() or word in small or not word[:1].isalpha() for word in text.split())


def _dash_tables(outline: Outline) -> list[tuple[list[str], list[tuple[Node, list[str]]]]]:
    """Runs of lines split by " – " into the same number of cells, under a header line of that shape."""
    tables: list[tuple[list[str], list[tuple[Node, list[str]]]]] = []
    nodes = [node for node in outline.nodes if node.kind in ("text", "item", "heading")]
    index = 0
    while index < len(nodes):
        cells = _DASH_CELLS.split(nodes[index].text)
        named = [c for c in cells if not _SERIAL.fullmatch(c)]
        if len(cells) < 3 or len(named) < 2 or not all(is_title_like(c) and _header_case(c) for c in named) or any(
            len(c.split()) > 5 for c in named
        ):
            index += 1
            continue
        header = ["" if _SERIAL.fullmatch(c) else c for c in cells]
        rows: list[tuple[Node, list[str]]] = []
        probe = index + 1
        width = len(named)
        while probe < len(nodes) and nodes[probe].kind != "heading":
            row = _DASH_CELLS.split(nodes[probe].text, maxsplit=width - 1)
            if len(row) != width:
                break
            rows.append((nodes[probe], row))
            probe += 1
        if len(rows) >= 3:
            tables.append(([h for h in header if h], rows))
            index = probe
        else:
            index += 1
    return tables


def table_questions(outline: Outline, topic_of) -> list[Placed]:  # noqa: ANN001
    tables: list[tuple[list[str], list[tuple[Node, list[str]]]]] = []
    current: list[tuple[Node, list[str]]] = []
    header: list[str] | None = None
    for node in outline.nodes:
        if node.kind == "row" and node.cells and node.header:
            if node.header is not header and current:
                tables.append((header or [], current))
                current = []
            header = node.header
            current.append((node, node.cells))
    if current and header:
        tables.append((header, current))
    tables.extend(_dash_tables(outline))
    placed: list[Placed] = []
    lowercase = set(re.findall(r"\b[a-z][a-z'’-]+\b", " ".join(node.text for node in outline.nodes)))
    for header, rows in tables:
        if len(header) < 2 or len(rows) < 2:
            continue
        keys = [re.sub(r"^\d+\s*\.\s*", "", cells[0]).strip() for _, cells in rows]
        counts = Counter(normalise(k) for k in keys)
        keys_unique = all(count == 1 for count in counts.values())
        key_name = re.sub(r"\s*\([^)]*\)", "", header[0]).strip() or "item"
        key_name = re.sub(r"(?i)^(?:name|title)\s+of\s+(?:the\s+)?", "", key_name)
        for column in range(1, len(header)):
            values = [cells[column].strip().rstrip(".") if column < len(cells) else "" for _, cells in rows]
            column_name = plain_case(re.sub(r"\s*\([^)]*\)", "", header[column]).strip())
            if not column_name:
                continue
            be = "are" if is_plural(column_name) else "is"
            for (node, _cells), key, value in zip(rows, keys, values, strict=True):
                if not value or not key or normalise(value) == normalise(key) or counts[normalise(key)] > 1:
                    continue  # a key written twice has two answers
                topic = topic_of(node)
                short = len(value.split()) <= 5
                unique_value = sum(normalise(v) == normalise(value) for v in values) == 1
                group = f"row:{node.line}:{column}"
                named = _row_name(key, key_name, lowercase)
                prompt = f"What {be} the {column_name} of {named}?"
                others = _like(value, [v for v in values if v and not _overlaps(v, value)])
                key_others = _like(key, [k for k in keys if not _overlaps(k, key)])
                reversible = short and unique_value and keys_unique and len(value) <= 40 and len(key_others) >= 3
                if reversible and coin(f"{key}\x1f{column}", 2):
                    # One question a cell: which way round is stable per cell and about even over a table.
                    reverse = f"Which {plain_case(key_name)} has the {column_name} “{value}”?"
                    wrong = stable_order(key_others, f"{value}{column}")[:3]
                    draft = Draft("mcq", reverse, key, ["table"], None, choices=[key, *wrong], score=1.25)
                elif short and len(others) >= 3 and len(value) <= 40:
                    wrong = stable_order(others, f"{key}{column}")[:3]
                    draft = Draft("mcq", prompt, value, ["table"], None, choices=[value, *wrong], score=1.25)
                elif short:
                    draft = Draft("short", prompt, value, ["table"], None, score=1.15)
                else:
                    draft = Draft("flashcard", prompt, value, ["table"], None, score=1.1)
                placed.append(Placed(draft, node.line, node.text, topic, group))
    return placed


def _row_name(key: str, key_name: str, lowercase: set[str]) -> str:
    """A row's name in running text: "Network" in a column of layers is "the Network layer"; a name the notes
    never write in lower case ("Akbar") stays as it is."""
    noun = key_name.lower()
    common = all(word.lower() in lowercase for word in re.findall(r"[A-Za-z]+", key))
    if " " in noun or not noun.isalpha() or noun in normalise(key) or not common:
        return key
    return f"the {key} {noun}"


def _overlaps(a: str, b: str) -> bool:
    """Two cells that say the same thing, one inside the other ("Jalal-ud-din Muhammad" and "… Akbar")."""
    first, second = normalise(a), normalise(b)
    return first in second or second in first


def _shape(text: str) -> str:
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"\d+", "9", text))


def _like(answer: str, others: list[str]) -> list[str]:
    """The other cells written like the answer (a plain year range among plain year ranges), if there are
    enough of them; else all of them."""
    same = [other for other in others if _shape(other) == _shape(answer)]
    return same if len(set(same)) >= 3 else others


def table_lines(outline: Outline) -> set[int]:
    return {node.line for _, rows in _dash_tables(outline) for node, _ in rows} | {
        node.line for node in outline.nodes if node.kind == "row"
    }
