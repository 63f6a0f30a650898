"""Statistics: progress of one deck or all, as numbers with labels, a year's heatmap and charts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from sqlalchemy import select
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static, TabbedContent, TabPane
from textual.worker import get_current_worker
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from quizapp.db.models import Deck
from quizapp.srs.queue import DayWindow
from quizapp.stats.report import PERIODS, Statistics, statistics
from quizapp.tui.screens.stats_text import (
    answers_summary,
    bucketed,
    forecast_summary,
    overview_text,
    quizzes_summary,
    topics_summary,
)
from quizapp.tui.widgets.heatmap import Heatmap

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

ALL_DECKS = 0
"""The selector's value for every deck together (deck ids start at 1)."""

TABS = ("overview", "answers", "forecast", "topics", "quizzes")
TOPIC_BARS = 12
"""The weakest topics read and drawn; every topic is in `quizapp stats --json`."""


class StatsScreen(Screen[None]):
    """`t` from home. Tabs: overview (numbers and heatmap), answers per day, forecast, topics, quizzes."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("p", "period", "Period"),
        Binding("x", "exam_date", "Exam date"),
        Binding("d", "choose_deck", "Deck"),
        Binding("r", "refresh", "Refresh", show=False),
        *(Binding(str(n), f"tab('{tab}')", tab.title(), show=False) for n, tab in enumerate(TABS, 1)),
    ]

    app: QuizApp

    def __init__(self, deck_id: int | None = None) -> None:
        super().__init__()
        self.deck_id = deck_id
        self.period = PERIODS[0]
        self.figures: Statistics | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="stats-bar"):
            names = self.app.guarded(
                lambda s: list(s.execute(select(Deck.id, Deck.name).order_by(Deck.name))), doing="read the decks"
            )
            options = [("All decks", ALL_DECKS), *((Text(name), deck_id) for deck_id, name in names or [])]
            chosen = self.deck_id if self.deck_id is not None else ALL_DECKS
            yield Select[int](options, value=chosen, id="stats-deck", allow_blank=False, compact=True)
            yield Static(id="stats-hint")
        with TabbedContent(id="stats-tabs"):
            with TabPane("Overview", id="overview"), VerticalScroll():
                yield Static(id="stats-numbers")
                yield Heatmap(id="heatmap")
            for tab in TABS[1:]:
                with TabPane(tab.title(), id=tab):
                    yield Static(id=f"{tab}-summary", classes="chart-summary")
                    yield PlotextPlot(id=f"{tab}-plot")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stats-hint", Static).update("[b]d[/] deck · [b]1[/]–[b]5[/] tabs · [b]p[/] period")
        self.action_refresh()

    def on_select_changed(self, event: Select.Changed) -> None:
        chosen = None if event.value in (ALL_DECKS, Select.BLANK) else int(event.value)  # type: ignore[arg-type]
        if chosen != self.deck_id or self.figures is None:
            self.deck_id = chosen
            self.action_refresh()

    def action_refresh(self) -> None:
        if self.figures is None:
            self.query_one("#stats-numbers", Static).update("Reading the statistics…")
        self.read(self.deck_id, self.app.day())

    @work(thread=True, exclusive=True, group="statistics")
    def read(self, deck_id: int | None, day: DayWindow) -> None:
        """A million answers take a moment to sum up: read off the event loop, so keys and the screen stay live."""
        figures = self.app.guarded_in_thread(
            lambda session: statistics(session, day, deck_id=deck_id, topics=TOPIC_BARS), doing="read the statistics"
        )
        if figures is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.arrived, figures)

    def arrived(self, figures: Statistics) -> None:
        if figures.deck_id == self.deck_id:  # the deck may have been switched meanwhile; its reading follows
            self.figures = figures
            self.show()

    def show(self) -> None:
        figures = self.figures
        if figures is None:
            return
        self.query_one("#stats-numbers", Static).update(overview_text(figures))
        self.query_one("#heatmap", Heatmap).show(figures.activity.days)
        self.draw_answers(figures)
        self.draw_forecast(figures)
        self.draw_topics(figures)
        self.draw_quizzes(figures)

    def _fresh(self, tab: str) -> tuple[PlotextPlot, Plot]:
        """A tab's chart, emptied for drawing again."""
        plot = self.query_one(f"#{tab}-plot", PlotextPlot)
        plot.plt.clear_data()
        plot.plt.clear_figure()
        return plot, plot.plt

    def draw_answers(self, figures: Statistics) -> None:
        self.query_one("#answers-summary", Static).update(answers_summary(figures, self.period))
        bars = bucketed(figures.activity.last(self.period).days)
        plot, plt = self._fresh("answers")
        xs = list(range(len(bars)))
        series = [[bar.flashcard for bar in bars], [bar.quiz for bar in bars], [bar.exam for bar in bars]]
        plt.stacked_bar(xs, series, labels=["flashcards", "quizzes", "exams"], width=0.7)
        ticks = xs[::-1][:: max(1, len(xs) // 5)][::-1]  # counted back from today, so today has its label
        plt.xticks(ticks, [bars[n].label for n in ticks])
        _count_axis(plt, max((bar.count for bar in bars), default=0))
        plot.refresh()

    def draw_forecast(self, figures: Statistics) -> None:
        self.query_one("#forecast-summary", Static).update(forecast_summary(figures))
        plot, plt = self._fresh("forecast")
        xs = list(range(len(figures.forecast)))
        plt.bar(xs, [due.due for due in figures.forecast], width=0.7)
        ticks = xs[::7]
        plt.xticks(ticks, ["today" if n == 0 else f"{figures.forecast[n].day:%d %b}" for n in ticks])
        _count_axis(plt, max((due.due for due in figures.forecast), default=0))
        plot.refresh()

    def draw_topics(self, figures: Statistics) -> None:
        self.query_one("#topics-summary", Static).update(topics_summary(figures))
        shown = figures.topics[:TOPIC_BARS]
        plot, plt = self._fresh("topics")
        plot.display = bool(shown)
        if shown:
            values = [round(100 * t.accuracy) for t in shown]
            names = [t.topic if self.deck_id is not None else f"{t.topic} ({t.deck})" for t in shown]
            labels = [f"{_short(name)} {value:>3}%" for name, value in zip(names, values, strict=True)]
            # plotext draws the first bar at the bottom: reversed, the weakest topic is on top.
            plt.bar(labels[::-1], values[::-1], orientation="horizontal", width=0.6)
            plt.xlim(0, 100)
            plt.xlabel("% right")
        plot.refresh()

    def draw_quizzes(self, figures: Statistics) -> None:
        self.query_one("#quizzes-summary", Static).update(quizzes_summary(figures))
        finished = [quiz for quiz in figures.quizzes if quiz.percent is not None]
        plot, plt = self._fresh("quizzes")
        plot.display = bool(finished)
        for mode, marker in (("practice", "dot"), ("exam", "hd")):
            runs = [(n, quiz) for n, quiz in enumerate(finished, 1) if quiz.mode == mode]
            if runs:
                plt.plot([n for n, _ in runs], [quiz.percent for _, quiz in runs], label=mode, marker=marker)
        if finished:
            plt.ylim(min(0, *(q.percent or 0 for q in finished)), 100)
            plt.xlabel("quiz number")
            plt.ylabel("% of the marks")
        plot.refresh()

    def action_period(self) -> None:
        self.period = PERIODS[(PERIODS.index(self.period) + 1) % len(PERIODS)]
        self.query_one("#stats-tabs", TabbedContent).active = "answers"
        if self.figures is not None:
            self.draw_answers(self.figures)

    def action_tab(self, tab: str) -> None:
        self.query_one("#stats-tabs", TabbedContent).active = tab

    def action_choose_deck(self) -> None:
        selector = self.query_one("#stats-deck", Select)
        selector.focus()
        selector.action_show_overlay()

    def action_exam_date(self) -> None:
        from quizapp.tui.screens.exam_date import ExamDateScreen

        if self.deck_id is None:
            self.notify("Choose a deck first (d): each deck has its own exam date.", severity="warning")
            return
        deck_id = self.deck_id

        def saved(changed: bool | None) -> None:
            if changed:
                self.action_refresh()

        self.app.push_screen(ExamDateScreen(deck_id), saved)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        return [
            ("Next period", "Answers per day over 30, 90 or 365 days", self.action_period),
            ("Exam date", "Set or clear the exam date of the chosen deck", self.action_exam_date),
            ("Choose deck", "Statistics of one deck or of all decks", self.action_choose_deck),
            ("Refresh statistics", "Read the statistics again", self.action_refresh),
        ]


def _count_axis(plt: Plot, top: int) -> None:
    """A y axis of whole numbers from 0 to a little above `top`, with about four steps."""
    step = max(1, -(-top // 4))
    ticks = list(range(0, top + step + 1, step))
    plt.ylim(0, ticks[-1])
    plt.yticks(ticks)


def _short(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
