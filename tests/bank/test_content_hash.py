"""A question's content hash is the SHA-1 of its content as canonical JSON: the quick writer must never differ."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from quizapp.bank.model import _CANONICAL, BankQuestion

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_LIST = st.lists(_TEXT, max_size=4)


def encoded(question: BankQuestion) -> str:
    return hashlib.sha1(_CANONICAL.encode(question.content()).encode("utf-8")).hexdigest()


@given(
    st.builds(
        BankQuestion,
        id=_TEXT,
        type=_TEXT,
        prompt=_TEXT,
        answer=_TEXT,
        topic=st.none() | _TEXT,
        choices=st.none() | _LIST,
        accept=_LIST,
        items=st.none() | _LIST,
        explanation=st.none() | _TEXT,
        source_line=st.none() | st.integers(-(10**20), 10**20),
        source_text=st.none() | _TEXT,
        tags=_LIST,
    )
)
def test_the_hash_is_that_of_the_canonical_json(question: BankQuestion) -> None:
    assert question.content_hash() == encoded(question)


def test_values_of_other_types_take_the_encoder() -> None:
    odd = BankQuestion(id="x", type="short", prompt="P?", answer="a", accept=("a", "b"), source_line=True)  # type: ignore[arg-type]
    assert odd.content_hash() == encoded(odd)
    floating = BankQuestion(id="x", type="short", prompt="P?", answer="a", source_line=2.0)  # type: ignore[arg-type]
    assert floating.content_hash() == encoded(floating)


def test_a_known_question_keeps_its_hash() -> None:
    # Stored in every database: a change here would mark every question of every deck as edited.
    question = BankQuestion(
        id="g-1", type="mcq", prompt="Capital of Japan?", answer="Tokyo", choices=["Tokyo", "Kyoto"]
    )
    assert question.content_hash() == "7e0bf8417d13b23e5018d6cc34e16dbccaf29397"
