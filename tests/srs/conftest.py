"""A deck of six questions for the scheduling tests; two of them come from the same sentence."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from quizapp.db import import_paths

IST = timezone(timedelta(hours=5, minutes=30), "IST")

DECK = """
deck: Srs
questions:
  - {id: s-1, type: short, prompt: One?, answer: "1", source: {line: 1, text: Sentence one.}}
  - {id: s-2, type: short, prompt: Two?, answer: "2", source: {line: 2, text: Sentence two.}}
  - {id: s-2b, type: truefalse, prompt: Two is two., answer: "True", source: {line: 2, text: Sentence two.}}
  - {id: s-3, type: short, prompt: Three?, answer: "3", source: {line: 3, text: Sentence three.}}
  - {id: s-4, type: short, prompt: Four?, answer: "4", source: {line: 4, text: Sentence four.}}
  - {id: s-5, type: short, prompt: Five?, answer: "5", source: {line: 5, text: Sentence five.}}
"""


@pytest.fixture
def zone() -> timezone:
    return IST


@pytest.fixture
def deck_engine(engine: Engine, write_bank, now: datetime) -> Engine:
    path: Path = write_bank(DECK, "srs.yaml")
    assert not import_paths(engine, [path], now=now).problems
    return engine


@pytest.fixture
def session(deck_engine: Engine):  # type: ignore[no-untyped-def]
    with Session(deck_engine) as session:
        yield session
