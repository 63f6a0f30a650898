"""Notes read as a tree, the way a student wrote them: headings, lead-ins, items and their nesting, table rows.

One reader serves Markdown, plain text and the text layer of a PDF: notes mix their habits freely (a `.txt`
with `#` headings, a `.md` with `•` bullets), so every line is classified by its own shape. Each node keeps
the 1-based line it starts on. The generator finds its structures here: a heading or a lead-in with its
items (list and order questions), "Term: definition" pairs, question-and-answer pairs, table rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quizapp.documents.sentences import collapse, has_words
from quizapp.documents.text import split_lines

# fmt: off
_GLYPHS = "•◦▪▫●○■□‣⁃➢➤►▸❖◆◇◼◾▶➔→✓✔✗✘·"
# fmt: on
_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_EMOJI_BULLET = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?"
_BULLET = re.compile(
    rf"""^(?P<indent>\s*)(?:
        (?P<glyph>[{_GLYPHS}]|{_EMOJI_BULLET})\s*
      | (?P<marker>
            [-*+–—](?=\s)
          | \d{{1,3}}(?:\.\d{{1,3}})*[.)]{{1,2}}(?=\s|[A-Z(])
          | \(\d{{1,3}}\) | \({_ROMAN}\)(?=\s|[A-Za-z]) | {_ROMAN}[.)](?=\s)
          | \({_ROMAN.upper()}\) | {_ROMAN.upper()}[.)](?=\s)
          | (?!Q[.)])[a-zA-Z][.)](?=\s) | \([a-zA-Z]\)
        )\s*
    )(?P<rest>.*)$""",
    re.VERBOSE,
)
_INNER_MARKER = re.compile(rf"^(?:\({_ROMAN}\)|\(\d{{1,2}}\)|\([a-z]\)|{_ROMAN}\)|\d{{1,2}}[.)])\s+")
_OWN_LINE = re.compile(
    r"^(?:Q(?:uestion)?\s*\d{0,3}\s*[.:)]|A(?:ns(?:wer)?)?\s*[.:)]|[A-Z][\w'’ ()/-]{0,40}?\s[–—=]\s|[A-Z][\w'’ -]{0,30}:\s)"
)
_PAIR_LINE = re.compile(r"^[A-Za-z][\w'’ ()/&-]{0,40}?\s[–—]\s")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INITIAL_AFTER = re.compile(r"^[A-Z]\.(?:\s|$)")
_SENTENCE_END = ".!?;,…"
_CLOSERS = "\"'”’)]}»*_"
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 90

# Inline markup: what it wraps is kept as text, and bold, italic, code and quoted spans are noted as key terms.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|`([^`]+)`")
_QUOTED = re.compile(r"[“\"‘']([^“”\"‘’']{2,60})[”\"’']")
_HTML = re.compile(r"<[^>]{1,200}>")


@dataclass(slots=True, eq=False)
class Node:
    """A heading, an item (bullet or numbered point), a text line or paragraph, or a table row."""

    kind: str
    """heading | item | text | row"""
    text: str
    """Markup and marker removed, whitespace collapsed."""
    line: int
    parts: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) of each source line the node covers, for sentence splitting."""
    level: int = 0
    """A heading's level (1 is the top); an item's depth below its lead-in (1 for a top item)."""
    indent: int = 0
    marker: str | None = None
    parent: Node | None = None
    """The heading, lead-in or item this node hangs under."""
    children: list[Node] = field(default_factory=list)
    cells: list[str] | None = None
    header: list[str] | None = None
    """A table row's header cells."""
    emphasised: list[str] = field(default_factory=list)
    holds: bool = False
    """An item with items of another kind at its own margin under it ("1. Harappa" over "• Discovered …")."""

    @property
    def numbered(self) -> bool:
        return bool(self.marker and self.marker[0].isdigit())

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def heading(self) -> Node | None:
        """The nearest heading above this node."""
        return next((node for node in self.ancestors() if node.kind == "heading"), None)

    def __repr__(self) -> str:  # pragma: no cover - for debugging
        return f"Node({self.kind} L{self.line} {self.text[:40]!r} ↑{self.parent.line if self.parent else None})"


@dataclass(slots=True)
class Outline:
    title: str | None
    nodes: list[Node]
    """Every node in document order."""

    def key_terms(self) -> set[str]:
        """Lower-cased terms the notes stress: headings' short names, bold/quoted terms and item labels."""
        found: set[str] = set()
        for node in self.nodes:
            found.update(term.casefold() for term in node.emphasised if 2 <= len(term) <= 50)
            if node.kind == "heading" and len(node.text.split()) <= 4:
                found.add(node.text.casefold().rstrip(":?"))
        return found


@dataclass(slots=True)
class _Line:
    number: int
    raw: str
    text: str  # markup stripped
    blank: bool
    indent: int


def strip_inline(text: str) -> tuple[str, list[str]]:
    """Text without Markdown's inline markup or HTML tags, and the bold, italic, code and quoted spans in it."""
    stressed: list[str] = []
    # HTML tags go, but not inside a code span: "`<p>` opens a paragraph" keeps its tag
    parts = re.split(r"(`[^`]+`)", _LINK.sub(r"\1", text))
    text = "".join(part if part.startswith("`") and part.endswith("`") else _HTML.sub("", part) for part in parts)

    def keep(match: re.Match[str]) -> str:
        inner = match.group(2) or match.group(3) or match.group(4) or ""
        stressed.append(inner.strip())
        return inner

    text = _EMPHASIS.sub(keep, text)
    stressed.extend(m.group(1).strip() for m in _QUOTED.finditer(text) if not m.group(1)[:1].isdigit())
    return text.replace("\\", "") if "\\" in text else text, stressed


def match_bullet(text: str) -> tuple[int, str, str] | None:
    """(indent, marker, rest) if the line starts an item."""
    match = _BULLET.match(text)
    if match is None:
        return None
    marker = match.group("glyph") or match.group("marker")
    rest = match.group("rest")
    if marker in ("-", "–", "—", "*", "+") and not rest.strip():
        return None
    if marker[0].isupper() and marker.endswith(".") and _INITIAL_AFTER.match(rest):
        return None  # "A. P. J. Abdul Kalam": initials, not an item "A."
    if len(marker) == 2 and marker[0].isalpha() and marker[1] == "." and rest[:1].islower():
        return None  # "e. the …" is a word cut short, not an item
    indent = len(match.group("indent").expandtabs(4))
    inner = _INNER_MARKER.match(rest)
    if inner and inner.end() < len(rest):
        rest = rest[inner.end() :]  # "- (i) The President": the numbering inside a bullet is a marker too
    return indent, marker, rest


def _family(marker: str) -> str:
    """Markers of one kind make one list: glyphs, dashes, numbers, letters, roman numerals."""
    core = marker.strip("().")
    if marker in ("-", "*", "+", "–", "—"):
        return "dash"
    if core[:1].isdigit():
        return "number" if "." not in core else "outline"
    if re.fullmatch(_ROMAN, core) and core in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"):
        return "roman"
    if len(core.rstrip(")")) == 1 and core[:1].isalpha():
        return "letter"
    return "glyph"


def is_title_like(text: str) -> bool:
    """A short line with no sentence-ending mark: a heading or the name of what follows."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    ending = text.rstrip(_CLOSERS) or text
    return ending[-1] not in _SENTENCE_END or ending.endswith(":")


def _all_caps(text: str) -> bool:
    """ "BINDUSARA (c. 297 - 273 BCE)": capitals outside an aside in brackets."""
    text = re.sub(r"\([^)]*\)", "", text)
    letters = [char for char in text if char.isalpha() and char.lower() != char.upper()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if not words or not words[0][0].isupper():
        return False
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "vs", "its"}
    capital = sum(1 for w in words if any(c.isupper() for c in w) or w.lower() in small)
    return capital == len(words)


class _Reader:
    def __init__(self, lines: list[_Line], markdown: bool) -> None:
        self.lines = lines
        self.markdown = markdown
        self.nodes: list[Node] = []
        self.headings: list[Node] = []  # the open headings, outermost first
        self.items: list[Node] = []  # the open items and lead-ins, outermost first
        self.lead_in: Node | None = None  # the text line or title just before, which items may hang under
        self.header: list[str] | None = None
        self.title: str | None = None
        self.after_blank = True  # a blank line came since the last node

    # -- the tree --------------------------------------------------------------------------------

    def _attach(self, node: Node) -> Node:
        parent = self.items[-1] if self.items else (self.headings[-1] if self.headings else None)
        node.parent = parent
        if parent is not None:
            parent.children.append(node)
        self.nodes.append(node)
        return node

    def heading(self, text: str, line: int, level: int) -> None:
        text, stressed = strip_inline(text)
        text = collapse(text)
        if not has_words(text):
            return
        if self.title is None and level == 1 and not self.nodes:
            self.title = text.rstrip(":")
            return
        self.items.clear()
        self.lead_in = None
        while self.headings and self.headings[-1].level >= level:
            self.headings.pop()
        node = self._attach(Node("heading", text.rstrip(":").strip(), line, [(line, text)], level=level))
        node.emphasised = stressed
        self.headings.append(node)

    def item(self, indent: int, marker: str, parts: list[tuple[int, str]]) -> Node | None:
        node = self._node("item", parts, marker=marker, indent=indent)
        if node is None:
            return None
        family = _family(marker)
        # Close the items this one is not inside: deeper ones, and the same depth of the same kind.
        while self.items:
            top = self.items[-1]
            if top.kind == "text":  # a lead-in holds the items after it, at the margin of its first one
                first = top.children[0] if top.children else None
                if indent < top.indent or (
                    first is not None
                    and (indent < first.indent or (indent == first.indent and family != _family(first.marker or "")))
                ):
                    self.items.pop()
                    continue
                break
            if top.indent > indent:
                self.items.pop()
                continue
            if top.indent == indent:
                top_family = _family(top.marker or "")
                outranks = top_family not in ("dash", "glyph") or family in ("dash", "glyph")
                if top_family == family or not is_title_like(top.text) or not outranks:
                    self.items.pop()  # a sibling, another list after a sentence, or a numbered point after a bullet
                    continue
                top.holds = True  # "1. Harappa" with "•" points at its own margin: they hang under it
            break
        lead = self.lead_in
        if lead is not None and (
            not self.items or (lead.parent is self.items[-1] and indent > lead.indent and is_title_like(lead.text))
        ):
            # A lead-in holds the items after it; under an item, a label ("Archaeological Findings") holds the
            # points indented below it.
            self.items.append(lead)
        node.level = 1 + sum(1 for open_ in self.items if open_.kind == "item")
        self._attach(node)
        self.items.append(node)
        self.lead_in = None
        return node

    def text(self, parts: list[tuple[int, str]], indent: int) -> Node | None:
        # Text indented under an item continues the tree there; text at the margin ends every open list, but for
        # plain notes' "(i) Turmeric" with its paragraph straight under it, which hangs there.
        top = self.items[-1] if self.items else None
        if (
            top is not None
            and top.kind == "item"
            and not self.markdown
            and not self.after_blank
            and top.indent == indent
            and not top.children
            and is_title_like(top.text)
            and ":" not in top.text.rstrip(":")  # "- Ends in: Bay of Bengal" is a field, no name over a paragraph
            and not is_title_like(" ".join(text for _, text in parts))
        ):  # a paragraph straight under "(i) Turmeric" hangs there; a label after a point is the point's sibling
            top.holds = True
        while self.items and (
            self.items[-1].indent > indent
            or self.items[-1].kind == "text"
            or (self.items[-1].indent == indent and not self.items[-1].holds)
        ):
            self.items.pop()
        node = self._node("text", parts, indent=indent)
        if node is None:
            return None
        self._attach(node)
        self.lead_in = node
        return node

    def row(self, cells: list[str], line: int) -> None:
        cleaned = [collapse(strip_inline(cell)[0]) for cell in cells]
        if self.header is None:
            self.header = cleaned
            return
        if not any(has_words(cell) for cell in cleaned):
            return
        node = Node("row", " | ".join(c for c in cleaned if c), line, [(line, "; ".join(c for c in cleaned if c))])
        node.cells, node.header = cleaned, self.header
        self._attach(node)

    def _node(self, kind: str, parts: list[tuple[int, str]], **extra: object) -> Node | None:
        stressed: list[str] = []
        clean: list[tuple[int, str]] = []
        for line, raw in parts:
            text, found = strip_inline(raw)
            stressed.extend(found)
            clean.append((line, text))
        text = collapse(" ".join(text for _, text in clean))
        if not has_words(text):
            return None
        node = Node(kind, text, clean[0][0], clean, **extra)  # type: ignore[arg-type]
        node.emphasised = stressed
        return node

    # -- the lines -------------------------------------------------------------------------------

    def run(self) -> Outline:
        lines = self.lines
        index = 0
        in_fence = False
        while index < len(lines):
            line = lines[index]
            if _FENCE.match(line.raw):
                in_fence = not in_fence
                self.lead_in, self.header = None, None  # points after a block of code hang under the heading
                index += 1
                continue
            if in_fence or line.blank:
                if line.blank and not in_fence:
                    self.after_blank = True
                    self.header = None
                    # A paragraph before a blank line leads in a list only if it says so (ends with ":"), or if
                    # it is a short title line.
                    lead = self.lead_in
                    if lead is not None and not lead.text.endswith(":") and not is_title_like(lead.text):
                        self.lead_in = None
                index += 1
                continue
            index = self._line(index)
            self.after_blank = False
        return Outline(self.title, self.nodes)

    def _line(self, index: int) -> int:
        line = self.lines[index]
        raw = line.raw
        md = _MD_HEADING.match(raw)
        if md:
            self.heading(md.group(2), line.number, len(md.group(1)))
            return index + 1
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if (
            self.markdown
            and following is not None
            and _SETEXT.match(following.raw)
            and not match_bullet(raw)
            and is_title_like(line.text.strip())
        ):
            self.heading(line.text, line.number, 1 if following.raw.strip()[0] == "=" else 2)
            return index + 2
        if (
            "|" in raw
            and raw.strip().startswith("|")
            or ("|" in raw and following is not None and _TABLE_RULE.match(following.raw))
        ):
            if _TABLE_RULE.match(raw):
                return index + 1
            cells = [cell.strip() for cell in raw.strip().strip("|").split("|")]
            if len(cells) >= 2:
                self.row(cells, line.number)
                return index + 1
        if _TABLE_RULE.match(raw) and "|" in raw:
            return index + 1
        bullet = match_bullet(raw)
        if bullet is not None:
            indent, marker, rest = bullet
            parts = [(line.number, rest)]
            index += 1
            while index < len(self.lines) and self._continues(self.lines[index], indent, bullet_text=rest):
                parts.append((self.lines[index].number, self.lines[index].raw))
                index += 1
            self.item(indent, marker, parts)
            return index
        stripped = line.text.strip()
        if self._is_plain_heading(index, stripped):
            level = 1 if _all_caps(stripped) else 2 if _title_case(stripped) else 3
            level = max(level, (self.headings[-1].level if self.headings and level > 1 else level))
            if self.headings and level <= self.headings[-1].level and not _all_caps(stripped):
                level = self.headings[-1].level  # a run of title lines are siblings
            self.heading(stripped.rstrip(":").rstrip("-–").strip(), line.number, level)
            return index + 1
        parts = [(line.number, line.raw)]
        index += 1
        if self.markdown:
            while index < len(self.lines) and self._md_paragraph_continues(self.lines[index], parts[-1][1]):
                parts.append((self.lines[index].number, self.lines[index].raw))
                index += 1
        else:
            while index < len(self.lines) and self._wraps(parts[-1][1], self.lines[index]):
                parts.append((self.lines[index].number, self.lines[index].raw))
                index += 1
        self.text(parts, line.indent)
        return index

    def _continues(self, line: _Line, indent: int, bullet_text: str) -> bool:
        """A line that carries on the item above: indented under it, not an item or heading of its own."""
        if line.blank or match_bullet(line.raw) or _MD_HEADING.match(line.raw) or "|" in line.raw[:3]:
            return False
        if self.markdown and _FENCE.match(line.raw):
            return False  # "```sql" right under a point opens code; it carries nothing on
        if self.markdown:
            return line.indent > indent or (
                not line.raw.startswith((" ", "\t")) and bool(bullet_text) and bullet_text.rstrip()[-1:] not in ".:?!"
            )
        return line.indent > indent and not is_title_like(line.text.strip()) or self._wraps(bullet_text, line)

    def _md_paragraph_continues(self, line: _Line, previous: str) -> bool:
        if line.blank or match_bullet(line.raw) or _MD_HEADING.match(line.raw) or _FENCE.match(line.raw):
            return False
        if _OWN_LINE.match(line.text.strip()):
            return False  # "Q: …", "A: …", "Term – definition": a line of its own, though Markdown would join it
        if _PAIR_LINE.match(line.text.strip()) and _PAIR_LINE.match(previous.strip()):
            return False  # "charge – coulomb (C)" under "current – ampere (A)": a run of pairs, in lower case
        return not (line.raw.strip().startswith("|") or _SETEXT.match(line.raw))

    @staticmethod
    def _wraps(previous: str, line: _Line) -> bool:
        """Plain text: a line is a wrapped continuation when the one before broke off mid-sentence."""
        if line.blank or match_bullet(line.raw) or _MD_HEADING.match(line.raw):
            return False
        before = previous.rstrip()
        text = line.text.strip()
        if _PAIR_LINE.match(text) or re.match(r"^[a-z][\w'’ ()/-]{0,30}\s=\s", text):
            return False  # "tsunami = Japanese word for …" under a long point: a line of its own
        return len(before) >= 50 and before[-1:].isalpha() and text[:1].islower()

    def _is_plain_heading(self, index: int, text: str) -> bool:
        """A line standing alone that names what follows: ALL CAPS, Title Case, "Label:" or a question."""
        if not is_title_like(text) or not text[:1].isupper() and not text[:1].isdigit():
            return False
        before = self.lines[index - 1] if index > 0 else None
        after = next((line for line in self.lines[index + 1 :] if not line.blank), None)
        if after is None:
            return False
        alone_before = before is None or before.blank or bool(_MD_HEADING.match(before.raw))
        alone_after = self.lines[index + 1].blank if index + 1 < len(self.lines) else True
        if text.endswith("?"):
            return False  # a question is read as a question, with its answer
        if text.endswith(":") and not alone_after:
            return False  # "The reasons are:" with its items below is a lead-in
        if re.search(r"[=∝×÷]", text) or re.search(r"\s[+/*→]\s", text) and not re.search(r"[A-Za-z]{3,}", text):
            return False  # "V ∝ I → V = IR", "R_s = R1 + R2 + R3": a formula, all capitals but no title
        if _all_caps(text):
            return True
        heads_list = match_bullet(after.raw) is not None
        return (
            (alone_before or alone_after)
            and (_title_case(text) or text.endswith(":"))
            and (alone_after or heads_list or after.indent > self.lines[index].indent or _title_case(text))
        )


def read_outline(text: str, *, markdown: bool = False) -> Outline:
    """The notes' tree; never raises on odd text (an empty outline for text with no words)."""
    lines: list[_Line] = []
    for number, raw in enumerate(split_lines(text), 1):
        raw = raw.rstrip().replace("\t", "    ")
        text_only, _ = strip_inline(raw)
        blank = not has_words(raw) and not _TABLE_RULE.match(raw)  # a table's rule row is no gap in the table
        lines.append(_Line(number, raw, text_only, blank, len(raw) - len(raw.lstrip())))
    if lines and lines[0].raw.strip() == "---":  # YAML front matter
        for end in range(1, min(len(lines), 60)):
            if lines[end].raw.strip() in ("---", "..."):
                for blanked in lines[: end + 1]:
                    blanked.blank = True
                break
    return _Reader(lines, markdown).run()
