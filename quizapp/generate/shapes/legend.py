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


_WHERE = re.compile(r"^(?:where|here|with)\s+(?P<rest>.+)$", re.IGNORECASE)
_INLINE_ENTRY = re.compile(
    r"^(?P<symbol>[A-Za-zΔλρσμωθ][A-Za-z0-9₀-₉_]{0,3})\s*=\s*(?P<meaning>[A-Za-z][A-Za-z .’'-]{1,50}?)\s*(?:\([^)]*\))?$"
)


def _inline_entries(node: Node) -> list[tuple[Node, str, str]]:
    """ "where V = potential difference, I = current, R = resistance (…)": a legend written on one line."""
    match = _WHERE.match(node.text.strip().rstrip("."))
    if node.kind not in ("text", "item") or match is None:
        return []
    found = []
    for part in re.split(r",\s*|;\s*|\sand\s", match["rest"]):
        entry = _INLINE_ENTRY.match(part.strip())
        if entry is None:
            return []  # not every part is "symbol = meaning": no legend
        found.append((node, entry["symbol"], entry["meaning"].strip()))
    return found if len(found) >= 2 else []


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-zΔλρσμωθ][A-Za-z0-9₀-₉]*", text))


def legend_questions(outline: Outline, topic_of: TopicOf) -> list[Placed]:
    placed: list[Placed] = []
    index_of = {id(node): index for index, node in enumerate(outline.nodes)}
    inline = [_inline_entries(node) for node in outline.nodes]
    everywhere = list(dict.fromkeys(meaning for entries in inline for _, _, meaning in entries))
    for node, written in zip(outline.nodes, inline, strict=True):
        entries = _entries(node)
        items = [child for child in node.children if child.kind == "item"]
        if written:
            entries = written  # the other legends' meanings are wrong choices too: one line holds few
        elif len(entries) < 3 or len(entries) < 0.7 * len(items):
            continue
        symbols = {symbol for _, symbol, _ in entries}
        first = index_of[id(entries[0][0])]
        nearby = [(n.text.strip(), _tokens(n.text)) for n in outline.nodes[max(0, first - _MOST_BACK) : first]]
        above = [
            (text, tokens)
            for text, tokens in nearby
            if _FORMULA.search(text) and len(tokens & symbols) >= 2 and len(text) <= 80
        ]
        meanings = [meaning for _, _, meaning in entries] + (everywhere if written else [])
        symbol_of = {meaning.lower(): symbol for _, symbol, meaning in entries}
        for item, symbol, meaning in entries:
            if meaning[:1].lower() == symbol[:1].lower():
                continue  # "F = Force", "m = Mass": the symbol is the word's first letter, nothing to learn
            formula = next((text for text, tokens in reversed(above) if symbol in tokens), None)
            if formula is None or re.search(rf"(?<![\w]){re.escape(symbol)}\s*=\s*\d", formula):
                continue  # "F = k * ma (as k = 1)": the formula says what k is
            # "Mass" for k in "F = k * ma" is plainly wrong: m stands for mass in the same formula.
            present = _tokens(formula)
            others = stable_order(
                list(
                    dict.fromkeys(
                        m for m in meanings if m.lower() != meaning.lower() and symbol_of.get(m.lower()) not in present
                    )
                ),
                f"{symbol}\x1f{meaning}",
            )
            # "Initial Momentum" is the wrong choice a student may take for "Final Momentum"; "constant" is not
            words = set(meaning.lower().split())
            wrong = sorted(
                others, key=lambda m: (-len(words & set(m.lower().split())), abs(len(m) - len(meaning)) > 12)
            )
            prompt = f"In “{formula}”, what does {symbol} stand for?"
            found = choice_question(item, prompt, meaning, wrong, "symbol", topic_of, "legend", 1.0)
            placed.extend([found] if found else [])
    return placed
