"""The last look at a bank's questions: answers and choices without stray punctuation, and blanks that another
sentence of the notes would fill with something else dropped."""

from __future__ import annotations

import re
from collections import defaultdict

from quizapp.generate.distractors import normalise
from quizapp.generate.draft import BLANK, Draft
from quizapp.generate.facts import NAME_KINDS
from quizapp.generate.shapes import Placed

_TRAILING = re.compile(r"[\s:;,]+$")
_GLOSS = re.compile(r"\s*\([^)]*\)$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


_KIND_FIRST = re.compile(
    r"^(Battle|Treaty|Fort|Council|Act|Bill|Article|Battles|Lake|Mount|River|Port|Gulf|Bay|Cape|Sea)\b"
)


def _kind(text: str) -> str:
    """The kind a name says it is: "Battle of Chanderi" → battle, "Asia-Africa Growth Corridor" → corridor."""
    first = _KIND_FIRST.match(text)
    if first:
        return first.group(1).lower()
    last = text.split()[-1] if text.split() else ""
    return last.lower() if last in NAME_KINDS else ""


def _fair_choices(draft: Draft) -> bool:
    """Choices that do not give the answer away: of the answer's kind, none inside another, the answer's own
    words not in the stem unless a wrong choice has them too. False where too few such choices are left."""
    assert draft.choices is not None
    answer = draft.answer
    kind = _kind(answer)
    wrong: list[str] = []
    for choice in draft.choices:
        if choice == answer:
            continue
        if kind and _kind(choice) != kind:
            continue  # "Agra Fort" among battles
        if any(_inside(choice, other) for other in [answer, *wrong]):
            continue  # "Jalal-ud-din Muhammad" beside "Jalal-ud-din Muhammad Akbar"
        wrong.append(choice)
    if len(wrong) < 2:
        return False
    prompt_words = set(_words(draft.prompt))
    told = {w for w in _words(answer) if len(w) >= 4 and w in prompt_words}
    if told and not any(told & set(_words(choice)) for choice in wrong):
        return False  # "Zafar" in the stem and in one choice only
    draft.choices = [answer, *wrong]
    return True


def _inside(a: str, b: str) -> bool:
    first, second = normalise(a), normalise(b)
    return bool(first) and bool(second) and (first in second or second in first)


def tidy(draft: Draft) -> None:
    """ "Divergent Plate Boundaries:" and "RTP?" as choices: their trailing marks are the notes' punctuation; a
    sentence cut at its semicolon ("USSR invaded in ____;") ends with a full stop."""
    draft.prompt = re.sub(r"\s*[;,]$", ".", draft.prompt)
    if draft.type == "truefalse":
        return
    answer = _TRAILING.sub("", draft.answer) or draft.answer
    if draft.choices:
        draft.choices = [re.sub(r"(?<=\d)\s+%", "%", choice) for choice in draft.choices]
        answer = re.sub(r"(?<=\d)\s+%", "%", answer)
        choices = [_TRAILING.sub("", choice) or choice for choice in draft.choices]
        glossed = [bool(_GLOSS.search(choice)) for choice in choices]
        if any(glossed) and not all(glossed):
            # "Oxalic acid(C2H2O4)" among plain names: the formula sets it apart, so every choice goes without
            choices = [_GLOSS.sub("", choice) for choice in choices]
            answer = _GLOSS.sub("", answer)
        if not all(choice.endswith("?") for choice in choices):
            choices = [choice.rstrip("?") if choice != "?" else choice for choice in choices]
            answer = answer.rstrip("?") or answer
        if len({normalise(choice) for choice in choices}) == len(choices) and answer in choices:
            draft.choices = choices
        else:
            return
    if draft.items:
        draft.items = [_TRAILING.sub("", item) or item for item in draft.items]
    draft.answer = answer


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


class Frames:
    """Where each run of three words stands in the notes' sentences, to find a blank's frame elsewhere."""

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = [_words(text) for text in sentences]
        self.index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for number, words in enumerate(self.sentences):
            for start in range(len(words) - 2):
                self.index[tuple(words[start : start + 3])].append((number, start))

    def ambiguous(self, draft: Draft) -> bool:
        """A blank whose whole sentence stands elsewhere in the notes around another answer: "____ is situated
        on the bank of Indus River." when three sites are; "Harappa is situated on the bank of ____." is not."""
        if draft.prompt.count(BLANK) != 1:
            return False
        before_text, after_text = draft.prompt.split(BLANK)
        before, after = _words(before_text), _words(after_text)
        answer = _words(draft.answer)
        anchor = tuple(after[:3]) if len(after) >= 3 else tuple(before[-3:]) if len(before) >= 3 else ()
        if not anchor or not answer:
            return False
        for number, _start in self.index.get(anchor, []):
            words = self.sentences[number]
            if len(words) <= len(before) + len(after):
                continue
            if words[: len(before)] != before or (after and words[len(words) - len(after) :] != after):
                continue
            filler = words[len(before) : len(words) - len(after)]
            if filler and filler != answer:
                return True
        return False


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _roots(text: str, size: int) -> set[str]:
    """The first `size` letters of each word of five letters or more: "pancreatic" and "pancreas" meet."""
    return {word[:size] for word in _words(text) if len(word) >= 5}


def _stem_given(draft: Draft) -> bool:
    """A blank the stem gives away by a word of the same root: "pancreatic juice from the ____" (pancreas), "Which
    enzyme of the salivary glands …?" (Salivary amylase)."""
    if re.search(r"\d", draft.answer):
        return False  # "Rs 50,000 crore" beside "Rs 38,000 crore": the unit is no clue
    prompt = _roots(draft.prompt.replace(BLANK, " "), 5)
    answer = _words(draft.answer)
    telling = answer[:-1] if len(answer) > 1 else answer  # "secondary waves" beside "P waves": the kind tells nothing
    return any(word[:5] in prompt for word in telling if len(word) >= 5)


def _root_points_to_answer(draft: Draft) -> bool:
    """A stem sharing a root with the answer and with no wrong choice: "Which enzyme acts on lactose?" among
    Lactase, Sucrase and Maltase, or "Gastric …" with the stomach."""
    roots = _roots(draft.answer, 4) & _roots(draft.prompt.replace(BLANK, " "), 4)
    if not roots or re.search(r"\d", draft.answer):
        return False
    wrong = [choice for choice in draft.choices or [] if choice != draft.answer]
    return not any(roots & _roots(choice, 4) for choice in wrong)


def polish(placed: list[Placed], sentences: list[str]) -> list[Placed]:
    frames = Frames(sentences)
    kept: list[Placed] = []
    for item in placed:
        tidy(item.draft)
        if item.draft.type == "mcq" and _root_points_to_answer(item.draft):
            continue  # "… breaks down lactose": of the choices, only "Lactase" shares the root
        if item.draft.type == "mcq" and not _fair_choices(item.draft):
            if item.draft.prompt.startswith("Which of these"):
                continue  # without its choices, "Which of these …" has as many answers as the list
            if BLANK in item.draft.prompt:
                item.draft.type, item.draft.choices = "cloze", None  # still asked, typed instead of chosen
            elif item.draft.prompt.endswith(("?", ".")):
                item.draft.type, item.draft.choices = "short", None  # "Name the longest cell." is typed
            else:
                continue
        if item.draft.type in ("cloze", "mcq", "short") and frames.ambiguous(item.draft):
            continue
        if item.draft.type in ("cloze", "short") and _stem_given(item.draft):
            continue
        kept.append(item)
    return kept
