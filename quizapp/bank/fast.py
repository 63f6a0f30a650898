"""The quick bank reader: a fast YAML parser for sound banks, leaving anything doubtful to the exact reader.

PyYAML builds a node with line marks for every scalar, and that costs seconds per 100,000 questions.
A sound bank needs no marks, though: only a problem needs a line. So this reader parses with
yaml_rs (a YAML parser in Rust, about five times faster) and accepts a file only when it is sure the
exact reader (`nodes.parse_nodes`) would find no problem and build the very same Bank. Whenever it is
not sure, or finds anything wrong, it answers None and the caller reads the file the exact way,
which then names every problem with its line. So problems and their messages never depend on which
reader ran.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate, repeat
from operator import add
from typing import Any

from quizapp.bank.model import (
    MAX_CHOICES,
    QUESTION_FIELDS,
    QUESTION_TYPES,
    TOP_LEVEL_FIELDS,
    Bank,
    BankQuestion,
)
from quizapp.bank.nodes import MAX_ID_LENGTH

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the dependency is declared; without it every file takes the exact path
    yaml_rs = None

# What the two parsers could read differently is never taken on trust. The tests are plain substring
# searches where they can be, since a regular expression over megabytes of text would cost more than
# the parse: tabs, YAML 1.1's extra line breaks (NEL, the Unicode separators),
# byte-order marks, directives and merge keys; anchors, aliases, tags and complex keys where they
# could open a token (in prose, rare); characters PyYAML refuses (yaml_rs takes them); lone carriage
# returns; and source lines written with a sign, a leading zero or an underscore, which YAML 1.1 and
# 1.2 (and Python's int) read differently (0x1F, 0o17, 010, 3__0).
_DOUBTFUL_CHARACTERS = ("\t", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
# Searched in the decoded text, where one character is found several times faster than a sequence of
# bytes; a pair is only looked for once its rarer character is there at all.
_DOUBTFUL_PAIRS = (("%", "\n%"), ("<", "<<"))
_INDICATORS = "&*!?"
_BEFORE_TOKEN = frozenset(" \n\r[{,")
_REFUSED_ASCII = bytes(range(0x01, 0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20)) + b"\x7f"
_OTHER_BYTES = bytes(sorted(set(range(256)) - set(_REFUSED_ASCII)))
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080 to U+009F, NEL included
_ODD_SOURCE_LINE = re.compile(rb"line:\s*['\"]?(?:[-+0_]|[0-9]+_)")
# Inside brackets and braces, libyaml refuses a token that opens with "|", ">" or ":" ([|x], {a: >x},
# [x, :y]) and a ":" right before ",", "]" or "}" ({line:, text: x}), where yaml_rs reads text or an
# empty value. Looked for wherever they could be, in braces or not: after "[", "{" or ",", and after ": ".
# A block scalar's header (`explanation: >` and a line break) in brackets or braces, or a "|" or ">" opening a
# line there, is read by yaml_rs as the start of a plain value, and so is a ":" opening the line after a
# comment there; libyaml refuses all three. So where the text has such a "|" or ">", or a comment, a value
# that begins with "|", ">" or ":" is doubtful (see `_may_open_values`).
# (A flow value continued on a second line is not looked into: a ": " there is still read two ways.)
_BLOCK_INDICATORS = "|>"
_FLOW_OPENERS = frozenset("[{,")
_SPACE = " \t\r\n"
_OPENER_THEN_COLON = tuple(re.compile(opener + rb"[ \t\r\n]*:") for opener in (rb",", rb"\[", rb"\{"))
# After a ":", libyaml ends a plain value in brackets at any of ",?[]{}" and then refuses the ":". And a plain
# value holding ": " in brackets or braces ({prompt: Is it: so?}) shows as two ": " on a line with no bracket,
# brace, comma or quote between them (outside brackets such a line is an error to both parsers).
_COLON_IN_FLOW = re.compile(rb":(?:[,?\[\]{}]|[ \t\r\n]+:[^ \t\r\n]| [^,\[\]{}'\"\n]*: )")
_LONE_CR = re.compile(rb"\r(?!\n)")


def _doubtful(text: str, data: bytes) -> bool:
    """Whether the file holds anything the two parsers could read differently; `data` is `text` encoded."""
    if text.startswith(("%", "&", "*", "!", "?")) or any(part in text for part in _DOUBTFUL_CHARACTERS):
        return True
    if any(rare in text and pair in text for rare, pair in _DOUBTFUL_PAIRS):
        return True
    for indicator in _INDICATORS:
        at = text.find(indicator)
        while at > 0:
            if text[at - 1] in _BEFORE_TOKEN:
                return True
            at = text.find(indicator, at + 1)
    # Rare outside block scalars' headers (`prompt: >` and a line break).
    for at, before in _block_indicators(text, _SPACE):
        if before >= 0 and (
            text[before] in _FLOW_OPENERS or (text[before] == ":" and text[at + 1 : at + 2] not in ("", *_SPACE))
        ):
            return True
    if data.translate(None, _OTHER_BYTES):
        return True
    if b"\xc2" in data and _C1_CONTROL.search(data):
        return True
    if b"\r" in data and _LONE_CR.search(data):
        return True
    if any(pattern.search(data) for pattern in (*_OPENER_THEN_COLON, _COLON_IN_FLOW)):
        return True
    return _ODD_SOURCE_LINE.search(data) is not None


def _may_open_values(text: str) -> bool:
    """Whether a "|" or ">" stands where it could open a value (after ": ", or first on its line), or a
    comment could end a line inside brackets."""
    # "#" alone first: a text with letters beyond ASCII is searched for two characters at a time far more slowly
    # than for one, and most banks hold no "#" at all.
    if "#" in text and (" #" in text or "\n#" in text):
        return True
    return any(before < 0 or text[before] in ":\n" for _, before in _block_indicators(text, " \t\r"))


def _block_indicators(text: str, skipping: str) -> Iterator[tuple[int, int]]:
    """Where each "|" and ">" stands, with where the character before it stands once `skipping` is passed
    over (-1 at the start of the text)."""
    for indicator in _BLOCK_INDICATORS:
        at = text.find(indicator)
        while at >= 0:
            before = at - 1
            while before >= 0 and text[before] in skipping:
                before -= 1
            yield at, before
            at = text.find(indicator, at + 1)


def _opened_by_indicator(bank: Bank) -> bool:
    """Whether a value begins with "|", ">" or ":": how yaml_rs reads what libyaml refuses in brackets."""
    values = [bank.deck, bank.source]
    for q in bank.questions:
        values += (q.prompt, q.answer, q.topic, q.explanation, q.source_text, *q.accept, *q.tags)
        values += (*(q.choices or ()), *(q.items or ()))
    return any(value.startswith(_OPENING_INDICATORS) for value in values if value)


_OPENING_INDICATORS = ("|", ">", ":")
_TOP_FIELDS = frozenset(TOP_LEVEL_FIELDS)
_QUESTION_FIELDS = frozenset(QUESTION_FIELDS)
_SOURCE_FIELDS = frozenset(("line", "text"))
_TYPES = frozenset(QUESTION_TYPES)


class _Unsure(Exception):
    """The quick reader cannot vouch for this file."""


def _text(value: Any) -> str | None:
    """As the exact reader's `text`: a string stripped, empty or null as None; anything else is doubtful."""
    if value is None:
        return None
    if type(value) is not str:
        # A number, a boolean or a date would have to be read as written; only the exact reader knows how.
        raise _Unsure
    return value.strip() or None


def _entries(value: Any) -> list[str]:
    """A list of strings, each stripped and none empty; anything else is doubtful."""
    if type(value) is not list:
        raise _Unsure
    try:
        # str.strip refuses anything but a string (a number, null, a list), in C and without a loop here.
        values = list(map(str.strip, value))
    except TypeError:
        raise _Unsure from None
    if not all(values):
        raise _Unsure  # an empty entry is a problem
    return values


def _loose_entries(value: Any) -> list[str]:
    """`accept` and `tags`: a list, or a lone value that counts as a list of one (or none, if blank)."""
    if type(value) is str:
        stripped = value.strip()
        return [stripped] if stripped else []
    return _entries(value)


def _unique(values: list[str]) -> None:
    if len({v.casefold() for v in values}) != len(values):
        raise _Unsure


def _question(raw: Any, line: int) -> BankQuestion:
    """One question, checked as the exact reader checks it. Written for speed, as it runs for every question:
    fields are read once each and the usual case (every field a plain string) takes the fewest steps."""
    if type(raw) is not dict or not _QUESTION_FIELDS.issuperset(raw):
        raise _Unsure
    get = raw.get
    qid, qtype, prompt, answer = get("id"), get("type"), get("prompt"), get("answer")
    if type(qid) is not str or type(qtype) is not str or type(prompt) is not str or type(answer) is not str:
        raise _Unsure  # missing (null), or a value only the exact reader can read as written
    qid, prompt, answer = qid.strip(), prompt.strip(), answer.strip()
    qtype = qtype.strip().lower()
    if not qid or not prompt or not answer or qtype not in _TYPES:
        raise _Unsure
    if len(qid) > MAX_ID_LENGTH or len(qid.split()) != 1:  # split() breaks on exactly what isspace() sees
        raise _Unsure
    topic = get("topic")
    if topic is not None:
        if type(topic) is not str:
            raise _Unsure
        topic = topic.strip() or None
    explanation = get("explanation")
    if explanation is not None:
        if type(explanation) is not str:
            raise _Unsure
        explanation = explanation.strip() or None
    accept = get("accept")
    accept = _loose_entries(accept) if accept is not None else []
    tags = get("tags")
    tags = _loose_entries(tags) if tags is not None else []
    source_line = source_text = None
    source = get("source")
    if source is not None:
        if type(source) is not dict or not _SOURCE_FIELDS.issuperset(source):
            raise _Unsure
        source_line = source.get("line")
        if source_line is not None and (type(source_line) is not int or source_line < 1):
            raise _Unsure
        source_text = _text(source.get("text"))
    choices = items = None
    if qtype == "mcq":
        if "items" in raw:
            raise _Unsure
        choices = _entries(get("choices"))  # missing or null: a problem
        if not 2 <= len(choices) <= MAX_CHOICES or choices.count(answer) != 1:
            raise _Unsure
        _unique(choices)
    elif "choices" in raw:
        raise _Unsure
    elif qtype == "list":
        items = _entries(get("items"))
        if len(items) < 2:
            raise _Unsure
        _unique(items)
    elif "items" in raw:
        raise _Unsure
    elif qtype == "truefalse":
        if answer.lower() not in ("true", "false"):
            raise _Unsure
        answer = answer.capitalize()
    elif qtype == "cloze" and "___" not in prompt:
        raise _Unsure
    return BankQuestion(
        qid, qtype, prompt, answer, topic, choices, accept, items, explanation, source_line, source_text, tags, line
    )


_QUESTIONS_KEY = re.compile(r"questions:[ ]*(?:#.*)?\r?$", re.MULTILINE)
_DECK_KEY = re.compile(r"deck:[ ]+[^ #\r\n]")
_FIRST_ITEM = re.compile(r"( *)-( |\r?$)")


def _top_level_key(text: str, key: str, pattern: re.Pattern[str]) -> int:
    """Where the one line starting with `key` begins, if it matches `pattern` (whose value must be on it)."""
    found = [0] if text.startswith(key) else []
    at = text.find("\n" + key)
    while at >= 0:
        found.append(at + 1)
        at = text.find("\n" + key, at + 1)
    if len(found) != 1 or not pattern.match(text, found[0]):
        raise _Unsure
    return found[0]


def _question_lines(text: str, raw_questions: list[Any]) -> list[int]:
    """The line each question starts on, as PyYAML's marks would give it, found from the text alone.

    Works for a block list under a plain `questions:` key whose items start on their dash's line;
    any other layout is doubtful. Every line holding the items' indent and a dash is found; there
    must be exactly as many as there are questions, each opening with its question's first key,
    so no line that only looks like an item can be taken for one.
    """
    key = _top_level_key(text, "questions:", _QUESTIONS_KEY)
    start = text.find("\n", key)
    if start < 0:
        raise _Unsure
    line = text.count("\n", 0, start) + 1
    first = None
    row_start = start + 1
    while row_start < len(text):  # the first line after the key that is neither blank nor a comment
        row_end = text.find("\n", row_start)
        row_end = len(text) if row_end < 0 else row_end
        row = text[row_start:row_end]
        if row.strip() and not row.lstrip(" ").startswith("#"):
            first = _FIRST_ITEM.match(row)
            break
        row_start = row_end + 1
    if first is None or first.group(2) != " ":
        raise _Unsure  # no block list, or a dash alone on its line
    dash = "\n" + first.group(1) + "-"
    if dash + "\n" in text or dash + "\r\n" in text:
        raise _Unsure
    marker = dash + " "
    after = len(marker)
    starts: list[int] = []  # where each item's dash line begins (its "\n")
    at = text.find(marker, start)
    while at >= 0:
        starts.append(at)
        at = text.find(marker, at + after)
    if len(starts) != len(raw_questions):
        raise _Unsure
    # The rest runs for every question, so it is done by map() alone: a line per item, the key's line
    # and then the line breaks up to and including the one that opens each item's line.
    breaks = map(text.count, repeat("\n"), [start, *[at + 1 for at in starts[:-1]]], [at + 1 for at in starts])
    lines = list(accumulate(breaks, initial=line))[1:]
    openings = [at + after for at in starts]
    # Each item opens with its question's first key (the usual layout), else the slower check below.
    if set(map(type, raw_questions)) == {dict}:
        keys = list(map(next, map(iter, raw_questions)))  # an empty mapping ends the list early
        if len(keys) == len(raw_questions) and set(map(type, keys)) == {str}:
            if all(map(text.startswith, map(add, keys, repeat(":")), openings)):
                return lines
    for opening, raw in zip(openings, raw_questions, strict=True):
        first_key = next(iter(raw), None) if type(raw) is dict else None
        while text.startswith(" ", opening):
            opening += 1
        if not (
            text.startswith("{", opening) or (type(first_key) is str and text.startswith(f"{first_key}:", opening))
        ):
            raise _Unsure
    return lines


def read_fast(text: str, file: str, digest: str, data: bytes | None = None, *, lines: bool = True) -> Bank | None:
    """The bank in `text` if it is certainly sound, exactly as `nodes.parse_nodes` would build it; else None.

    `data` is the file's bytes, if the caller has them (else `text` is encoded again). With `lines`
    False, where the deck and each question stand is not worked out (`deck_line` 1, every `line` 0):
    for a caller that wants only the content, and reads the file again should it need to name a line.
    """
    if yaml_rs is None or _doubtful(text, text.encode("utf-8") if data is None else data):
        return None
    try:
        document = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # a syntax error, a repeated key: the exact reader will name it
        return None
    try:
        if type(document) is not dict or not _TOP_FIELDS.issuperset(document):
            raise _Unsure
        deck = _text(document.get("deck"))
        source = _text(document.get("source"))
        raw_questions = document.get("questions")
        if deck is None or type(raw_questions) is not list or not raw_questions:
            raise _Unsure
        if lines:
            deck_line = text.count("\n", 0, _top_level_key(text, "deck:", _DECK_KEY)) + 1
            starts = _question_lines(text, raw_questions)
        else:
            deck_line, starts = 1, [0] * len(raw_questions)
        questions = [_question(raw, line) for raw, line in zip(raw_questions, starts, strict=True)]
        if len({q.id for q in questions}) != len(questions):
            raise _Unsure
    except _Unsure:
        return None
    bank = Bank(deck=deck, source=source, questions=questions, file=file, digest=digest, deck_line=deck_line)
    if _may_open_values(text) and _opened_by_indicator(bank):
        return None
    return bank
