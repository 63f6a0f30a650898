"""Statement questions in the civil-services prelims form: "Consider the following statements about X: 1. … 2. …
3. … Which of the statements given above is/are correct?", from statements the quarter of true/false leaves out
and sentences no other question asks, some made false by a rival or a value the notes give elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from quizapp.generate.draft import Draft
from quizapp.generate.judge import claimable, is_statement, names_something, subject_unsaid, unquotable
from quizapp.generate.keyterms import KeyTerms
from quizapp.generate.nouns import coin, stable_order
from quizapp.generate.questions import truefalse_questions
from quizapp.generate.sameness import Asked
from quizapp.generate.shapes import Placed
from quizapp.generate.standalone import EXAMPLE, NoteSentence, context_of

_LARGEST = 3
"""Statements in one question: three at most, as the prelims papers set them."""
_ASK = "Which of the statements given above is/are correct?"


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement as a question shows it: a sentence of the notes, or that sentence made false."""

    line: int
    source: str
    topic: str
    shown: str
    true: bool
    why: str | None = None
    """Why a false statement is false: "the notes say X, not Y."."""


def _label(chosen: tuple[int, ...], size: int) -> str:
    """ "1 only", "1 and 3 only", "1, 2 and 3"; for two statements "Both 1 and 2" and "Neither 1 nor 2"."""
    if size == 2 and len(chosen) == 2:
        return "Both 1 and 2"
    if not chosen:
        return "Neither 1 nor 2" if size == 2 else "None of them"
    names = [str(n) for n in chosen]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return joined if len(chosen) == size else f"{joined} only"


def _options(right: tuple[int, ...], size: int, seed: str) -> list[str]:
    """The right combination and three others, in the papers' order (fewest statements first)."""
    if size == 2:
        every = [(1,), (2,), (1, 2), ()]
        return [_label(chosen, size) for chosen in every]
    subsets = [c for k in range(1, size + 1) for c in combinations(range(1, size + 1), k)]
    others = [c for c in subsets if c != right]
    picked = stable_order([_label(c, size) for c in others], seed)[:3]
    chosen = [c for c in subsets if c == right or _label(c, size) in picked]
    return [_label(c, size) for c in sorted(chosen, key=lambda c: (len(c), c))]


def statement_sets(claims: list[Claim], lead: Callable[[str], str | None]) -> list[Placed]:
    """Questions of two or three statements, in the notes' order, each statement standing on its own; a set of
    only true statements now and then, so that "all of them" is no safe guess. `lead` names a section's subject
    for the question's first line where all its statements come from that section, or None."""
    group: list[Claim] = []
    lines: set[int] = set()
    for claim in sorted(claims, key=lambda claim: claim.line):
        if claim.line not in lines:  # one statement a line
            lines.add(claim.line)
            group.append(claim)
    chunks = [group[start : start + _LARGEST] for start in range(0, len(group), _LARGEST)]
    if len(chunks) > 1 and len(chunks[-1]) == 1:
        chunks[-2:] = [chunks[-2][:2], [*chunks[-2][2:], *chunks[-1]]]  # 3 + 1 → 2 + 2
    placed: list[Placed] = []
    for chunk in chunks:
        seed = "statements\x1f" + "\x1f".join(claim.shown for claim in chunk)
        if len(chunk) < 2 or all(claim.true for claim in chunk) and coin(seed, 3):
            continue
        if len(chunk) > 2 and not any(claim.true for claim in chunk):
            continue  # three statements all false: the papers keep at least one right
        topics = {claim.topic for claim in chunk}
        subject = lead(chunk[0].topic) if len(topics) == 1 else None
        placed.append(_question(chunk, chunk[0].topic, subject, seed))
    return placed


def _question(chunk: list[Claim], topic: str, subject: str | None, seed: str) -> Placed:
    lines = [f"{n}. {_without(subject, claim.shown)}" for n, claim in enumerate(chunk, 1)]
    if subject and subject.startswith("The "):
        subject = "the " + subject[4:]  # "about the two Houses", not "about The Two Houses"
    about = f" about {subject}" if subject else ""
    prompt = "\n".join([f"Consider the following statements{about}:", *lines, _ASK])
    right = tuple(n for n, claim in enumerate(chunk, 1) if claim.true)
    answer = _label(right, len(chunk))
    choices = _options(right, len(chunk), seed)
    reasons = [
        f"Statement {n} is false: {claim.why or 'the notes say otherwise.'}"
        for n, claim in enumerate(chunk, 1)
        if not claim.true
    ]
    explanation = " ".join(reasons) or "All of them are as the notes say."
    draft = Draft("mcq", prompt, answer, ["statements"], None, choices=choices, explanation=explanation, score=0.8)
    first = chunk[0]
    return Placed(draft, first.line, first.source, topic, f"statements:{first.line}")


def _without(subject: str | None, shown: str) -> str:
    """A statement without the heading a lone statement needed in front ("Acids: …"): the question names it."""
    if subject and shown.startswith(f"{subject}: "):
        rest = shown[len(subject) + 2 :]
        return rest[:1].upper() + rest[1:]
    return shown


_FIGURE_TAGS = ("date", "money", "rank", "fraction")


def claims_of(
    sentences: list[NoteSentence],
    placed: list[Placed],
    terms: KeyTerms,
    notes: str,
    pool: list,
    lowercase: frozenset[str],
) -> list[Claim]:
    """The sentences of lines no question asks that can stand as statements, each with its false form where a
    rival term or another value of the notes can take the place of its own (never a bare "not")."""
    claims: list[Claim] = []
    asked = {item.line for item in placed}
    asked_before = Asked(placed)
    claimed: set[int] = set()
    for sentence in sentences:
        text = sentence.text
        if sentence.line in asked or EXAMPLE.search(sentence.source) or unquotable(text) or subject_unsaid(text):
            continue
        if not is_statement(text) or not names_something(text, lowercase) or not claimable(text, sentence.source):
            continue
        if sentence.line in claimed or asked_before.repeats(text, sentence.line):
            continue
        statement = text if text.rstrip("\"'”’)").endswith((".", "!", "?")) else text + "."
        false = why = None
        swapped = terms.swapped(statement, notes)
        if swapped is not None:
            false, right, wrong = swapped
            why = f"The notes say {right}, not {wrong}."
        else:
            ctx = context_of(sentence, pool)
            for fact in sentence.facts:
                if fact.tag not in _FIGURE_TAGS:
                    continue
                made = truefalse_questions(ctx, fact, allow_false=True, force_false=True)
                if made:
                    false, why = made[0].prompt, made[0].explanation
                    break
        shown_false = false is not None and coin(f"claim\x1f{statement}", 2) == 0
        shown = false if shown_false and false is not None else statement
        claims.append(Claim(sentence.line, sentence.source, sentence.topic, shown, not shown_false, why))
        claimed.add(sentence.line)
    return claims
