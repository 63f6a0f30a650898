"""Question-and-answer pairs in their usual house styles ("Q1. … Ans. …", "Question 4." / "Answer:", a question
heading over its answer), asked as written and, from the answer's own line, the other way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.documents.outline import Node, Outline
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import (
    has_verb,
    is_plural,
    lower_first,
    readings,
    singular,
    stable_order,
)
from quizapp.generate.shapes.common import Placed, TopicOf, core_answer

# -- question and answer pairs ----------------------------------------------------------------------

_Q_MARK = re.compile(
    r"^(?:Q(?:ue?s(?:tion)?)?(?![a-z])\.?\s*\d{0,3}\s*[.:)\-–]*|Question(?![a-z])\s*\d{0,3}\s*[.:)\-–]*)\s*",
    re.IGNORECASE,
)
"""“Q1.”, “Ques.”, “Question 4:”; not the “Q” of “Quick” or “Quit India”."""
ANSWER_MARK = re.compile(
    r"^(?:Ans(?:wer)?s?\.?\s*[.:)\-–]*|A[.:)]\s|Complete answer\s*:|Solution\s*:)\s*", re.IGNORECASE
)
_QUESTION_WORDS = re.compile(
    r"^(?:who|what|when|where|which|why|how|name|list|give|state|define|explain|write|describe|mention|is|are|do"
    r"|does|can|what's)\b",
    re.IGNORECASE,
)


_INLINE_ANSWER = re.compile(
    r"\?\s+(?:Ans(?:wer)?s?\s*[.:)\-–]+|A\s*[:)]|Answer\b\s*[.:)\-–]*|(?:->|→|=>|⇒|—|–|:)(?=\s))\s*", re.IGNORECASE
)
"""“… his first sermon? Ans. Sarnath …”, “Base year of WPI? -> 2011-12”: a question and its answer on one line."""


_ASKS_SEVERAL = re.compile(
    r"(?i)\b(?:are|were|name|list|give|mention|enumerate|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
)
"""“Name the …”, “Which are …”, “the three …”: a question that asks for several things; “Which council split …?”
asks for one, however many commas its answer has."""


def question_text(text: str) -> str | None:
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
    heading: bool = False
    """Asked by a heading ("### How does CFC deplete ozone?"): the answer's line holds what is asked."""

    @property
    def asked_line(self) -> int:
        """The line a question of the pair comes from: the question's, or under a heading the answer's."""
        return self.answer_line if self.heading and self.answer_line else self.line


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
        question = question_text(node.text) if node.kind != "item" or node.numbered else None
        if question is None or (node.kind == "item" and not _Q_MARK.match(node.text)):
            index += 1
            continue
        line = node.line
        index += 1
        inline = _INLINE_ANSWER.search(question)
        if inline is not None and len(question[: inline.start() + 1].split()) >= 2:
            # "Q. Where did Buddha give his first sermon? Ans. Sarnath.": the answer on the question's own line
            answer = Node("text", question[inline.end() :].strip(), node.line, [(node.line, node.text)])
            pair = QAPair(question[: inline.start() + 1].strip(), node.line, [answer], answer_line=node.line)
            if answer.text and any(char.isalnum() for char in answer.text):
                pairs.append(pair)
            continue
        if not question and index < len(nodes) and nodes[index].text.endswith(("?", ".")):
            question, line = nodes[index].text, nodes[index].line
            index += 1
        if not question or len(question.split()) < 2:
            continue
        pair = QAPair(question, line, heading=node.kind == "heading")
        while index < len(nodes):
            current = nodes[index]
            if current.kind == "heading" and node.kind != "heading" or question_text(current.text) is not None:
                break
            if current.kind == "heading" and current.level <= node.level:
                break
            text = current.text
            answer = ANSWER_MARK.match(text)
            if answer:
                text = text[answer.end() :].strip()
                if not text:
                    index += 1
                    continue
            if current.kind == "item" and pair.answer_parts == [] or current.kind == "item" and pair.items:
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
        if node.kind == "heading" and not pair.items:
            # "What factors affect photosynthesis?" over a paragraph and then the factors as points: the points
            # answer it, not the paragraph that leads in.
            points = [d for d in _descendants(node) if d.kind == "item" and len(d.text.split()) <= 12]
            own = [child for child in node.children if child.kind == "item"]
            if 2 <= len(points) <= 10:
                pair.items, pair.answer_parts = points, []
            elif 2 <= len(own) <= 8 and all(len(child.text.split()) <= 30 for child in own):
                pair.items, pair.answer_parts = own, []  # "What are the GST slabs?": every slab, not the first
            if pair.items:
                pair.answer_line = pair.items[0].line
        if pair.answer_parts or pair.items:
            pairs.append(pair)
    return pairs


def _descendants(node: Node) -> list[Node]:
    found: list[Node] = []
    for child in node.children:
        found.append(child)
        found.extend(_descendants(child))
    return found


def _answer_text(node: Node) -> str:
    text = node.text
    answer = ANSWER_MARK.match(text)
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
    [
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "to",
        "with",
        "is",
        "are",
        "was",
        "were",
        "that",
        "which",
        "who",
        "does",
        "do",
        "did",
        "can",
        "responsible",
        "called",
        "known",
    ]
)
_WHO_DID = re.compile(
    r"^Who\s(?P<verb>[a-z]+ed|wrote|built|founded|made|gave|found)\s(?P<object>(?:(?!\band\s(?:how|why|where|when)\b)[^?]){3,80})\?$"
)
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
    role = _FUNCTION_OF.match(pair.question)
    what = _WHAT_IS.match(pair.question) if role is None else None
    term = (what or role)["term"].strip() if what or role else ""
    definition = _definition(answer_text, term) if term else None
    if definition is None or normalise(term) in normalise(definition) or re.search(r"\b(?:it|this)\b", definition):
        return None
    be = (
        "are"
        if is_plural(re.split(r"\s(?:of|that|which|who|by|in|on|for|to|[a-z]+ing|[a-z]+ed)\b", definition)[0])
        else "is"
    )
    phrase = lower_first(definition)
    # "What is osmosis? The movement of water …" also asks "What is the movement of water … called?"; "What is
    # the function of ribosomes? Ribosomes are the protein factories …" also "What are the protein factories …?"
    prompt = f"What {be} {phrase} called?" if what else f"What {be} {phrase}?"
    answer = term[:1].upper() + term[1:] if role else term
    draft = Draft("short", prompt, answer, ["definition"], None, score=1.3)
    return Placed(draft, line, f"{pair.question} {answer_text}", topic, f"qa-back:{line}")


_FUNCTION_OF = re.compile(
    r"^(?:What\sis\sthe\s(?:function|role|job)\sof|Write\sthe\s(?:function|role)\sof|What\sdoes|What\sdo)\s"
    r"(?:the\s)?(?P<term>[\w\s()-]{2,40}?)(?:\sdo)?\s?[?.]$",
    re.IGNORECASE,
)
_RESTATED = re.compile(r"^(?:It|They|These|This|That)\s(?:is|are|was|were)\s", re.IGNORECASE)


def _definition(answer: str, term: str) -> str | None:
    """What an answer says a term is, as a noun phrase ("Cells without a well-defined nucleus", "the powerhouse of
    the cell"), without the term's own name in front ("Ribosomes are …", "It is …"); None if it is no phrase."""
    text = answer.strip().rstrip(".")
    text = _RESTATED.sub("", text)
    bare = re.sub(r"\s*\([^)]*\)", "", term).strip()
    named = re.match(rf"(?i)^(?:the\s|an?\s)?{re.escape(bare)}\s(?:is|are)\s", text)
    if named:
        text = text[named.end() :]
    text = re.sub(r"\s*\((?:e\.g\.|eg|i\.e\.|for example)[^)]*\)", "", text)
    text = re.split(r",\s(?=[a-z]+ing\b)|;\s", text)[0].strip()
    words = text.split()
    if not 3 <= len(words) <= 30 or not words[0][:1].isalpha():
        return None
    head = re.split(r"\s(?:which|that|who|where|whose)\s", text)[0]
    if has_verb(head) or re.search(r"[.!?]", text):
        return None  # "Robert Hooke called small compartments as cells": a sentence, not what the term is
    first = words[0].lower()
    if first not in ("the", "a", "an") and "NOUN" not in readings(first) and "ADJ" not in readings(first):
        return None
    return text


def _first_sentences(text: str, limit: int = 320) -> str:
    """A card's back cut after its last whole sentence within `limit` characters."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > 40 else cut.rsplit(" ", 1)[0] + " …"


def qa_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    pairs = qa_pairs(outline)
    placed: list[Placed] = []
    shorts: dict[str, list[str]] = {}
    for pair in pairs:
        if pair.answer_parts and not pair.items:
            short = _short_answer(pair.question, _answer_text(pair.answer_parts[0]))
            if short and not _WHAT_IS.match(pair.question):
                # "What are prokaryotic cells? Cells without a nucleus": a description, no cell to choose among
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
            placed.append(Placed(draft, pair.asked_line, pair.question, topic, group))
            continue
        if pair.items:
            if len(pair.items) <= 8 and not any(i.text.rstrip().endswith(":") for i in pair.items):
                # A longer answer cut short would be a wrong key, and one of lists under lead-ins ("(i) Taxes of
                # the Centre:", "(ii) State taxes …") a jumble of them: its lists ask it instead.
                back = "; ".join(i.text.rstrip(".;") for i in pair.items) + "."
                draft = Draft("flashcard", pair.question, back, ["question"], None, score=1.3)
                placed.append(Placed(draft, pair.asked_line, pair.question, topic, group))
            continue
        answer_text = _answer_text(pair.answer_parts[0])
        short = _short_answer(pair.question, answer_text)
        explanation = answer_text if short and answer_text.rstrip(".") != short[0] else None
        if short:
            answer, accept = short
            if core_answer(answer) != answer:
                accept = [*accept, core_answer(answer)]  # "42nd Amendment Act, 1976": "42nd Amendment" is right too
            comma_items = [part.strip() for part in re.split(r",\s*|\s+and\s+", answer) if part.strip()]
            if (
                len(comma_items) >= 3
                and all(len(i.split()) <= 3 for i in comma_items)
                and _ASKS_SEVERAL.search(pair.question)
            ):
                draft = Draft("list", pair.question, answer, ["list"], None, items=comma_items, score=1.5)
                placed.append(Placed(draft, pair.asked_line, pair.question, topic, group))
                continue
            kind = _answer_kind(pair.question)
            others = [
                other
                for other in dict.fromkeys(shorts.get(kind, []))
                if normalise(other) != normalise(answer) and normalise(other) not in normalise(pair.question)
            ]
            wrong = stable_order(others, pair.question)[:3]
            if _OPEN.match(pair.question):
                # "Name one multicellular organism. Ans. Man.": many answers are right; the student judges theirs
                draft = Draft("flashcard", pair.question, answer, ["question"], None, score=1.4)
            elif len(wrong) == 3 and len(answer.split()) <= 4:
                draft = Draft(
                    "mcq",
                    pair.question,
                    answer,
                    ["question"],
                    None,
                    choices=[answer, *wrong],
                    accept=accept,
                    explanation=explanation,
                    score=1.5,
                )
            else:
                draft = Draft(
                    "short",
                    pair.question,
                    answer,
                    ["question"],
                    None,
                    accept=accept,
                    explanation=explanation,
                    score=1.5,
                )
            placed.append(Placed(draft, pair.asked_line, source, topic, group))
            second = _second_question(pair, answer_text, topic)
            if second is not None:
                placed.append(second)
            continue
        whole = " ".join(_answer_text(n) for n in pair.answer_parts)
        explains = re.match(r"(?i)(?:why|how|explain|describe|what happens)\b", pair.question)
        back = _first_sentences(whole, 640 if explains else 320)  # a reason is asked whole, not its first half
        listed = sum(1 for n in pair.answer_parts if n.kind == "item") >= 2
        if not (listed and back != whole):  # a list of slabs cut after the first is no answer to "What are …?"
            draft = Draft("flashcard", pair.question, back, ["question"], None, score=1.35)
            placed.append(Placed(draft, pair.asked_line, source, topic, group))
        second = _second_question(pair, answer_text, topic)
        if second is not None:
            placed.append(second)
    return placed


_OPEN = re.compile(r"(?i)^(?:name|give|mention|list|write)\s(?:one|any|a|an|some|two|three|an?\sexample)\b")
"""A question many answers fit ("Name one …", "Give some examples of …"), not only the notes' own."""


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
