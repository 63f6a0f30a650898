"""Values near an answer, written as the answer is: other dates, amounts and ranks to choose from."""

from __future__ import annotations

import hashlib
import re
from math import floor, log10

from quizapp.generate.facts import MONTHS, Fact, ordinal, parse_number

CURRENCY_SAME = {"rs": "rs", "rs.": "rs", "inr": "rs", "₹": "rs", "us$": "$", "usd": "$", "$": "$"}
"""Currency signs that are one currency written differently."""


def stable_rank(seed: str, candidate: str) -> str:
    """A stable pseudo-random order: adding a value elsewhere moves few other questions' choices."""
    return hashlib.sha1(f"{seed}\x1f{candidate}".encode()).hexdigest()


# -- dates ------------------------------------------------------------------------------------------


def _month_name(like: str, month: int) -> str:
    """A month written as `like` is: "Sep" style abbreviations stay abbreviated, full names stay full."""
    full = MONTHS[month - 1]
    # "May" is a full name as much as an abbreviation: only a word that is no month's full name is short.
    abbreviated = like.rstrip(".").lower() not in {name.lower() for name in MONTHS}
    return full[:3] if abbreviated else full


def _replace_word(text: str, old: str, new: str) -> str:
    return re.sub(rf"\b{re.escape(old)}\b", new, text, count=1)


def _offsets(seed: str, choices: tuple[int, ...], k: int) -> list[int]:
    """`k` of `choices` in a stable order drawn from `seed`, so the answer is not always in the middle."""
    return sorted(choices, key=lambda c: stable_rank(seed, str(c)))[:k]


def date_variants(fact: Fact, seed: str = "") -> list[str]:
    """Dates near the answer, written the same way.

    Full dates and month-years are varied as a balanced set: each day, month and year of the four
    choices appears in two of them, so no choice gives itself away by sharing the most with the others.
    """
    kind, *parts = fact.value
    text = fact.text
    out: list[str] = []
    if kind == "year":
        (year,) = parts
        out = [str(year + d) for d in _offsets(seed, (-9, -7, -6, -4, -3, -2, 2, 3, 4, 5, 7, 8), 6)]
    elif kind in ("date", "month"):
        month = parts[-2]
        year = parts[-1]
        month_word = re.search(r"[A-Za-z]+\.?", text).group(0).rstrip(".")
        dy, dm = _offsets(seed + "y", (-4, -3, -2, 2, 3, 5), 1)[0], _offsets(seed + "m", (-5, -3, -2, 2, 3, 4), 1)[0]
        other_year = str(year + dy)
        other_month = _month_name(month_word, (month - 1 + dm) % 12 + 1)

        def variant(change_month: bool, change_year: bool, change_day: bool) -> str:
            candidate = _replace_word(text, str(year), other_year) if change_year else text
            if change_month:
                candidate = _replace_word(candidate, month_word, other_month)
            if change_day:
                day = parts[0]
                other_day = (day + 9) % 28 + 1 if day <= 28 else day - 11
                candidate = re.sub(
                    rf"\b{day}(st|nd|rd|th)?\b",
                    lambda m: ordinal(other_day) if m.group(1) else str(other_day),
                    candidate,
                    count=1,
                )
            return candidate

        if kind == "date":
            out = [variant(True, False, True), variant(True, True, False), variant(False, True, True)]
        else:
            out = [variant(True, False, False), variant(False, True, False), variant(True, True, False)]
        # More than three wanted: the same date in other years, then in other months of its year.
        out += [_replace_word(text, str(year), str(year + d)) for d in (-6, 7, -9, 11) if d != dy]
        out += [
            _replace_word(text, month_word, _month_name(month_word, (month - 1 + d) % 12 + 1))
            for d in _offsets(seed + "months", (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5), 10)
        ]
    elif kind == "period":
        first, second, year = parts
        words = re.findall(r"[A-Za-z]+", text)
        # The first four as ever; then more in the same year, for a sentence whose year is pinned by another value.
        for dy, dm in ((0, -3), (-1, 0), (0, 4), (1, 2), (0, -5), (0, 2), (0, 6)):
            a = _month_name(words[0], (first - 1 + dm) % 12 + 1)
            b = _month_name(words[1], (second - 1 + dm) % 12 + 1)
            out.append(
                text.replace(words[0], "\x00")
                .replace(words[1], b)
                .replace("\x00", a)
                .replace(str(year), str(year + dy))
            )
    elif kind == "years":
        start, end = parts
        out = [
            text.replace(str(start), str(start + d), 1).replace(end, _shift_year_text(end, d), 1)
            for d in (-2, 3, -5, 6)
        ]
    elif kind == "fiscal":
        year, end = parts
        for d in (-3, 2, -1, 4):
            # "FY2019-20" moves as a whole: FY2016-17, never FY2016-20.
            shifted = re.sub(rf"(?<=FY)(\s?){year}", rf"\g<1>{_shift_year_text(year, d)}", text, count=1)
            if end:
                shifted = re.sub(rf"(?<=[-–/]){end}\b", _shift_year_text(end, d), shifted, count=1)
            out.append(shifted)
    return out


def _shift_year_text(year: str, delta: int) -> str:
    width = len(year)
    return str((int(year) + delta) % (10**width)).zfill(width)


# -- amounts and ranks --------------------------------------------------------------------------------


def _group_indian(whole: str) -> str:
    """12,34,567: the last three digits, then pairs, as lakh and crore amounts are written."""
    head, tail = whole[:-3], whole[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([p for p in (head, *pairs) if p] + [tail])


def _format_like(original: str, value: float, *, indian: bool = False) -> str:
    """A number written like the original: thousands separators (Indian or Western), decimals."""
    decimals = len(original.split(".")[1]) if "." in original else 0
    # Without separators in the original, keep none, unless a short number grew past 9999 ("615" → "6,150").
    if "," not in original and (decimals or len(original) > 3 or value < 10_000):
        return f"{value:.{decimals}f}"
    whole = f"{round(value):d}"
    if len(whole) <= 3:
        return whole
    if indian or re.search(r"\d,\d\d,\d{3}", original):
        return _group_indian(whole)
    return f"{round(value):,d}"


def _nice(value: float, original: str) -> float:
    """Rounded to the precision of the original's leading digits, so "38,000" gives "19,000", not "19,137"."""
    digits = re.sub(r"\D", "", original).lstrip("0")
    if "." not in original:
        digits = digits.rstrip("0")
    significant = max(1, len(digits))
    if value <= 0:
        return value
    scale = 10 ** (floor(log10(value)) - significant + 1)
    rounded = round(value / scale) * scale
    return rounded if "." in original else float(int(rounded))


def amount_variants(fact: Fact, seed: str = "") -> list[str]:
    cur, number, scale, _unit = fact.value
    indian = CURRENCY_SAME.get(cur.strip().lower()) == "rs" or scale.lower().startswith(("lakh", "crore", "cr"))
    base = parse_number(number)
    if base <= 0:
        return []  # "0 %" has no near values of the same kind to offer
    # Drawn per question from a spread of factors, so the answer is sometimes the smallest or the largest.
    spread = (
        (0.3, 0.45, 0.6, 0.75, 1.3, 1.6, 2, 2.5, 3) if fact.kind != "percent" else (0.5, 0.7, 0.8, 1.2, 1.4, 1.6, 2)
    )
    factors: list[float] = sorted(spread, key=lambda f: stable_rank(seed, str(f)))
    if base < 10 and "." not in number:
        factors += [(base + d) / base for d in (1, 2, 3, 4, -1, -2) if base + d > 0]  # small counts step by one
    out = []
    for factor in factors:
        value = _nice(base * factor, number)
        if fact.kind == "percent" and value > 100 >= base:
            continue  # a share of a whole stays a share
        if value <= 0:
            continue
        out.append(fact.text.replace(number, _format_like(number, value, indian=indian), 1))
    return out


def rank_variants(fact: Fact, seed: str = "") -> list[str]:
    (n,) = fact.value
    deltas = _offsets(seed, (-6, -4, -3, -2, -1, 1, 2, 3, 4, 6), 10)
    return [fact.text.replace(ordinal(n), ordinal(n + d), 1) for d in deltas if n + d >= 1]
