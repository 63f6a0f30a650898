"""Write a Bank as YAML in the house layout: short lists inline, one question per block."""

from __future__ import annotations

from typing import Any

import yaml

from quizapp.bank.model import Bank, BankQuestion


class _FlowList(list):
    """A list the dumper writes inline: [a, b, c]."""


class _FlowDict(dict):
    """A mapping the dumper writes inline: {line: 1, text: ...}."""


class _BankDumper(yaml.SafeDumper):
    """The pure-Python dumper: only it lets list items be indented under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_BankDumper.add_representer(
    _FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)
_BankDumper.add_representer(
    _FlowDict,
    lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True),
)


def _question_dict(question: BankQuestion) -> dict[str, Any]:
    out: dict[str, Any] = {"id": question.id, "type": question.type}
    if question.topic:
        out["topic"] = question.topic
    out["prompt"] = question.prompt
    out["answer"] = question.answer
    if question.choices:
        out["choices"] = _FlowList(question.choices)
    if question.accept:
        out["accept"] = _FlowList(question.accept)
    if question.items:
        out["items"] = _FlowList(question.items)
    if question.explanation:
        out["explanation"] = question.explanation
    if question.source_line is not None or question.source_text:
        source = _FlowDict()
        if question.source_line is not None:
            source["line"] = question.source_line
        if question.source_text:
            source["text"] = question.source_text
        out["source"] = source
    if question.tags:
        out["tags"] = _FlowList(question.tags)
    return out


def dump_bank(bank: Bank) -> str:
    """The bank as YAML text; loading it back gives the same questions."""
    document: dict[str, Any] = {"deck": bank.deck}
    if bank.source:
        document["source"] = bank.source
    document["questions"] = [_question_dict(q) for q in bank.questions]
    return yaml.dump(
        document,
        Dumper=_BankDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
