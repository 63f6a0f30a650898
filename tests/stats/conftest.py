"""Fixtures of the statistics tests: the known history of stats_history.py, and a session on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import Session
from stats_history import History, history_fixture


@pytest.fixture
def history(engine: Engine, write_bank, now: datetime) -> Iterator[History]:  # type: ignore[no-untyped-def]
    yield from history_fixture(engine, write_bank, now)


@pytest.fixture
def session(history: History) -> Iterator[Session]:
    with Session(history.engine) as session:
        yield session
