"""Helpers shared by the TUI tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable

from quizapp.tui.app import QuizApp


def rows(app: QuizApp) -> list[list[str]]:
    """The home screen's deck table as the student reads it."""
    table = app.screen.query_one("#decks", DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the background readings (home's readiness) and the screen updates they make."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
