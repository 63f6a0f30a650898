"""Fixtures for the TUI tests: an app on a database holding the small bank, at a fixed clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine

from quizapp.db import import_paths
from quizapp.tui.app import QuizApp, make_app


@pytest.fixture
def stocked_engine(engine: Engine, small_bank: Path, now: datetime) -> Engine:
    assert not import_paths(engine, [small_bank], now=now).problems
    return engine


IST = timezone(timedelta(hours=5, minutes=30), "IST")


@pytest.fixture
def app(stocked_engine: Engine, now: datetime) -> QuizApp:
    return make_app(stocked_engine, clock=lambda: now, zone=IST)
