"""Set or clear a deck's exam date in a small box: type YYYY-MM-DD, `enter` saves, `escape` leaves it as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quizapp.db.models import Deck
from quizapp.stats.days import today_of
from quizapp.stats.readiness import ExamDateError, parse_exam_date, save_exam_date

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp


class ExamDateScreen(ModalScreen[bool]):
    """Dismissed with True when the date was changed."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Cancel")]

    app: QuizApp

    def __init__(self, deck_id: int) -> None:
        super().__init__()
        self.deck_id = deck_id

    def compose(self) -> ComposeResult:
        with Vertical(id="exam-date"):
            yield Static(id="exam-date-title")
            yield Input(placeholder="YYYY-MM-DD", id="exam-date-input", compact=True)
            yield Static(id="exam-date-error")
            yield Static("[b]enter[/] save · empty clears the date · [b]escape[/] cancel", id="exam-date-keys")

    def on_mount(self) -> None:
        deck = self.app.guarded(lambda s: s.get(Deck, self.deck_id), doing="read the deck")
        if deck is None:
            self.dismiss(False)
            return
        self.query_one("#exam-date-title", Static).update(f"Exam date of [b]{escape(deck.name)}[/]")
        field = self.query_one("#exam-date-input", Input)
        field.value = deck.exam_date.isoformat() if deck.exam_date else ""
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        day = self.app.day()
        try:
            chosen = parse_exam_date(event.value, today_of(day))
        except ExamDateError as exc:
            self.query_one("#exam-date-error", Static).update(f"[$error]{escape(str(exc))}[/]")
            return

        def save(session: Session) -> bool:
            save_exam_date(session, self.deck_id, chosen, day.now)
            return True

        if self.app.guarded(save, doing="save the exam date"):
            self.notify(f"Exam date {'set to ' + chosen.isoformat() if chosen else 'cleared'}.")
            self.dismiss(True)
