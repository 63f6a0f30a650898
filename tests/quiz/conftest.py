"""A deck of quiz questions across two topics, imported into a fresh database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from quizapp.db import import_paths

QUIZ_DECK = """
deck: Quiz
questions:
  - {id: q-1, type: mcq, topic: Dates, prompt: "Relations began on ____.", answer: 28 April 1952,
     choices: [28 April 1952, 15 August 1947, 26 January 1950, 14 April 1958],
     source: {line: 1, text: Relations began on 28 April 1952.}}
  - {id: q-2, type: truefalse, topic: Dates, prompt: Loans began in 1958., answer: "True",
     source: {line: 2, text: Loans began in 1958.}}
  - {id: q-3, type: cloze, topic: Money, prompt: "Japan gave ____ for the corridor.", answer: $90 billion,
     source: {line: 3, text: Japan gave $90 billion for the corridor.}}
  - {id: q-4, type: short, topic: Money, prompt: What does ODA stand for?, answer: Official Development Assistance,
     source: {line: 4, text: Japan gives Official Development Assistance (ODA) to India.}}
  - {id: q-5, type: list, topic: Money, prompt: Name the 3 members., answer: "India, Japan and Australia",
     items: [India, Japan, Australia], source: {line: 5, text: "The members are India, Japan and Australia."}}
  - {id: q-6, type: flashcard, topic: Money, prompt: What is ODA?, answer: Loans and grants on easy terms.}
"""


@pytest.fixture
def quiz_engine(engine: Engine, write_bank, now: datetime) -> Engine:
    path: Path = write_bank(QUIZ_DECK, "quiz.yaml")
    assert not import_paths(engine, [path], now=now).problems
    return engine


@pytest.fixture
def session(quiz_engine: Engine):  # type: ignore[no-untyped-def]
    with Session(quiz_engine) as session:
        yield session
