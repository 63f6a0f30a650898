"""Deck options: the form on `o`, saving by keys, and a bad value that saves nothing."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, select
from textual.widgets import Input, Static
from tui_helpers import rows

from quizapp.db.models import Deck, Setting
from quizapp.srs.settings import day_starts_at, load_settings
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.options import DeckOptionsScreen


def deck_id(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(Deck.id)).one()


async def retype(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#{field}", Input).focus()
    await pilot.press("home", "ctrl+k", *text)  # to the start, cut to the end, type


async def test_options_switch_the_scheduler_and_limits_of_the_deck(app: QuizApp, stocked_engine: Engine) -> None:
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, DeckOptionsScreen)
        assert app.screen.query_one("#new_per_day", Input).value == "20"
        # The scheduler: open the list, go down to SM-2, choose it.
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#desired_retention", Input).disabled  # SM-2 has no desired retention
        await retype(pilot, "new_per_day", "2")
        await retype(pilot, "learning_steps", "1m 30m 1d")
        await retype(pilot, "day_starts_at", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert rows(app)[0][4] == "2"  # due today follows the new limit at once
    with Session(stocked_engine) as session:
        settings = load_settings(session, deck_id(stocked_engine))
        assert (settings.scheduler, settings.new_per_day, settings.learning_steps) == ("sm2", 2, (1, 30, 1440))
        assert settings.reviews_per_day == 200  # untouched fields keep their values
        assert day_starts_at(session) == 3
    assert app.day_starts_at == 3


async def test_a_bad_value_names_its_field_and_saves_nothing(app: QuizApp, stocked_engine: Engine) -> None:
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await retype(pilot, "new_per_day", "5")
        await retype(pilot, "learning_steps", "1m soon")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DeckOptionsScreen)
        error = str(app.screen.query_one("#options-error", Static).render())
        assert "Learning steps" in error and "'soon' is not a step" in error and "Nothing was saved" in error
        assert app.screen.focused is app.screen.query_one("#learning_steps", Input)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Session(stocked_engine) as session:
        assert session.exec(select(Setting).where(Setting.key.startswith("srs."))).all() == []
        assert load_settings(session, deck_id(stocked_engine)).new_per_day == 20


def test_options_snapshot(snap_compare, app: QuizApp) -> None:
    assert snap_compare(app, press=["o"], terminal_size=(110, 30))
