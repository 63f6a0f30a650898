"""The statistics screen and the exam date dialog, driven with Pilot on the known history."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session
from stats_history import IST, NOW, History
from textual.widgets import Input, Select, Static, TabbedContent

from quizapp.db import Deck
from quizapp.tui.app import make_app
from quizapp.tui.screens.exam_date import ExamDateScreen
from quizapp.tui.screens.stats import ALL_DECKS, StatsScreen


def app_for(history: History):  # type: ignore[no-untyped-def]
    return make_app(history.engine, clock=lambda: NOW, zone=IST)


def text(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector, Static).render())


async def test_t_opens_the_highlighted_decks_statistics_and_the_selector_switches_to_all(
    history: History, settle
) -> None:  # type: ignore[no-untyped-def]
    app = app_for(history)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen) and screen.deck_id == history.alpha
        numbers = text(screen, "#stats-numbers")
        assert "streak 2 days (longest 4)" in numbers
        assert "Exam 24 Dec 2026, in 30 days" in numbers
        assert "Cards 6: 1 new · 2 learning · 3 review · 0 suspended · 4 due today" in numbers
        screen.query_one("#stats-deck", Select).value = ALL_DECKS
        await settle(pilot)
        assert screen.deck_id is None
        numbers = text(screen, "#stats-numbers")
        assert "streak 3 days (longest 4)" in numbers and "13 answers" in numbers
        assert "75% (3/4)" in numbers  # retention over 30 days, young and mature together
        await pilot.press("p")
        await settle(pilot)
        assert screen.query_one("#stats-tabs", TabbedContent).active == "answers"
        assert "Last 90 days" in text(screen, "#answers-summary")
        await pilot.press("4")
        await settle(pilot)
        topics = text(screen, "#topics-summary")
        assert "weakest on top (4 topics)" in topics and "Weakest: Trade 25% of 4" in topics
        await pilot.press("5")
        assert "2 quizzes (1 unfinished)" in text(screen, "#quizzes-summary")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, StatsScreen)


async def test_the_exam_date_is_checked_then_saved_and_shown(history: History, settle) -> None:  # type: ignore[no-untyped-def]
    app = app_for(history)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExamDateScreen)
        field = app.screen.query_one("#exam-date-input", Input)
        assert field.value == "2026-12-24" and field.has_focus
        field.value = ""
        await pilot.press(*"2027-02-30", "enter")
        await settle(pilot)
        assert "2027-02-30 is not a day of the calendar" in text(app.screen, "#exam-date-error")
        with Session(history.engine) as session:
            assert session.get(Deck, history.alpha).exam_date == date(2026, 12, 24)  # type: ignore[union-attr]
        field.value = ""
        await pilot.press(*"2027-01-10", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        with Session(history.engine) as session:
            assert session.get(Deck, history.alpha).exam_date == date(2027, 1, 10)  # type: ignore[union-attr]
        assert "Exam 10 Jan 2027, in 47 days" in text(app.screen, "#stats-numbers")


async def test_home_shows_days_left_and_projected_readiness(history: History, settle) -> None:  # type: ignore[no-untyped-def]
    app = app_for(history)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#decks")
        alpha = [str(cell) for cell in table.get_row(str(history.alpha))]  # type: ignore[attr-defined]
        beta = [str(cell) for cell in table.get_row(str(history.beta))]  # type: ignore[attr-defined]
        assert alpha[7].startswith("30 d · ") and alpha[7].endswith("%")
        assert beta[7] == "—"
        await pilot.press("down", "x")
        await settle(pilot)
        app.screen.query_one("#exam-date-input", Input).value = "2026-11-24"
        await pilot.press("enter")
        await settle(pilot)
        beta = [str(cell) for cell in table.get_row(str(history.beta))]  # type: ignore[attr-defined]
        assert beta[7].startswith("today · ")


def test_statistics_screen_snapshot(snap_compare, history: History, settle) -> None:  # type: ignore[no-untyped-def]
    async def opened(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("t")
        await settle(pilot)

    assert snap_compare(app_for(history), run_before=opened, terminal_size=(80, 24))


def test_statistics_answers_chart_snapshot(snap_compare, history: History, settle) -> None:  # type: ignore[no-untyped-def]
    async def opened(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("2")

    assert snap_compare(app_for(history), run_before=opened, terminal_size=(80, 24))
