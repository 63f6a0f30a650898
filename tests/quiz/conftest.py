"""The quiz deck (see tests/conftest.py) imported into a fresh database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from quizapp.db import import_paths


@pytest.fixture
def quiz_engine(engine: Engine, quiz_bank: Path, now: datetime) -> Engine:
    assert not import_paths(engine, [quiz_bank], now=now).problems
    return engine


@pytest.fixture
def session(quiz_engine: Engine):  # type: ignore[no-untyped-def]
    with Session(quiz_engine) as session:
        yield session
