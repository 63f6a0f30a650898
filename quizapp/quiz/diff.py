"""Comparing answers character by character: the edit distance that counts typos, and the diff shown."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

DiffKind = Literal["same", "typed-wrong", "missing"]


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Insertions, deletions, substitutions and swaps of neighbouring characters, each counting one.

    This is the optimal-string-alignment form of Damerau–Levenshtein: "Japna" is one typo from
    "Japan", not two. With `limit`, any distance above it is reported as `limit + 1`.
    """
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1] if limit is None else min(previous[-1], limit + 1)


def char_diff(typed: str, expected: str) -> list[tuple[DiffKind, str]]:
    """Segments of one merged line: what was typed, with wrong characters marked, and what was missing.

    As in Anki's typed-answer comparison, joining the "same" and "typed-wrong" segments gives back the
    typed text, and joining the "same" and "missing" ones gives the expected text (the "same" parts are
    shown as typed, since case alone never makes an answer wrong). Characters are compared ignoring
    case; surrounding spaces are ignored.
    """
    typed, expected = typed.strip(), expected.strip()
    matcher = SequenceMatcher(None, [c.casefold() for c in typed], [c.casefold() for c in expected], autojunk=False)
    segments: list[tuple[DiffKind, str]] = []

    def add(kind: DiffKind, text: str) -> None:
        if not text:
            return
        if segments and segments[-1][0] == kind:
            segments[-1] = (kind, segments[-1][1] + text)
        else:
            segments.append((kind, text))

    for op, t1, t2, e1, e2 in matcher.get_opcodes():
        if op == "equal":
            add("same", typed[t1:t2])
        else:
            add("typed-wrong", typed[t1:t2])
            add("missing", expected[e1:e2])
    return segments


def typed_line(segments: list[tuple[DiffKind, str]]) -> list[tuple[DiffKind, str]]:
    """The typed text alone, wrong characters marked (Anki's first line)."""
    return [(kind, text) for kind, text in segments if kind != "missing"]


def expected_line(segments: list[tuple[DiffKind, str]]) -> list[tuple[DiffKind, str]]:
    """The expected text alone, missing characters marked (Anki's second line)."""
    return [(kind, text) for kind, text in segments if kind != "typed-wrong"]
