"""A quiz run on screen: one question at a time, feedback after each (practice) or a countdown and marks at the end
(exam). Every answer is saved the moment it is given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.markup import escape
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from quizapp.quiz.diff import char_diff, expected_line, typed_line
from quizapp.quiz.grading import Grade, grade, overridden
from quizapp.quiz.run import QuizItem, deck_acronyms, finish_run, get_run, override_answer, record_answer, run_items
from quizapp.tui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

LETTERS = "abcdef"
DIFF_STYLES = {"same": "", "typed-wrong": "bold red strike", "missing": "bold reverse $warning"}


def diff_markup(typed: str, expected: str) -> str:
    """Anki's comparison: the typed line with wrong letters struck out, under it the expected line with the
    letters that were missing marked."""
    segments = char_diff(typed, expected)

    def line(parts: list[tuple[str, str]]) -> str:
        return "".join(
            f"[{DIFF_STYLES[kind]}]{escape(text)}[/]" if DIFF_STYLES[kind] else escape(text) for kind, text in parts
        )

    return f"  typed     {line(typed_line(segments))}\n  expected  {line(expected_line(segments))}"


class QuizScreen(Screen[None]):
    """Asks the run's questions; in an exam the clock runs and answers can be changed until submitted."""

    BINDINGS = [
        Binding("1,a", "choose(0)", "Choose", show=False),
        Binding("2,b", "choose(1)", show=False),
        Binding("3,c", "choose(2)", show=False),
        Binding("4,d", "choose(3)", show=False),
        Binding("5,e", "choose(4)", show=False),
        Binding("6", "choose(5)", show=False),
        Binding("t", "true_false(True)", "True", show=False),
        Binding("f", "false_or_f", "False", show=False),
        Binding("n,enter", "next", "Next", show=False),
        Binding("k", "skip", "Skip"),
        Binding("i", "i_was_right", "I was right", show=False),
        Binding("pageup", "move(-1)", "Previous", show=False),
        Binding("pagedown", "move(1)", "Next question", show=False),
        Binding("ctrl+s", "submit", "Submit"),
        Binding("escape", "leave", "Leave"),
    ]

    AUTO_FOCUS = None
    """Each question decides: the text box for typed answers, nothing (keys to the screen) for choices."""

    app: QuizApp

    def __init__(self, run_id: int) -> None:
        super().__init__()
        self.run_id = run_id
        self.items: list[QuizItem] = []
        self.mode = "practice"
        self.deadline: datetime | None = None
        self.index = 0
        self.given: dict[str, tuple[str, Grade]] = {}
        """Question id → (response, grade) of the answers given in this run."""
        self.feedback = False
        """Practice: the feedback of the current question is on screen."""
        self.shown_at: datetime | None = None
        self.acronyms: dict[str, str] = {}
        self.done = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quiz-status")
        with Vertical(id="quiz-card"):
            yield Static(id="quiz-prompt")
            yield Static(id="quiz-choices")
            yield Input(placeholder="your answer, then enter (enter on nothing: skip)", id="quiz-answer")
            yield Static(id="quiz-feedback")
        yield Static(id="quiz-keys")
        yield Footer()

    def on_mount(self) -> None:
        def load(session: Session) -> tuple[list[QuizItem], str, int | None, datetime, dict[str, str]]:
            run = get_run(session, self.run_id)
            items = run_items(session, self.run_id)
            for item in items:  # detach the rows' data for use after the session closes
                session.expunge(item.question)
            return items, run.mode, run.time_limit_s, run.started_at, deck_acronyms(session, run.deck_id)

        loaded = self.app.guarded(load, doing="open the quiz")
        if loaded is None:
            return
        self.items, self.mode, limit, started, self.acronyms = loaded
        if limit is not None:
            self.deadline = started + timedelta(seconds=limit)
            self.set_interval(1, self.tick)
        self.show()

    # -- showing -----------------------------------------------------------------------------------

    @property
    def item(self) -> QuizItem:
        return self.items[self.index]

    def show(self) -> None:
        item = self.item
        question = item.question
        self.shown_at = self.app.clock()
        self.feedback = False
        self.query_one("#quiz-prompt", Static).update(f"[b]{escape(question.prompt)}[/]")
        choices = self.query_one("#quiz-choices", Static)
        answer = self.query_one("#quiz-answer", Input)
        earlier = self.given.get(question.id)
        if question.type == "mcq":
            picked = earlier[0] if earlier else None
            choices.update(
                "\n".join(
                    f"  {LETTERS[i]}) {escape(c)}" + ("  [b $accent]← your answer[/]" if c == picked else "")
                    for i, c in enumerate(item.choices)
                )
            )
        elif question.type == "truefalse":
            said = f"  [b $accent]your answer: {earlier[0].lower()}[/]" if earlier else ""
            choices.update(f"  [b]t[/] true · [b]f[/] false{said}")
        choices.display = question.type in ("mcq", "truefalse")
        typed = question.type not in ("mcq", "truefalse")
        answer.display = typed
        answer.disabled = not typed  # a hidden box must not take the keys meant for the choices
        answer.value = earlier[0] if earlier and typed else ""
        if typed:
            answer.placeholder = (
                "name them, separated by commas, then enter" if question.type == "list" else "your answer, then enter"
            ) + " (enter on nothing: skip)"
            answer.focus()
        else:
            self.set_focus(None)  # keys now go to the screen, not to a text box
        self.query_one("#quiz-feedback", Static).display = False
        self._status()
        self._keys()

    def _status(self) -> None:
        answered = len(self.given)
        where = f"Question [b]{self.index + 1}[/] of {len(self.items)} · answered {answered}"
        if self.mode == "exam":
            left = self._seconds_left()
            clock = f"{int(left) // 60:02d}:{int(left) % 60:02d}" if left is not None else ""
            warn = "$error" if left is not None and left < 60 else "$accent"
            text = f"[b]Exam[/] · {where} · [{warn}]⏱ {clock} left[/]"
        else:
            right = sum(1 for _, g in self.given.values() if g.correct)
            text = f"[b]Practice[/] · {where} · right {right}"
        self.query_one("#quiz-status", Static).update(text)

    def _keys(self) -> None:
        question = self.item.question
        if self.feedback:
            keys = "[b]enter[/]/[b]n[/] next"
            if not self.given[question.id][1].correct:
                keys += " · [b]i[/] I was right"
        elif question.type == "mcq":
            keys = (
                f"[b]a[/]–[b]{LETTERS[len(self.item.choices) - 1]}[/] or [b]1[/]–[b]{len(self.item.choices)}[/] choose"
            )
        elif question.type == "truefalse":
            keys = "[b]t[/] true · [b]f[/] false"
        else:
            keys = "type, then [b]enter[/]"
        if not self.feedback:
            keys += " · [b]k[/] skip" if question.type in ("mcq", "truefalse") else ""
        if self.mode == "exam":
            keys += " · [b]pgup[/]/[b]pgdn[/] move · [b]ctrl+s[/] submit"
        keys += " · [b]escape[/] leave"
        self.query_one("#quiz-keys", Static).update(keys)

    def _show_feedback(self, response: str, verdict: Grade) -> None:
        question = self.item.question
        self.feedback = True
        mark = "[b $success]✓ Right[/]" if verdict.correct else "[b $error]✗ Wrong[/]"
        if not verdict.correct and verdict.credit > 0:
            mark = f"[b $warning]◐ Part right ({verdict.credit:.0%})[/]"
        lines = [mark + (f"  [dim]{escape(verdict.note)}[/]" if verdict.note else "")]
        lines.append(f"Answer: [b]{escape(question.answer)}[/]")
        typed = question.type not in ("mcq", "truefalse", "list")
        if typed and response.strip() and response.strip().casefold() != question.answer.strip().casefold():
            lines.append(diff_markup(response, question.answer))
        if verdict.missing:
            lines.append(f"Missing: {escape(', '.join(verdict.missing))}")
        if verdict.wrong:
            lines.append(f"Not in the answer: {escape(', '.join(verdict.wrong))}")
        if question.explanation:
            lines.append(escape(question.explanation))
        if question.source_text:
            lines.append(f"[dim]Notes, line {question.source_line}: {escape(question.source_text)}[/]")
        feedback = self.query_one("#quiz-feedback", Static)
        feedback.update("\n".join(lines))
        feedback.display = True
        answer = self.query_one("#quiz-answer", Input)
        answer.disabled = True
        self.set_focus(None)  # keys now go to the screen, not to a text box
        self._status()
        self._keys()

    # -- answering ---------------------------------------------------------------------------------

    def _answer(self, response: str) -> None:
        if self.done or self.feedback:
            return
        question = self.item.question
        verdict = grade(question, response, acronyms=self.acronyms)
        if question.type in ("mcq", "truefalse") and verdict.note.startswith(("there is no choice", "answer t")):
            self.notify(verdict.note, markup=False)  # it quotes what was typed
            return
        now = self.app.clock()
        elapsed = int((now - self.shown_at).total_seconds() * 1000) if self.shown_at else None
        stored = response
        if question.type == "truefalse":
            stored = "True" if response == "t" else "False"
        saved = self.app.guarded(
            lambda s: record_answer(
                s, self.run_id, question.id, response=stored, grade=verdict, now=now, duration_ms=elapsed
            ),
            doing="save your answer",
        )
        if saved is None:
            return
        self.given[question.id] = (stored, verdict)
        if self.mode == "practice":
            self._show_feedback(response, verdict)
        else:
            self._advance()

    def action_choose(self, index: int) -> None:
        if self.item.question.type == "mcq" and index < len(self.item.choices):
            self._answer(self.item.choices[index])  # the text: this attempt shows the choices in its own order

    def action_true_false(self, value: bool) -> None:
        if self.item.question.type == "truefalse":
            self._answer("t" if value else "f")

    def action_false_or_f(self) -> None:
        """`f` is False in a true/false question and the sixth choice in an MCQ."""
        if self.item.question.type == "truefalse":
            self.action_true_false(False)
        else:
            self.action_choose(5)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.action_skip()
            return
        self._answer(event.value)

    def action_next(self) -> None:
        if self.feedback:
            self._advance()

    def action_skip(self) -> None:
        if self.done or self.feedback:
            return
        self._advance(skipping=True)

    def _advance(self, *, skipping: bool = False) -> None:
        """On to the next question; an exam comes back to the unanswered ones; the end finishes a practice run."""
        order = list(range(self.index + 1, len(self.items))) + list(range(0, self.index + 1))
        if self.mode == "exam":
            for index in order:
                if self.items[index].question.id not in self.given and index != self.index:
                    self.index = index
                    self.show()
                    return
            if skipping or self.item.question.id not in self.given:
                self.show()
                return
            self.notify("Every question is answered. ctrl+s submits, pgup/pgdn to look again.")
            self._status()
            return
        if self.index + 1 < len(self.items):
            self.index += 1
            self.show()
        else:
            self._finish()

    def action_move(self, step: int) -> None:
        if self.mode == "exam" and not self.done:
            self.index = (self.index + step) % len(self.items)
            self.show()

    def action_i_was_right(self) -> None:
        question = self.item.question
        if not self.feedback or self.given[question.id][1].correct:
            return
        if self.app.guarded(lambda s: override_answer(s, self.run_id, question.id), doing="mark the answer right"):
            response, verdict = self.given[question.id]
            self.given[question.id] = (response, overridden(verdict))
            self.notify("Marked right: the card is scheduled as Good.")
            self._show_feedback(response, self.given[question.id][1])

    # -- ending ------------------------------------------------------------------------------------

    def _seconds_left(self) -> float | None:
        if self.deadline is None:
            return None
        return max(0.0, (self.deadline - self.app.clock()).total_seconds())

    def tick(self) -> None:
        if self.done:
            return
        left = self._seconds_left()
        if left is not None and left <= 0:
            self.notify("Time is up: the exam is submitted.", severity="warning")
            self._finish()
            return
        self._status()

    def action_submit(self) -> None:
        if self.done:
            return
        if self.mode == "practice":
            self._finish()
            return
        unanswered = sum(1 for item in self.items if item.question.id not in self.given)
        if not unanswered:
            self._finish()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._finish()

        self.app.push_screen(
            ConfirmScreen(f"Submit the exam with {unanswered} question{'s' if unanswered != 1 else ''} unanswered?"),
            answered,
        )

    def _finish(self) -> None:
        if self.done:
            return
        now = self.app.clock()
        if self.app.guarded(lambda s: finish_run(s, self.run_id, now=now), doing="finish the quiz") is None:
            return
        self.done = True
        from quizapp.tui.screens.quiz_results import QuizResultsScreen

        self.app.switch_screen(QuizResultsScreen(self.run_id))

    def action_leave(self) -> None:
        if self.done:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.done = True
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmScreen("Leave the quiz? Your answers so far are saved; the quiz stays unfinished."), answered
        )

    def palette_commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        return [
            ("Skip question", "Leave it unanswered for now", self.action_skip),
            ("I was right", "Count the last answer as right", self.action_i_was_right),
            ("Submit", "Finish the quiz and see the results", self.action_submit),
            ("Leave quiz", "Back home; the answers stay saved", self.action_leave),
        ]
