"""The card browser: every card of a deck with its schedule; find leeches, unsuspend, unbury, reset."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.text import Text
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from quizapp.srs.browse import FILTERS, CardRow, browse_cards, due_text
from quizapp.srs.review import bury, reset_card, set_suspended, unbury
from quizapp.tui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

COLUMNS = (("Prompt", 52), ("Type", 9), ("State", 10), ("Due", 9), ("Ivl", 6), ("Lapses", 6), ("Flags", 15))
PROMPT_WIDTH = COLUMNS[0][1]


def _interval(row: CardRow) -> str:
    if row.state == 0 or row.interval_days is None:
        return "—"
    days = row.interval_days
    return f"{days:.0f}d" if days >= 1 else "<1d"


class BrowseScreen(Screen[None]):
    """A table of cards, narrowed by a filter (`f`) and search words (`/`), with actions on the highlighted one."""

    BINDINGS = [
        Binding("f", "next_filter", "Filter"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("exclamation_mark", "toggle_suspend", "Suspend/unsuspend", key_display="!"),
        Binding("minus", "toggle_bury", "Bury/unbury", key_display="-"),
        Binding("r", "reset", "Reset"),
        Binding("escape", "leave", "Back"),
    ]

    app: QuizApp

    def __init__(self, deck_id: int | None, deck_name: str | None = None, *, show: str = "all") -> None:
        super().__init__()
        self.deck_id = deck_id
        self.deck_name = deck_name or "all decks"
        self.show = show
        self.search = ""
        self.rows: list[CardRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="browse-bar")
        yield Input(placeholder="search words, then enter (empty: every card)", id="search", compact=True)
        table: DataTable[str | Text] = DataTable(id="cards", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="card-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#cards", DataTable)
        for name, width in COLUMNS:
            table.add_column(name, width=width, key=name.lower())
        self.refresh_rows()
        table.focus()

    def refresh_rows(self, keep: str | None = None) -> None:
        """Read the cards again, keeping the cursor on `keep` (a question id) when it is still listed."""

        def read(session: Session) -> list[CardRow]:
            return browse_cards(session, self.app.day(), deck_id=self.deck_id, show=self.show, search=self.search)

        rows = self.app.guarded(read, doing="read the cards")
        if rows is None:
            return
        self.rows = rows
        day = self.app.day()
        table = self.query_one("#cards", DataTable)
        old_row = table.cursor_row
        table.clear()
        for row in rows:
            prompt = " ".join(row.prompt.split())
            if len(prompt) > PROMPT_WIDTH:
                prompt = prompt[: PROMPT_WIDTH - 1] + "…"
            flags = Text(row.flags, style="bold red" if row.leech else "")
            cells = (Text(prompt), row.type, row.state_name, due_text(row, day), _interval(row), str(row.lapses), flags)
            table.add_row(*cells, key=row.question_id)
        if rows:
            ids = [row.question_id for row in rows]
            table.move_cursor(row=ids.index(keep) if keep in ids else min(old_row, len(rows) - 1))
        searched = f" matching “{escape(self.search)}”" if self.search else ""
        self.query_one("#browse-bar", Static).update(
            f"[b]{escape(self.deck_name)}[/] · {FILTERS[self.show]}{searched}: "
            f"[b]{len(rows)}[/] card{'' if len(rows) == 1 else 's'}   "
            "[dim]f filter · / search[/]"
        )
        self._show_detail()

    def _current(self) -> CardRow | None:
        table = self.query_one("#cards", DataTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def _show_detail(self) -> None:
        row = self._current()
        detail = self.query_one("#card-detail", Static)
        if row is None:
            detail.update("[dim]No cards here. f: another filter · /: other words[/]")
            return
        where = f"{escape(row.deck)} · {escape(row.topic or 'no topic')} · {row.question_id}"
        text = f"[dim]{where}[/]\n{escape(row.prompt)}\n[b $success]{escape(row.answer)}[/]"
        if row.source_text:
            text += f"\n[dim]Notes, line {row.source_line}: {escape(row.source_text)}[/]"
        text += f"\n[dim]{row.reps} answers, {row.lapses} lapses[/]"
        detail.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    # -- narrowing --------------------------------------------------------------------------------

    def action_next_filter(self) -> None:
        names = list(FILTERS)
        self.show = names[(names.index(self.show) + 1) % len(names)]
        self.refresh_rows()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.search = event.value.strip()
        self.refresh_rows()
        self.query_one("#cards", DataTable).focus()

    # -- card actions -----------------------------------------------------------------------------

    def action_toggle_suspend(self) -> None:
        row = self._current()
        if row is None:
            return
        suspend = not row.suspended
        if self.app.guarded(lambda s: set_suspended(s, row.question_id, suspend) or True, doing="change the card"):
            self.notify("Card suspended." if suspend else "Card unsuspended: it comes back in the queue.")
            self.refresh_rows(keep=row.question_id)

    def action_toggle_bury(self) -> None:
        row = self._current()
        if row is None:
            return

        def change(session: Session) -> bool:
            if row.buried:
                unbury(session, row.question_id)
            else:
                bury(session, row.question_id, self.app.day())
            return True

        if self.app.guarded(change, doing="change the card"):
            self.notify("Card unburied." if row.buried else "Card buried until tomorrow.")
            self.refresh_rows(keep=row.question_id)

    def action_reset(self) -> None:
        row = self._current()
        if row is None or row.state == 0:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            now = self.app.clock()
            if self.app.guarded(lambda s: reset_card(s, row.question_id, now=now) or True, doing="reset the card"):
                self.notify("Card reset: it is new again; its past answers stay in the statistics.")
                self.refresh_rows(keep=row.question_id)

        self.app.push_screen(
            ConfirmScreen(f"Forget the schedule of this card and make it new again?\n\n{escape(row.prompt)}"), answered
        )

    def palette_commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        return [
            ("Next filter", "Due, new, learning, review, suspended, leeches, buried", self.action_next_filter),
            ("Search cards", "Words in the prompt, answer, topic or source", self.action_search),
            ("Suspend or unsuspend card", "The highlighted card", self.action_toggle_suspend),
            ("Bury or unbury card", "The highlighted card", self.action_toggle_bury),
            ("Reset card", "Make the highlighted card new again", self.action_reset),
        ]

    def action_leave(self) -> None:
        if self.focused is self.query_one("#search", Input):
            self.query_one("#cards", DataTable).focus()  # escape leaves the search box first
            return
        self.app.pop_screen()
