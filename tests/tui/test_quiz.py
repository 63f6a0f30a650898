"""Quizzes by keys: a practice round and an exam of five questions, an exam that runs out of time, and snapshots."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select
from textual.widgets import Static

from quizapp.db import import_paths
from quizapp.db.models import Card, CardState, QuizRun, Review
from quizapp.quiz.build import QuizSpec
from quizapp.quiz.run import start_quiz
from quizapp.tui.app import QuizApp, make_app
from quizapp.tui.screens.confirm import ConfirmScreen
from quizapp.tui.screens.quiz import LETTERS, QuizScreen
from quizapp.tui.screens.quiz_results import QuizResultsScreen

IST = timezone(timedelta(hours=5, minutes=30), "IST")
RIGHT = {
    "q-2": "t",
    "q-3": "US$ 90 billion",
    "q-4": "official development assistance",
    "q-5": "australia, japan, india",
}
WRONG = {"q-1": "15 August 1947", "q-2": "f", "q-3": "$9 billion", "q-4": "Overseas Aid", "q-5": "india"}


class Clock:
    """A clock the test moves on."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def quiz_engine(engine: Engine, quiz_bank: Path, now: datetime) -> Engine:
    assert not import_paths(engine, [quiz_bank], now=now).problems
    return engine


def started(engine: Engine, now: datetime, **spec_fields) -> int:  # type: ignore[no-untyped-def]
    spec = QuizSpec(order="new", **spec_fields)
    with Session(engine) as session:
        return start_quiz(session, spec, now=now, seed=1)


def screen_text(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def give(pilot, app: QuizApp, answer: str) -> None:  # type: ignore[no-untyped-def]
    """Answer the question on screen as a student would: a letter for a choice, t/f, or typing and enter."""
    screen = app.screen
    assert isinstance(screen, QuizScreen)
    item = screen.item
    if item.question.type == "mcq":
        await pilot.press(LETTERS[list(item.choices).index(answer)])
    elif item.question.type == "truefalse":
        await pilot.press(answer)
    else:
        await pilot.press(*answer, "enter")
    await pilot.pause()


def reviews(engine: Engine, run_id: int) -> list[tuple[str, bool, str]]:
    with Session(engine) as session:
        rows = session.exec(select(Review).where(Review.quiz_run_id == run_id).order_by(Review.id)).all()
        return [(r.question_id, r.correct, r.mode) for r in rows]


async def test_a_practice_quiz_of_five_by_keys(quiz_engine: Engine, now: datetime) -> None:
    app = make_app(quiz_engine, clock=lambda: now, zone=IST)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("enter")  # the setup's defaults: 10 questions, random order, practice
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        asked = []
        for _ in range(5):
            question = app.screen.item.question
            asked.append(question.id)
            answer = WRONG[question.id] if question.id in ("q-1", "q-4") else RIGHT.get(question.id, "28 April 1952")
            await give(pilot, app, answer)
            feedback = screen_text(app, "#quiz-feedback")
            assert ("✗ Wrong" in feedback) == (question.id in ("q-1", "q-4"))
            assert f"Notes, line {question.source_line}" in feedback
            if question.id == "q-4":  # a typed answer that was wrong: the character comparison is shown
                assert "typed" in feedback and "expected" in feedback
                await pilot.press("i")  # "I was right"
                await pilot.pause()
                assert "✓ Right" in screen_text(app, "#quiz-feedback")
            await pilot.press("enter")
            await pilot.pause()
        assert sorted(asked) == ["q-1", "q-2", "q-3", "q-4", "q-5"]
        assert isinstance(app.screen, QuizResultsScreen)
        shown = screen_text(app, "#results-text")
        assert "Score 7.34 of 10" in shown and "4 right" in shown and "1 wrong" in shown
        assert "15 August 1947" in shown and "marked right by you" in shown
    with Session(quiz_engine) as session:
        run = session.exec(select(QuizRun)).one()
        assert (run.mode, run.correct, run.wrong, run.unanswered) == ("practice", 4, 1, 0)
        assert run.finished_at is not None
        card_1, card_4 = session.get(Card, "q-1"), session.get(Card, "q-4")
        assert (card_1.state, card_1.step) == (CardState.LEARNING, 0)  # Again
        assert (card_4.state, card_4.step) == (CardState.LEARNING, 1)  # overridden: Good
    assert sorted(reviews(quiz_engine, run.id)) == [
        ("q-1", False, "practice"),
        ("q-2", True, "practice"),
        ("q-3", True, "practice"),
        ("q-4", True, "practice"),
        ("q-5", True, "practice"),
    ]


async def test_an_exam_of_five_skip_come_back_and_submit(quiz_engine: Engine, now: datetime) -> None:
    run_id = started(quiz_engine, now, mode="exam")
    clock = Clock(now)
    app = make_app(quiz_engine, clock=clock, zone=IST, quiz_run=run_id)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        assert "Exam" in screen_text(app, "#quiz-status") and "06:00 left" in screen_text(app, "#quiz-status")
        await give(pilot, app, "28 April 1952")  # q-1
        assert app.screen.item.question.id == "q-2"  # no feedback in an exam: straight on
        assert not app.screen.query_one("#quiz-feedback").display
        await pilot.press("k")  # skip q-2 for now
        await pilot.pause()
        clock.now += timedelta(seconds=30)
        await give(pilot, app, WRONG["q-3"])
        await give(pilot, app, RIGHT["q-4"])
        await give(pilot, app, "india, japan")  # two of three
        assert app.screen.item.question.id == "q-2"  # back to the skipped one
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # one unanswered: asks first
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("pageup")  # back to q-1... and change nothing; then to the end and submit
        await pilot.pause()
        assert app.screen.item.question.id == "q-1"
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, QuizResultsScreen)
        shown = screen_text(app, "#results-text")
        assert "1 unanswered" in shown and "2 right" in shown
    with Session(quiz_engine) as session:
        run = session.get(QuizRun, run_id)
        assert (run.correct, run.wrong, run.unanswered) == (2, 2, 1)
        assert run.score == pytest.approx(2 * 2 - 0.66 + 1.33)
        assert session.get(Card, "q-2").state == CardState.NEW  # unanswered: left alone
    assert reviews(quiz_engine, run_id) == [
        ("q-1", True, "exam"),
        ("q-3", False, "exam"),
        ("q-4", True, "exam"),
        ("q-5", False, "exam"),
    ]


async def test_running_out_of_time_submits_the_exam(quiz_engine: Engine, now: datetime) -> None:
    run_id = started(quiz_engine, now, mode="exam", seconds_per_question=10)
    clock = Clock(now)
    app = make_app(quiz_engine, clock=clock, zone=IST, quiz_run=run_id)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await give(pilot, app, "28 April 1952")
        clock.now += timedelta(seconds=51)  # the limit is 5 × 10 s
        await pilot.pause(1.3)  # the countdown ticks once a second
        assert isinstance(app.screen, QuizResultsScreen)
    with Session(quiz_engine) as session:
        run = session.get(QuizRun, run_id)
        assert run.finished_at == now + timedelta(seconds=51)
        assert (run.correct, run.unanswered) == (1, 4)


async def test_leaving_a_quiz_keeps_its_answers_and_leaves_it_unfinished(quiz_engine: Engine, now: datetime) -> None:
    run_id = started(quiz_engine, now)
    app = make_app(quiz_engine, clock=lambda: now, zone=IST, quiz_run=run_id)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await give(pilot, app, "28 April 1952")
        await pilot.press("enter", "escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, QuizScreen)
    with Session(quiz_engine) as session:
        assert session.get(QuizRun, run_id).finished_at is None
    assert reviews(quiz_engine, run_id) == [("q-1", True, "practice")]


def test_quiz_question_snapshot(snap_compare, quiz_engine: Engine, now: datetime) -> None:
    app = make_app(quiz_engine, clock=lambda: now, zone=IST, quiz_run=started(quiz_engine, now))
    assert snap_compare(app, terminal_size=(100, 24))


def test_quiz_feedback_snapshot(snap_compare, quiz_engine: Engine, now: datetime) -> None:
    app = make_app(quiz_engine, clock=lambda: now, zone=IST, quiz_run=started(quiz_engine, now))
    assert snap_compare(app, press=["enter", "t", "enter", *"9O billion", "enter"], terminal_size=(100, 24))


def test_quiz_results_snapshot(snap_compare, quiz_engine: Engine, now: datetime) -> None:
    app = make_app(quiz_engine, clock=lambda: now, zone=IST, quiz_run=started(quiz_engine, now, mode="exam"))
    assert snap_compare(app, press=["a", "f", "ctrl+s", "y"], terminal_size=(100, 30))


async def test_retry_asks_the_wrong_and_unanswered_ones_again(quiz_engine: Engine, now: datetime) -> None:
    run_id = started(quiz_engine, now, mode="exam")
    app = make_app(quiz_engine, clock=lambda: now, zone=IST, quiz_run=run_id)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await give(pilot, app, "28 April 1952")  # q-1 right
        await give(pilot, app, "f")  # q-2 wrong; q-3…q-5 left unanswered
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert [item.question.id for item in app.screen.items] == ["q-2", "q-3", "q-4", "q-5"]
    with Session(quiz_engine) as session:
        retry = session.exec(select(QuizRun).where(QuizRun.id != run_id)).one()
        assert (retry.mode, retry.question_order, retry.question_count) == ("exam", "retry", 4)
