"""The review screen driven by keys: answers land in the database, undo and suspend work, the end is said."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select
from textual.content import Content
from textual.widgets import Button, Static

from quizapp.db import engine as engine_module
from quizapp.db import import_paths, open_database
from quizapp.db.models import Card, CardState, Review
from quizapp.srs.review import answer_card
from quizapp.tui.app import QuizApp, make_app
from quizapp.tui.screens.review import ReviewScreen

IST = timezone(timedelta(hours=5, minutes=30), "IST")


class Clock:
    """A clock the test moves forward, a few seconds per answer."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def text(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_review_cards_by_keys_writes_reviews_and_card_states(stocked_engine: Engine, now: datetime) -> None:
    clock = Clock(now)
    app = make_app(stocked_engine, clock=clock, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "What is the capital of Japan?" in text(app, "#prompt")
        assert "a) Osaka" in text(app, "#prompt")
        await pilot.press("3")  # before the answer is shown, a rating only shows it
        await pilot.pause()
        assert "Tokyo" in text(app, "#answer")
        labels = [str(app.screen.query_one(f"#rate-{r}", Button).label) for r in (1, 3, 4)]
        assert labels == ["1 Again  1m", "3 Good  10m", "4 Easy  8d"]  # a new card's next intervals, on reveal
        for key in ("3", "space", "1", "space", "4", "space", "2"):
            if key != "space":
                clock.now += timedelta(seconds=7)
            await pilot.press(key)
            await pilot.pause()
    with Session(stocked_engine) as session:
        reviews = session.exec(select(Review).order_by(Review.id)).all()
        assert [(r.question_id, r.rating, r.duration_ms) for r in reviews] == [
            ("g-1", 3, 7000),
            ("g-2", 1, 7000),
            ("g-3", 4, 7000),
            ("g-4", 2, 7000),
        ]
        assert all(r.mode == "flashcard" and r.state_before == CardState.NEW for r in reviews)
        states = {c.question_id: c.state for c in session.exec(select(Card)).all()}
    assert states == {
        "g-1": CardState.LEARNING,
        "g-2": CardState.LEARNING,
        "g-3": CardState.REVIEW,
        "g-4": CardState.LEARNING,
    }


async def test_a_card_answered_elsewhere_while_shown_is_scheduled_from_where_it_is_now(
    stocked_engine: Engine, now: datetime
) -> None:
    app = make_app(stocked_engine, clock=lambda: now + timedelta(minutes=1), zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "capital of Japan" in text(app, "#prompt")
        with Session(stocked_engine) as other:  # another window answers the same card meanwhile
            elsewhere = answer_card(other, question_id="g-1", rating=3, now=now)
        await pilot.press("space", "1")
        await pilot.pause()
    with Session(stocked_engine) as session:
        reviews = session.exec(select(Review).where(Review.question_id == "g-1").order_by(Review.id)).all()
        assert [r.rating for r in reviews] == [3, 1]
        assert reviews[1].card_before == elsewhere.card.to_json() and reviews[1].state_before == CardState.LEARNING
        assert session.get(Card, "g-1").reps == 2


async def test_undo_brings_the_card_back_and_suspend_hides_it(stocked_engine: Engine, now: datetime) -> None:
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s", "space", "3")
        await pilot.pause()
        assert "New Delhi" not in text(app, "#answer")  # the next card, answer hidden
        await pilot.press("u")
        await pilot.pause()
        assert "capital of Japan" in text(app, "#prompt")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "capital of India" in text(app, "#prompt")
    with Session(stocked_engine) as session:
        assert session.exec(select(Review)).all() == []
        card = session.get(Card, "g-1")
        assert card.suspended and card.state == CardState.NEW


async def test_the_end_of_the_queue_says_so_and_offers_more(stocked_engine: Engine, now: datetime) -> None:
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        for _ in range(4):
            await pilot.press("space", "4")
        await pilot.pause()
        finished = text(app, "#finished")
        assert "Session done: 4 cards" in finished and "Again on 0%" in finished
        assert "n learn more new cards" in finished
        assert "studying ahead" not in text(app, "#progress")
        await pilot.press("h")  # study ahead: the card due soonest comes back
        await pilot.pause()
        assert app.screen.query_one("#card").display
        assert "studying ahead" in text(app, "#progress")


def test_review_screen_snapshot(snap_compare, stocked_engine: Engine, now: datetime) -> None:
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    assert snap_compare(app, press=["s", "space"], terminal_size=(100, 30))


async def test_a_deleted_database_is_reported_and_the_app_stays_up(
    stocked_engine: Engine, db_path, now: datetime
) -> None:
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s", "space")
        await pilot.pause()
        moved = db_path.with_suffix(".moved")
        db_path.rename(moved)
        await pilot.press("3")
        await pilot.pause()
        assert any("is gone" in n.message for n in app._notifications)
        assert isinstance(app.screen, ReviewScreen) and "capital of Japan" in text(app, "#prompt")
        moved.rename(db_path)
        await pilot.press("3")
        await pilot.pause()
        assert "capital of India" in text(app, "#prompt")
    with Session(stocked_engine) as session:
        assert [r.question_id for r in session.exec(select(Review)).all()] == ["g-1"]


async def test_a_locked_database_is_reported_and_the_answer_can_be_given_again(
    stocked_engine: Engine, db_path, now: datetime, monkeypatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)  # wait a moment, not ten seconds, for the lock
    stocked_engine.dispose()
    quick = open_database(str(db_path))
    app = make_app(quick, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s", "space")
        await pilot.pause()
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
        await pilot.press("3")
        await pilot.pause()
        assert any("database is busy" in n.message for n in app._notifications)
        assert isinstance(app.screen, ReviewScreen) and "capital of Japan" in text(app, "#prompt")
        other.execute("ROLLBACK")
        other.close()
        await pilot.press("3")
        await pilot.pause()
        assert "capital of India" in text(app, "#prompt")
    with Session(quick) as session:
        assert [r.question_id for r in session.exec(select(Review)).all()] == ["g-1"]
    quick.dispose()


async def test_a_deck_with_every_card_suspended_says_how_to_get_them_back(
    stocked_engine: Engine, now: datetime
) -> None:
    with Session(stocked_engine) as session:
        for card in session.exec(select(Card)).all():
            card.suspended = True
            session.add(card)
        session.commit()
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        finished = text(app, "#finished")
        assert "All 4 cards here are suspended" in finished and "unsuspend" in finished
        await pilot.press("escape", "b", "f", "f", "f", "f", "f", "exclamation_mark", "escape", "s")
        await pilot.pause()
        assert "capital of Japan" in text(app, "#prompt")  # g-1, unsuspended, is studied again


async def test_a_database_path_that_looks_like_markup_is_named_as_written(
    tmp_path: Path, small_bank: Path, now: datetime
) -> None:
    folder = tmp_path / "notes [" / "b]"  # ".../notes [/b]/quiz.db"
    folder.mkdir(parents=True)
    db = folder / "quiz.db"
    engine = open_database(str(db))
    assert not import_paths(engine, [small_bank], now=now).problems
    app = make_app(engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "space")
        await pilot.pause()
        db.rename(db.with_suffix(".moved"))
        await pilot.press("3")
        await pilot.pause()
        # As the notice is drawn: its text read as markup unless it says otherwise.
        shown = [Content.from_markup(n.message).plain if n.markup else n.message for n in app._notifications]
        assert any(f"the database file {db} is gone" in message for message in shown)
    engine.dispose()


async def test_the_app_copies_the_log_into_the_file_in_the_background(
    stocked_engine: Engine, db_path: Path, now: datetime, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from quizapp.tui import app as app_module

    monkeypatch.setattr(app_module, "UPKEEP_SECONDS", 0.05)
    monkeypatch.setattr(engine_module, "FOLD_WHEN_IDLE_SECONDS", 0.1)  # a pause after the answer
    app = make_app(stocked_engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "space", "3")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
    alone = db_path.with_name("file-alone.db")  # the file without its log holds the answer
    alone.write_bytes(db_path.read_bytes())
    reader = sqlite3.connect(alone)
    assert reader.execute("SELECT count(*) FROM review").fetchone() == (1,)
    reader.close()
