"""The home screen: decks and their counts, the empty start, refreshing after an import."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine
from sqlmodel import Session
from textual.widgets import DataTable, Static
from tui_helpers import rows

from quizapp.db import Setting, import_paths, write_setting
from quizapp.srs.review import answer_card
from quizapp.stats.overview import deck_overview, with_recall
from quizapp.tui.app import QuizApp, make_app
from quizapp.tui.screens.home import HomeScreen

IST = timezone(timedelta(hours=5, minutes=30), "IST")


async def test_home_lists_each_deck_with_its_counts(app: QuizApp, settle) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert rows(app) == [["Geography", "4", "4", "0", "4", "0", "—", "—", "—"]]
        assert "4 cards left to study" in str(app.screen.query_one("#today", Static).render())
        assert not app.screen.query_one("#empty").display


async def test_readiness_follows_the_counts_once_read(app: QuizApp, now: datetime, settle) -> None:  # type: ignore[no-untyped-def]
    with app.session() as session:
        answer_card(session, question_id="g-1", rating=3, now=now - timedelta(days=3))
        answer_card(session, question_id="g-2", rating=3, now=now - timedelta(days=3))
        expected = with_recall(session, app.day(), deck_overview(session, app.day(), recall=False))[0].readiness
    assert expected is not None and 0.5 < expected < 1
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.recall_shown
        assert rows(app)[0][6] == f"{expected:.0%}"
        assert rows(app)[0][1:5] == ["4", "2", "2", "4"]  # questions, new, learning, due


async def test_the_summary_counts_one_answer_and_one_day_in_the_singular(app: QuizApp, now: datetime, settle) -> None:  # type: ignore[no-untyped-def]
    with app.session() as session:
        answer_card(session, question_id="g-1", rating=3, now=now - timedelta(minutes=5))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        summary = str(app.screen.query_one("#today", Static).render())
        assert "Today: 1 answer in 0 min · streak 1 day · 4 cards left to study" in summary


async def test_an_empty_database_says_how_to_import(engine: Engine, now: datetime) -> None:
    app = make_app(engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        assert "quizapp import" in str(empty.render())
        assert not app.screen.query_one("#decks").display


async def test_r_rereads_the_database_after_an_import_elsewhere(
    engine: Engine, write_bank, now: datetime, settle
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert rows(app) == []
        bank = write_bank("deck: Later\nquestions:\n  - {id: l-1, type: short, prompt: Q?, answer: A}\n")
        import_paths(engine, [bank], now=now)
        await pilot.press("r")
        await settle(pilot)
        assert rows(app) == [["Later", "1", "1", "0", "1", "0", "—", "—", "—"]]
        assert app.screen.query_one("#decks").display


async def test_ctrl_q_quits(app: QuizApp) -> None:
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


def test_home_snapshot(snap_compare, stocked_engine: Engine, now: datetime, settle) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        make_app(stocked_engine, clock=lambda: now, zone=IST), terminal_size=(100, 30), run_before=settle
    )


def test_empty_home_snapshot(snap_compare, engine: Engine, now: datetime) -> None:
    assert snap_compare(make_app(engine, clock=lambda: now, zone=IST), terminal_size=(80, 24))


MARKUP_NAMES = """
deck: "Polity [/b] [b]2024[/b]"
questions:
  - {id: m-1, type: short, topic: "Rights [/i]", prompt: "Which [treaty] ended it [/b]?", answer: "a"}
"""


async def test_names_that_look_like_markup_are_shown_as_written(  # type: ignore[no-untyped-def]
    app: QuizApp, engine: Engine, write_bank, now: datetime, settle
) -> None:
    assert not import_paths(engine, [write_bank(MARKUP_NAMES, "markup.yaml")], now=now).problems
    with app.session() as session:
        answer_card(session, question_id="m-1", rating=1, now=now - timedelta(hours=1))  # its topic is weakest
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert [row[0] for row in rows(app)] == ["Geography", "Polity [/b] [b]2024[/b]"]
        table = app.screen.query_one("#decks")
        table.move_cursor(row=1)
        await pilot.press("x")  # the exam date dialog names the deck
        await settle(pilot)
        assert "Polity [/b] [b]2024[/b]" in str(app.screen.query_one("#exam-date-title", Static).render())
        await pilot.press("escape", "b")  # browse: the prompt in the table
        await settle(pilot)
        cards = app.screen.query_one("#cards", DataTable)
        assert str(cards.get_row_at(0)[0]) == "Which [treaty] ended it [/b]?"
        await pilot.press("escape", "z")  # a quiz: its deck and topic choices
        await settle(pilot)
        assert type(app.screen).__name__ == "QuizSetupScreen"
        shown = app.export_screenshot().replace("&#160;", " ")  # the chosen deck, as the student sees it
        assert "Polity [/b] [b]2024[/b]" in shown
        await pilot.press("escape", "t")  # the statistics' deck selector
        await settle(pilot)
        assert type(app.screen).__name__ == "StatsScreen"
        assert "Polity [/b] [b]2024[/b]" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("4")  # the topics tab names the weakest topic
        await settle(pilot)
        assert "Weakest: Rights [/i] 0%" in str(app.screen.query_one("#topics-summary", Static).render())


async def test_home_is_drawn_while_the_database_opens_and_filled_once_it_is(  # type: ignore[no-untyped-def]
    stocked_engine: Engine, now: datetime, settle
) -> None:
    """`quizapp` draws home before the database is open; the decks appear once it is."""
    import threading

    opened = threading.Event()

    def opening() -> Engine:
        assert opened.wait(10), "the test never let the database open"
        return stocked_engine

    app = make_app(None, clock=lambda: now, zone=IST, opening=opening)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and not app.ready
        assert str(app.screen.query_one("#today", Static).render()) == "Opening your decks…"
        assert not app.screen.query_one("#decks").display and not app.screen.query_one("#empty").display
        await pilot.press("r")  # nothing to read yet
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 2  # the default screen, then home
        opened.set()
        await settle(pilot)
        await settle(pilot)
        assert app.ready
        assert rows(app) == [["Geography", "4", "4", "0", "4", "0", "—", "—", "—"]]
        assert "4 cards left to study" in str(app.screen.query_one("#today", Static).render())
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "StatsScreen"


async def test_the_first_frame_is_drawn_in_the_saved_theme_read_before_the_database_opens(  # type: ignore[no-untyped-def]
    stocked_engine: Engine, now: datetime, settle
) -> None:
    import threading

    with Session(stocked_engine) as session:
        write_setting(session, "theme", "dracula")
        session.commit()
    opened = threading.Event()

    def opening() -> Engine:
        assert opened.wait(10), "the test never let the database open"
        return stocked_engine

    app = make_app(None, clock=lambda: now, zone=IST, opening=opening)
    app.early_theme = "dracula"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.ready and app.theme == "dracula"
        opened.set()
        await settle(pilot)
        assert app.ready and app.theme == "dracula"
    with Session(stocked_engine) as session:
        assert session.get(Setting, (0, "theme")).value == '"dracula"'  # type: ignore[union-attr]


async def test_a_key_typed_while_the_database_opens_acts_once_the_decks_are_shown(  # type: ignore[no-untyped-def]
    stocked_engine: Engine, now: datetime, settle
) -> None:
    """As when the app was drawn only once the database was open: a key typed during the start is not lost.
    The last one counts."""
    import threading

    opened = threading.Event()

    def opening() -> Engine:
        assert opened.wait(10)
        return stocked_engine

    app = make_app(None, clock=lambda: now, zone=IST, opening=opening)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t", "s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 2
        opened.set()
        await settle(pilot)
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen" and len(app.screen_stack) == 3


async def test_a_database_that_cannot_be_opened_ends_the_app_with_the_reason(now: datetime) -> None:
    from quizapp.db import DatabaseError

    def opening() -> Engine:
        raise DatabaseError("/data/quizapp.db was written by a newer quizapp")

    app = make_app(None, clock=lambda: now, zone=IST, opening=opening)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
    assert app.return_code == 1
    assert app.opening_error == "/data/quizapp.db was written by a newer quizapp"


async def test_quitting_while_the_database_opens_closes_it_and_starts_nothing(now: datetime) -> None:
    import asyncio
    import threading

    release = threading.Event()
    disposed: list[bool] = []

    class Opened:
        """Stands for the engine the opening returns after the student has quit: only disposing is allowed."""

        def dispose(self) -> None:
            disposed.append(True)

    def opening() -> Engine:
        assert release.wait(10)
        return Opened()  # type: ignore[return-value]

    app = make_app(None, clock=lambda: now, zone=IST, opening=opening)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
    release.set()
    for _ in range(200):
        if disposed:
            break
        await asyncio.sleep(0.01)
    assert disposed == [True] and app.engine is None and app.return_code == 0
