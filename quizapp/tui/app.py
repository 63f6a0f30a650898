"""The quizapp Textual app and `make_app`, the one factory the CLI and the tests share."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session
from textual.app import App

from quizapp.clock import Clock, utc_now
from quizapp.tui.screens.home import HomeScreen


class QuizApp(App[None]):
    """Exam prep in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "quizapp"
    SUB_TITLE = "exam prep from your own notes"

    def __init__(self, engine: Engine, clock: Clock) -> None:
        super().__init__()
        self.engine = engine
        self.clock = clock

    def session(self) -> Session:
        """A new database session; screens open one per action and close it again."""
        return Session(self.engine)

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())


def make_app(engine: Engine, clock: Clock = utc_now) -> QuizApp:
    """Build the app on a ready database (see `quizapp.db.open_database`) and a clock."""
    return QuizApp(engine, clock)
