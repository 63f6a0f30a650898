"""The quizapp Textual app and `make_app`, the one factory the CLI and the tests share."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import tzinfo
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quizapp.clock import Clock, utc_now
from quizapp.db.engine import checkpoint, read_setting, sqlite_file, write_setting
from quizapp.srs.day import local_zone
from quizapp.srs.queue import DayWindow, window
from quizapp.srs.settings import DAY_STARTS_AT, day_starts_at
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.review import ReviewScreen

T = TypeVar("T")

CHECKPOINT_SECONDS = 20.0
"""How often the app copies the database's write-ahead log into its file, in a thread of its own (see
`quizapp.db.engine.checkpoint`): so an answer never waits for SQLite to do it."""


class QuizApp(App[None]):
    """Exam prep in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "quizapp"
    SUB_TITLE = "exam prep from your own notes"
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
    ]
    """Help from everywhere; ctrl+q quits and ctrl+p opens the command palette (Textual's own)."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        zone: tzinfo,
        study_deck: int | None | bool = False,
        quiz_run: int | None = None,
    ) -> None:
        super().__init__()
        self._quiz_run = quiz_run
        self.engine = engine
        self.clock = clock
        self.zone = zone
        self._study_deck = study_deck
        self._theme_ready = False
        self.day_starts_at = DAY_STARTS_AT
        """The hour the study day begins at, read from the database when the app starts and kept when changed."""
        self._db_file = sqlite_file(engine.url.render_as_string(hide_password=False))

    def session(self) -> Session:
        """A new database session; screens open one per action and close it again."""
        return Session(self.engine)

    def day(self) -> DayWindow:
        return window(self.clock(), zone=self.zone, starts_at=self.day_starts_at)

    def guarded(
        self, action: Callable[[Session], T], *, doing: str, notify: Callable[..., object] | None = None
    ) -> T | None:
        """Run a database action; if the database fails (deleted, locked, full), say so and keep the app usable."""
        say = notify or self.notify
        if self._db_file is not None and not self._db_file.exists():
            # Writing now would go to a file nobody can open again: refuse, loudly, and keep the app usable.
            say(
                f"Could not {doing}: the database file {self._db_file} is gone. Restore it, or restart quizapp.",
                title="Database missing",
                severity="error",
                timeout=10,
                markup=False,  # a path may hold brackets
            )
            return None
        try:
            with self.session() as session:
                return action(session)
        except SQLAlchemyError as exc:
            reason = _reason(exc)
            say(f"Could not {doing}: {reason}.", title="Database problem", severity="error", timeout=8, markup=False)
            return None

    def guarded_in_thread(self, action: Callable[[Session], T], *, doing: str) -> T | None:
        """`guarded` for a worker thread (a reading too long for the event loop); the notice goes through the loop."""
        return self.guarded(
            action, doing=doing, notify=lambda *args, **kw: self.call_from_thread(self.notify, *args, **kw)
        )

    def on_mount(self) -> None:
        hour = self.guarded(day_starts_at, doing="read when the study day begins")
        if hour is not None:
            self.day_starts_at = hour
        saved = self.guarded(lambda s: read_setting(s, "theme"), doing="read the theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self._theme_ready = True
        self.set_interval(CHECKPOINT_SECONDS, self.fold_log)
        self.push_screen(HomeScreen())
        if self._study_deck is not False:
            self.push_screen(ReviewScreen(deck_id=self._study_deck))
        if self._quiz_run is not None:
            from quizapp.tui.screens.quiz import QuizScreen

            self.push_screen(QuizScreen(self._quiz_run))

    @work(thread=True, exclusive=True, group="checkpoint", exit_on_error=False)
    def fold_log(self) -> None:
        """Copy the write-ahead log into the database file (see CHECKPOINT_SECONDS)."""
        try:
            checkpoint(self.engine)
        except (SQLAlchemyError, sqlite3.Error):
            pass  # upkeep only: nothing is lost, and SQLite still copies the log itself once it grows long

    def watch_theme(self, theme: str) -> None:
        if not self._theme_ready:
            return

        def remember(session: Session) -> None:
            write_setting(session, "theme", theme)
            session.commit()

        self.guarded(remember, doing="remember the theme")

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "The keys of every screen", self.action_help)
        # Each screen lists its own actions, so the palette offers exactly what its keys do.
        palette_commands = getattr(screen, "palette_commands", None)
        if palette_commands is not None:
            for title, help_text, action in palette_commands():
                yield SystemCommand(title, help_text, action)


def make_app(
    engine: Engine,
    clock: Clock = utc_now,
    *,
    zone: tzinfo | None = None,
    study_deck: int | None | bool = False,
    quiz_run: int | None = None,
) -> QuizApp:
    """Build the app on a ready database (see `quizapp.db.open_database`), a clock and a time zone.

    `study_deck` opens a review session straight away: a deck id, None for all decks, False for none;
    `quiz_run` opens a quiz run already started (see `quizapp.quiz.run.start_run`).
    """
    return QuizApp(engine, clock, zone or local_zone(), study_deck, quiz_run)


def _reason(exc: SQLAlchemyError) -> str:
    """What went wrong with the database, in one line a student can act on."""
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    if "locked" in reason or "busy" in reason:
        return "the database is busy: another program is writing to it. Nothing was changed; try again in a moment"
    return reason
