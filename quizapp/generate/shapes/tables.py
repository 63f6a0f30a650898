"""Table rows asked across their columns: pipe tables, and lines of cells split by dashes under a header line."""

from __future__ import annotations

import re
from collections import Counter

from quizapp.documents.outline import Node, Outline, is_title_like
from quizapp.generate.distractors import normalise
from quizapp.generate.draft import Draft
from quizapp.generate.nouns import (
    coin,
    has_verb,
    is_plural,
    plain_case,
    readings,
    stable_order,
)
from quizapp.generate.shapes.common import Placed, TopicOf, like_answer, overlaps, varied

# -- table rows ----------------------------------------------------------------------------------------

_DASH_CELLS = re.compile(r"\s+[–—-]\s+")
_SERIAL = re.compile(r"(?i)(?:Sl|S|Sr)\.?\s*No\.?|No\.?|#|Serial(?: No\.?)?")


def _header_case(text: str) -> bool:
    """A header cell: Title Case or ALL CAPS ("Name of the Emperor", "PERIOD"), not a value ("Citric acid")."""
    small = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "by", "with"}
    return all(word[:1].isupper() or word in small or not word[:1].isalpha() for word in text.split())


def _plain_header(cells: list[str]) -> bool:
    """ "Enzyme – source – action": a header in plain words, each cell one or two nouns and nothing else."""
    if not cells[0][:1].isupper():
        return False
    for cell in cells:
        words = cell.lower().split()
        if not 1 <= len(words) <= 2 or not all(word.isalpha() for word in words):
            return False
        kinds = readings(words[-1])
        if "NOUN" not in kinds or "ADJ" in kinds:
            return False
    return True


def _dash_tables(outline: Outline) -> list[tuple[list[str], list[tuple[Node, list[str]]]]]:
    """Runs of lines split by " – " into the same number of cells, under a header line of that shape."""
    tables: list[tuple[list[str], list[tuple[Node, list[str]]]]] = []
    nodes = [node for node in outline.nodes if node.kind in ("text", "item", "heading")]
    index = 0
    while index < len(nodes):
        cells = _DASH_CELLS.split(nodes[index].text)
        named = [c for c in cells if not _SERIAL.fullmatch(c)]
        if (
            len(cells) < 3
            or len(named) < 2
            or not (all(is_title_like(c) and _header_case(c) for c in named) or _plain_header(named))
            or any(len(c.split()) > 5 for c in named)
        ):
            index += 1
            continue
        header = ["" if _SERIAL.fullmatch(c) else c for c in cells]
        rows: list[tuple[Node, list[str]]] = []
        probe = index + 1
        width = len(named)
        while probe < len(nodes) and nodes[probe].kind != "heading":
            row = _DASH_CELLS.split(nodes[probe].text, maxsplit=width - 1)
            if len(row) != width:
                break
            rows.append((nodes[probe], row))
            probe += 1
        if len(rows) >= 3:
            tables.append(([h for h in header if h], rows))
            index = probe
        else:
            index += 1
    return tables


_LONG_TABLE = 12


def _named_in(key: str, prose: str) -> bool:
    """Whether the notes name a row's key outside its table: "Shah Jahan II or Rafi ud-Daulah" by either name."""
    names = [part.strip().casefold() for part in re.split(r"\s+or\s+|/", key) if part.strip()]
    return any(name and re.search(rf"(?<!\w){re.escape(name)}(?![\w-])", prose) for name in names)


def table_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    tables: list[tuple[list[str], list[tuple[Node, list[str]]]]] = []
    current: list[tuple[Node, list[str]]] = []
    header: list[str] | None = None
    for node in outline.nodes:
        if node.kind == "row" and node.cells and node.header:
            if node.header is not header and current:
                tables.append((header or [], current))
                current = []
            header = node.header
            current.append((node, node.cells))
    if current and header:
        tables.append((header, current))
    tables.extend(_dash_tables(outline))
    placed: list[Placed] = []
    lowercase = set(re.findall(r"\b[a-z][a-z'’-]+\b", " ".join(node.text for node in outline.nodes)))
    in_tables = {id(node) for _, rows in tables for node, _ in rows}
    prose = " ".join(node.text for node in outline.nodes if id(node) not in in_tables).casefold()
    for header, rows in tables:
        if len(header) < 2 or len(rows) < 2 or not header[0].strip():
            continue  # "| | List | Tuple |": the things compared head the columns; each row is a property
        keys = [re.sub(r"\s*\([^)]*\)", "", re.sub(r"^\d+\s*\.\s*", "", cells[0])).strip() for _, cells in rows]
        if len(rows) > _LONG_TABLE:
            # Twenty emperors in a list: the notes' own prose says which matter; the months of a puppet's reign,
            # named nowhere else, are trivia to an examiner.
            named = [(row, key) for row, key in zip(rows, keys, strict=True) if _named_in(key, prose)]
            if len(named) >= 3:
                rows, keys = [row for row, _ in named], [key for _, key in named]
        counts = Counter(normalise(k) for k in keys)
        keys_unique = all(count == 1 for count in counts.values())
        key_name = re.sub(r"\s*\([^)]*\)", "", header[0]).strip() or "item"
        key_name = re.sub(r"(?i)^(?:name|title)\s+of\s+(?:the\s+)?", "", key_name)
        for column in range(1, len(header)):
            values = [cells[column].strip().rstrip(".") if column < len(cells) else "" for _, cells in rows]
            column_name = plain_case(_one_name(re.sub(r"\s*\([^)]*\)", "", header[column]).strip()))
            if not column_name or not varied(values):
                continue  # "Monthly" for four indices of five: a guess that is mostly right tests nothing
            if _no_noun(column_name):
                # "Who/what", "If RBI raises it": no name of a property to ask for; the cell still tells its row
                placed.extend(_which_row(header[column], key_name, rows, keys, values, topic_of, column))
                continue
            be = "are" if is_plural(column_name) else "is"
            for (node, _cells), key, value in zip(rows, keys, values, strict=True):
                if (
                    not re.search(r"[^\W_]", value)
                    or not key
                    or normalise(value) == normalise(key)
                    or counts[normalise(key)] > 1
                ):
                    continue  # a key written twice has two answers
                topic = topic_of(node)
                short = len(value.split()) <= 5
                unique_value = sum(normalise(v) == normalise(value) for v in values) == 1
                group = f"row:{node.line}:{column}"
                named = _row_name(key, key_name, lowercase)
                prompt = f"What {be} the {column_name} of {named}?"
                if _verb_header(column_name):
                    words = column_name.split()
                    if len(words) == 2 and words[0].endswith(("ed", "en")) and words[1] in _PREPOSITIONS:
                        verb = "are" if is_plural(key) else "is"
                        prompt = f"What {verb} {named} {column_name}?"  # "What is CPI released by?"
                    else:
                        prompt = f"For {named}, what does “{header[column]}” give?"
                others = like_answer(value, [v for v in values if v and not overlaps(v, value)])
                key_others = like_answer(key, [k for k in keys if not overlaps(k, key)])
                # "Data Manipulation Language" for DML: asked back, its initials answer; among other full forms as
                # choices, the one with the initials gives itself away
                full_form = _initials(value) == key.replace(".", "").upper()
                reversible = (
                    short
                    and unique_value
                    and keys_unique
                    and len(value) <= 40
                    and len(key_others) >= 3
                    and not full_form
                )
                if reversible and coin(f"{key}\x1f{column}", 2):
                    # One question a cell: which way round is stable per cell and about even over a table.
                    reverse = f"Which {plain_case(key_name)} has the {column_name} “{value}”?"
                    if _verb_header(column_name):
                        reverse = f"Which {plain_case(key_name)} is {column_name} “{value}”?"  # "… is used for"
                    wrong = stable_order(key_others, f"{value}{column}")
                    year = _first_year(value)
                    if year is not None:
                        # "Which emperor reigned 1712-1713?": the emperors nearest in time, not Babur and Akbar
                        when = {k: _first_year(v) for k, v in zip(keys, values, strict=True)}
                        wrong = sorted(wrong, key=lambda k: abs((when.get(k) or 0) - year))
                    wrong = wrong[:3]
                    draft = Draft("mcq", reverse, key, ["table"], None, choices=[key, *wrong], score=1.25)
                elif short and len(others) >= 3 and len(value) <= 40 and not full_form:
                    wrong = stable_order(others, f"{key}{column}")[:3]
                    draft = Draft("mcq", prompt, value, ["table"], None, choices=[value, *wrong], score=1.25)
                elif short:
                    draft = Draft("short", prompt, value, ["table"], None, score=1.15)
                else:
                    draft = Draft("flashcard", prompt, value, ["table"], None, score=1.1)
                placed.append(Placed(draft, node.line, node.text, topic, group))
    return placed


_PREPOSITIONS = ("by", "for", "in", "to", "from", "at", "on")
_QUESTION_WORDS = frozenset({"who", "what", "when", "where", "why", "how", "which"})


def _first_year(text: str) -> int | None:
    found = re.search(r"\b(1\d{3}|20\d{2})\b", text)
    return int(found.group(1)) if found else None


def _initials(text: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z][\w'’-]*", text) if word[0].isupper()).upper()


def _one_name(header: str) -> str:
    """ "Where / role": of two names for one column, the noun ("role"); a question word is none."""
    parts = [part.strip() for part in re.split(r"\s*/\s*", header) if part.strip()]
    nouns = [part for part in parts if part.split()[0].lower() not in _QUESTION_WORDS]
    return nouns[-1] if len(parts) > 1 and nouns else header


def _which_row(
    header: str,
    key_name: str,
    rows: list[tuple[Node, list[str]]],
    keys: list[str],
    values: list[str],
    topic_of: TopicOf,
    column: int,
) -> list[Placed]:
    """A cell under a header that names no property, asked back to its row: "Which instrument is this: if RBI raises
    it, “less money to lend, liquidity sucked out”?", the other rows as choices."""
    first = header.split()[0].lower() if header.split() else ""
    if first in ("if", "when", "whether") and "/" not in header:
        lead = f"{header[:1].lower()}{header[1:]}, "
    elif first in _QUESTION_WORDS or "/" in header:
        lead = ""  # "Who/what": the cell says it all
    else:
        return []
    placed: list[Placed] = []
    for (node, _cells), key, value in zip(rows, keys, values, strict=True):
        if len(value.split()) < 2 or sum(normalise(v) == normalise(value) for v in values) > 1 or not key:
            continue
        if overlaps(key, value) or any(word in normalise(value).split() for word in normalise(key).split()):
            continue  # "cash kept with RBI" for CRR is fine; "Repo … repo loans" gives itself away
        others = [k for k in keys if k and not overlaps(k, key)]
        if len(others) < 3:
            continue
        wrong = stable_order(others, f"{value}{column}")[:3]
        prompt = f"Which {plain_case(key_name)} is this: {lead}“{value}”?"
        draft = Draft("mcq", prompt, key, ["table"], None, choices=[key, *wrong], score=1.2)
        placed.append(Placed(draft, node.line, node.text, topic_of(node), f"row:{node.line}:{column}"))
    return placed


def _no_noun(name: str) -> bool:
    """A header that names no property: a question word ("Who/what"), a condition ("If RBI raises it"), a
    question ("Can change?"), or a clause."""
    first = name.split()[0].lower() if name.split() else ""
    return (
        first in _QUESTION_WORDS
        or first in ("if", "whether")
        or "?" in name
        or "/" in name
        or (has_verb(name) and not _verb_header(name))
    )


def _verb_header(name: str) -> bool:
    """ "Released by", "Used for": a header that is no noun, so "the released by of CPI" would not read."""
    words = name.split()
    return bool(words) and (words[-1] in _PREPOSITIONS or words[0].endswith("ed"))


def _row_name(key: str, key_name: str, lowercase: set[str]) -> str:
    """A row's name in running text: "Network" in a column of layers is "the Network layer"; a name the notes
    never write in lower case ("Akbar") stays as it is."""
    noun = key_name.lower()
    common = all(word.lower() in lowercase for word in re.findall(r"[A-Za-z]+", key))
    if " " in noun or not noun.isalpha() or noun in normalise(key) or not common:
        last = key.split()[-1] if key.split() else ""
        if " " in key and last.islower() and last.isalpha() and last in lowercase:
            return f"the {key}"  # "Session layer" ends in a common noun: "the Session layer"
        return key
    return f"the {key} {noun}"


def table_lines(outline: Outline) -> set[int]:
    """Lines asked as a table's rows: pipe and dash tables, records set out as points, timelines."""
    from quizapp.generate.shapes.records import record_points, timeline_lines

    return (
        {node.line for _, rows in _dash_tables(outline) for node, _ in rows}
        | {node.line for node in outline.nodes if node.kind == "row"}
        | set(record_points(outline))
        | set(timeline_lines(outline))
    )
