"""Wrong choices of the same kind and shape as the answer: the document's own values first, then near ones."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from quizapp.generate.facts import FRACTIONS, MONTHS, Fact, find_amounts, find_dates, find_ranks, parse_number
from quizapp.generate.near_values import CURRENCY_SAME, amount_variants, date_variants, stable_rank


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """A comparison key: two values with the same key are the same answer written differently."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"^(?:the|a|an)\s", "", text)
    text = re.sub(r"\b(?:us\$|usd)", "$", text)
    text = re.sub(r"\b(?:rs\.?|inr)\s?|₹\s?", "rs ", text)
    text = re.sub(r"(?<=\d)\s?(?:per\s?cent|percent)\b", "%", text)  # 12 per cent is 12%
    return re.sub(r"[^\w$%]+", "", text)


_SCALES = {
    "": 1,
    "thousand": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}


def _scale_factor(scale: str) -> float:
    """ "lakh crore" is a lakh of crores; every other scale is one word of `_SCALES`."""
    factor = 1.0
    for word in scale.lower().split():
        factor *= _SCALES.get(word, 1)
    if re.fullmatch(r"lakh\s?crores?", scale.lower()):
        factor = 1e12
    return factor


def _currency(cur: str) -> str:
    return CURRENCY_SAME.get(cur.strip().lower(), cur.strip().lower())


def fact_key(fact: Fact) -> tuple[object, ...] | None:
    """What a date, amount or rank means, however it is written: equal keys are the same value."""
    if fact.tag == "date":
        return ("date", *fact.value)
    if fact.tag == "rank":
        return ("rank", *fact.value)
    if fact.tag == "money":
        cur, number, scale, unit = fact.value
        amount = round(parse_number(number) * _scale_factor(scale), 6)
        if fact.kind == "percent":
            return ("percent", amount)
        if fact.kind == "quantity":
            return ("quantity", unit.lower(), amount)
        return ("money", _currency(cur) if cur else unit.lower(), amount)
    return None


@lru_cache(maxsize=4096)
def _value_keys(text: str) -> frozenset[tuple[object, ...]]:
    """The meaning of every date, amount and rank written in `text`."""
    facts = [*find_dates(text), *find_amounts(text), *find_ranks(text)]
    return frozenset(key for fact in facts if (key := fact_key(fact)) is not None)


@lru_cache(maxsize=4096)
def _whole_value_key(text: str) -> tuple[object, ...] | None:
    """The meaning of `text` if the whole of it is one date, amount or rank ("April 28, 1952", "₹38,000 crore")."""
    for fact in (*find_dates(text), *find_amounts(text), *find_ranks(text)):
        if fact.start == 0 and fact.end == len(text.strip()):
            return fact_key(fact)
    return None


@lru_cache(maxsize=65536)
def _sorted_words(text: str) -> tuple[str, ...]:
    return tuple(sorted(re.findall(r"\w+", text.casefold())))


def same_words(a: str, b: str) -> bool:
    """ "Mumbai-Ahmedabad High Speed Rail" and "Ahmedabad-Mumbai High Speed Rail" name one thing."""
    return _sorted_words(a) == _sorted_words(b)


def _pick(
    answer: str, seed: str, preferred: Iterable[str], fallback: Iterable[str], banned: set[str], n: int
) -> list[str]:
    """`banned` holds texts (the sentence, its block) in which a distractor must not stand: there it would be true."""
    keys = {normalise(answer)}
    contexts = [normalise(text) for text in banned]
    # A value written another way is still the same value: "April 28, 1952" is "28 April 1952".
    values = {_whole_value_key(answer)} | {key for text in banned for key in _value_keys(text)}
    values.discard(None)
    chosen: list[str] = []
    for group in (sorted(set(preferred), key=lambda c: stable_rank(seed, c)), list(fallback)):
        for candidate in group:
            key = normalise(candidate)
            if not key or key in keys or any(key in context for context in contexts):
                continue
            if same_words(candidate, answer):
                continue
            value = _whole_value_key(candidate)
            if value is not None and value in values:
                continue
            keys.add(key)
            if value is not None:
                values.add(value)
            chosen.append(candidate)
            if len(chosen) == n:
                return chosen
    return chosen


def _same_amount_shape(a: Fact, b: Fact) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return (
            CURRENCY_SAME.get(a.value[0].strip().lower(), a.value[0])
            == CURRENCY_SAME.get(b.value[0].strip().lower(), b.value[0])
            and a.value[2].lower() == b.value[2].lower()
        )
    if a.kind == "quantity":
        return a.value[3] == b.value[3] and a.value[2].lower() == b.value[2].lower()
    if a.kind == "percent":  # "45%" with "12%", "12 per cent" with "45 per cent"
        return (a.value[3] == "%") == (b.value[3] == "%")
    return True


def _in_notation(value: Fact, like: Fact) -> str:
    """An amount of the document written with the answer's currency sign: "₹450 crore" as "Rs 450 crore"."""
    if value.kind != "money" or not value.value[0] or not like.value[0] or value.value[0] == like.value[0]:
        return value.text
    prefix = like.text[: like.text.index(like.value[1])]  # the sign as the answer writes it, space and all
    return prefix + value.text[value.text.index(value.value[1]) :]


@lru_cache(maxsize=65536)
def _date_format(text: str) -> str:
    """How a date is written: "28 April 1952" → "9 M Y", "April 28, 1952" → "M 9, Y", "Sept 2019" → "m Y"."""

    def month(m: re.Match[str]) -> str:
        word = m.group(0)
        return "M" if word in MONTHS else "m"

    shape = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "o", text)
    shape = re.sub(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", month, shape)
    shape = re.sub(r"\d{4}", "Y", shape)
    return re.sub(r"\d+", "9", shape)


def _same_date_shape(a: Fact, b: Fact) -> bool:
    if a.kind != b.kind or a.value[0] != b.value[0] or _date_format(a.text) != _date_format(b.text):
        return False
    years = [v for v in (*a.value[1:], *b.value[1:]) if isinstance(v, int) and v > 1000]
    return len(years) < 2 or abs(years[0] - years[-1]) <= 25


_BROAD_KINDS = {
    **dict.fromkeys(["Battle", "Offensive", "Campaign", "Siege"], "battle"),
    **dict.fromkeys(["War", "Wars"], "war"),
    **dict.fromkeys(["Revolution", "Movement", "Mutiny", "Revolt", "Rebellion", "Uprising"], "rising"),
    **dict.fromkeys(["Empire", "Dynasty", "Kingdom", "Sultanate"], "realm"),
    **dict.fromkeys(["Party", "League", "Front", "Hand", "Society", "Sangh", "Samaj"], "group"),
    **dict.fromkeys(["River", "Mountains", "Hills", "Plateau", "Desert", "Lake", "Valley", "Gulf", "Bay"], "land"),
    **dict.fromkeys(["East", "West", "North", "South", "Asia", "Europe", "Africa", "America"], "region"),
}
"""Kinds of names a wrong choice must share with the answer: a battle among battles, not a region or a revolution
among them ("Black Hand" is a group; "Middle East" a region)."""


@lru_cache(maxsize=8192)
def broad_kind(name: str) -> str:
    """The broad kind of a name, from its head word ("First Battle of the Marne" → battle), or "" if unknown."""
    head = re.split(r"\s(?:of|on|for|in)\s", name, maxsplit=1)[0].split()
    return _BROAD_KINDS.get(head[-1], "") if head else ""


def _same_name_shape(a: Fact, b: Fact) -> bool:
    if broad_kind(a.text) != broad_kind(b.text):
        return False
    if a.kind == "quoted" or b.kind == "quoted":
        return a.kind == b.kind
    if a.value[0] in ("place", "agent") or b.value[0] in ("place", "agent"):
        return a.value == b.value
    return bool(a.value[1]) and a.value[1] == b.value[1]


NEARBY = 150
"""Facts on either side of a fact that its distractors are drawn from. Notes of a few pages fit in whole;
in a book-length document the values of the same chapter are the closest, and the work stays linear."""
_positions: dict[int, tuple[list[Fact], dict[int, int]]] = {}


def nearby(fact: Fact, pool: list[Fact]) -> list[Fact]:
    """The part of the document's facts around `fact` (all of them in short notes)."""
    if len(pool) <= 2 * NEARBY:
        return pool
    cached = _positions.get(id(pool))
    if cached is None or cached[0] is not pool:
        _positions.clear()
        cached = _positions[id(pool)] = (pool, {id(f): i for i, f in enumerate(pool)})
    index = cached[1].get(id(fact), 0)
    start = max(0, min(index - NEARBY, len(pool) - 2 * NEARBY))
    return pool[start : start + 2 * NEARBY]


_variants: dict[int, tuple[list[Fact], dict[tuple[str, ...], set[str]]]] = {}


def name_variants(fact: Fact, pool: list[Fact]) -> list[str]:
    """The same name written with its words in another order elsewhere in the document, as typed answers to accept."""
    cached = _variants.get(id(pool))
    if cached is None or cached[0] is not pool:
        index: dict[tuple[str, ...], set[str]] = {}
        for other in pool:
            if other.tag == "name":
                index.setdefault(_sorted_words(other.text), set()).add(other.text)
        _variants.clear()
        cached = _variants[id(pool)] = (pool, index)
    return sorted(cached[1].get(_sorted_words(fact.text), set()) - {fact.text})


def _keeps_order(fact: Fact, candidate: str, contexts: set[str]) -> bool:
    """A wrong amount stays on the answer's side of every other amount of its kind in the sentence.

    In "a project of Rs 50,000 crore of which Japan gave Rs 38,000 crore", Japan's share cannot be
    offered as Rs 76,000 crore: a student would rule it out from the sentence alone.
    """
    values = [found for found in find_amounts(candidate) if found.start == 0]
    if not values:
        return True
    mine, wrong = parse_number(fact.value[1]), parse_number(values[0].value[1])
    for context in contexts:
        for other in find_amounts(context):
            if other.text == fact.text or not _same_amount_shape(other, fact):
                continue
            theirs = parse_number(other.value[1])
            if (mine < theirs) != (wrong < theirs):
                return False
    return True


def choose_distractors(
    fact: Fact, pool: list[Fact], *, seed: str, banned: Iterable[str] = (), n: int = 3, invent: bool = True
) -> list[str]:
    """Up to `n` wrong answers for `fact`; `pool` is every fact of the document, `banned` texts they must not be in.
    `invent` False keeps to the notes' own values (a false statement swaps in another value of the notes)."""
    if not invent:
        return _from_notes(fact, pool, seed=seed, banned=banned, n=n)
    blocked = set(banned)
    pool = nearby(fact, pool)
    if fact.tag == "date":
        preferred = [f.text for f in pool if _same_date_shape(f, fact)]
        year = re.search(r"\d{4}", fact.text)
        if year and any(context.count(year.group(0)) > context.count(fact.text) for context in blocked):
            # The year stands elsewhere in the sentence ("“Cope India 2018” … in December 2018"): another year
            # would be ruled out at sight, so only the month or day may change.
            wanted = n + 12
            choices = _pick(fact.text, seed, preferred, date_variants(fact, seed), blocked, wanted)
            return [c for c in choices if year.group(0) in c][:n]
        return _pick(fact.text, seed, preferred, date_variants(fact, seed), blocked, n)
    if fact.tag == "money":
        preferred = [_in_notation(f, fact) for f in pool if _same_amount_shape(f, fact)]
        wrong = _pick(fact.text, seed, preferred, amount_variants(fact, seed), blocked, n + 3)
        return [w for w in wrong if _keeps_order(fact, w, blocked)][:n]
    if fact.tag == "rank":
        preferred = [f.text for f in pool if f.kind == "rank" and abs(f.value[0] - fact.value[0]) <= 15]
        # Only ranks the notes give: a made-up "5th" among Newton's three laws is wrong by its form.
        return _pick(fact.text, seed, preferred, [], blocked, n)
    if fact.tag == "acronym":
        return _pick(fact.text, seed, [f.text for f in pool if f.kind == "acronym"], [], blocked, n)
    if fact.tag == "fraction":
        return _pick(fact.text, seed, _fractions_of(fact, pool), fraction_variants(fact), blocked, n)
    if fact.tag == "name":
        answer_key = normalise(fact.text)
        same = [
            f
            for f in pool
            if f.tag == "name"
            and _same_name_shape(f, fact)
            and answer_key not in normalise(f.text)
            and normalise(f.text) not in answer_key
        ]
        # Only names of the same kind: an initiative among exercises gives the answer away.
        closest = [f.text for f in same if f.value[1] == fact.value[1]]
        return _pick(fact.text, seed, closest, [], blocked, n)
    return []


def _from_notes(fact: Fact, pool: list[Fact], *, seed: str, banned: Iterable[str], n: int) -> list[str]:
    """Wrong values of the answer's kind and shape that the notes themselves give."""
    blocked = set(banned)
    near = nearby(fact, pool)
    if fact.tag == "date":
        preferred = [f.text for f in near if _same_date_shape(f, fact)]
    elif fact.tag == "money":
        preferred = [_in_notation(f, fact) for f in near if _same_amount_shape(f, fact)]
    elif fact.tag == "rank":
        preferred = [f.text for f in near if f.kind == "rank"]
    elif fact.tag == "fraction":
        preferred = _fractions_of(fact, near)
    elif fact.tag == "name":
        preferred = [
            f.text for f in near if f.tag == "name" and _same_name_shape(f, fact) and f.value[1] == fact.value[1]
        ]
    else:
        preferred = []
    return _pick(fact.text, seed, preferred, [], blocked, n)


def _fractions_of(fact: Fact, pool: list[Fact]) -> list[str]:
    """The other shares the notes give, written as the answer is ("two-thirds" with "one-third")."""
    return [
        _fraction_like(f.text, fact.text)
        for f in pool
        if f.tag == "fraction" and _fraction_key(f.text) != _fraction_key(fact.text)
    ]


def fraction_variants(fact: Fact) -> list[str]:
    """Shares near the answer's: "three-fourths" → "two-thirds", "one-half" …"""
    return [_fraction_like(text, fact.text) for text in FRACTIONS if _fraction_key(text) != _fraction_key(fact.text)]


def _fraction_key(text: str) -> str:
    words = re.split(r"[-\s]", text.lower())
    return f"{words[0]}/{words[-1].replace('quarter', 'fourth').rstrip('s')}"


def _fraction_like(text: str, like: str) -> str:
    """A share written with the answer's hyphen or space and capital."""
    out = text.replace("-", " ") if " " in like else text.replace(" ", "-")
    return out[:1].upper() + out[1:] if like[:1].isupper() else out.lower()
