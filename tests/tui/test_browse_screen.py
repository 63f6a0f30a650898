"""The card browser by keys: filter, search, suspend and unsuspend, bury, reset after asking."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session
from textual.widgets import DataTable, Static

from quizapp.db.models import Card, CardState
from quizapp.srs.review import answer_card
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.home import HomeScreen


def listed(app: QuizApp) -> list[str]:
    table = app.screen.query_one("#cards", DataTable)
    return [str(table.coordinate_to_cell_key((i, 0)).row_key.value) for i in range(table.row_count)]


def card(engine: Engine, question_id: str) -> Card:
    with Session(engine) as session:
        found = session.get(Card, question_id)
        assert found is not None
        return found


async def test_browse_suspend_filter_and_unsuspend_by_keys(app: QuizApp, stocked_engine: Engine) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert listed(app) == ["g-1", "g-2", "g-3", "g-4"]
        await pilot.press("down", "exclamation_mark")
        await pilot.pause()
        assert card(stocked_engine, "g-2").suspended
        assert "suspended" in str(app.screen.query_one("#cards", DataTable).get_row("g-2")[-1])
        await pilot.press("f", "f", "f", "f", "f")  # all → due → new → learning → review → suspended
        await pilot.pause()
        assert listed(app) == ["g-2"]
        assert "suspended: 1 card " in str(app.screen.query_one("#browse-bar", Static).render())
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert not card(stocked_engine, "g-2").suspended
        assert listed(app) == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_search_then_bury_then_reset_after_confirming(app: QuizApp, stocked_engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    with Session(stocked_engine) as session:
        answer_card(session, question_id="g-3", rating=3, now=now)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("b", "slash", *"ganga", "enter")
        await pilot.pause()
        assert listed(app) == ["g-3", "g-4"]  # "Ganga" in the prompt of one, the items of the other's answer
        detail = str(app.screen.query_one("#card-detail", Static).render())
        assert "The Ganga flows into the Bay of Bengal." in detail and "1 answers" in detail
        await pilot.press("minus")
        await pilot.pause()
        assert card(stocked_engine, "g-3").buried_until is not None
        await pilot.press("minus")
        await pilot.pause()
        assert card(stocked_engine, "g-3").buried_until is None
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert card(stocked_engine, "g-3").state == CardState.LEARNING  # declined: nothing changed
        await pilot.press("r", "y")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        reset = card(stocked_engine, "g-3")
        assert (reset.state, reset.reps, reset.stability) == (CardState.NEW, 0, None)


def test_browse_snapshot(snap_compare, app: QuizApp, stocked_engine: Engine, now) -> None:  # type: ignore[no-untyped-def]
    with Session(stocked_engine) as session:
        answer_card(session, question_id="g-3", rating=3, now=now)
    assert snap_compare(app, press=["b", "down", "exclamation_mark"], terminal_size=(110, 24))
