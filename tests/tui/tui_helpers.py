"""Helpers shared by the TUI tests."""

from __future__ import annotations

from textual.widgets import DataTable

from quizapp.tui.app import QuizApp


def rows(app: QuizApp) -> list[list[str]]:
    """The home screen's deck table as the student reads it."""
    table = app.screen.query_one("#decks", DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]
