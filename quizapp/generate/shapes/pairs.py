"""\"Term: definition\" pairs (also \"–\", \"-\", \"=\"): both ways, the sibling terms as choices; an example asked
for the idea it shows; a term's attribute where a heading names one."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from quizapp.documents.outline import Node, Outline
from quizapp.generate.articles import is_mass, the_of_phrase
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import (
    has_verb,
    head_noun,
    head_word,
    is_definition,
    is_generic_label,
    is_plural,
    kind_noun,
    lower_first,
    readings,
    singular,
    stable_order,
    starts_with_preposition,
    states_something,
    verb_only,
    zipf,
)
from quizapp.generate.shapes.common import Placed, TopicOf
from quizapp.generate.shapes.fields import PROCESS, field_of_item, label_questions
from quizapp.generate.shapes.left_sides import MOVES, acts, adjective, kind_above, no_term, of_kind
from quizapp.generate.shapes.pair import CODE, GLOSS, YEAR_AFTER, TermPair, parent_text, split_pair, term_case
from quizapp.generate.shapes.qa import qa_pairs
from quizapp.generate.shapes.records import record_points
from quizapp.generate.shapes.tables import table_lines

# -- "Term: definition" pairs -------------------------------------------------------------------------


def _definition_prompt(term: str, body: str, written: str = "", names: frozenset[str] = frozenset()) -> str:
    verb = "are" if is_plural(term) else "is"
    named = _with_article(term, body, written, names)
    if named.islower() and " " not in named and verb == "is" and not is_mass(named) and re.match(r"(?i)the\s", body):
        return f"What is meant by “{named}”?"  # "Parameter – the variable …": "What is parameter?" lacks its article
    last = named.split()[-1]
    if (
        named.islower()
        and " " in named
        and verb == "is"
        and not re.match(r"(?:a|an|the)\s", named)
        and not is_mass(last)
        and re.search(rf"\b{re.escape(last)}e?s\b", written)  # "keys": a thing there are many of
    ):
        return f"What is meant by “{named}”?"  # "What is foreign key?" lacks its article; "a" or "the", the notes
        # do not say
    return f"What {verb} {named}?"


def _with_article(term: str, body: str, written: str = "", names: frozenset[str] = frozenset()) -> str:
    """ "Loop – a structure that …" is asked "What is a loop?", a thing of which there are many; "Inertia – the
    tendency …" stays "What is inertia?". Where the notes write "a function" themselves, so does the question; a
    term named after someone keeps the capital ("the Calvin cycle" is no "calvin cycle")."""
    if term.split()[0] in names:
        return term if term.split()[0].endswith(("’s", "'s")) else f"the {term}"
    shown = term_case(term)
    article = "an" if shown[:1] in "aeiou" else "a"
    after = r"(?=[.,;:)]|\s(?:that|which|who|when|where|is|are|was|in|of|to|and|or|with|for|can|has|by|on|at|as)\b|$)"
    if shown.islower() and re.search(rf"\b(?:a|an)\s{re.escape(shown)}{after}", written):
        return f"{article} {shown}"
    words = shown.split()
    last = words[-1].lower()
    found = readings(last)
    if the_of_phrase(shown):
        return f"the {shown}"  # "the law of conservation of momentum", "the panel of chairmen": one of its kind
    if (
        not shown.islower()
        or is_plural(shown)
        or not re.match(r"(?i)an?\s", body.strip())
        or is_mass(last)
        or (found and "NOUN" not in found)
    ):
        return shown  # (a word the word list does not know, "tuple", is taken for a noun: it is defined as "a …")
    return f"{article} {shown}"


_VALUE = re.compile(r"^[\d\s.,:%/–—-]*(?:\d{3,4}|\d+%)[\d\s.,:%/–—-]*(?:AD|BC|BCE|CE)?$")


_DEFINING_WORDS = re.compile(r"(?i)^(?:a|an|the)\s|\b(?:that|which|who|where)\b")


def _name_like(text: str) -> bool:
    """A short right side that names something ("Citric acid", "Sodium Hydroxide(NaoH)"), not a property
    ("Completely ionize in water", "Red in acid")."""
    first = text.split()[0].lower().strip("(")
    return is_definition(text) and not has_verb(text) and not first.endswith("ly") and not verb_only(first)


def _followers(outline: Outline) -> dict[str, Counter[str]]:
    """The words that follow each word of the notes, and how often ("session" → "layer")."""
    counts: dict[str, Counter[str]] = {}
    for node in outline.nodes:
        words = re.findall(r"[a-z][a-z'’-]*", node.text.lower())
        for first, nxt in pairwise(words):
            counts.setdefault(first, Counter())[nxt] += 1
    return counts


def _which(prompt: str, term: str, siblings: list[str], score: float) -> Draft:
    """ "Which amendment is this: …?" with the term's siblings as choices. "52nd Amendment (1985)" among other
    amendments with their years: the years would order them for the student, and the description's own date
    would point at one; each name goes alone."""
    if all(YEAR_AFTER.search(name) for name in [term, *siblings]):
        term, siblings = YEAR_AFTER.sub("", term), [YEAR_AFTER.sub("", name) for name in siblings]
    wrong = stable_order(siblings, term)[:3]
    return Draft("mcq", prompt, term, ["definition"], None, choices=[term, *wrong], score=score)


def _code_card(task: str, code: str, node: Node, topic: str, group: str) -> list[Placed]:
    """ "Remove duplicate values: SELECT DISTINCT city FROM student;" → "What does this command do: “SELECT
    DISTINCT city FROM student”?" → "Remove duplicate values": the line of code says what is asked, where "Write
    the command to …" would leave its table and values to guess. A task of one word says too little."""
    if len(task.split()) < 2 or _prose(code):
        return []  # "DPSP = directions to the STATE …": notes with an "=", no command
    front = f"What does this command do: “{code.rstrip().rstrip(';')}”?"
    back = task[:1].upper() + task[1:]
    return [
        Placed(Draft("flashcard", front, back, ["definition"], None, score=1.1), node.line, node.text, topic, group)
    ]


_KEYWORDS = frozenset(
    {"select", "from", "where", "and", "or", "not", "null", "is", "in", "on", "as", "by", "order", "group", "join"}
)


def _prose(text: str) -> bool:
    """Three plain words in a row, none a keyword of a query ("banks can borrow", "directions to the"): words
    written for a reader, not a command."""
    code = re.split(r"\s(?:->|→)\s", text)[0]  # ".note { } -> all elements with class" explains after its arrow
    words = re.findall(r"(?<![\w.(])[a-z]{2,}(?![\w.(])|\S+", code)
    run = 0
    for word in words:
        run = run + 1 if re.fullmatch(r"[a-z]{2,}", word) and word not in _KEYWORDS else 0
        if run >= 3:
            return True
    return False


def _case_of(node: Node, index_of: dict[int, int], nodes: list[Node]) -> str | None:
    """Which of the cases a heading sets side by side a point falls under ("Series:" or "Parallel:" under
    "Resistors in series and parallel"): a label above it, or right before the line it hangs under, that is
    one of the heading's words."""
    heading = node.heading()
    if heading is None or not re.search(r"\s(?:and|vs\.?|versus|&)\s", heading.text):
        return None
    cases = {word.lower() for word in re.findall(r"[A-Za-z]{3,}", heading.text)}
    above = [other for other in node.ancestors() if other is not heading and other.kind != "heading"]
    parent = node.parent
    if parent is not None and parent is not heading and index_of.get(id(parent), 0) > 0:
        above.append(nodes[index_of[id(parent)] - 1])
    for other in above:
        label = re.match(r"^([A-Za-z]{3,})\s*:", other.text)
        if label and label.group(1).lower() in cases:
            return label.group(1)[:1].upper() + label.group(1)[1:]
    return None


def _twice_under(pair: TermPair, term_headings: dict[str, set[str]]) -> str | None:
    """The heading a term is defined under, where the notes define it under other headings too ("panel of
    chairmen: 10 members" under "Lok Sabha", "… 6 members" under "Rajya Sabha"): which one the card asks."""
    heading = pair.node.heading()
    if heading is None or len(term_headings.get(normalise(pair.term), ())) < 2 or len(heading.text.split()) > 4:
        return None
    if is_generic_label(heading.text) or is_generic_label(heading.text.split()[-1].lower()):
        return None  # "Photosynthesis flashcards": a second glossary, no case of its own
    return heading.text


def _everyday(term: str, described: str) -> bool:
    """ "Statement: at constant temperature …", "series: 2 + 3 + 6", "Relief — mountains force winds to rise": an
    everyday word whose right side is no definition of it; "Describe statement." asks nothing the notes answer. A
    definition ("Force: A push or a pull", "degree: number of attributes in a relation") is a card."""
    return (
        len(term.split()) == 1
        and not term.isupper()
        and zipf(term.lower()) >= 4.5
        and not re.match(r"(?i)(?:a|an|the)\s", described)
        and (not is_definition(described) or states_something(described) or bool(re.search(r"^[\d(]|=", described)))
    )


def _instance(term: str, kind: str) -> bool:
    """ "52nd Amendment (1985)", "Golaknath case": one of its kind, named by a number or a name, not a kind of it
    as "Weak acids" is."""
    kind_word = normalise(kind.split(" of ")[0])
    others = [w for w in re.findall(r"[\w’'-]+", re.sub(r"\([^)]*\)", "", term)) if normalise(w) not in kind_word]
    return bool(others) and all(w[:1].isdigit() or (w[:1].isupper() and zipf(w.lower()) < 3.5) for w in others)


def _expanded(term: str, siblings: list[str], followers: dict[str, Counter[str]]) -> str:
    """A one-word label that stands for a longer name its siblings share ("Physical", "Session" for the physical
    and session layers, where the notes write "physical layer" and "session layer" too), written out."""
    words = [word.lower() for word in (term, *siblings) if " " not in word]
    if " " in term or len(words) < 3:
        return term
    after: Counter[str] = Counter()
    for word in words:
        after.update(set(followers.get(word, {})))
    for noun, count in after.most_common(3):
        if count >= max(3, 0.3 * len(words)) and "NOUN" in readings(noun) and noun not in _STOP:
            return f"{term} {noun}" if followers.get(term.lower(), {}).get(noun) else term
    return term


_STOP = frozenset(["and", "or", "of", "the", "a", "an", "to", "in", "is", "are", "for", "on", "at", "by", "with"])


def term_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
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
    followers = _followers(outline)
    outline_index = {id(node): index for index, node in enumerate(outline.nodes)}
    term_headings: dict[str, set[str]] = {}  # a term's headings, where the notes define it under several
    for pair in pairs:
        heading = pair.node.heading()
        term_headings.setdefault(normalise(pair.term), set()).add(heading.text if heading else "")
    by_line = {node.line: node.text for node in outline.nodes}
    notes = "\n".join(by_line.get(number, "") for number in range(1, max(by_line, default=0) + 1))  # line by line
    by_parent: dict[int, list[TermPair]] = {}
    for pair in pairs:
        if not pair.label:
            by_parent.setdefault(id(pair.node.parent), []).append(pair)
    placed: list[Placed] = []
    text = "\n".join(node.text for node in outline.nodes)
    written = text.lower()  # "a function" as the notes write it
    lowered = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
    names = frozenset(
        word
        for word in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b", text)  # capitalised inside a sentence
        if word.lower() not in lowered and not readings(word.lower()) and zipf(word.lower()) < 5
    )  # "Calvin": a person's name, never written in lower case
    in_records = set(record_points(outline))
    owners: dict[str, set[int]] = {}
    for node in outline.nodes:
        field = split_pair(node) if node.kind == "item" and node.parent and node.parent.kind == "item" else None
        if field is not None:
            owners.setdefault(normalise(field.term), set()).add(id(node.parent))
    repeated = {term for term, parents in owners.items() if len(parents) >= 2}  # "Tributaries:" under each river
    for pair in pairs:
        node = pair.node
        topic = topic_of(node)
        group = f"term:{node.line}"
        body = pair.body.rstrip()
        if node.line in in_records:
            continue  # "Length: …" under each of the rivers is a table's column, asked by the records
        if pair.label and not _glossary_term(pair, by_parent.get(id(node.parent), [])):
            placed.extend(label_questions(pair, topic, group, notes))
            continue
        field = field_of_item(pair, repeated)
        if field is not None:
            if field:
                placed.extend(label_questions(pair, topic, group, notes))
            continue
        term = pair.term
        if CODE.search(body):
            # "Show everything: SELECT * FROM student;": a task and the line of code that does it
            placed.extend(_code_card(term, body, node, topic, group))
            continue
        if pair.arrow and (" + " in term or PROCESS.search(f"{parent_text(node.parent) or ''} {topic} {body}")):
            if len(body.split()) <= 12 and not starts_with_preposition(term):
                do = "do" if is_plural(term) else "does"
                front = f"What {do} {term_case(term)} turn into?"
                above = parent_text(node.parent) or ""
                above = re.sub(r"\s*\([^)]*\)", "", above).rstrip(": ")
                if (
                    1 <= len(above.split()) <= 6
                    and is_plural(above)
                    and not is_generic_label(above)
                    and term.lower() not in above.lower()
                ):
                    # "Final products of digestion: what do fats turn into?": the heading over them says in what
                    if sum(c.isupper() for c in above) > sum(c.islower() for c in above):
                        above = above[:1] + above[1:].lower()
                    front = f"{above}: {lower_first(front)}"
                draft = Draft("flashcard", front, body.rstrip("."), ["definition"], None, score=1.25)
                placed.append(Placed(draft, node.line, node.text, topic, group))
            continue
        if no_term(pair):
            continue
        formula = _CASE_FORMULA.match(body)
        if formula is not None and _A_CASE.match(term):
            # "2 resistors only → R_p = (R1 × R2)/(R1 + R2)": the formula for a case, asked as such
            front = f"{term_case(term)}: what is {formula['symbol']}?"
            draft = Draft("flashcard", front, formula["value"].strip(), ["definition"], None, score=1.2)
            placed.append(Placed(draft, node.line, node.text, topic, group))
            continue
        if starts_with_preposition(term) or _VALUE.match(body.rstrip(".")) or body.endswith(":"):
            continue  # "With metals: Acid + Metal -> …", "Babur – 1526-1530": no term and no definition
        parent = node.parent
        example = bool(re.match(r"(?i)examples?\b", parent_text(parent) or "")) or bool(
            re.match(r"(?i)(?:when|whenever)\s", body)
        )
        if example:
            # "Inertia of rest: when the bus starts …" under "examples -": which of the terms the example shows.
            placed.extend(_example_question(pair, by_parent.get(id(parent), []), topic, group))
            continue
        if len(term) <= 3 and not term.isalpha() or len(re.findall(r"[^\W\d_]", term)) < 3:
            # "p1 = Initial Momentum": a symbol of a derivation, whose legend is no fact to learn.
            continue
        kind = kind_noun(parent_text(parent))
        if kind and is_generic_label(kind.split(" of ")[0]) and " of " not in kind:
            kind = None  # "Which type is this": a type of what?
        siblings = [p.term for p in by_parent.get(id(parent), []) if normalise(p.term) != normalise(term)]
        # "Session: provides …" among the layers is asked about "the Session layer"; as a choice it stays "Session".
        named = _expanded(term, siblings, followers)
        above = split_pair(node.parent) if node.parent is not None else None
        outer = above.term.split() if above is not None else []
        if len(outer) >= 2 and term.split()[-1].lower() in (word.lower() for word in outer[:-1]):
            named = f"{term} {outer[-1].lower()}"  # "natural active" under "Active immunity": natural active immunity
        own_names = names | {named.split()[0]} if named != term else names  # "the Session layer"
        described = GLOSS.sub("", body).strip().rstrip(".")
        words = len(described.split())
        kind_of = named == term and adjective(term)  # "dormant – …" under "Types of volcanoes": a dormant volcano
        if kind_of:
            above_kind = kind_above(node)
            if above_kind is not None:
                shown = f"{term.lower()} {above_kind}"
                article = "an" if shown[:1] in "aeiou" else "a"
                draft = Draft("flashcard", f"What is {article} {shown}?", body, ["definition"], None, score=1.3)
                placed.append(Placed(draft, node.line, node.text, topic, group))
            # else "Describe dormant." would stand on nothing; either way no card of the bare word below
        if kind and normalise(kind.split(" of ")[0]) in normalise(term) and not _instance(term, kind):
            kind = f"kind of {kind}"  # "Weak acids" is a kind of acid, not an acid
        if words <= 4 and not _DEFINING_WORDS.search(described) and _name_like(described):
            # "Lemon – Citric acid": a pair of names. Asked one way, the kind of the right side as the question.
            right_kind = kind_noun(parent_text(parent))
            if right_kind and normalise(right_kind.split(" of ")[0]) in normalise(described):
                prompt = f"Which {right_kind} is paired with {term_case(term)}?"
                others = [p.body.rstrip(".") for p in by_parent.get(id(parent), []) if p is not pair]
                others = [o for o in others if len(o.split()) <= 4 and normalise(o) != normalise(described)]
                if len(others) >= 3:
                    wrong = stable_order(others, term)[:3]
                    draft = Draft(
                        "mcq", prompt, described, ["definition"], None, choices=[described, *wrong], score=1.3
                    )
                else:
                    draft = Draft("short", prompt, described, ["definition"], None, score=1.2)
                placed.append(Placed(draft, node.line, node.text, topic, group))
            else:
                placed.extend(_matched(pair, by_parent.get(id(parent), []), topic, group, lowered))
            continue
        # Forward: what the term means, or what the notes say of it.
        clause = states_something(described)
        if re.match(r"(?i)(?:when|if|whenever|for example|e\.g\.?|like)\b", described):
            continue  # "Inertia of motion: when a moving bus stops …": an example of the term, not what it is
        attribute = _attribute_of(term, siblings, kind or _heading_head(parent)) or (
            _attribute_of(term, siblings, _heading_head(node.heading())) if parent is not node.heading() else None
        )  # "Physical layer — raw bits" under a paragraph under "PDU in OSI model": each layer's PDU
        if attribute is not None and (not clause or described[:1].islower()):
            # Every sibling is a "… layer" under "Protocol Data Units": the right side is each layer's data unit.
            front = f"What is the {attribute} of the {term_case(term)}?"
            placed.append(
                Placed(
                    Draft("flashcard", front, body, ["definition"], None, score=1.3), node.line, node.text, topic, group
                )
            )
            continue
        if is_definition(described) and not clause:
            front = _definition_prompt(named, body, written, own_names)
        elif clause:
            # A clause on the right is no answer to "what is X?"; with a kind and siblings to choose among it
            # still says which one it is about ("Which exclusive power of the Rajya Sabha is this: …").
            named_elsewhere = any(normalise(s) in normalise(body) for s in siblings) or normalise(term) in normalise(
                body
            )
            if (
                kind
                and len(siblings) >= 3
                and words <= 30
                and not _gives_away(term, described, kind)
                and not named_elsewhere
                and of_kind(term, siblings, kind)
            ):
                draft = _which(f"Which {kind} is this: “{described}”?", term, siblings, 1.3)
                placed.append(Placed(draft, node.line, node.text, topic, group + ":back"))
            elif (
                words <= 30
                and not kind_of
                and normalise(term) not in normalise(body)
                and _describes(term, described)
                and not _everyday(term, described)
            ):
                # (a sibling named in the answer is no clue to the card: "Alternate key — a candidate key not …")
                # "Inertia of rest — a body at rest tends to stay at rest": what the notes say the term is.
                back = body[:1].upper() + body[1:]
                front = f"Describe {_with_article(named, body, written, own_names)}."
                draft = Draft("flashcard", front, back, ["definition"], None, score=1.15)
                placed.append(Placed(draft, node.line, node.text, topic, group))
            continue
        else:
            front = f"Describe {_with_article(named, body, written, own_names)}."
        heading = node.heading()
        if re.search(r"\d\s*[-+×*/]\s*\d[^=]*=", described):
            continue  # "parallel: 1/R = 1/2 + 1/3 + 1/6 = 1 → R = 1 Ω": a worked sum, no meaning of the term
        if heading is not None and "=" in described and term.lower() in heading.text.lower().split():
            continue  # "Parallel: 1/R_p = …" under "Resistors in series and parallel": "What is parallel?" asks nothing
        verb = acts(described)
        if verb is not None:
            # "Gastrin – stimulates gastric juice": what it does, not what it is; a river's course is no deed
            do = "do" if is_plural(term) else "does"
            front = "" if verb in MOVES else f"What {do} {_with_article(named, body, written, own_names)} do?"
        if front and not kind_of and not _everyday(term, described):
            case = _case_of(node, outline_index, outline.nodes) or _twice_under(pair, term_headings)
            if case is not None and case.lower() not in front.lower():
                front = f"{case}: {front[:1].lower() + front[1:]}"  # "Parallel: what is total current I?"
            forward = Draft("flashcard", front, body, ["definition"], None, score=1.3)
            placed.append(Placed(forward, node.line, node.text, topic, group))
        # Back: which term the definition describes, its siblings as choices; only where the right side is a
        # definition (a noun phrase), and no word of the term gives it away.
        if normalise(term) in normalise(body) or words > 25 or words < 2 or clause or not is_definition(described):
            continue
        if _gives_away(term, described, kind) or re.search(r"→|->|=|\s\+\s|\s/\s|^[(\d]", described):
            continue  # the term's own word in the quote; an equation or a figure is no definition to name
        if any(normalise(s) in normalise(body) for s in siblings) or (kind and not of_kind(term, siblings, kind)):
            continue  # (… or "tsunami" set after the zones under "Seismic zones": no zone)
        prompt = f"Which {kind or 'term'} is this: “{described}”?"
        if not kind:
            # Under a heading of mixed terms, only terms defined as the same kind of thing ("pores", "organisms")
            # are wrong choices a student would weigh: a process beside a structure gives itself away.
            head = _definition_head(described)
            siblings = [
                p.term
                for p in by_parent.get(id(parent), [])
                if normalise(p.term) != normalise(term) and head and _definition_head(p.body) == head
            ]
        if len(siblings) >= 3:
            draft = _which(prompt, term, siblings, 1.35)
        else:
            draft = Draft("short", prompt, term, ["definition"], None, score=1.2)
        placed.append(Placed(draft, node.line, node.text, topic, group + ":back"))
    placed.extend(_unasked_in_sets(by_parent, {item.line for item in placed}, topic_of))
    return placed


_NOT_WORDS = re.compile(r"[\d=→+<>(){}\[\]\"`]|->|\w\.\w|\be\.g\b|\s[-–—]\s")


def _unasked_in_sets(by_parent: dict[int, list[TermPair]], asked: set[int], topic_of: TopicOf) -> list[Placed]:
    """A term of a set of four or more that no other shape asked ("Atomicity – all or nothing" under "ACID"): which
    of the set the right side tells of, the set's other terms as the choices. Only where the right side is words,
    short, and names neither its term nor another of the set."""
    placed: list[Placed] = []
    for pairs in by_parent.values():
        if len(pairs) < 4:
            continue
        terms = [re.sub(r"\s*\([^)]*\)", "", pair.term).strip() for pair in pairs]
        for pair, term in zip(pairs, terms, strict=True):
            body = GLOSS.sub("", pair.body).strip().rstrip(".")
            if pair.node.line in asked or pair.node.children or not 2 <= len(body.split()) <= 20:
                continue  # "CONFLICT b/w FR & DPSP - case laws" over its points: a heading, no term
            if _NOT_WORDS.search(body):
                continue  # a figure, a formula, code, a list of examples or a pair of its own is no description
            if len([w for w in re.findall(r"\b[a-z]{3,}\b", body) if w not in ("and", "the")]) < 2:
                continue  # "GRANT, REVOKE", "West Bengal, Assam": names, no words that describe
            if len(re.findall(r"[^\W\d_]", term)) < 3 or any(normalise(t) in normalise(body) for t in terms):
                continue
            context = re.sub(r"\s*\([^)]*\)", "", parent_text(pair.node.parent) or "").strip().rstrip(":")
            if not context or len(context.split()) > 6 or is_generic_label(context) or context.endswith("?"):
                continue
            siblings = [t for t in terms if normalise(t) != normalise(term)]
            if context.isupper() and " " in context:
                context = context.lower()  # "TYPES BY RATE" → "Types by rate"; "ACID" stays
            prompt = f"{context[:1].upper()}{context[1:]}: which of these is described as “{body}”?"
            draft = _which(prompt, term, siblings, 1.1)
            placed.append(Placed(draft, pair.node.line, pair.node.text, topic_of(pair.node), f"term:{pair.node.line}"))
    return placed


_CASE_FORMULA = re.compile(r"^(?P<symbol>[A-Za-z][\w]{0,5})\s*=\s*(?P<value>[^=]*[A-Za-z\d)][^=]*)$")
_A_CASE = re.compile(r"^(?:\d+|n|two|three|four|for|with|when|if)\s", re.IGNORECASE)
"""A term that names a case ("2 resistors only", "n identical resistors R", "for small angles"), not a thing."""


def _bare(text: str) -> str:
    """A right side without its asides: "Sutlej (HP/Punjab), reservoir Gobind Sagar" → "Sutlej"."""
    return re.split(r"[,;]", re.sub(r"\s*\([^)]*\)", "", GLOSS.sub("", text)))[0].strip().rstrip(".")


def _plain_name(text: str) -> bool:
    """Words only, as a name is written: no figure, code, formula or shorthand ("decimals: pi = 3.14", "b/w")."""
    return bool(text) and re.fullmatch(r"[^\W\d_][\w'’. &/-]*", text) is not None and not re.search(r"\b\w/\w", text)


def _matched(pair: TermPair, siblings: list[TermPair], topic: str, group: str, lowered: set[str]) -> list[Placed]:
    """ "Hirakud – Mahanadi (Odisha)" among dams and their rivers, "Great renunciation – horse" among events and their
    symbols: which of the other right sides goes with the term, asked as the notes match them ("Important dams and
    projects: which of these is matched with Hirakud?"). Only where four or more such pairs stand together, each
    right side a short name, so that the wrong choices are of the same kind and plainly other pairs' answers."""
    answer = _bare(pair.body)
    context = re.sub(r"\s*\([^)]*\)", "", parent_text(pair.node.parent) or "").strip().rstrip(":")
    property_asked = _property_of(pair, siblings, context, topic, group)
    if property_asked:
        return property_asked
    if not context or is_generic_label(context) or len(context.split()) > 8 or not 1 <= len(answer.split()) <= 4:
        return []
    own = normalise(answer)
    if not _plain_name(answer) or not _plain_name(_bare(pair.term)):
        return []
    alike = [sibling for sibling in siblings if _plain_name(_bare(sibling.body)) and _plain_name(_bare(sibling.term))]
    if len(alike) * 4 < len(siblings) * 3:
        return []  # a few such pairs among points of other kinds: no set of matches
    others: list[str] = []
    for sibling in alike:
        right = _bare(sibling.body)
        if sibling is pair or not 1 <= len(right.split()) <= 4 or not _name_like(right):
            continue
        if normalise(right) == own or normalise(sibling.term) == normalise(pair.term):
            continue  # "Indira Sagar – Narmada" beside "Sardar Sarovar – Narmada": the same river is no wrong choice
        if set(re.findall(r"\w+", right.lower())) <= set(re.findall(r"\w+", pair.body.lower())):
            continue  # "Assam" beside "West Bengal, Assam": a right side this pair names too
        if normalise(right) not in {normalise(o) for o in others}:
            others.append(right)
    if len(others) < 3 or normalise(pair.term) in own or own in normalise(pair.term):
        return []
    if sum(c.isupper() for c in context) > sum(c.islower() for c in context):
        context = context[:1] + context[1:].lower()  # "EVENTS AND SYMBOLS" → "Events and symbols"
    context = context[:1].upper() + context[1:]
    term = re.sub(r"\s*\([^)]*\)", "", pair.term).strip()
    shown = term if term.split()[0].lower() not in lowered else term_case(term)  # "Mettur" stays a name
    prompt = f"{context}: which of these is matched with {shown}?"
    wrong = sorted(stable_order(others, pair.term), key=lambda other: _unlike(other, answer))[:3]
    draft = Draft("mcq", prompt, answer, ["pair"], None, choices=[answer, *wrong], score=1.2)
    return [Placed(draft, pair.node.line, pair.node.text, topic, group)]


_PROPERTIES = frozenset(
    {"unit", "symbol", "capital", "author", "founder", "inventor", "formula", "currency", "language"}
)
"""What a heading over pairs may call their right sides: "Units" over "current – ampere (A)"."""


def _property_of(pair: TermPair, siblings: list[TermPair], context: str, topic: str, group: str) -> list[Placed]:
    """ "current – ampere (A)" under "Units": "What is the unit of current?", the other pairs' units as the wrong
    choices. Only where three or more pairs stand together under a heading that names what their right sides are."""
    words = context.lower().split()
    if not words or len(words) > 3 or singular(words[-1]) not in _PROPERTIES or {"and", "&"} & set(words):
        return []
    kind = singular(words[-1])
    answer = _bare(pair.body)
    if not _plain_name(answer) or not 1 <= len(answer.split()) <= 4 or kind in pair.term.lower():
        return []
    others = [
        _bare(sibling.body)
        for sibling in siblings
        if sibling is not pair and _plain_name(_bare(sibling.body)) and len(_bare(sibling.body).split()) <= 4
    ]
    others = [o for o in dict.fromkeys(others) if normalise(o) != normalise(answer)]
    if len(others) < 3:
        return []
    term = re.sub(r"\s*\([^)]*\)", "", pair.term).strip()
    prompt = f"What is the {kind} of {term_case(term)}?"
    wrong = stable_order(others, pair.term)[:3]
    draft = Draft("mcq", prompt, answer, ["pair"], None, choices=[answer, *wrong], score=1.25)
    return [Placed(draft, pair.node.line, pair.node.text, topic, group)]


def _unlike(other: str, answer: str) -> tuple[int, int]:
    """How far a wrong choice is from the answer in kind: "Shield volcano" is nearer "Composite volcano" than
    "Magnitude" is, by a shared word, then by length. The nearest are the choices a student weighs."""
    mine, theirs = set(answer.lower().split()), set(other.lower().split())
    return -len(mine & theirs), abs(len(answer.split()) - len(other.split()))


def _overlap(a: str, b: str) -> bool:
    first, second = set(re.findall(r"[a-z]+", a.lower())), set(re.findall(r"[a-z]+", b.lower()))
    return first <= second or second <= first


def _glossary_term(pair: TermPair, siblings: list[TermPair]) -> bool:
    """ "Function – a named block of code …" among other terms of a glossary: a term, though "Function:" under an
    organelle would be a field of it."""
    return len(siblings) >= 2 and bool(re.match(r"(?i)an?\s", pair.body))


def _example_question(pair: TermPair, siblings: list[TermPair], topic: str, group: str) -> list[Placed]:
    """ "Which of these does this example show: “when a moving bus stops suddenly we fall forwards”?", the sibling
    terms as choices: a student who knows the ideas tells them apart in a case."""
    others: list[str] = []
    for sibling in siblings:
        term = sibling.term
        if not any(_overlap(term, taken) for taken in [pair.term, *others]):
            others.append(term)  # "Inertia of rotation/direction" beside "Inertia of direction": one of them
    example = GLOSS.sub("", pair.body).strip().rstrip(".")
    if len(others) < 2 or not 3 <= len(example.split()) <= 30 or _gives_away(pair.term, example, None):
        return []
    prompt = f"Which of these does this example show: “{example}”?"
    wrong = stable_order(others, pair.term)[:3]
    draft = Draft("mcq", prompt, pair.term, ["definition"], None, choices=[pair.term, *wrong], score=1.2)
    return [Placed(draft, pair.node.line, pair.node.text, topic, group + ":example")]


def _describes(term: str, body: str) -> bool:
    """A clause that says what the term is or does ("a body at rest tends to stay at rest", "completely ionize in
    water"), not a sentence about something else set after a label ("Japan signed …")."""
    first = body.split()[0]
    return (first[:1].islower() or first in ("A", "An", "The")) and not re.match(
        r"(?i)(?:it|they|he|she|this|these|we|you|there)\b", first
    )


_HEAD_END = re.compile(
    r"\s(?:of|on|in|within|inside|into|that|which|who|whose|where|when|by|for|to|between|around|from|with|used|made"
    r"|found|formed|called|is|are|was|were)\b"
)


def _definition_head(body: str) -> str:
    """The kind of thing a definition names: "Microscopic pores on leaves …" → "pore", "The process by which …" →
    "process"."""
    words = re.findall(r"[A-Za-z-]+", _HEAD_END.split(body.strip(), maxsplit=1)[0].lower())
    words = [w for w in words if w not in ("a", "an", "the", "any", "one")]
    return singular(words[-1]) if words else ""


def _heading_head(parent: Node | None) -> str | None:
    """The noun a heading or lead-in is about, plural or not ("PDU in OSI model" → "PDU")."""
    text = parent_text(parent)
    noun = head_noun(text) if text else None
    if not noun:
        return None
    word = head_word(noun)
    return word if word.isupper() else word.lower()


def _attribute_of(term: str, siblings: list[str], kind: str | None) -> str | None:
    """The heading's noun as an attribute of the terms, where the terms are all one other kind of thing: "Transport
    layer", "Network layer" … under "Protocol Data Units" are layers, and what the notes set beside each is its
    protocol data unit."""
    if not kind or len(siblings) < 2 or " of " in kind or is_generic_label(kind):
        return None  # under "Types:" the terms are the types, not things that have a type
    heads = {term.split()[-1].lower()} | {sibling.split()[-1].lower() for sibling in siblings}
    if len(heads) != 1 or len(term.split()) < 2:
        return None
    head = heads.pop()
    if singular(head) == singular(kind.split()[-1].lower()) or normalise(kind) in normalise(term):
        return None
    return kind


def _gives_away(term: str, body: str, kind: str | None) -> bool:
    """ "Which type of inertia is this: '… its state of motion'?" → "Inertia of motion": the term's own word."""
    kind_words = set(re.findall(r"[a-z]+", (kind or "").lower()))
    body_words = set(re.findall(r"[a-z]{4,}", body.lower()))
    term_words = {
        w for w in re.findall(r"[a-z]{4,}", term.lower()) if w not in kind_words and singular(w) not in kind_words
    }
    return bool(term_words & body_words)
