"""Split a block's lines into sentences with syntok, each sentence knowing the source line it starts on."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from syntok import segmenter

from quizapp.documents.model import Sentence

# "relations on 28 April 1952.Japan is regarded": a period glued to the next sentence's first word. syntok
# keeps "1952.Japan" as one token, so these are found separately. The lookahead only finds candidates; the
# word before the period and the letter after it are checked in _is_glued_stop.
_GLUED = re.compile(r"(\w+)\.(?=(\w))")

# Lowercase abbreviations that are often written straight before a name ("vs.Japan", "approx.Rs") and so must
# not end a sentence even when glued to a capital.
# fmt: off
_GLUED_ABBREVIATIONS = frozenset({
    "al", "approx", "cf", "ch", "dept", "esp", "fig", "incl", "no", "nos", "pp", "sec", "st", "viz", "vol", "vs",
    "www", "http", "https",
})
# fmt: on


def collapse(text: str) -> str:
    """Whitespace of any kind (tabs, no-break spaces, line breaks) collapsed to single spaces, ends stripped."""
    return " ".join(text.split())


def has_words(text: str) -> bool:
    """True if the text has a letter or digit: a line or sentence of only dashes, stars or emoji says nothing."""
    return any(char.isalnum() for char in text)


def split_sentences(parts: Sequence[tuple[int, str]]) -> tuple[str, list[Sentence]]:
    """The block text (parts joined with spaces) and its sentences, from (line number, text of that line) parts.

    Each part is one source line of the block (marker already removed); the line a sentence starts on is found
    from its offset in the joined text, so a paragraph that wraps over several lines gives each sentence its own
    line.
    """
    starts: list[int] = []
    lines: list[int] = []
    chunks: list[str] = []
    offset = 0
    for line, raw in parts:
        chunk = collapse(raw)
        if not chunk:
            continue
        if chunks:
            offset += 1  # the space that joins this chunk to the previous one
        starts.append(offset)
        lines.append(line)
        chunks.append(chunk)
        offset += len(chunk)
    text = " ".join(chunks)
    if not has_words(text):
        return text, []

    boundaries = {0, len(text)}
    boundaries.update(_syntok_starts(text))
    boundaries.update(match.end(1) + 1 for match in _GLUED.finditer(text) if _is_glued_stop(text, match))
    cuts = sorted(boundaries)

    spans: list[tuple[int, int]] = []  # (start, end) offsets of each sentence in text
    for begin, end in pairwise(cuts):
        piece = text[begin:end]
        if not piece.strip():
            continue
        start = begin + len(piece) - len(piece.lstrip())
        if spans and (not has_words(piece) or not has_words(text[spans[-1][0] : spans[-1][1]])):
            # A stray "!!" or "—" belongs to the sentence before it (or, at the start, to the one after it)
            # rather than standing as a sentence of its own.
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))

    sentences = [
        Sentence(text=text[start:end].strip(), line=lines[bisect_right(starts, start) - 1]) for start, end in spans
    ]
    return text, sentences


@lru_cache(maxsize=16384)
def _syntok_starts(text: str) -> tuple[int, ...]:
    """Offsets where syntok starts a sentence; it keeps "Rs. 500 cr.", "Approx." and "U.S." inside sentences.
    Kept for the texts seen last: reading the notes and asking about them split the same blocks."""
    return tuple(sentence[0].offset for paragraph in segmenter.analyze(text) for sentence in paragraph if sentence)


def _is_glued_stop(text: str, match: re.Match[str]) -> bool:
    """A period that ends a sentence although no space follows it ("1952.Japan", "year.The").

    It must follow a digit or a lowercase word of two or more letters, and be followed by a capital; so "U.S.A",
    "e.g.Japan" (one-letter words), "3.5" and "Fig.2" (digits after the period) stay whole.
    """
    word, following = match.group(1), match.group(2)
    if not following.isupper():
        return False
    before = text[match.start(1) - 1] if match.start(1) > 0 else " "
    if before in ".@/:":  # part of a dotted abbreviation, an e-mail address or a URL
        return False
    if word[-1].isdigit():
        return True
    return len(word) >= 2 and word.isalpha() and word.islower() and word not in _GLUED_ABBREVIATIONS
