"""Stable question ids: the same source sentence, type and answer always give the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def deck_prefix(deck: str) -> str:
    """A short prefix from a deck's name: the initials of its words ("India–Japan Relations" → "ijr")."""
    # Accents fall away (é → e), but any other non-ASCII character (a dash, a CJK letter) separates words,
    # so "India–Japan" is two words, not one.
    decomposed = unicodedata.normalize("NFKD", deck)
    ascii_name = "".join(ch if ch.isascii() else ("" if unicodedata.combining(ch) else " ") for ch in decomposed)
    words = re.findall(r"[A-Za-z0-9]+", ascii_name)
    return "".join(word[0].lower() for word in words)[:6] or "q"


def stable_id(prefix: str, *parts: str, length: int = 8) -> str:
    """`prefix-xxxxxxxx` from a digest of the parts: no clock, no randomness, so regenerating is stable."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"
