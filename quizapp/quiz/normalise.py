"""Typed answers reduced to one canonical spelling, so grading compares meaning rather than keystrokes."""

from __future__ import annotations

import re
import unicodedata

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"sept": "september"}
_MONTH_WORDS = set(MONTHS) | set(_MONTH_ABBREVIATIONS)

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split()
_UNITS += "seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_CARDINALS = {word: n for n, word in enumerate(_UNITS)} | _TENS
_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth".split()
_ORDINAL_WORDS += "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_ORDINALS = {word: n + 1 for n, word in enumerate(_ORDINAL_WORDS)} | {
    word[:-1] + "ieth": n for word, n in _TENS.items()
}

_SCALE_ALIASES = {
    "bn": "billion",
    "billions": "billion",
    "mn": "million",
    "millions": "million",
    "cr": "crore",
    "crores": "crore",
    "lakhs": "lakh",
    "lac": "lakh",
    "lacs": "lakh",
    "thousands": "thousand",
    "trillions": "trillion",
}
SCALES = {"hundred", "thousand", "lakh", "crore", "million", "billion", "trillion"}
_CURRENCY_WORDS = {"rupee": "rs", "rupees": "rs", "inr": "rs", "usd": "$", "dollar": "$", "dollars": "$"}
CURRENCIES = {"rs", "$", "yen", "euro", "pound"}

EXACT_WORDS = frozenset(SCALES | CURRENCIES | _MONTH_WORDS | {"percent"})
"""Words that carry a quantity or a date: a typo may never turn one of them into another."""

_ARTICLES = {"a", "an", "the"}

_ISO_DATE = re.compile(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.])")
# Indian grouping (1,50,000) first, so the Western pattern does not take only its tail.
_THOUSANDS = re.compile(r"(?<![\d.,])(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+)(?!\d|,\d)")
_DOTTED_INITIALS = re.compile(r"(?<![^\W\d_])[^\W\d_](?:\.[^\W\d_])+(?![^\W\d_])")
_TOKEN = re.compile(r"(?:(?<!\S)-)?\d+(?:\.\d+)?|\$|[^\s\d$.\-]+")
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
_SYMBOLS = str.maketrans(
    {
        "‘": "",
        "’": "",
        "‛": "",
        "'": "",
        "`": "",
        "´": "",
        "ʼ": "",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "&": " and ",
        "₹": " rs ",
        "%": " percent ",
        "¥": " yen ",
        "€": " euro ",
        "£": " pound ",
        "$": " $ ",
    }
)


def _fold(text: str) -> str:
    """NFKC and casefold; accents dropped from Latin letters only; every decimal digit as ASCII.

    Accents go because students type "Sao Paulo" for "São Paulo"; marks on letters of other scripts
    stay, since there they change the letter (a Devanagari virama is not decoration).
    """
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    out: list[str] = []
    base = ""
    for ch in decomposed:
        if unicodedata.category(ch)[0] == "M":
            # A mark is kept only on a letter of another script; stray marks would become words of their own.
            if not base or ord(base) < 0x250 or unicodedata.category(base)[0] != "L":
                continue
        else:
            base = ch
        # Digits of any script are the same numbers: "२०१९" is 2019.
        digit = unicodedata.decimal(ch, None)
        out.append(str(digit) if digit is not None else ch)
    return unicodedata.normalize("NFC", "".join(out))


def _clean(text: str) -> str:
    """Symbols spelled as words, thousands separators dropped, all other punctuation turned into spaces."""
    text = _ISO_DATE.sub(lambda m: f"{int(m[3])} {_month_name(int(m[2])) or m[2]} {m[1]}", text)
    text = _THOUSANDS.sub(lambda m: m[0].replace(",", ""), text)
    text = _DOTTED_INITIALS.sub(lambda m: m[0].replace(".", ""), text)
    text = text.translate(_SYMBOLS)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        kept.append(ch if category[0] in "LMN" or ch in "$.-" else " ")
    return "".join(kept)


def _month_name(number: int) -> str | None:
    return MONTHS[number - 1] if 1 <= number <= 12 else None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join_ordinals(tokens: list[str]) -> list[str]:
    """A number and the suffix after it made one rank: "14 th" and "fourteen th" read "14th".

    The suffix is recomputed, so "14st" is no rank of its own. Every pass that can leave a number
    next to a suffix is followed by this one, so the result reads the same when normalised again.
    """
    out: list[str] = []
    for token in tokens:
        if token in _ORDINAL_SUFFIXES and out and out[-1].isdigit():
            out[-1] = _ordinal(int(out[-1]))
        else:
            out.append(token)
    return out


def _number_words(tokens: list[str]) -> list[str]:
    """Numbers spelled out as digits, since they mean the same: "fourteenth" → "14th", "twenty one" → "21"."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        word = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if word in _TENS and 0 < _CARDINALS.get(after, 0) < 10:
            out.append(str(_TENS[word] + _CARDINALS[after]))
            i += 2
        elif word in _TENS and 0 < _ORDINALS.get(after, 0) < 10:
            out.append(_ordinal(_TENS[word] + _ORDINALS[after]))
            i += 2
        elif word in _CARDINALS:
            out.append(str(_CARDINALS[word]))
            i += 1
        elif word in _ORDINALS:
            out.append(_ordinal(_ORDINALS[word]))
            i += 1
        else:
            out.append(word)
            i += 1
    return out


def _is_number(token: str) -> bool:
    return bool(re.fullmatch(r"-?\d+(?:\.\d+)?", token))


def _amounts(tokens: list[str]) -> list[str]:
    """One spelling per currency and scale; "50000 crore rupees" becomes "rs 50000 crore"."""
    out: list[str] = []
    for token in tokens:
        word = _SCALE_ALIASES.get(token, token)
        if word == "cent" and out and out[-1] == "per":
            out[-1] = "percent"
            continue
        if word in _CURRENCY_WORDS:
            currency = _CURRENCY_WORDS[word]
            # A currency named after its amount moves in front of it, where the symbol stands.
            start = len(out)
            while start > 0 and out[start - 1] in SCALES:
                start -= 1
            if start > 0 and _is_number(out[start - 1]):
                out.insert(start - 1, currency)
                continue
            word = currency
        if word == "$":
            while out and out[-1] == "us":
                out.pop()
        out.append(word)
    return out


def _day(token: str) -> str | None:
    number = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", token)
    return str(int(number[1])) if number and 1 <= int(number[1]) <= 31 else None


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", token))


def _dates(tokens: list[str]) -> list[str]:
    """Day, month and year in one order: "April 28, 1952" and "28th of Apr 1952" both read "28 april 1952"."""
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        day = _day(token)
        month_at = i + 2 if i + 2 < n and tokens[i + 1] == "of" else i + 1
        if day and month_at < n and tokens[month_at] in _MONTH_WORDS:
            out += [day, _full_month(tokens[month_at])]
            i = month_at + 1
        elif token in _MONTH_WORDS and i + 1 < n and (day := _day(tokens[i + 1])) and not _month_follows(tokens, i + 2):
            out += [day, _full_month(token)]
            i += 2
        elif token in _MONTH_WORDS and i + 1 < n and _is_year(tokens[i + 1]):
            out.append(_full_month(token))
            i += 1
        else:
            out.append(token)
            i += 1
            continue
        if i < n and _is_year(tokens[i]):
            out.append(tokens[i])
            i += 1
    return out


def _full_month(word: str) -> str:
    return _MONTH_ABBREVIATIONS.get(word, word)


def _month_follows(tokens: list[str], at: int) -> bool:
    """Whether a month comes next: "April 5 May" pairs 5 with May, so it reads the same once reordered."""
    if at < len(tokens) and tokens[at] == "of":
        at += 1
    return at < len(tokens) and tokens[at] in _MONTH_WORDS


def answer_tokens(text: str) -> list[str]:
    """The words of an answer after normalising, as `normalise_answer` joins them."""
    tokens = _join_ordinals(_TOKEN.findall(_clean(_fold(text))))
    tokens = _join_ordinals(_number_words(tokens))
    tokens = _dates(_join_ordinals(_amounts(tokens)))
    # A lone article is kept: an answer must not normalise to nothing.
    while len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens.pop(0)
    return tokens


def normalise_answer(text: str) -> str:
    """The canonical form of an answer; normalising it again changes nothing.

    Case, Unicode forms, Latin accents, curly quotes and dashes, punctuation and spacing, leading
    articles, currencies (₹ → rs, US$ → $), thousands separators (Western and Indian), numbers
    spelled out, and dates (to "28 april 1952") are all made uniform.
    """
    return " ".join(answer_tokens(text))


def is_exact_token(token: str) -> bool:
    """True for the parts of an answer that must match exactly: numbers, ranks, amounts, months."""
    return token in EXACT_WORDS or any(ch.isdigit() for ch in token)
