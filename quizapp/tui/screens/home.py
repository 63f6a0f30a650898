"""Home: the decks with their question counts, or how to get started when there are none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from quizapp.stats.overview import DeckOverview, deck_overview

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

EMPTY_TEXT = (
    "No decks yet.\n\n"
    "Import a question bank from the command line:\n"
    "    quizapp import PATH/TO/BANK.yaml\n\n"
    "then open quizapp again."
)

COLUMNS = ("Deck", "Questions", "New", "Studied", "Suspended", "Retired")


class HomeScreen(Screen[None]):
    """The first screen: every deck and its counts."""

    BINDINGS = [("r", "refresh", "Refresh")]
    """`r` re-reads the database (after an import from another terminal)."""

    app: QuizApp

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str | Text] = DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        table.border_title = "Decks"
        yield table
        yield Static(EMPTY_TEXT, id="empty")
        yield Static(id="totals")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        table.add_column(COLUMNS[0], key="deck")
        for name in COLUMNS[1:]:
            table.add_column(name, key=name.lower())
        self.action_refresh()

    def action_refresh(self) -> None:
        with self.app.session() as session:
            decks = deck_overview(session)
        self.show_decks(decks)

    def show_decks(self, decks: list[DeckOverview]) -> None:
        table = self.query_one("#decks", DataTable)
        table.clear()
        for deck in decks:
            counts = (deck.questions, deck.new, deck.studied, deck.suspended, deck.retired)
            table.add_row(deck.name, *(Text(str(n), justify="right") for n in counts), key=str(deck.deck_id))
        table.display = bool(decks)
        self.query_one("#empty", Static).display = not decks
        total = sum(deck.questions for deck in decks)
        totals = self.query_one("#totals", Static)
        totals.update(f"{len(decks)} deck(s), {total} questions" if decks else "")
        totals.display = bool(decks)
        if decks:
            table.focus()
