"""Shared fixtures: an isolated data directory for every test, bank files, a fixed clock, a fresh database."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine
from textual.pilot import Pilot

from quizapp.db import open_database

# The default run draws the same examples every time, so CI is red only for a change, never for a lucky draw.
# `HYPOTHESIS_PROFILE=explore python -m pytest tests/generate tests/documents` draws new examples at every run.
settings.register_profile("default", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user data directory and from a QUIZAPP_DB set by the user."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("QUIZAPP_DB", raising=False)
    return home / "data"


@pytest.fixture
def now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def write_bank(tmp_path: Path) -> Callable[..., Path]:
    """Write a bank file from an indented YAML string (dedented) and return its path."""

    def write(text: str, name: str = "bank.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    engine = open_database(str(db_path))
    yield engine
    engine.dispose()


SMALL_BANK = """
deck: Geography
source: sources/geo.txt
questions:
  - id: g-1
    type: mcq
    topic: Capitals
    prompt: What is the capital of Japan?
    answer: Tokyo
    choices: [Osaka, Tokyo, Kyoto, Nagoya]
    source: {line: 1, text: Tokyo is the capital of Japan.}
    tags: [name]
  - id: g-2
    type: cloze
    topic: Capitals
    prompt: ____ is the capital of India.
    answer: New Delhi
    accept: [Delhi]
  - id: g-3
    type: truefalse
    topic: Rivers
    prompt: The Ganga flows into the Bay of Bengal.
    answer: true
  - id: g-4
    type: list
    topic: Rivers
    prompt: Name the 3 rivers.
    answer: Ganga, Yamuna and Godavari
    items: [Ganga, Yamuna, Godavari]
"""


@pytest.fixture
def small_bank(write_bank: Callable[..., Path]) -> Path:
    """A four-question bank of deck "Geography" (mcq, cloze, truefalse, list)."""
    return write_bank(SMALL_BANK, "geography.yaml")


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
def quiz_bank(write_bank: Callable[..., Path]) -> Path:
    """Deck "Quiz": one question of each type across topics Dates and Money, each from its own sentence."""
    return write_bank(QUIZ_DECK, "quiz.yaml")


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle() -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for a screen's background readings (home's readiness, the statistics) and the updates they make."""
    return _settle
