"""The review screen: a card's prompt, its answer on demand, and the four ratings with their next intervals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from sqlalchemy import Row
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from quizapp.db.models import Question
from quizapp.srs.browse import held_back
from quizapp.srs.queue import Queue, QueueCounts
from quizapp.srs.review import Answered, Seen, answer_card, bury, card_to_show, set_suspended, undo_review
from quizapp.srs.schedulers import describe_interval, preview
from quizapp.srs.settings import DeckSettings
from quizapp.srs.today import Today

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
EXTRA_NEW = 10
"""How many more new cards `n` allows today."""


@dataclass
class Shown:
    """The card on screen."""

    question_id: str
    seen: Seen
    """Its deck and scheduling state as read to show it: what an answer schedules from."""
    settings: DeckSettings
    prompt: str
    answer: str
    detail: str
    source: str
    shown_at: datetime
    intervals: dict[int, str] | None = None
    """Each rating's next interval, worked out when the answer is revealed (the ratings are shown then)."""

    @property
    def deck_id(self) -> int:
        return self.seen.deck_id


def _card_text(question: Question | Row[Any]) -> tuple[str, str, str]:
    """The prompt as shown, the answer, and what goes under the answer."""
    prompt = escape(question.prompt)
    if question.type == "mcq" and question.choices:
        letters = "abcdef"
        prompt += "\n\n" + "\n".join(f"  {letters[i]}) {escape(c)}" for i, c in enumerate(question.choices))
    elif question.type == "truefalse":
        prompt += "\n\n  True or false?"
    answer = escape(question.answer)
    if question.type == "list" and question.items:
        answer = "\n".join(f"• {escape(item)}" for item in question.items)
    detail = escape(question.explanation or "")
    return prompt, answer, detail


class ReviewScreen(Screen[None]):
    """Flashcards from the daily queue of one deck, or of all decks."""

    BINDINGS = [
        Binding("space,enter", "reveal", "Show answer"),
        Binding("1", "rate(1)", "Again", show=False),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        Binding("u", "undo", "Undo"),
        Binding("exclamation_mark", "suspend", "Suspend", key_display="!"),
        Binding("minus", "bury", "Bury", key_display="-"),
        Binding("o", "toggle_source", "Source"),
        Binding("n", "more_new", "More new", show=False),
        Binding("h", "study_ahead", "Study ahead", show=False),
        Binding("escape", "leave", "Back"),
    ]
    """Anki's keys: space shows the answer, 1–4 rate it."""

    app: QuizApp

    def __init__(self, deck_id: int | None) -> None:
        super().__init__()
        self.deck_id = deck_id
        self.shown: Shown | None = None
        self.revealed = False
        self.show_source = True
        self.undo_stack: list[tuple[int, int]] = []
        """(review id, rating) of this session's answers, newest last."""
        self.answers = 0
        self.again = 0
        self.started: datetime | None = None
        self.extra_new = 0
        self.ahead = False
        self.today = Today()
        """The day's limits, held-back siblings and counts, kept between cards instead of read for each."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="progress")
        with Vertical(id="card"):
            yield Static(id="prompt")
            yield Static(id="answer")
            yield Static(id="detail")
            yield Static(id="source")
        yield Static(id="finished")
        with Horizontal(id="ratings"):
            for rating, name in RATINGS.items():
                yield Button(name, id=f"rate-{rating}", classes=f"rating rating-{rating}")
        yield Footer()

    def on_mount(self) -> None:
        self.started = self.app.clock()
        self.next_card()

    # -- showing ---------------------------------------------------------------------------------

    def _queue(self, session: Session) -> Queue:
        return Queue(session, self.app.day(), self.deck_id, extra_new=self.extra_new, today=self.today)

    def next_card(self, question_id: str | None = None) -> None:
        """Show `question_id`, or the next card of the queue, or the end of the session."""

        def pick(session: Session) -> tuple[Shown | None, QueueCounts]:
            queue = self._queue(session)
            qid = question_id or queue.next_card()
            if qid is None and self.ahead:
                qid = queue.next_ahead()
            counts = queue.counts()
            if qid is None:
                return None, counts
            question, card = card_to_show(session, qid)
            settings = self.today.deck_settings(session, question.deck_id)
            prompt, answer, detail = _card_text(question)
            source = ""
            if question.source_text:
                source = f"[dim]Notes, line {question.source_line}:[/] {escape(question.source_text)}"
            seen = Seen(question.deck_id, card)
            return Shown(qid, seen, settings, prompt, answer, detail, source, self.app.clock()), counts

        picked = self.app.guarded(pick, doing="load the next card")
        if picked is None:
            return
        shown, counts = picked
        self.shown = shown
        self.revealed = False
        self._show_progress(counts)
        self._paint()

    def _show_progress(self, counts: QueueCounts) -> None:
        ahead = "  [reverse $warning] studying ahead [/]" if self.ahead and self.shown is not None else ""
        self.query_one("#progress", Static).update(
            f"Done [b]{self.answers}[/] · Left [b]{counts.total}[/]  "
            f"([$warning]learning {counts.learning}[/] · [$primary]review {counts.review}[/] · "
            f"[$success]new {counts.new}[/]){ahead}"
        )

    def _paint(self) -> None:
        shown = self.shown
        self.query_one("#card").display = shown is not None
        self.query_one("#ratings").display = shown is not None and self.revealed
        finished = self.query_one("#finished", Static)
        finished.display = shown is None
        if shown is None:
            finished.update(self._finished_text())
            return
        self.query_one("#prompt", Static).update(shown.prompt)
        answer = self.query_one("#answer", Static)
        answer.update(f"[b]{shown.answer}[/]" if self.revealed else "[dim]space: show the answer[/]")
        detail = self.query_one("#detail", Static)
        detail.update(shown.detail)
        detail.display = self.revealed and bool(shown.detail)
        source = self.query_one("#source", Static)
        source.update(shown.source)
        source.display = self.revealed and self.show_source and bool(shown.source)
        if shown.intervals is not None:
            for rating, name in RATINGS.items():
                self.query_one(f"#rate-{rating}", Button).label = f"{rating} {name}  {shown.intervals[rating]}"

    def _finished_text(self) -> str:
        offers = "[b]n[/] learn more new cards today · [b]h[/] study ahead · [b]escape[/] back home"
        if not self.answers:
            counts = self.app.guarded(lambda s: held_back(s, self.deck_id), doing="count the cards")
            if counts is not None and counts[0] == 0:
                return "There are no cards here yet: import a bank with [b]quizapp import[/].\n\n[b]escape[/] back home"
            if counts is not None and counts[0] == counts[1]:
                return (
                    f"All {counts[0]} cards here are suspended, so there is nothing to study.\n\n"
                    "[b]escape[/] back home, then [b]b[/] to browse and [b]![/] to unsuspend"
                )
            return f"Nothing is due now. Well done!\n\n{offers}"
        minutes = (self.app.clock() - self.started).total_seconds() / 60 if self.started else 0
        again_rate = self.again / self.answers
        return (
            f"Session done: [b]{self.answers}[/] cards in [b]{minutes:.0f}[/] min, "
            f"Again on [b]{again_rate:.0%}[/] of them.\n\n{offers}"
        )

    # -- actions ----------------------------------------------------------------------------------

    def action_reveal(self) -> None:
        shown = self.shown
        if shown is not None and not self.revealed:
            intervals = preview(shown.seen.card, self.app.clock(), shown.settings)
            shown.intervals = {rating: describe_interval(delay) for rating, delay in intervals.items()}
            self.revealed = True
            self._paint()

    def action_rate(self, rating: int) -> None:
        shown = self.shown
        if shown is None:
            return
        if not self.revealed:
            self.action_reveal()
            return
        now = self.app.clock()
        elapsed = max(0, int((now - shown.shown_at).total_seconds() * 1000))

        def rate(session: Session) -> Answered:
            return answer_card(
                session,
                question_id=shown.question_id,
                rating=rating,
                now=now,
                duration_ms=elapsed,
                settings=shown.settings,
                seen=shown.seen,
            )

        # Not settled here: the next card's reading waits for the answer to be on disk, and the flush runs meanwhile.
        answered = self.app.guarded(rate, doing="save your answer", settle=False)
        if answered is None:
            return
        self.today.answered(answered, shown.question_id)
        self.undo_stack.append((answered.review_id, rating))
        self.answers += 1
        self.again += rating == 1
        if answered.became_leech:
            self.notify(
                f"You have forgotten this card {answered.card.lapses} times: it is now a leech and suspended. "
                "Rewrite it in the bank, or unsuspend it under b (browse).",
                title="Leech",
                severity="warning",
                timeout=8,
            )
        self.next_card()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("rate-"):
            self.action_rate(int(event.button.id.removeprefix("rate-")))

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo in this session.")
            return
        review_id, rating = self.undo_stack.pop()
        question_id = self.app.guarded(lambda s: undo_review(s, review_id), doing="undo the answer")
        self.today.forget()
        if question_id is not None:
            self.answers -= 1
            self.again -= rating == 1
            self.notify("Answer undone.")
            self.next_card(question_id)

    def action_suspend(self) -> None:
        if self.shown is not None:
            qid = self.shown.question_id
            self.app.guarded(lambda s: set_suspended(s, qid), doing="suspend the card")
            self.today.changed(self.shown.deck_id)
            self.notify("Card suspended: it will not come up until you unsuspend it.")
            self.next_card()

    def action_bury(self) -> None:
        if self.shown is not None:
            qid = self.shown.question_id
            self.app.guarded(lambda s: bury(s, qid, self.app.day()), doing="bury the card")
            self.today.changed(self.shown.deck_id)
            self.notify("Card buried until tomorrow.")
            self.next_card()

    def action_toggle_source(self) -> None:
        self.show_source = not self.show_source
        self._paint()

    def action_more_new(self) -> None:
        if self.shown is None:
            self.extra_new += EXTRA_NEW
            self.next_card()

    def action_study_ahead(self) -> None:
        if self.shown is None:
            self.ahead = True
            self.next_card()

    def action_leave(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        return [
            ("Show answer", "Reveal the answer of this card", self.action_reveal),
            ("Undo", "Take back the last answer", self.action_undo),
            ("Suspend card", "Never show this card until unsuspended", self.action_suspend),
            ("Bury card", "Hide this card until tomorrow", self.action_bury),
            ("Toggle source", "Show or hide the sentence of the notes", self.action_toggle_source),
            ("Learn more new cards", f"{EXTRA_NEW} more new cards today", self.action_more_new),
            ("Study ahead", "Cards due soonest, before their day", self.action_study_ahead),
        ] + [(f"Rate {name}", f"Answer {name} ({r})", lambda r=r: self.action_rate(r)) for r, name in RATINGS.items()]
