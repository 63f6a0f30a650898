"""The quiz setup dialog: deck, topic, number of questions, order, mode, time and marking."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from rich.text import Text
from sqlalchemy import select
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from quizapp.db.models import Deck
from quizapp.quiz.build import topics
from quizapp.quiz.run import start_quiz
from quizapp.quiz.scoring import Marking, parse_marking
from quizapp.quiz.spec import ORDERS, SECONDS_PER_QUESTION, QuizError, QuizSpec

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

ALL = -1
"""The deck choice "every deck" (a Select needs a value)."""
ANY = ""
"""The topic choice "any topic"."""


class QuizSetupScreen(ModalScreen[int | None]):
    """Returns the id of the quiz run it started, or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "start", "Start"), Binding("escape", "cancel", "Cancel")]

    app: QuizApp

    def __init__(self, deck_id: int | None, *, exam: bool = False) -> None:
        super().__init__()
        self.deck_id = deck_id
        self.exam = exam

    def compose(self) -> ComposeResult:
        with Vertical(id="setup"):
            yield Static("[b]New quiz[/]   [dim]ctrl+s start · escape cancel[/]", id="setup-title")
            with Grid(id="setup-grid"):
                yield Label("Deck")
                yield Select([("Every deck", ALL)], allow_blank=False, id="deck", compact=True)
                yield Label("Topic")
                yield Select([(("Any topic"), ANY)], allow_blank=False, id="topic", compact=True)
                yield Label("Questions")
                yield Input("10", id="count", compact=True)
                yield Label("Order")
                yield Select([(text, key) for key, text in ORDERS.items()], allow_blank=False, id="order", compact=True)
                yield Label("Mode")
                yield Select(
                    [("Practice: feedback after each answer", "practice"), ("Exam: timed, marked at the end", "exam")],
                    value="exam" if self.exam else "practice",
                    allow_blank=False,
                    id="mode",
                    compact=True,
                )
                yield Label("Seconds/question")
                yield Input(str(SECONDS_PER_QUESTION), id="seconds", compact=True)
                yield Label("Marking")
                yield Input(Marking().describe(), id="marking", compact=True)
            yield Static("[dim]Marking: right / wrong / unanswered, e.g. +1 / -0.25 / 0 (exam and practice)[/]")
            yield Static(id="setup-error")
            with Horizontal(id="setup-buttons"):
                yield Button("Start", id="start", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        decks = self.app.guarded(
            lambda s: list(s.execute(select(Deck.id, Deck.name).order_by(Deck.name))), doing="read the decks"
        )
        deck_select = self.query_one("#deck", Select)
        deck_select.set_options([("Every deck", ALL), *((Text(name), deck_id) for deck_id, name in decks or [])])
        deck_select.value = self.deck_id if self.deck_id is not None else ALL
        self._fill_topics()
        self.query_one("#seconds", Input).disabled = not self.exam
        self.query_one("#setup-error").display = False
        self.query_one("#count", Input).focus()

    def _deck(self) -> int | None:
        value = self.query_one("#deck", Select).value
        return None if value in (ALL, Select.BLANK) else int(value)  # type: ignore[arg-type]

    def _fill_topics(self) -> None:
        found = self.app.guarded(lambda s: topics(s, self._deck()), doing="read the topics") or []
        select_ = self.query_one("#topic", Select)
        select_.set_options([("Any topic", ANY), *((Text(f"{name} ({count})"), name) for name, count in found)])
        select_.value = ANY

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "deck":
            self._fill_topics()
        elif event.select.id == "mode":
            self.query_one("#seconds", Input).disabled = event.value != "exam"

    def _spec(self) -> QuizSpec:
        count_text = self.query_one("#count", Input).value.strip()
        if not count_text.isdigit():
            raise QuizError(f"Questions: {count_text!r} is not a whole number")
        seconds_text = self.query_one("#seconds", Input).value.strip()
        if not seconds_text.isdigit():
            raise QuizError(f"Seconds/question: {seconds_text!r} is not a whole number")
        try:
            marking = parse_marking(self.query_one("#marking", Input).value)
        except ValueError as error:
            raise QuizError(f"Marking: {error}") from None
        topic = self.query_one("#topic", Select).value
        spec = QuizSpec(
            deck_id=self._deck(),
            topic=None if topic in (ANY, Select.BLANK) else str(topic),
            count=int(count_text),
            order=str(self.query_one("#order", Select).value),
            mode=str(self.query_one("#mode", Select).value),
            seconds_per_question=int(seconds_text),
            marking=marking,
        )
        spec.check()
        return spec

    def action_start(self) -> None:
        error = self.query_one("#setup-error", Static)
        try:
            spec = self._spec()
        except ValueError as problem:
            error.update(f"[b $error]{escape(str(problem))}[/]")
            error.display = True
            return
        now = self.app.clock()

        def start(session: Session) -> int | str:
            try:
                return start_quiz(session, spec, now=now, seed=now.isoformat())
            except QuizError as problem:
                return str(problem)

        started = self.app.guarded(start, doing="start the quiz")
        if isinstance(started, str):
            error.update(f"[b $error]{escape(str(started))}[/]")
            error.display = True
        elif started is not None:
            self.dismiss(started)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_cancel()
