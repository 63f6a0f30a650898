"""Home: the decks with what is due today and how ready they are, or how to get started when there are none."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.widgets.data_table import CellDoesNotExist
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from quizapp.quiz.results import PastRun
    from quizapp.srs.queue import DayWindow
    from quizapp.stats.overview import DeckOverview, Today
    from quizapp.tui.app import QuizApp

# The figures' modules are imported as they are first read: home's first frame comes before the database layer
# is loaded (see quizapp.tui.app).

OPENING_TEXT = "Opening your decks…"

EMPTY_TEXT = (
    "No decks yet.\n\n"
    "Import a question bank from the command line:\n"
    "    quizapp import PATH/TO/BANK.yaml\n"
    "or make one from your notes first:\n"
    "    quizapp generate NOTES.txt\n\n"
    "then press r here, or open quizapp again."
)

COLUMNS = ("Deck", "Questions", "New", "Learning", "Due today", "Suspended", "Readiness", "Exam", "Last quiz")


def _right(value: object) -> Text:
    return Text(str(value), justify="right")


def _s(count: int) -> str:
    """The plural ending of a counted word (the number stays bold apart from it)."""
    return "" if count == 1 else "s"


def _recall_cells(deck: DeckOverview, day: DayWindow) -> tuple[str, str]:
    """The Readiness and Exam cells: the mean recall now, and the days left with the recall projected to them."""
    from quizapp.stats.tables import percent

    readiness = "—" if deck.readiness is None else f"{deck.readiness:.0%}"
    left = deck.days_left(day)
    exam = "—" if left is None else f"{'today' if left == 0 else f'{left} d'} · {percent(deck.exam_readiness)}"
    return readiness, exam


def _after_opening(action: Callable[..., None]) -> Callable[..., None]:
    """A home action that, while the database is still opening, is kept for when the decks are shown (the last
    one kept): a key typed as the app starts is not lost."""

    @functools.wraps(action)
    def run(screen: HomeScreen, *args: object, **kwargs: object) -> None:
        if not screen.app.ready:
            screen._waiting = lambda: run(screen, *args, **kwargs)
            return
        action(screen, *args, **kwargs)

    return run


class HomeScreen(Screen[None]):
    """The first screen: every deck, what is due, and today's work."""

    BINDINGS = [
        Binding("enter,s", "study", "Study"),
        Binding("a", "study_all", "All decks"),
        Binding("z", "quiz", "Quiz"),
        Binding("e", "exam", "Exam"),
        Binding("t", "statistics", "Stats"),
        Binding("b", "browse", "Browse"),
        Binding("o", "options", "Options"),
        Binding("x", "exam_date", "Exam date", show=False),
        Binding("r", "refresh", "Refresh", show=False),
    ]
    """`enter`/`s` studies the highlighted deck, `a` every deck; `b` browses its cards, `o` sets its options."""

    app: QuizApp
    recall_shown = False
    """Whether the Readiness and Exam cells hold this reading's figures yet (they are read after the counts)."""

    def __init__(self) -> None:
        super().__init__()
        self._recall_cells: dict[int, tuple[str, str]] = {}
        self._waiting: Callable[[], None] | None = None
        """The last key's action pressed while the database opened, run once the decks are shown."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="today")
        table: DataTable[str | Text] = DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        table.border_title = "Decks"
        yield table
        yield Static(EMPTY_TEXT, id="empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        table.add_column(COLUMNS[0], key="deck")
        for name in COLUMNS[1:]:
            table.add_column(name, key=name.lower())

    def on_screen_resume(self) -> None:
        """Read the figures each time home comes to the front, the first time included."""
        self.action_refresh()

    def action_refresh(self) -> None:
        if not self.app.ready:
            self._show_opening()  # the app reads the figures again once the database is open
            return
        from quizapp.stats.overview import home_figures

        day = self.app.day()
        figures = self.app.guarded(lambda session: home_figures(session, day), doing="read the decks")
        if figures is not None:
            self.show_figures(figures.decks, figures.today, figures.quizzes, day)
            self.read_recall(figures.decks, day)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    @work(thread=True, exclusive=True, group="recall")
    def read_recall(self, decks: list[DeckOverview], day: DayWindow) -> None:
        """Readiness reads every studied card, so it comes after the counts are on screen, off the event loop."""
        from quizapp.stats.overview import with_recall

        found = self.app.guarded_in_thread(lambda session: with_recall(session, day, decks), doing="read readiness")
        if found is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_recall, found, day)

    def show_recall(self, decks: list[DeckOverview], day: DayWindow) -> None:
        table = self.query_one("#decks", DataTable)
        for deck in decks:
            readiness, exam = self._recall_cells[deck.deck_id] = _recall_cells(deck, day)
            try:
                table.update_cell(str(deck.deck_id), "readiness", _right(readiness))
                table.update_cell(str(deck.deck_id), "exam", _right(exam))
            except CellDoesNotExist:
                return  # the table was refilled meanwhile; its own reading is on its way
        self.recall_shown = True

    def _show_opening(self) -> None:
        self.query_one("#decks", DataTable).display = False
        self.query_one("#empty", Static).display = False
        opening = self.query_one("#today", Static)
        opening.update(OPENING_TEXT)
        opening.display = True

    def show_figures(self, decks: list[DeckOverview], done: Today, quizzes: dict[int, PastRun], day: DayWindow) -> None:
        self.recall_shown = False
        table = self.query_one("#decks", DataTable)
        selected = table.cursor_row
        table.clear()
        for deck in decks:
            # Until this reading's recall arrives, the last one stays (or "…"): no flicker after every answer.
            readiness, exam = self._recall_cells.get(deck.deck_id, ("…", "…"))
            past = quizzes.get(deck.deck_id)
            last = (
                "—"
                if past is None
                else f"{past.mode} unfinished"
                if past.percent is None
                else f"{past.percent:.0f}% {past.mode}"
            )
            cells = (deck.questions, deck.new, deck.in_learning, deck.due_today, deck.suspended, readiness, exam, last)
            # Text, not a string: DataTable reads a string as markup, and a name is shown as written.
            table.add_row(Text(deck.name), *(_right(c) for c in cells), key=str(deck.deck_id))
        if decks:
            table.move_cursor(row=min(selected, len(decks) - 1))
        table.display = bool(decks)
        self.query_one("#empty", Static).display = not decks
        due = sum(deck.due_today for deck in decks)
        summary = self.query_one("#today", Static)
        summary.update(
            f"Today: [b]{done.answers}[/] answer{_s(done.answers)} in [b]{done.seconds / 60:.0f}[/] min · "
            f"streak [b]{done.streak} day{_s(done.streak)}[/] · [b]{due}[/] card{_s(due)} left to study"
        )
        summary.display = bool(decks)
        if decks:
            table.focus()

    def _selected_deck(self) -> int | None:
        table = self.query_one("#decks", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    @_after_opening
    def action_study(self) -> None:
        deck_id = self._selected_deck()
        if deck_id is not None:
            self._open(deck_id)

    @_after_opening
    def action_study_all(self) -> None:
        if self.query_one("#decks", DataTable).row_count:
            self._open(None)

    def _selected_name(self, deck_id: int) -> str:
        return str(self.query_one("#decks", DataTable).get_row(str(deck_id))[0])

    @_after_opening
    def action_options(self) -> None:
        from quizapp.tui.screens.options import DeckOptionsScreen

        deck_id = self._selected_deck()
        if deck_id is not None:
            self.app.push_screen(DeckOptionsScreen(deck_id, self._selected_name(deck_id)))

    @_after_opening
    def action_statistics(self) -> None:
        from quizapp.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self._selected_deck()))

    @_after_opening
    def action_exam_date(self) -> None:
        from quizapp.tui.screens.exam_date import ExamDateScreen

        deck_id = self._selected_deck()
        if deck_id is not None:
            self.app.push_screen(ExamDateScreen(deck_id), lambda changed: self.action_refresh() if changed else None)

    @_after_opening
    def action_browse(self) -> None:
        from quizapp.tui.screens.browse import BrowseScreen

        deck_id = self._selected_deck()
        if deck_id is not None:
            self.app.push_screen(BrowseScreen(deck_id, self._selected_name(deck_id)))

    @_after_opening
    def action_quiz(self, exam: bool = False) -> None:
        from quizapp.tui.screens.quiz_setup import QuizSetupScreen

        if not self.query_one("#decks", DataTable).row_count:
            return

        def started(run_id: int | None) -> None:
            if run_id is not None:
                from quizapp.tui.screens.quiz import QuizScreen

                self.app.push_screen(QuizScreen(run_id))

        self.app.push_screen(QuizSetupScreen(self._selected_deck(), exam=exam), started)

    def action_exam(self) -> None:
        self.action_quiz(exam=True)

    def _open(self, deck_id: int | None) -> None:
        from quizapp.tui.screens.review import ReviewScreen  # the review screen imports nothing of home

        self.app.push_screen(ReviewScreen(deck_id))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        return [
            ("Study selected deck", "Flashcards of the highlighted deck", self.action_study),
            ("Study all decks", "Flashcards of every deck", self.action_study_all),
            ("Quiz", "A practice quiz: feedback after every answer", self.action_quiz),
            ("Exam", "A timed exam with negative marking", self.action_exam),
            ("Statistics", "Progress, retention, forecast, weak topics and quiz scores", self.action_statistics),
            ("Browse cards", "Cards of the highlighted deck: leeches, suspended, buried…", self.action_browse),
            ("Exam date", "Set or clear the exam date of the highlighted deck", self.action_exam_date),
            ("Deck options", "Scheduler, limits and steps of the highlighted deck", self.action_options),
            ("Refresh", "Read the decks again", self.action_refresh),
        ]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_study()
