"""Whether two questions ask one fact: the same answer about the same words, each giving the other away, a term
defined twice however it is asked, an acronym spelled out; and what the kept questions already ask."""

from __future__ import annotations

import re
from collections import Counter

from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.shapes import Placed


def restated(
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


def stems(text: str) -> set[str]:
    """The content words of a text cut to their first five letters ("reign" for "reigned", "cell" for "cells")."""
    return {word.removesuffix("s")[:5] for word in content(text)}


def acronyms_of(prompts: list[str]) -> dict[tuple[int, str], str]:
    """The acronyms the prompts use ("PDU"), by their length and letters: where another prompt spells one out
    ("protocol data unit"), the two ask one thing."""
    found = {word for prompt in prompts for word in re.findall(r"\b[A-Z]{2,6}\b", prompt)}
    return {(len(word), word.lower()): word.lower() for word in found}


_ASKS_MEANING = re.compile(
    r"^(?:what\s(?:is|are)\s(?:meant\sby|the\s(?:process|term|meaning)\sof)|what\sdo\syou\smean\sby|define"
    r"|what\s(?:is|are))\s",
    re.IGNORECASE,
)


def spelled_short(prompt: str, initials: dict[tuple[int, str], str]) -> str:
    """A prompt with each acronym written out in it put back as the acronym, as a key; "What is the process of
    diffusion?", "What do you mean by diffusion?" and "What is diffusion?" are one key."""
    prompt = _ASKS_MEANING.sub("what is ", prompt.strip())
    return normalise(" ".join(short_words(prompt, initials)))


def short_words(prompt: str, initials: dict[tuple[int, str], str]) -> list[str]:
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


def about_same(mine: set[str], other: set[str]) -> bool:
    """Two questions with one answer ask one fact when they share two words besides it."""
    return len(mine & other) >= 2


def content(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]{3,}", text.lower()) if word not in _SMALL}


# fmt: off
_SMALL = frozenset(["the", "and", "for", "with", "from", "that", "this", "which", "what", "when", "where", "who", "how", "are", "was", "were", "has", "have", "had"])
# fmt: on
"""Words too common to tell two questions apart."""


_ABOUT = re.compile(
    r"^(?:What (?:is|are|was|were)(?: meant by)?|Describe|Define|Who (?:is|was|were))\s(?:the\s|a\s|an\s)?(?P<term>.+?)[?.]$"
)


def asked(draft) -> str:
    """What a question asks for: its answer, or the quoted term a card's front asks about."""
    if draft.type == "flashcard" and "“" in draft.prompt and "”" in draft.prompt:
        return draft.prompt.split("“", 1)[1].split("”", 1)[0]
    return draft.answer


def term_of(draft) -> str:
    """The term a question is about, however it asks: "What is continental drift?", "Describe inertia of rest."
    or the term a card quotes or a choice names."""
    about = _ABOUT.match(draft.prompt) if draft.type == "flashcard" else None
    if about and len(about["term"].split()) <= 5:
        return about["term"]
    return asked(draft)


_DEFINES = re.compile(
    r"^____\s(?:is|are|was|were)\s(?:a|an|the)\s|\bcalled\?$|^Which term is this\b"
    r"|\b(?:is|are)\s(?:called|known\sas|termed|the\sprocess\sof|the\sterm\sfor)\s____\.?$"
)
_COPULA_START = re.compile(
    r"^(?:Layer\s\d+,\s)?(?:The\s|A\s|An\s)?(?P<term>[\w'’/-]+(?:\s[\w'’/-]+){0,3}?)\s"
    r"(?:(?:is|are)\s(?:a|an|the)\s|(?:acts|act|serves|serve|works|work)\sas\b|(?:is|are)\sresponsible\sfor\b"
    r"|provides\b|provide\b|performs\b|perform\b|handles\b|handle\b)"
)
"""A statement of what a term is or does: "Inertia is the resistance …", "The session layer provides …"."""
_ROLE = re.compile(r"^What (?:is|are) the (?:function|role|job|purpose|work)s? of (?:the\s)?(?P<term>.+?)\?$")


def defined_term(draft) -> str | None:
    """The term a question defines, however it asks: a card's term, "What is … called?" and "____ is the …" for
    their answer, a statement "X is a …" for its subject. None for a question that defines nothing."""
    term: str | None = None
    role = _ROLE.match(draft.prompt)
    if role and draft.type != "truefalse":
        term = role["term"]  # "What is the function of the Transport layer?": what it does, as a statement says
    elif draft.type == "flashcard" and (_ABOUT.match(draft.prompt) or "definition" in draft.tags):
        term = term_of(draft)
    elif draft.type in ("cloze", "mcq", "short") and _DEFINES.search(draft.prompt):
        term = draft.answer
    elif draft.type == "truefalse":
        match = _COPULA_START.match(draft.prompt)
        term = match["term"] if match else None
    if not term or len(term.split()) > 5:
        return None
    words = re.sub(r"\([^)]*\)|[-‐]|[“”\"‘]|['’](?!s\b)", " ", term).lower().split()  # “Ozone” is ozone
    words = [word for word in words if word not in ("the", "a", "an")]
    return " ".join(word.removesuffix("s") for word in words) or None


def fact_words(draft) -> tuple[set[str], set[str]] | None:
    """The content words of a question's prompt and of its answer (None for a statement, whose answer is a
    verdict, and for a list, whose items are many facts)."""
    if draft.type in ("truefalse", "list"):
        return None
    answer = content(re.sub(r"\s*\([^)]*\)", "", draft.answer))  # "a frame (or series of bits)": a frame
    if not answer or len(answer) > 8:
        return None
    return content(draft.prompt), answer


def crossed(mine: tuple[set[str], set[str]], other: tuple[set[str], set[str]]) -> bool:
    """Whether two questions ask one fact both ways: each answer's words stand in the other's prompt."""
    (prompt, answer), (other_prompt, other_answer) = mine, other
    if answer <= other_prompt and other_answer <= prompt:
        return True
    # "What is the powerhouse of the cell?" → Mitochondria, beside "What is the function of mitochondria?" → "It is
    # the powerhouse of the cell …": one answer in the other's prompt, that prompt's words in the other's answer.
    return (len(other_prompt) >= 2 and answer <= other_prompt and prompt <= other_answer) or (
        len(prompt) >= 2 and other_answer <= prompt and other_prompt <= answer
    )


def contained(mine: tuple[set[str], set[str]], other: tuple[set[str], set[str]]) -> bool:
    """Whether two questions of one sentence ask one fact: one's answer inside the other's, about the same thing
    ("What is meant by the DFC?" → "A project of close to Rs 50,000 crore …" beside "…a project of ____")."""
    (prompt, answer), (other_prompt, other_answer) = mine, other
    return bool(prompt & other_prompt) and (answer <= other_answer or other_answer <= answer)


def sibling_words(draft) -> tuple[set[str], set[str]] | None:
    """Prompt and answer words of a question, for telling whether two questions of one sentence ask one fact
    (a list's items count as its answer; a statement's verdict does not)."""
    if draft.type == "truefalse":
        return None
    answer = content(", ".join(draft.items) if draft.type == "list" and draft.items else draft.answer)
    return (content(draft.prompt), answer) if answer else None


class Asked:
    """What the kept questions ask, read once: their answers with the words around them, and the terms they
    define, so that each sentence of the notes is checked against them quickly."""

    def __init__(self, placed: list[Placed]) -> None:
        self.terms = {term for item in placed if (term := defined_term(item.draft)) is not None}
        self.answers: list[tuple[int, str, set[str]]] = []
        for item in placed:
            answer = normalise(item.draft.answer)
            shortest = 2 if re.search(r"\d", answer) else 4  # "90%" is a figure; "Pi" is no name to look for
            if item.draft.type != "truefalse" and len(answer) >= shortest:
                self.answers.append((item.line, answer, stems(item.draft.prompt) - stems(item.draft.answer)))

    def repeats(self, text: str, line: int) -> bool:
        """Whether a sentence holds the answer of a question of another line about the same words ("Shah Jahan
        reigned between 1628-1658" where his row asked for his reign), or defines a term a question defines:
        judged again, it would repeat that fact."""
        term = defined_term(Draft("truefalse", text, "True", [], None))
        if term is not None and term in self.terms:
            return True  # "Inertia is the resistance …" where a card defines inertia
        said, words = normalise(text), stems(text)
        return any(
            other != line and answer in said and about_same(words, stems) for other, answer, stems in self.answers
        )


def names_over_figures(placed: list[Placed]) -> set[int]:
    """Questions that ask for a name where a sibling asks the same sentence for its figure ("$90 billion has gone
    into the ____." beside "How much has gone into …?"): of the two, the name is the fact, the figure in passing."""
    words = [sibling_words(item.draft) for item in placed]
    by_line: dict[int, list[int]] = {}
    for index, item in enumerate(placed):
        if words[index] is not None:
            by_line.setdefault(item.line, []).append(index)
    figure = [asks_figure(item.draft) for item in placed]
    first: set[int] = set()
    for indices in by_line.values():
        for index in indices:
            if figure[index]:
                continue
            mine = words[index]
            if any(figure[other] and crossed(mine, words[other]) for other in indices):  # type: ignore[arg-type]
                first.add(index)
    return first


_FIGURES = frozenset(["date", "year", "period", "fiscal", "money", "percent", "quantity", "rank", "fraction"])


def asks_figure(draft) -> bool:
    """Whether a question asks for a date, an amount or a rank rather than a name ("Voyager 1" is a name)."""
    if draft.fact is not None:
        return draft.fact.kind in _FIGURES
    return bool(re.fullmatch(r"[\W\d]*\d[\W\d]*(?:\s?\w{1,8})?", draft.answer))
