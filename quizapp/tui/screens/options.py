"""Deck options: the scheduler of one deck, its daily limits and steps, and the hour every study day begins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from quizapp.srs.settings import (
    DeckSettings,
    SettingsError,
    day_starts_at,
    load_settings,
    parse_day_starts_at,
    save_day_starts_at,
    save_settings,
    settings_as_form,
    settings_from_form,
)

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

SCHEDULER_CHOICES = [("FSRS (recommended)", "fsrs"), ("SM-2 (Anki's classic)", "sm2")]
FIELDS = {
    "desired_retention": ("Desired retention", "0.70–0.99: the chance of recall when due (FSRS)"),
    "learning_steps": ("Learning steps", "waits before a new card graduates: 1m 10m"),
    "relearning_steps": ("Relearning steps", "waits after a forgotten card: 10m"),
    "new_per_day": ("New cards/day", "new cards per study day"),
    "reviews_per_day": ("Reviews/day", "most review cards per study day"),
    "maximum_interval": ("Maximum interval", "days; no card waits longer"),
    "leech_lapses": ("Leech after", "lapses; the card is then suspended to rewrite"),
}
DAY_FIELD = "day_starts_at"


class DeckOptionsScreen(ModalScreen[bool]):
    """A form over one deck's scheduling settings; nothing is saved until every field reads right."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    app: QuizApp

    def __init__(self, deck_id: int, deck_name: str) -> None:
        super().__init__()
        self.deck_id = deck_id
        self.deck_name = deck_name

    def compose(self) -> ComposeResult:
        with Vertical(id="options"):
            yield Static(
                f"Options of [b]{escape(self.deck_name)}[/]   [dim]ctrl+s save · escape cancel[/]", id="options-title"
            )
            with Grid(id="options-grid"):
                yield Label("Scheduler")
                yield Select(SCHEDULER_CHOICES, allow_blank=False, id="scheduler", compact=True)
                yield Static("FSRS models your memory; SM-2 multiplies by an ease", classes="hint")
                for name, (label, hint) in FIELDS.items():
                    yield Label(label)
                    yield Input(id=name, compact=True)
                    yield Static(hint, classes="hint")
                yield Label("Fuzz")
                yield Checkbox("on", id="fuzz", compact=True)
                yield Static("spread due dates a little so cards part", classes="hint")
                yield Label("Day starts at")
                yield Input(id=DAY_FIELD, compact=True)
                yield Static("hour 0–23, local time; one for every deck", classes="hint")
            yield Static(id="options-error")
            with Horizontal(id="options-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Defaults", id="defaults")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        def read(session: Session) -> tuple[DeckSettings, int]:
            return load_settings(session, self.deck_id), day_starts_at(session)

        loaded = self.app.guarded(read, doing="read the deck's options")
        if loaded is None:
            self.dismiss(False)
            return
        self._fill(*loaded)
        self.query_one("#scheduler", Select).focus()

    def _fill(self, settings: DeckSettings, hour: int) -> None:
        self.query_one("#scheduler", Select).value = settings.scheduler
        self.query_one("#fuzz", Checkbox).value = settings.fuzz
        for name, text in settings_as_form(settings).items():
            self.query_one(f"#{name}", Input).value = text
        self.query_one(f"#{DAY_FIELD}", Input).value = str(hour)
        self._show_error(None)

    def _show_error(self, error: SettingsError | None) -> None:
        shown = self.query_one("#options-error", Static)
        shown.display = error is not None
        if error is not None:
            label = FIELDS.get(error.field, ("Day starts at",))[0]
            shown.update(f"[b]{label}[/]: {escape(error.message)}. Nothing was saved.")
            self.query_one(f"#{error.field}", Input).focus()

    def _read(self) -> tuple[DeckSettings, int]:
        scheduler = self.query_one("#scheduler", Select).value
        values = {name: self.query_one(f"#{name}", Input).value for name in FIELDS}
        settings = settings_from_form(values, scheduler=str(scheduler), fuzz=self.query_one("#fuzz", Checkbox).value)
        return settings, parse_day_starts_at(self.query_one(f"#{DAY_FIELD}", Input).value)

    def action_save(self) -> None:
        try:
            settings, hour = self._read()
        except SettingsError as error:
            self._show_error(error)
            return

        def save(session: Session) -> bool:
            save_settings(session, settings, deck_id=self.deck_id)
            save_day_starts_at(session, hour)
            session.commit()
            return True

        if self.app.guarded(save, doing="save the options"):
            self.app.day_starts_at = hour
            self.notify(f"Options of {escape(self.deck_name)} saved.")
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_select_changed(self, event: Select.Changed) -> None:
        # Desired retention is what FSRS schedules by; SM-2 has no use for it.
        self.query_one("#desired_retention", Input).disabled = event.value == "sm2"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "defaults":
            self._fill(DeckSettings(), self.app.day_starts_at)
        elif event.button.id == "cancel":
            self.action_cancel()
