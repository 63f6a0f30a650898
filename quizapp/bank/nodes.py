"""The exact bank reader: PyYAML's node tree (with line marks) into a Bank, every problem as FILE:LINE: field: message."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from quizapp.bank.model import (
    MAX_CHOICES,
    QUESTION_FIELDS,
    QUESTION_TYPES,
    REQUIRED_QUESTION_FIELDS,
    TOP_LEVEL_FIELDS,
    Bank,
    BankQuestion,
    Problem,
)

# The C parser composes the node tree (with line marks) far faster than the pure-Python one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL_TAG = "tag:yaml.org,2002:null"
_INT_TAG = "tag:yaml.org,2002:int"
MAX_ID_LENGTH = 100


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _is_collection(node: yaml.Node | None) -> bool:
    """A list or mapping where text belongs: already reported as such, so not reported again as missing."""
    return isinstance(node, (yaml.MappingNode, yaml.SequenceNode))


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a value"


class _FileReader:
    """Turns one file's YAML node tree into a Bank, noting problems instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, line: int, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, field_name, message))

    # -- scalar readers -------------------------------------------------------------------------

    def text(self, node: yaml.Node, field_name: str) -> str | None:
        """A string field: any scalar is taken as its text as written (1952 → "1952"); null is absent."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG:
                return None
            value = node.value.strip()
            return value or None
        self.problem(_line(node), field_name, f"expected text, found {_describe(node)}")
        return None

    def text_list(self, node: yaml.Node, field_name: str, *, scalar_ok: bool) -> list[str] | None:
        """A list of strings; with `scalar_ok`, a lone value counts as a list of one."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG:
                return None
            if scalar_ok:
                value = self.text(node, field_name)
                return [value] if value else []
            self.problem(_line(node), field_name, "expected a list, found a single value")
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(_line(node), field_name, f"expected a list, found {_describe(node)}")
            return None
        values: list[str] = []
        for index, item in enumerate(node.value):
            value = self.text(item, f"{field_name}[{index}]")
            if value is None:
                if isinstance(item, yaml.ScalarNode):
                    self.problem(_line(item), f"{field_name}[{index}]", "empty entry")
                continue
            values.append(value)
        return values

    def mapping(self, node: yaml.MappingNode, allowed: Sequence[str], where: str) -> dict[str, yaml.Node]:
        """A mapping's values by key, reporting unknown and repeated keys."""
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(_line(key_node), where or "(top level)", "keys must be plain names")
                continue
            label = f"{where}.{key}" if where else key
            if key not in allowed:
                self.problem(_line(key_node), label, f"unknown field; expected one of: {', '.join(allowed)}")
                continue
            if key in found:
                self.problem(_line(key_node), label, f"given twice (first at line {_line(found[key])})")
                continue
            found[key] = value_node
        return found

    # -- the bank -------------------------------------------------------------------------------

    def bank(self, root: yaml.Node, digest: str) -> Bank | None:
        if not isinstance(root, yaml.MappingNode):
            self.problem(
                _line(root),
                "(top level)",
                f"a bank must be a mapping with `deck` and `questions`, found {_describe(root)}",
            )
            return None
        fields = self.mapping(root, TOP_LEVEL_FIELDS, "")
        deck = self.text(fields["deck"], "deck") if "deck" in fields else None
        if deck is None and not _is_collection(fields.get("deck")):
            line = _line(fields["deck"]) if "deck" in fields else _line(root)
            self.problem(line, "deck", "missing: every bank names its deck")
        source = self.text(fields["source"], "source") if "source" in fields else None
        questions: list[BankQuestion] = []
        if "questions" not in fields:
            self.problem(_line(root), "questions", "missing: a bank needs a list of questions")
        else:
            questions = self.questions(fields["questions"])
        if deck is None:
            return None
        return Bank(
            deck=deck,
            source=source,
            questions=questions,
            file=self.file,
            digest=digest,
            deck_line=_line(fields["deck"]),
        )

    def questions(self, node: yaml.Node) -> list[BankQuestion]:
        if not isinstance(node, yaml.SequenceNode):
            if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
                self.problem(_line(node), "questions", "empty: a bank needs at least one question")
            else:
                self.problem(_line(node), "questions", f"expected a list, found {_describe(node)}")
            return []
        if not node.value:
            self.problem(_line(node), "questions", "empty: a bank needs at least one question")
        seen: dict[str, int] = {}
        questions: list[BankQuestion] = []
        for item in node.value:
            question = self.question(item)
            if question is None:
                continue
            if question.id in seen:
                self.problem(question.line, "id", f"duplicate id {question.id} (first at line {seen[question.id]})")
                continue
            seen[question.id] = question.line
            questions.append(question)
        return questions

    def question(self, node: yaml.Node) -> BankQuestion | None:
        line = _line(node)
        if not isinstance(node, yaml.MappingNode):
            self.problem(line, "questions", f"each question must be a mapping, found {_describe(node)}")
            return None
        before = len(self.problems)
        fields = self.mapping(node, QUESTION_FIELDS, "")
        values: dict[str, str | None] = {}
        for name in ("id", "type", "topic", "prompt", "answer", "explanation"):
            values[name] = self.text(fields[name], name) if name in fields else None
        qid = values["id"]
        label = f" (question {qid})" if qid else ""
        for name in REQUIRED_QUESTION_FIELDS:
            if values[name] is None and not _is_collection(fields.get(name)):
                where = _line(fields[name]) if name in fields else line
                self.problem(where, name, f"missing{label}")
        if qid is not None:
            if any(ch.isspace() for ch in qid):
                self.problem(_line(fields["id"]), "id", f"{qid!r} contains spaces; ids are single words")
            elif len(qid) > MAX_ID_LENGTH:
                self.problem(_line(fields["id"]), "id", f"longer than {MAX_ID_LENGTH} characters")
        qtype = values["type"].lower() if values["type"] else None
        if qtype is not None and qtype not in QUESTION_TYPES:
            self.problem(
                _line(fields["type"]),
                "type",
                f"unknown type {values['type']!r}{label}; expected one of: {', '.join(QUESTION_TYPES)}",
            )
            qtype = None

        choices = self.text_list(fields["choices"], "choices", scalar_ok=False) if "choices" in fields else None
        items = self.text_list(fields["items"], "items", scalar_ok=False) if "items" in fields else None
        accept = self.text_list(fields["accept"], "accept", scalar_ok=True) if "accept" in fields else None
        tags = self.text_list(fields["tags"], "tags", scalar_ok=True) if "tags" in fields else None
        source_line, source_text = self.source(fields["source"]) if "source" in fields else (None, None)

        answer = values["answer"]
        if qtype is not None and answer is not None:
            answer = self.check_type(qtype, answer, values["prompt"], fields, choices, items, label, line)
        if len(self.problems) > before:
            return None
        assert qid and qtype and values["prompt"] and answer  # guaranteed by the checks above
        return BankQuestion(
            id=qid,
            type=qtype,
            prompt=values["prompt"],
            answer=answer,
            topic=values["topic"],
            choices=choices if qtype == "mcq" else None,
            accept=accept or [],
            items=items if qtype == "list" else None,
            explanation=values["explanation"],
            source_line=source_line,
            source_text=source_text,
            tags=tags or [],
            line=line,
        )

    def check_type(
        self,
        qtype: str,
        answer: str,
        prompt: str | None,
        fields: dict[str, yaml.Node],
        choices: list[str] | None,
        items: list[str] | None,
        label: str,
        line: int,
    ) -> str:
        """The rules each type adds; returns the answer in its canonical form."""
        if qtype != "mcq" and "choices" in fields:
            self.problem(_line(fields["choices"]), "choices", f"only an mcq has choices, not a {qtype}{label}")
        if qtype != "list" and "items" in fields:
            self.problem(_line(fields["items"]), "items", f"only a list question has items, not a {qtype}{label}")
        if qtype == "mcq":
            self.check_choices(answer, fields, choices, label, line)
        elif qtype == "truefalse":
            if answer.lower() not in ("true", "false"):
                self.problem(
                    _line(fields["answer"]),
                    "answer",
                    f"a truefalse answer is True or False, not {answer!r}{label}",
                )
            return answer.capitalize()
        elif qtype == "list":
            self.check_items(fields, items, label, line)
        elif qtype == "cloze" and prompt is not None and "___" not in prompt:
            self.problem(_line(fields["prompt"]), "prompt", f"a cloze prompt needs a blank (____){label}")
        return answer

    def check_choices(
        self, answer: str, fields: dict[str, yaml.Node], choices: list[str] | None, label: str, line: int
    ) -> None:
        if "choices" not in fields or choices is None:
            where = _line(fields["choices"]) if "choices" in fields else line
            self.problem(where, "choices", f"missing: an mcq needs choices{label}")
            return
        node = fields["choices"]
        if len(choices) < 2:
            self.problem(_line(node), "choices", f"an mcq needs at least 2 choices, found {len(choices)}{label}")
        if len(choices) > MAX_CHOICES:
            self.problem(
                _line(node),
                "choices",
                f"at most {MAX_CHOICES} choices (keys 1–6), found {len(choices)}{label}",
            )
        self.check_unique(node, "choices", label)
        count = choices.count(answer)
        if count == 0:
            near = [c for c in choices if c.casefold() == answer.casefold()]
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            self.problem(_line(node), "choices", f"the answer {answer!r} is not among the choices{hint}{label}")
        elif count > 1:
            self.problem(_line(node), "choices", f"the answer {answer!r} appears {count} times{label}")

    def check_items(self, fields: dict[str, yaml.Node], items: list[str] | None, label: str, line: int) -> None:
        if "items" not in fields or not items:
            where = _line(fields["items"]) if "items" in fields else line
            self.problem(where, "items", f"missing: a list question needs its items{label}")
            return
        if len(items) < 2:
            self.problem(_line(fields["items"]), "items", f"a list needs at least 2 items{label}")
        self.check_unique(fields["items"], "items", label)

    def check_unique(self, node: yaml.Node, field_name: str, label: str) -> None:
        """Entries of a list that repeat another (ignoring case and surrounding space)."""
        if not isinstance(node, yaml.SequenceNode):
            return
        seen: dict[str, int] = {}
        for index, item in enumerate(node.value):
            if not isinstance(item, yaml.ScalarNode):
                continue
            key = item.value.strip().casefold()
            if key in seen:
                self.problem(
                    _line(item),
                    f"{field_name}[{index}]",
                    f"duplicate of {field_name}[{seen[key]}] {item.value.strip()!r}{label}",
                )
            else:
                seen[key] = index

    def source(self, node: yaml.Node) -> tuple[int | None, str | None]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
            return None, None
        if not isinstance(node, yaml.MappingNode):
            self.problem(_line(node), "source", f"expected a mapping {{line, text}}, found {_describe(node)}")
            return None, None
        fields = self.mapping(node, ("line", "text"), "source")
        line: int | None = None
        if "line" in fields:
            raw = fields["line"]
            if isinstance(raw, yaml.ScalarNode) and raw.tag == _INT_TAG and _decimal(raw.value) >= 1:
                line = _decimal(raw.value)
            elif not (isinstance(raw, yaml.ScalarNode) and raw.tag == _NULL_TAG):
                self.problem(_line(raw), "source.line", "expected a line number (1 or more)")
        text = self.text(fields["text"], "source.text") if "text" in fields else None
        return line, text


def _decimal(value: str) -> int:
    """A plain decimal number, or 0: YAML also reads 0x1F and 1:30 as integers, which are no line numbers."""
    try:
        return int(value, 10)
    except ValueError:
        return 0


def parse_nodes(text: str, file: str, digest: str) -> tuple[Bank | None, list[Problem]]:
    """A bank from its decoded text: YAML syntax first, then every rule of the schema."""
    # Checked before parsing: YAML rejects a line holding only a tab, yet such a file is just empty.
    if not text.strip():
        return None, [Problem(file, 1, "file", "empty: a bank needs `deck` and `questions`")]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = ": ".join(part for part in (exc.context, exc.problem) if part)
        return None, [Problem(file, line, "yaml", f"syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, [Problem(file, 1, "yaml", f"syntax error: {exc}")]
    if root is None:
        return None, [Problem(file, 1, "file", "empty: a bank needs `deck` and `questions`")]
    reader = _FileReader(file)
    bank = reader.bank(root, digest)
    return bank, reader.problems
