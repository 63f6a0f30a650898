"""The last cut of a bank: near copies merged, at most three questions a line, true/false at most a quarter."""

from __future__ import annotations

import re
from collections import Counter

from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import coin
from quizapp.generate.shapes import Placed

PER_LINE = 3
"""At most this many questions come from one line of the notes (list and order questions aside)."""
TRUEFALSE_SHARE = 0.25
PER_ANSWER = 3
"""At most this many questions of a bank have one answer (or ask about one term): more is padding."""
_UNCAPPED = ("list",)


def _uncapped(item: Placed) -> bool:
    return item.draft.type in _UNCAPPED or "order" in item.draft.tags


def _restates(draft, answers: set[str] | None) -> bool:
    """A true statement of a sentence already asked, or a false one that swaps the fact already asked."""
    if answers is None:
        return False
    if draft.answer == "True" or draft.fact is None:
        return True
    return normalise(draft.fact.text) in answers


def _restated(
    signature: set[str],
    line: int,
    structured: bool,
    signatures: list[tuple[int, set[str], bool]],
    index_of_word: dict[str, list[int]],
) -> bool:
    """Whether a kept question of another line shares nine tenths of the words of the smaller of the two (the
    facts of one sentence share its words, and are still other facts). Two rows of a table or items of a list
    share their column's words and ask other facts, so only one of the two may be such."""
    overlap: Counter[int] = Counter()
    for word in signature:
        overlap.update(index_of_word.get(word, ()))
    return any(
        signatures[other][0] != line
        and not (structured and signatures[other][2])
        and count >= 0.9 * min(len(signature), len(signatures[other][1]))
        for other, count in overlap.items()
    )


def _stems(text: str) -> set[str]:
    """The content words of a text cut to their first five letters ("reign" for "reigned", "cell" for "cells")."""
    return {word.removesuffix("s")[:5] for word in _content(text)}


def _initials(prompts: list[str]) -> dict[tuple[int, str], str]:
    """The acronyms the prompts use ("PDU"), by their length and letters: where another prompt spells one out
    ("protocol data unit"), the two ask one thing."""
    found = {word for prompt in prompts for word in re.findall(r"\b[A-Z]{2,6}\b", prompt)}
    return {(len(word), word.lower()): word.lower() for word in found}


def _spelled_short(prompt: str, initials: dict[tuple[int, str], str]) -> str:
    """A prompt with each acronym written out in it put back as the acronym, as a key."""
    return normalise(" ".join(_short_words(prompt, initials)))


def _short_words(prompt: str, initials: dict[tuple[int, str], str]) -> list[str]:
    """The words of a text, lower case and without articles, each acronym written out put back as the acronym."""
    words = [word for word in re.findall(r"[\w'’-]+", prompt.lower()) if word not in ("the", "a", "an")]
    if not initials:
        return words
    firsts = "".join(word[0] for word in words)
    sizes = sorted({size for size, _ in initials}, reverse=True)
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in sizes:
            letters = firsts[index : index + size]
            if len(letters) == size and (size, letters) in initials:
                out.append(letters)
                index += size
                break
        else:
            out.append(words[index])
            index += 1
    return out


def _about_same(mine: set[str], other: set[str]) -> bool:
    """Two questions with one answer ask one fact when they share two words besides it."""
    return len(mine & other) >= 2


def _content(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]{3,}", text.lower()) if word not in _SMALL}


_SMALL = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "which",
        "what",
        "when",
        "where",
        "who",
        "how",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
    ]
)


_ABOUT = re.compile(
    r"^(?:What (?:is|are|was|were)(?: meant by)?|Describe|Define|Who (?:is|was|were))\s(?:the\s|a\s|an\s)?(?P<term>.+?)[?.]$"
)


def _asked(draft) -> str:
    """What a question asks for: its answer, or the quoted term a card's front asks about."""
    if draft.type == "flashcard" and "“" in draft.prompt and "”" in draft.prompt:
        return draft.prompt.split("“", 1)[1].split("”", 1)[0]
    return draft.answer


def _term_of(draft) -> str:
    """The term a question is about, however it asks: "What is continental drift?", "Describe inertia of rest."
    or the term a card quotes or a choice names."""
    about = _ABOUT.match(draft.prompt) if draft.type == "flashcard" else None
    if about and len(about["term"].split()) <= 5:
        return about["term"]
    return _asked(draft)


_DEFINES = re.compile(r"^____\s(?:is|are|was|were)\s(?:a|an|the)\s|\bcalled\?$|^Which term is this\b")
_COPULA_START = re.compile(
    r"^(?:Layer\s\d+,\s)?(?:The\s|A\s|An\s)?(?P<term>[\w'’/-]+(?:\s[\w'’/-]+){0,3}?)\s"
    r"(?:(?:is|are)\s(?:a|an|the)\s|(?:acts|act|serves|serve|works|work)\sas\b|(?:is|are)\sresponsible\sfor\b"
    r"|provides\b|provide\b|performs\b|perform\b|handles\b|handle\b)"
)
"""A statement of what a term is or does: "Inertia is the resistance …", "The session layer provides …"."""
_ROLE = re.compile(r"^What (?:is|are) the (?:function|role|job|purpose|work)s? of (?:the\s)?(?P<term>.+?)\?$")


def _defined_term(draft) -> str | None:
    """The term a question defines, however it asks: a card's term, "What is … called?" and "____ is the …" for
    their answer, a statement "X is a …" for its subject. None for a question that defines nothing."""
    term: str | None = None
    role = _ROLE.match(draft.prompt)
    if role and draft.type != "truefalse":
        term = role["term"]  # "What is the function of the Transport layer?": what it does, as a statement says
    elif draft.type == "flashcard" and (_ABOUT.match(draft.prompt) or "definition" in draft.tags):
        term = _term_of(draft)
    elif draft.type in ("cloze", "mcq", "short") and _DEFINES.search(draft.prompt):
        term = draft.answer
    elif draft.type == "truefalse":
        match = _COPULA_START.match(draft.prompt)
        term = match["term"] if match else None
    if not term or len(term.split()) > 5:
        return None
    words = re.sub(r"\([^)]*\)|[-‐]", " ", term).lower().split()
    words = [word for word in words if word not in ("the", "a", "an")]
    return " ".join(word.removesuffix("s") for word in words) or None


def _fact_words(draft) -> tuple[set[str], set[str]] | None:
    """The content words of a question's prompt and of its answer (None for a statement, whose answer is a
    verdict, and for a list, whose items are many facts)."""
    if draft.type in ("truefalse", "list"):
        return None
    answer = _content(re.sub(r"\s*\([^)]*\)", "", draft.answer))  # "a frame (or series of bits)": a frame
    if not answer or len(answer) > 8:
        return None
    return _content(draft.prompt), answer


def _crossed(mine: tuple[set[str], set[str]], other: tuple[set[str], set[str]]) -> bool:
    """Whether two questions ask one fact both ways: each answer's words stand in the other's prompt."""
    (prompt, answer), (other_prompt, other_answer) = mine, other
    return answer <= other_prompt and other_answer <= prompt


def _contained(mine: tuple[set[str], set[str]], other: tuple[set[str], set[str]]) -> bool:
    """Whether two questions of one sentence ask one fact: one's answer inside the other's, about the same thing
    ("What is meant by the DFC?" → "A project of close to Rs 50,000 crore …" beside "…a project of ____")."""
    (prompt, answer), (other_prompt, other_answer) = mine, other
    return bool(prompt & other_prompt) and (answer <= other_answer or other_answer <= answer)


def _sibling_words(draft) -> tuple[set[str], set[str]] | None:
    """Prompt and answer words of a question, for telling whether two questions of one sentence ask one fact
    (a list's items count as its answer; a statement's verdict does not)."""
    if draft.type == "truefalse":
        return None
    answer = _content(", ".join(draft.items) if draft.type == "list" and draft.items else draft.answer)
    return (_content(draft.prompt), answer) if answer else None


class Asked:
    """What the kept questions ask, read once: their answers with the words around them, and the terms they
    define, so that each sentence of the notes is checked against them quickly."""

    def __init__(self, placed: list[Placed]) -> None:
        self.terms = {term for item in placed if (term := _defined_term(item.draft)) is not None}
        self.answers: list[tuple[int, str, set[str]]] = []
        for item in placed:
            answer = normalise(item.draft.answer)
            shortest = 2 if re.search(r"\d", answer) else 4  # "90%" is a figure; "Pi" is no name to look for
            if item.draft.type != "truefalse" and len(answer) >= shortest:
                self.answers.append((item.line, answer, _stems(item.draft.prompt) - _stems(item.draft.answer)))

    def repeats(self, text: str, line: int) -> bool:
        """Whether a sentence holds the answer of a question of another line about the same words ("Shah Jahan
        reigned between 1628-1658" where his row asked for his reign), or defines a term a question defines:
        judged again, it would repeat that fact."""
        term = _defined_term(Draft("truefalse", text, "True", [], None))
        if term is not None and term in self.terms:
            return True  # "Inertia is the resistance …" where a card defines inertia
        said, words = normalise(text), _stems(text)
        return any(
            other != line and answer in said and _about_same(words, stems) for other, answer, stems in self.answers
        )


def cap(placed: list[Placed], spill: list[Placed] | None = None) -> list[Placed]:
    """The best questions under the caps, in their original order; the statements the quarter of true/false
    leaves out, of lines nothing else asks, go to `spill`.

    A fact is asked once: mostly by recalling it (a blank, a choice, a short answer), and for some facts, about
    one in two of those with a false statement to offer and within the quarter of true/false, by judging that
    statement instead."""
    first = _cap(placed, set())
    budget = int(TRUEFALSE_SHARE * len(first)) - sum(item.draft.type == "truefalse" for item in first)
    candidates = [
        index
        for index, item in enumerate(placed)
        if item.draft.type == "truefalse"
        and item.draft.answer == "False"
        and item.draft.fact is not None
        and coin(f"{item.source}\x1f{item.draft.fact.text}", 2) == 0
    ]
    candidates.sort(key=lambda index: -placed[index].draft.score)
    return _cap(placed, set(candidates[: max(0, budget)]), spill)


def _names_first(placed: list[Placed]) -> set[int]:
    """Questions that ask for a name where a sibling asks the same sentence for its figure ("$90 billion has gone
    into the ____." beside "How much has gone into …?"): of the two, the name is the fact, the figure in passing."""
    words = [_sibling_words(item.draft) for item in placed]
    by_line: dict[int, list[int]] = {}
    for index, item in enumerate(placed):
        if words[index] is not None:
            by_line.setdefault(item.line, []).append(index)
    figure = [_figure(item.draft) for item in placed]
    first: set[int] = set()
    for indices in by_line.values():
        for index in indices:
            if figure[index]:
                continue
            mine = words[index]
            if any(figure[other] and _crossed(mine, words[other]) for other in indices):  # type: ignore[arg-type]
                first.add(index)
    return first


_FIGURES = frozenset(["date", "year", "period", "fiscal", "money", "percent", "quantity", "rank", "fraction"])


def _figure(draft) -> bool:
    """Whether a question asks for a date, an amount or a rank rather than a name ("Voyager 1" is a name)."""
    if draft.fact is not None:
        return draft.fact.kind in _FIGURES
    return bool(re.fullmatch(r"[\W\d]*\d[\W\d]*(?:\s?\w{1,8})?", draft.answer))


def _cap(placed: list[Placed], preferred: set[int], spill: list[Placed] | None = None) -> list[Placed]:
    names_first = _names_first(placed)
    initials = _initials([item.draft.prompt for item in placed])

    def order(index: int) -> tuple[int, float, int]:
        draft = placed[index].draft
        rank = 0 if index in preferred else 2 if draft.type == "truefalse" else 1
        return rank, -draft.score - (0.5 if index in names_first else 0), index

    # A line's places go to the questions that recall its facts first; true/false statements take what is left.
    ranked = sorted(range(len(placed)), key=order)
    judged: dict[str, set[str]] = {}  # facts of a sentence asked by a false statement
    signatures: list[tuple[int, set[str], bool]] = []
    index_of_word: dict[str, list[int]] = {}
    per_line: Counter[int] = Counter()
    prompts: set[str] = set()
    answers_per_line: Counter[tuple[int, str]] = Counter()
    by_answer: dict[str, list[set[str]]] = {}
    statements: Counter[int] = Counter()
    blanks: Counter[str] = Counter()
    defined: Counter[str] = Counter()
    crossed: list[tuple[int, tuple[set[str], set[str]]]] = []
    siblings: dict[str, list[tuple[set[str], set[str]]]] = {}  # by sentence
    subjects: set[str] = set()  # the terms a kept question defines, however it asks
    named: dict[str, list[tuple[int, set[str]]]] = {}  # the names of the prompts that asked for each answer
    judged_: set[str] = set()  # sentences asked by a statement
    answers: Counter[str] = Counter()
    asked_sources: dict[str, set[str]] = {}
    kept: list[int] = []
    for index in ranked:
        item = placed[index]
        draft = item.draft
        # One prompt once; a membership question asks the same of each item, so its answer tells them apart.
        key = _spelled_short(draft.prompt, initials) + (
            "\x1f" + normalise(draft.answer) if item.group.startswith("member:") else ""
        )  # "What is the protocol data unit of …?" asks what "What is the PDU of …?" asks
        if key in prompts:
            continue
        # One fact, one question: a second question of one line with the same answer is a near copy.
        answer_key = (item.line, normalise(_asked(draft))) if draft.type != "truefalse" else None
        if answer_key is not None and answers_per_line[answer_key] >= 1 and not _uncapped(item):
            continue
        asked_for = normalise(_term_of(draft))
        if draft.type != "truefalse" and asked_for in judged.get(normalise(item.source), set()):
            continue  # this fact of the sentence is asked by its false statement
        if draft.type not in ("truefalse", "list") and answers[asked_for] >= PER_ANSWER:
            continue  # "inertia of rest" asked a third time, from another line
        defines = "definition" in draft.tags and draft.type != "list"
        if defines and defined[asked_for]:
            continue  # one term, one definition question: its card and its "which term is this" are one fact
        subject = _defined_term(draft)
        if subject is not None and subject in subjects:
            continue  # "Inertia is the resistance …" beside "What is … called? (inertia)": one definition
        # The same fact stated on another line ("ratified by 197 states" twice): the same answer and most of
        # the same words.
        words = _content(draft.prompt)
        same = by_answer.get(normalise(draft.answer), []) if draft.type not in ("truefalse", "list") else []
        if any(len(words & other) >= 0.6 * max(1, min(len(words), len(other))) for other in same):
            continue
        # Or the same answer about the same name ("Akbar … 1556-1605" in his row and in his paragraph); a statement
        # that holds an answer already asked about its names judges that fact again.
        names = _stems(draft.prompt)
        if draft.type not in ("truefalse", "list") and any(
            line != item.line and _about_same(names, other) for line, other in named.get(normalise(draft.answer), [])
        ):
            continue
        if draft.type == "truefalse":
            # the value a statement judges: the one it holds, or for a false one the value it replaced
            judged_values = [normalise(draft.fact.text)] if draft.fact is not None and draft.answer == "False" else []
            said = normalise(draft.prompt)
            if any(
                line != item.line
                and _about_same(names, other)
                and re.search(r"\d", answer)  # a figure: a name recurs in many facts of its notes
                and (answer in judged_values or len(answer) >= 4 and answer in said)
                for answer, entries in named.items()
                for line, other in entries
            ):
                continue
        # The same fact asked the other way round ("What is osmosis?" and "What is the movement of water … called?"):
        # each question's answer stands in the other's prompt.
        mine = _fact_words(draft)
        if mine is not None and any(line != item.line and _crossed(mine, other) for line, other in crossed):
            continue
        # Two questions of one sentence that ask one fact (a blank and its card, a figure asked both ways, a
        # definition and the list of what it names): an examiner counts the second as padding.
        sibling = _sibling_words(draft)
        sentence = normalise(item.source)
        if sibling is not None and any(
            _crossed(sibling, other) or _contained(sibling, other) for other in siblings.get(sentence, [])
        ):
            continue
        if draft.type == "truefalse" and sentence in siblings or draft.type != "truefalse" and sentence in judged_:
            continue  # a sentence is recalled or judged, not both
        # The same fact in another form or from another line ("the cell is the structural and functional unit of
        # life" as a statement, a card and a blank): most of the words of question and answer together.
        structured = item.group.split(":")[0] in ("member", "order", "row", "record", "timeline", "list")
        said = f"{draft.prompt} {draft.answer if draft.type != 'truefalse' else ''}"
        signature = _content(" ".join(_short_words(said, initials)))  # "protocol data unit" counts as "PDU"
        if len(signature) >= 4 and _restated(signature, item.line, structured, signatures, index_of_word):
            continue
        blank = draft.type == "cloze" or (draft.type == "mcq" and "____" in draft.prompt)
        blank_key = f"{normalise(item.source)}\x1f{','.join(sorted(draft.tags))}"
        if blank and blanks[blank_key]:
            continue  # a second blank of one kind in one sentence ("Rs 50,000 crore", then "Rs 38,000 crore"): padding
        if draft.type == "truefalse":
            source = normalise(item.source)
            if statements[item.line] or _restates(draft, asked_sources.get(source)):
                continue  # one statement a line, and none that restates what another question of it asks
            statements[item.line] += 1
            if draft.answer == "False" and draft.fact is not None:
                judged.setdefault(normalise(item.source), set()).add(normalise(draft.fact.text))
        if not _uncapped(item):
            if per_line[item.line] >= PER_LINE:
                continue
            per_line[item.line] += 1
        if answer_key is not None:
            answers_per_line[answer_key] += 1
        prompts.add(key)
        kept.append(index)
        if mine is not None:
            crossed.append((item.line, mine))
        if sibling is not None:
            siblings.setdefault(sentence, []).append(sibling)
        if draft.type == "truefalse":
            judged_.add(sentence)
        if blank:
            blanks[blank_key] += 1
        if len(signature) >= 4:
            for word in signature:
                index_of_word.setdefault(word, []).append(len(signatures))
            signatures.append((item.line, signature, structured))
        if draft.type != "truefalse":
            asked_sources.setdefault(normalise(item.source), set()).add(normalise(draft.answer))
        if draft.type not in ("truefalse", "list"):
            by_answer.setdefault(normalise(draft.answer), []).append(words)
            named.setdefault(normalise(draft.answer), []).append((item.line, names - _stems(draft.answer)))
            answers[asked_for] += 1
        if defines:
            defined[asked_for] += 1
        if subject is not None:
            subjects.add(subject)
    kept_set = set(kept)
    truefalse = [i for i in kept if placed[i].draft.type == "truefalse"]
    others = len(kept) - len(truefalse)
    allowed = int(TRUEFALSE_SHARE * others / (1 - TRUEFALSE_SHARE))
    covered = Counter(placed[i].line for i in kept if placed[i].draft.type != "truefalse")
    # `kept` is best first, so the weakest statements go, those of a line another question asks about first.
    truefalse.sort(key=lambda i: covered[placed[i].line] > 0)
    for index in truefalse[allowed:]:
        kept_set.discard(index)
        if spill is not None and not covered[placed[index].line]:
            spill.append(placed[index])
    return [placed[i] for i in range(len(placed)) if i in kept_set]
