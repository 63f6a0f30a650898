"""The app shows nothing past an answer before that answer is on disk (the log is flushed beside it: flush.py)."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session

from quizapp.db import flush as flush_module
from quizapp.db.flush import log_flush
from quizapp.tui.app import make_app
from quizapp.tui.screens.review import ReviewScreen

IST = timezone(timedelta(hours=5, minutes=30), "IST")
SLOW_DISK = 0.05
"""Seconds a flush takes here: far longer than reading the next card, so that showing it early would be seen."""


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    happened: list[str] = []
    real = os.fdatasync

    def slow(fd: int) -> None:
        time.sleep(SLOW_DISK)
        real(fd)
        happened.append("flushed")

    monkeypatch.setattr(flush_module.os, "fdatasync", slow)
    paint = ReviewScreen._paint

    def painted(screen: ReviewScreen) -> None:
        happened.append("painted")
        paint(screen)

    monkeypatch.setattr(ReviewScreen, "_paint", painted)
    return happened


async def test_the_next_card_is_shown_only_once_the_answer_is_on_disk(
    stocked_engine: Engine, now: datetime, events: list[str]
) -> None:
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        first = app.screen.shown
        await pilot.press("space")
        await pilot.pause()
        events.clear()
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.shown is not None and app.screen.shown.question_id != first.question_id
    assert events[:2] == ["flushed", "painted"]  # the answer's flush, then the next card


async def test_an_action_returns_with_what_it_committed_on_disk_unless_it_reads_next(
    stocked_engine: Engine, now: datetime, events: list[str]
) -> None:
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    log = log_flush(stocked_engine)
    assert log is not None

    def write(session: Session) -> bool:
        session.execute(text("UPDATE deck SET name = name"))
        session.commit()
        return True

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.guarded(write, doing="write")
        assert log.flushed == log.committed  # settled: on disk when the action returns
        assert app.guarded(write, doing="write", settle=False)
        assert log.flushed < log.committed  # the slow disk is still at it
        assert app.guarded(lambda s: s.execute(text("SELECT 1")).scalar(), doing="read") == 1
        assert log.flushed == log.committed  # the reading after it waited
