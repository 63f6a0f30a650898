"""The last cut of a bank: near copies merged, at most three questions a line, true/false at most a quarter."""

from __future__ import annotations

import re
from collections import Counter

from quizapp.generate.distractors import normalise
from quizapp.generate.nouns import coin
from quizapp.generate.sameness import (
    about_same,
    acronyms_of,
    asked,
    contained,
    content,
    crossed,
    defined_term,
    fact_words,
    names_over_figures,
    restated,
    short_words,
    sibling_words,
    spelled_short,
    stems,
    term_of,
)
from quizapp.generate.shapes import Placed
from quizapp.generate.shapes.common import core_answer

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


def _cap(placed: list[Placed], preferred: set[int], spill: list[Placed] | None = None) -> list[Placed]:
    names_first = names_over_figures(placed)
    initials = acronyms_of([item.draft.prompt for item in placed])

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
    by_answer: dict[str, list[tuple[int, set[str], set[str]]]] = {}  # line, prompt words and stems, by answer
    statements: Counter[int] = Counter()
    blanks: Counter[str] = Counter()
    defined: Counter[str] = Counter()
    asked_both: list[tuple[int, tuple[set[str], set[str]]]] = []
    siblings: dict[str, list[tuple[set[str], set[str]]]] = {}  # by sentence
    subjects: set[str] = set()  # the terms a kept question defines, however it asks
    judged_sentences: set[str] = set()  # sentences asked by a statement
    answers: Counter[str] = Counter()
    asked_sources: dict[str, set[str]] = {}
    kept: list[int] = []
    for index in ranked:
        item = placed[index]
        draft = item.draft
        # One prompt once; a membership question asks the same of each item, so its answer tells them apart.
        key = spelled_short(draft.prompt, initials) + (
            "\x1f" + normalise(draft.answer) if item.group.startswith("member:") else ""
        )  # "What is the protocol data unit of …?" asks what "What is the PDU of …?" asks
        if key in prompts:
            continue
        # One fact, one question: a second question of one line with the same answer is a near copy.
        answer_key = (item.line, normalise(asked(draft))) if draft.type != "truefalse" else None
        if answer_key is not None and answers_per_line[answer_key] >= 1 and not _uncapped(item):
            continue
        asked_for = normalise(term_of(draft))
        if draft.type != "truefalse" and asked_for in judged.get(normalise(item.source), set()):
            continue  # this fact of the sentence is asked by its false statement
        # Which of the siblings a point is true of ("Which wave …?" → "S waves") has one answer for each of its
        # points, each a fact of its own: no cap on the answer, no earlier question with it to copy.
        owned = "owner" in draft.tags or "example" in draft.tags or "pair" in draft.tags
        if draft.type not in ("truefalse", "list") and not owned and answers[asked_for] >= PER_ANSWER:
            continue  # "inertia of rest" asked a third time, from another line
        defines = "definition" in draft.tags and draft.type != "list"
        if defines and defined[asked_for]:
            continue  # one term, one definition question: its card and its "which term is this" are one fact
        subject = defined_term(draft)
        if subject is not None and subject in subjects:
            continue  # "Inertia is the resistance …" beside "What is … called? (inertia)": one definition
        # The same fact stated on another line ("ratified by 197 states" twice): the same answer and most of
        # the same words.
        words, names = content(draft.prompt), stems(draft.prompt)
        answer = normalise(core_answer(draft.answer))
        earlier = by_answer.get(answer, []) if draft.type not in ("truefalse", "list") and not owned else []
        if any(len(words & other) >= 0.6 * max(1, min(len(words), len(other))) for _, other, _ in earlier):
            continue
        # Or the same answer about the same name ("Akbar … 1556-1605" in his row and in his paragraph); a statement
        # that holds an answer already asked about its names judges that fact again.
        if any(line != item.line and about_same(names, other) for line, _, other in earlier):
            continue
        if draft.type == "truefalse":
            # the value a statement judges: the one it holds, or for a false one the value it replaced
            judged_values = [normalise(draft.fact.text)] if draft.fact is not None and draft.answer == "False" else []
            said = normalise(draft.prompt)
            if any(
                line != item.line
                and about_same(names, other)
                and (value in judged_values or len(value) >= 4 and value in said)
                for value, entries in by_answer.items()
                if re.search(r"\d", value)  # a figure: a name recurs in many facts of its notes
                for line, _, other in entries
            ):
                continue
        # The same fact asked the other way round ("What is osmosis?" and "What is the movement of water … called?"):
        # each question's answer stands in the other's prompt.
        mine = fact_words(draft)
        if mine is not None and any(line != item.line and crossed(mine, other) for line, other in asked_both):
            continue
        # Two questions of one sentence that ask one fact (a blank and its card, a figure asked both ways, a
        # definition and the list of what it names): an examiner counts the second as padding.
        sibling = sibling_words(draft)
        sentence = normalise(item.source)
        if sibling is not None and any(
            crossed(sibling, other) or contained(sibling, other) for other in siblings.get(sentence, [])
        ):
            continue
        if (
            draft.type == "truefalse"
            and sentence in siblings
            or draft.type != "truefalse"
            and sentence in judged_sentences
        ):
            continue  # a sentence is recalled or judged, not both
        # The same fact in another form or from another line ("the cell is the structural and functional unit of
        # life" as a statement, a card and a blank): most of the words of question and answer together.
        structured = item.group.split(":")[0] in ("member", "order", "row", "record", "timeline", "list", "owner")
        said = f"{draft.prompt} {draft.answer if draft.type != 'truefalse' else ''}"
        signature = content(" ".join(short_words(said, initials)))  # "protocol data unit" counts as "PDU"
        if len(signature) >= 4 and restated(signature, item.line, structured, signatures, index_of_word):
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
            asked_both.append((item.line, mine))
        if sibling is not None:
            siblings.setdefault(sentence, []).append(sibling)
        if draft.type == "truefalse":
            judged_sentences.add(sentence)
        if blank:
            blanks[blank_key] += 1
        if len(signature) >= 4:
            for word in signature:
                index_of_word.setdefault(word, []).append(len(signatures))
            signatures.append((item.line, signature, structured))
        if draft.type != "truefalse":
            asked_sources.setdefault(normalise(item.source), set()).add(answer)
        if draft.type not in ("truefalse", "list") and not owned:
            by_answer.setdefault(answer, []).append((item.line, words, names - stems(draft.answer)))
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
