"""The quizapp Textual app and `make_app`, the one factory the CLI and the tests share."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from quizapp.clock import Clock, utc_now
from quizapp.db.gate import DatabaseError
from quizapp.srs.day import DAY_STARTS_AT, local_zone
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from quizapp.db.engine import LogUpkeep
    from quizapp.srs.queue import DayWindow

# Nothing here or in the home screen imports SQLAlchemy, SQLModel or the rest of quizapp's database layer at the
# top: loading them takes longer than Textual's whole start. An app given a database to open (`opening`) draws
# home first and loads them in a worker; the other screens are imported when they are opened.

T = TypeVar("T")

UPKEEP_SECONDS = 5.0
"""How often the app asks whether to copy the database's write-ahead log into its file (`quizapp.db.engine.
LogUpkeep`), which it then does in a thread of its own: so an answer never waits for SQLite to do it."""


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
        engine: Engine | None,
        clock: Clock,
        zone: tzinfo,
        study_deck: int | None | bool = False,
        quiz_run: int | None = None,
        opening: Callable[[], Engine] | None = None,
    ) -> None:
        super().__init__()
        if (engine is None) == (opening is None):
            raise ValueError("give the app either a database or the way to open one")
        self._quiz_run = quiz_run
        self.engine = engine
        """None until `opening` has opened the database (see `ready`)."""
        self._opening = opening
        self.opening_error: str | None = None
        """Why the database could not be opened (the app then exits with status 1, and the CLI says this)."""
        self.clock = clock
        self.zone = zone
        self._study_deck = study_deck
        self._theme_ready = False
        self.day_starts_at = DAY_STARTS_AT
        """The hour the study day begins at, read from the database when the app starts and kept when changed."""
        self._db_file: Path | None = None
        self._log_upkeep: LogUpkeep | None = None
        self.early_theme: object = None
        """The saved theme, when it could be read before the database is open (see `quizapp.db.gate.early_setting`),
        so that the first frame is drawn in it; the theme read after opening decides."""

    @property
    def ready(self) -> bool:
        """Whether the database is open (at once when the app was given one)."""
        return self.engine is not None

    def session(self) -> Session:
        """A new database session; screens open one per action and close it again."""
        from sqlmodel import Session

        return Session(self.engine)

    def day(self) -> DayWindow:
        from quizapp.srs.queue import window

        return window(self.clock(), zone=self.zone, starts_at=self.day_starts_at)

    def guarded(
        self,
        action: Callable[[Session], T],
        *,
        doing: str,
        notify: Callable[..., object] | None = None,
        settle: bool = True,
    ) -> T | None:
        """Run a database action; if the database fails (deleted, locked, full), say so and keep the app usable.

        What it committed is on disk when it returns (the log is flushed after the commit, beside the app: see
        quizapp/db/flush.py). With `settle=False` it returns at once: for an action whose caller reads the database
        next, as that reading waits for the flush itself (an answer, then the next card)."""
        say = notify or self.notify
        if not self.ready:
            say("The database is still opening; try again in a moment.", title="Opening", severity="warning")
            return None
        from sqlalchemy.exc import SQLAlchemyError

        from quizapp.db import flush

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
                result = action(session)
            if settle:
                assert self.engine is not None
                flush.settle(self.engine)
            return result
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
        if isinstance(self.early_theme, str) and self.early_theme in self.available_themes:
            self.theme = self.early_theme  # not saved again: `_theme_ready` is still False
        if self.engine is not None:
            self._start(self.engine)
        self.push_screen(HomeScreen())
        if self._study_deck is not False:
            from quizapp.tui.screens.review import ReviewScreen

            self.push_screen(ReviewScreen(deck_id=self._study_deck))
        if self._quiz_run is not None:
            from quizapp.tui.screens.quiz import QuizScreen

            self.push_screen(QuizScreen(self._quiz_run))
        if self._opening is not None:
            # After home's first frame: loading the database layer meanwhile would hold the frame back.
            self.call_after_refresh(self.open_database, self._opening)

    @work(thread=True, exclusive=True, group="open")
    def open_database(self, opening: Callable[[], Engine]) -> None:
        """Open the database (and import the bundled bank on a first run) after home's first frame is drawn."""
        try:
            engine = opening()
        except DatabaseError as exc:
            if not get_current_worker().is_cancelled:
                self.call_from_thread(self._not_opened, str(exc))
            return
        if get_current_worker().is_cancelled:  # the student quit while it opened
            engine.dispose()
            return
        self.call_from_thread(self._opened, engine)

    def _opened(self, engine: Engine) -> None:
        self._start(engine)
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.action_refresh()

    def _not_opened(self, reason: str) -> None:
        self.opening_error = reason
        self.exit(return_code=1)

    def _start(self, engine: Engine) -> None:
        """The database is open: read the day's start hour and the theme, and keep the log short from now on."""
        from quizapp.db.engine import read_setting, sqlite_file
        from quizapp.srs.settings import day_starts_at

        self.engine = engine
        self._db_file = sqlite_file(engine.url.render_as_string(hide_password=False))
        hour = self.guarded(day_starts_at, doing="read when the study day begins")
        if hour is not None:
            self.day_starts_at = hour
        saved = self.guarded(lambda s: read_setting(s, "theme"), doing="read the theme")
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self._theme_ready = True
        from quizapp.db.engine import LogUpkeep

        self._log_upkeep = LogUpkeep(engine)
        self.set_interval(UPKEEP_SECONDS, self._keep_log_short)

    def _keep_log_short(self) -> None:
        if self._log_upkeep is not None and self._log_upkeep.due(time.monotonic()):
            self.fold_log()

    @work(thread=True, exclusive=True, group="checkpoint", exit_on_error=False)
    def fold_log(self) -> None:
        """Copy the write-ahead log into the database file (see UPKEEP_SECONDS)."""
        from sqlalchemy.exc import SQLAlchemyError

        from quizapp.db.engine import checkpoint

        assert self.engine is not None  # the timer starts with the database open
        try:
            checkpoint(self.engine)
        except (SQLAlchemyError, sqlite3.Error):
            pass  # upkeep only: nothing is lost, and SQLite still copies the log itself once it grows long

    def watch_theme(self, theme: str) -> None:
        if not self._theme_ready:
            return

        from quizapp.db.engine import write_setting

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
    engine: Engine | None,
    clock: Clock = utc_now,
    *,
    zone: tzinfo | None = None,
    study_deck: int | None | bool = False,
    quiz_run: int | None = None,
    opening: Callable[[], Engine] | None = None,
) -> QuizApp:
    """Build the app on a ready database (see `quizapp.db.open_database`), a clock and a time zone.

    Or, with `engine` None, on `opening`: a function that opens the database (raising `DatabaseError` with the
    reason when it cannot), called in a worker once home's first frame is drawn.
    `study_deck` opens a review session straight away: a deck id, None for all decks, False for none;
    `quiz_run` opens a quiz run already started (see `quizapp.quiz.run.start_run`).
    """
    return QuizApp(engine, clock, zone or local_zone(), study_deck, quiz_run, opening)


def _reason(exc: Exception) -> str:
    """What went wrong with the database, in one line a student can act on."""
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    if "locked" in reason or "busy" in reason:
        return "the database is busy: another program is writing to it. Nothing was changed; try again in a moment"
    return reason
