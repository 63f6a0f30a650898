"""Grading answers: a choice, true or false, or typed text compared after normalising, lists with partial credit."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from quizapp.generate.facts.names import find_acronyms
from quizapp.quiz.diff import char_diff, edit_distance
from quizapp.quiz.normalise import answer_tokens, is_exact_token, normalise_answer

__all__ = [
    "Gradable",
    "Grade",
    "acronym_map",
    "char_diff",
    "edit_distance",
    "grade",
    "grade_choice",
    "grade_truefalse",
    "grade_typed",
    "normalise_answer",
    "overridden",
    "typo_allowance",
]

MIN_LETTERS_FOR_A_TYPO = 5
"""Below this many letters no typo is forgiven: one letter apart, "Iran" is "Iraq" and "ODA" is "ADA"."""
LONG_ANSWER_LETTERS = 8
"""Above this many letters two typos are forgiven instead of one."""

_TRUE = {"true", "t", "yes", "y"}
_FALSE = {"false", "f", "no", "n"}
_LETTER_KEYS = "abcdef"
_DIGIT_KEYS = "123456"
# A comma splits list parts unless it groups thousands ("Rs 50,000 crore" is one part, "1947,1974" two).
_LIST_SEPARATOR = re.compile(r"[;\n]|,(?!(?<=\d,)\d{2,3}(?!\d))")
_AND = re.compile(r"\s*(?:\band\b|&)\s*", re.IGNORECASE)


class Gradable(Protocol):
    """What grading reads of a question: `Question` rows and the bank's `BankQuestion` both fit."""

    @property
    def type(self) -> str: ...
    @property
    def prompt(self) -> str: ...
    @property
    def answer(self) -> str: ...
    @property
    def choices(self) -> Sequence[str] | None: ...
    @property
    def accept(self) -> Sequence[str] | None: ...
    @property
    def items(self) -> Sequence[str] | None: ...
    @property
    def source_text(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one answer."""

    correct: bool
    """Counts as right; a list answer is right only with every item named and nothing wrong added."""
    credit: float
    """0.0–1.0: a list answer earns items named / items expected; any other answer 0 or 1."""
    expected: str
    """The answer as it should be shown."""
    note: str = ""
    """A short reason: "one typo", "2 of 4 items", "ODA = Official Development Assistance"…"""
    found: tuple[str, ...] = ()
    """List answers: the items named, in the question's order."""
    missing: tuple[str, ...] = ()
    """List answers: the items not named."""
    wrong: tuple[str, ...] = ()
    """List answers: the parts typed that match no item, as typed."""


# -- the rules for typed text ---------------------------------------------------------------------


def typo_allowance(expected: Sequence[str]) -> int:
    """How many typos an answer (normalised tokens) forgives: 0, 1, or 2 for one longer than 8 letters.

    Only letters that may be mistyped count: those of words other than numbers, ranks, months,
    currencies and scales. "Bangladesh" (10) forgives two, "Sri Lanka" (8) one, "Iran" (4) none,
    "28 April 1952" none at all.
    """
    letters = sum(ch.isalpha() for token in expected if not is_exact_token(token) for ch in token)
    if letters < MIN_LETTERS_FOR_A_TYPO:
        return 0
    return 1 if letters <= LONG_ANSWER_LETTERS else 2


def _typos(typed: list[str], expected: list[str]) -> int | None:
    """The typos between two normalised answers, or None if they do not match."""
    if typed == expected:
        return 0
    if not typed:
        return None
    # Numbers, ranks, months and amounts must all be there, exactly and in order: 1947 is not 1974.
    if [t for t in typed if is_exact_token(t)] != [t for t in expected if is_exact_token(t)]:
        return None
    allowance = typo_allowance(expected)
    if not allowance:
        return None
    distance = edit_distance(" ".join(typed), " ".join(expected), allowance)
    return distance if distance <= allowance else None


@dataclass(frozen=True, slots=True)
class _Acronym:
    short: tuple[str, ...]
    long: tuple[str, ...]
    label: str


@dataclass(frozen=True, slots=True)
class _Match:
    typos: int
    form: int
    """0 for the answer itself, i for the i-th accepted alternative."""
    via: tuple[str, ...] = ()
    """The acronyms that had to be spelled out to match."""


def acronym_map(texts: Iterable[str | None]) -> dict[str, str]:
    """ACRONYM → expansion, from texts that define them as "Long Form (ACR)" or "ACR (Long Form)".

    The first definition found wins. Uses the same extraction the bank generator asks its acronym
    questions from, so grading knows every acronym the bank does.
    """
    found: dict[str, str] = {}
    for text in texts:
        for fact in find_acronyms(text or ""):
            found.setdefault(fact.text, str(fact.value[0]))
    return found


def _contains(tokens: Sequence[str], part: Sequence[str]) -> bool:
    size = len(part)
    return any(tuple(tokens[i : i + size]) == tuple(part) for i in range(len(tokens) - size + 1))


def _usable_acronyms(question: Gradable, acronyms: Mapping[str, str] | None) -> list[_Acronym]:
    """The acronyms that may stand for their expansions in this question's answer.

    None means the ones the question's own source sentence defines. One the prompt already shows,
    short or long, is left out: answering "What does ODA stand for?" with "ODA" proves nothing.
    """
    mapping = acronym_map([question.source_text]) if acronyms is None else acronyms
    prompt = answer_tokens(question.prompt)
    usable = []
    for short, long in mapping.items():
        short_tokens, long_tokens = tuple(answer_tokens(short)), tuple(answer_tokens(long))
        if not short_tokens or not long_tokens or short_tokens == long_tokens:
            continue
        if _contains(prompt, short_tokens) or _contains(prompt, long_tokens):
            continue
        usable.append(_Acronym(short_tokens, long_tokens, f"{short} = {long}"))
    return sorted(usable, key=lambda a: -len(a.short))


def _expand(tokens: list[str], acronyms: Sequence[_Acronym]) -> tuple[list[str], list[str]]:
    """Every acronym spelled out; also returns the labels of those that were."""
    used = []
    for acronym in acronyms:
        size = len(acronym.short)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            if tuple(tokens[i : i + size]) == acronym.short:
                out += acronym.long
                i += size
                if acronym.label not in used:
                    used.append(acronym.label)
            else:
                out.append(tokens[i])
                i += 1
        tokens = out
    return tokens, used


def _best_match(typed_text: str, forms: Sequence[str], acronyms: Sequence[_Acronym]) -> _Match | None:
    """The best way the typed text matches one of the forms: fewest typos, then the answer before alternatives."""
    typed = answer_tokens(typed_text)
    typed_long, typed_used = _expand(typed, acronyms)
    best: _Match | None = None
    for index, form in enumerate(forms):
        expected = answer_tokens(form)
        typos, via = _typos(typed, expected), ()
        if typos is None and acronyms:
            expected_long, expected_used = _expand(expected, acronyms)
            typos = _typos(typed_long, expected_long)
            via = tuple(dict.fromkeys([*typed_used, *expected_used]))
        if typos is not None and (best is None or (typos, index) < (best.typos, best.form)):
            best = _Match(typos, index, via)
    return best


def _typo_note(typos: int) -> str:
    return {0: "", 1: "one typo", 2: "two typos"}.get(typos, f"{typos} typos")


def _note(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


# -- typed answers --------------------------------------------------------------------------------


def grade_typed(question: Gradable, response: str, *, acronyms: Mapping[str, str] | None = None) -> Grade:
    """A typed answer (cloze, short, flashcard, list) against the answer and its accepted alternatives.

    `acronyms` maps acronyms to their expansions (see `acronym_map`); None uses those the question's
    source sentence defines, and an empty mapping uses none.
    """
    items = tuple(question.items or ())
    if not response.strip():
        return Grade(False, 0.0, question.answer, missing=items if question.type == "list" else ())
    usable = _usable_acronyms(question, acronyms)
    forms = [question.answer, *(question.accept or ())]
    if question.type == "list" and items:
        return _grade_list(question, response, forms, items, usable)
    match = _best_match(response, forms, usable)
    if match is None:
        return Grade(False, 0.0, question.answer)
    accepted = f"matches the accepted '{forms[match.form]}'" if match.form else ""
    return Grade(True, 1.0, question.answer, note=_note(accepted, *match.via, _typo_note(match.typos)))


def _list_parts(response: str, items: Sequence[str], acronyms: Sequence[_Acronym]) -> list[str]:
    """The parts of a list answer: split at commas, semicolons, new lines and "and".

    An item that itself holds "and" ("Trinidad and Tobago") is kept whole when the pieces around an
    "and" together name it.
    """
    joined_items = [item for item in items if "and" in answer_tokens(item)]
    parts: list[str] = []
    for chunk in _LIST_SEPARATOR.split(response):
        pieces = [piece for piece in _AND.split(chunk) if piece.strip()]
        i = 0
        while i < len(pieces):
            for j in range(len(pieces), i + 1, -1):
                candidate = " and ".join(pieces[i:j])
                if joined_items and _best_match(candidate, joined_items, acronyms):
                    parts.append(candidate)
                    i = j
                    break
            else:
                parts.append(pieces[i])
                i += 1
    return [part.strip() for part in parts]


def _grade_list(
    question: Gradable, response: str, forms: Sequence[str], items: tuple[str, ...], acronyms: Sequence[_Acronym]
) -> Grade:
    whole = _best_match(response, forms, acronyms)
    if whole is not None and whole.typos == 0:
        accepted = f"matches the accepted '{forms[whole.form]}'" if whole.form else ""
        return Grade(True, 1.0, question.answer, note=_note(accepted, *whole.via), found=items)

    parts: list[str] = []
    seen: set[str] = set()
    for part in _list_parts(response, items, acronyms):
        key = normalise_answer(part)
        # Naming an item twice is no mistake worth a penalty; the repeat is simply ignored.
        if key and key not in seen:
            seen.add(key)
            parts.append(part)

    candidates = []
    for p, part in enumerate(parts):
        for i, item in enumerate(items):
            match = _best_match(part, [item], acronyms)
            if match is not None:
                candidates.append((match.typos, p, i, match))
    # Closest pairs first, so a part that names one item exactly is not spent on another it nearly names.
    candidates.sort(key=lambda c: c[:3])
    part_of_item: dict[int, _Match] = {}
    used_parts: set[int] = set()
    for _, p, i, match in candidates:
        if p not in used_parts and i not in part_of_item:
            used_parts.add(p)
            part_of_item[i] = match

    found = tuple(item for i, item in enumerate(items) if i in part_of_item)
    missing = tuple(item for i, item in enumerate(items) if i not in part_of_item)
    wrong = tuple(part for p, part in enumerate(parts) if p not in used_parts)
    correct = not missing and not wrong
    count = "" if correct else f"{len(found)} of {len(items)} items"
    extra = f"{len(wrong)} not on the list" if wrong else ""
    via = dict.fromkeys(label for match in part_of_item.values() for label in match.via)
    typos = _typo_note(sum(match.typos for match in part_of_item.values()))
    return Grade(
        correct,
        len(found) / len(items),
        question.answer,
        note=_note(count, extra, *via, typos),
        found=found,
        missing=missing,
        wrong=wrong,
    )


# -- choices --------------------------------------------------------------------------------------


def grade_choice(question: Gradable, choice: str) -> Grade:
    """An MCQ answered with the text of the choice picked."""
    picked = choice.strip()
    answer = question.answer.strip()
    correct = bool(picked) and (picked == answer or normalise_answer(picked) == normalise_answer(answer))
    return Grade(correct, 1.0 if correct else 0.0, question.answer)


def _truth(text: str) -> bool | None:
    word = normalise_answer(text)
    return True if word in _TRUE else False if word in _FALSE else None


def grade_truefalse(question: Gradable, said_true: bool) -> Grade:
    """A true/false question answered true or false."""
    truth = _truth(question.answer)
    if truth is None:
        raise ValueError(f"a true/false answer must be True or False, not {question.answer!r}")
    correct = said_true == truth
    return Grade(correct, 1.0 if correct else 0.0, question.answer)


def _chosen(question: Gradable, response: str) -> str | None:
    """The choice a response names: a letter a–f or a digit 1–6 is a position, anything else the choice's text."""
    choices = list(question.choices or ())
    key = response.strip().casefold()
    if len(key) == 1 and (key in _LETTER_KEYS or key in _DIGIT_KEYS):
        position = _LETTER_KEYS.index(key) if key in _LETTER_KEYS else _DIGIT_KEYS.index(key)
        return choices[position] if position < len(choices) else None
    return response


def grade(question: Gradable, response: str, *, acronyms: Mapping[str, str] | None = None) -> Grade:
    """Any answer, graded by the question's type.

    True/false takes t, f, true, false, yes, no (y, n); an MCQ takes a letter a–f, a digit 1–6 or the
    choice's text; every other type is typed (see `grade_typed`).
    """
    if question.type == "truefalse":
        said = _truth(response) if response.strip() else None
        if said is None:
            note = "answer t or f" if response.strip() else ""
            return Grade(False, 0.0, question.answer, note=note)
        return grade_truefalse(question, said)
    if question.type == "mcq" and question.choices:
        choice = _chosen(question, response)
        if choice is None:
            return Grade(False, 0.0, question.answer, note=f"there is no choice {response.strip()}")
        return grade_choice(question, choice)
    return grade_typed(question, response, acronyms=acronyms)


def overridden(verdict: Grade) -> Grade:
    """The student's "I was right": full marks, with a note saying so (and what the grader thought)."""
    note = "marked right by you" + (f" (graded: {verdict.note})" if verdict.note else "")
    return replace(verdict, correct=True, credit=1.0, note=note)
