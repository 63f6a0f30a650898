"""The legend of a formula ("- p2 = Final Momentum", "- u = Initial Velocity" under "F ∝ (p2 − p1)/t"): what a
symbol stands for, in the formula the notes write it in, the legend's other meanings as the wrong choices."""

from __future__ import annotations

import re

from quizapp.documents.outline import Node, Outline
from quizapp.generate.nouns import stable_order
from quizapp.generate.shapes.common import Placed, TopicOf, choice_question

_ENTRY = re.compile(
    r"^(?P<symbol>[A-Za-zΔλρσμωθ][A-Za-z0-9₀-₉]{0,3})\s*[=:–-]\s*(?P<meaning>[A-Za-z][A-Za-z '’-]{1,50})$"
)
_FORMULA = re.compile(r"=|∝|\bproportional\sto\b")
_MOST_BACK = 30
"""How many nodes above a legend its formula may be."""


def _entries(node: Node) -> list[tuple[Node, str, str]]:
    found = []
    for child in node.children:
        match = _ENTRY.match(child.text.strip().rstrip("."))
        if child.kind == "item" and match and not child.children:
            found.append((child, match["symbol"], match["meaning"].strip()))
    return found


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-zΔλρσμωθ][A-Za-z0-9₀-₉]*", text))


def legend_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    placed: list[Placed] = []
    index_of = {id(node): index for index, node in enumerate(outline.nodes)}
    for node in outline.nodes:
        entries = _entries(node)
        items = [child for child in node.children if child.kind == "item"]
        if len(entries) < 3 or len(entries) < 0.7 * len(items):
            continue
        symbols = {symbol for _, symbol, _ in entries}
        first = index_of[id(entries[0][0])]
        nearby = [(n.text.strip(), _tokens(n.text)) for n in outline.nodes[max(0, first - _MOST_BACK) : first]]
        above = [
            (text, tokens)
            for text, tokens in nearby
            if _FORMULA.search(text) and len(tokens & symbols) >= 2 and len(text) <= 80
        ]
        meanings = [meaning for _, _, meaning in entries]
        for item, symbol, meaning in entries:
            if meaning[:1].lower() == symbol[:1].lower():
                continue  # "F = Force", "m = Mass": the symbol is the word's first letter, nothing to learn
            formula = next((text for text, tokens in reversed(above) if symbol in tokens), None)
            if formula is None:
                continue
            others = stable_order([m for m in meanings if m.lower() != meaning.lower()], f"{symbol}\x1f{meaning}")
            # "Initial Momentum" is the wrong choice a student may take for "Final Momentum"; "constant" is not
            words = set(meaning.lower().split())
            wrong = sorted(
                others, key=lambda m: (-len(words & set(m.lower().split())), abs(len(m) - len(meaning)) > 12)
            )
            prompt = f"In “{formula}”, what does {symbol} stand for?"
            found = choice_question(item, prompt, meaning, wrong, "symbol", topic_of, "legend", 1.0)
            placed.extend([found] if found else [])
    return placed
