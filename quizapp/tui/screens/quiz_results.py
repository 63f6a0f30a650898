"""A quiz's results: score with negative marking, counts, time, accuracy per topic, and every answer to learn from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.markup import escape
from sqlmodel import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quizapp.db.models import QuizRun
from quizapp.quiz.results import Results, results
from quizapp.quiz.run import get_run, run_marking, start_quiz
from quizapp.quiz.spec import SECONDS_PER_QUESTION, QuizSpec

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp


def _minutes(seconds: float) -> str:
    return f"{int(seconds) // 60} min {int(seconds) % 60:02d} s"


def results_markup(shown: Results) -> str:
    score = shown.score
    title = "Exam" if shown.mode == "exam" else "Practice"
    lines = [
        f"[b]{title} results[/]" + ("" if shown.finished else " [dim](not finished)[/]"),
        "",
        f"Score [b]{score.score:g}[/] of {score.maximum:g}  ·  [b]{score.percent:.0f}%[/]",
        f"[$success]✓ {score.correct} right[/]  ·  [$error]✗ {score.wrong} wrong[/]  ·  "
        f"[dim]{score.unanswered} unanswered[/]  ·  time {_minutes(shown.seconds)}"
        + (f" of {_minutes(shown.time_limit_s)}" if shown.time_limit_s else ""),
        "",
        "[b]By topic[/]",
    ]
    for topic in shown.topics:
        share = topic.right / topic.asked if topic.asked else 0
        bar = "█" * round(share * 10) + "░" * (10 - round(share * 10))
        lines.append(f"  {bar} {share:4.0%}  {topic.right}/{topic.asked}  {escape(topic.topic)}")
    wrong = [line for line in shown.answers if not line.right]
    lines += ["", f"[b]To learn from[/] ({len(wrong)})" if wrong else "[b]Every answer right.[/]"]
    for line in wrong:
        given = "[dim]not answered[/]" if line.response is None else f"[$error]{escape(line.response)}[/]"
        if line.credit is not None and 0 < line.credit < 1:
            given += f" [dim]({line.credit:.0%} right)[/]"
        lines.append(f"• {escape(line.prompt)}")
        lines.append(f"    you: {given}   answer: [b $success]{escape(line.expected)}[/]")
        if line.source_text:
            lines.append(f"    [dim]Notes, line {line.source_line}: {escape(line.source_text)}[/]")
    overridden = [line for line in shown.answers if line.overridden]
    if overridden:
        lines += ["", f"[dim]{len(overridden)} answer(s) marked right by you.[/]"]
    return "\n".join(lines)


class QuizResultsScreen(Screen[None]):
    """The end of a quiz; `r` retries the wrong and unanswered questions as a new quiz."""

    BINDINGS = [
        Binding("r", "retry", "Retry wrong ones"),
        Binding("escape,q", "leave", "Home"),
    ]

    app: QuizApp

    def __init__(self, run_id: int) -> None:
        super().__init__()
        self.run_id = run_id
        self.shown: Results | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(id="results-text")
        yield Footer()

    def on_mount(self) -> None:
        self.shown = self.app.guarded(lambda s: results(s, self.run_id, now=self.app.clock()), doing="read the results")
        if self.shown is not None:
            self.query_one("#results-text", Static).update(results_markup(self.shown))

    def action_retry(self) -> None:
        if self.shown is None or not self.shown.to_retry:
            self.notify("Nothing to retry: every answer was right.")
            return
        retry = self.shown.to_retry

        def start(session: Session) -> int:
            run: QuizRun = get_run(session, self.run_id)
            spec = QuizSpec(
                deck_id=run.deck_id,
                topic=run.topic,
                count=len(retry),
                mode=run.mode,
                seconds_per_question=(run.time_limit_s // run.question_count)
                if run.time_limit_s
                else SECONDS_PER_QUESTION,
                marking=run_marking(run),
                question_ids=tuple(retry),
            )
            return start_quiz(session, spec, now=self.app.clock(), seed=f"retry-{self.run_id}")

        new_run = self.app.guarded(start, doing="start the retry")
        if new_run is not None:
            from quizapp.tui.screens.quiz import QuizScreen

            self.app.switch_screen(QuizScreen(new_run))

    def action_leave(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        return [("Retry wrong ones", "The wrong and unanswered questions as a new quiz", self.action_retry)]
