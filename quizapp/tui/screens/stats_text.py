"""The words and numbers beside the statistics screen's charts (Textual markup), and the answer bars' grouping."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape

from quizapp.stats.activity import DayActivity
from quizapp.stats.report import Statistics
from quizapp.stats.retention import PERIODS
from quizapp.stats.tables import minutes, passed, percent, plural

MOST_BARS = 53
"""Above this many days, days are grouped into bars of several days so each bar stays visible."""


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    flashcard: int
    quiz: int
    exam: int

    @property
    def count(self) -> int:
        return self.flashcard + self.quiz + self.exam


def bucketed(days: list[DayActivity]) -> list[Bar]:
    """One bar per day, or per few days (a week for a year) when there are more than MOST_BARS days."""
    size = 1 if len(days) <= MOST_BARS else 7 if len(days) > 3 * MOST_BARS else 3
    bars = []
    # Group from today backwards, so the last bar always ends today.
    for end in range(len(days), 0, -size):
        group = days[max(0, end - size) : end]
        bars.append(
            Bar(
                f"{group[0].day:%d %b}",
                sum(d.flashcard for d in group),
                sum(d.quiz for d in group),
                sum(d.exam for d in group),
            )
        )
    return bars[::-1]


def overview_text(stats: Statistics) -> str:
    today = stats.activity.today
    lines = [
        f"[b]Today[/] {plural(today.count, 'answer')} in {minutes(today.seconds)} · "
        f"[b]streak[/] {plural(stats.streak.current, 'day')} (longest {stats.streak.longest}) · "
        f"[b]all time[/] {plural(stats.activity.total, 'answer')}",
    ]
    questions = sum(d.questions for d in stats.decks)
    lines.append(
        f"[b]Cards[/] {questions}: {sum(d.new for d in stats.decks)} new · "
        f"{sum(d.in_learning for d in stats.decks)} learning · {sum(d.review for d in stats.decks)} review · "
        f"{sum(d.suspended for d in stats.decks)} suspended · [b]{sum(d.due_today for d in stats.decks)}[/] due today"
        + (f" · {retired} retired" if (retired := sum(d.retired for d in stats.decks)) else "")
    )
    ready = stats.readiness
    if ready.now is None or ready.now.mean is None:
        lines.append(f"[b]Ready[/] nothing studied yet ({percent(ready.unstudied_share)} of the questions are new)")
    else:
        lines.append(
            f"[b]Ready[/] [$success]{percent(ready.now.mean)}[/] chance of recall now · "
            f"≈{ready.now.knowledge:.0f} of {ready.questions} known · "
            f"{percent(ready.unstudied_share)} never studied"
        )
    if ready.exam is not None:
        lines.append(
            f"[b]Exam[/] {ready.exam.exam_date:%d %b %Y}, "
            f"{'today' if ready.exam.days_left == 0 else 'in ' + plural(ready.exam.days_left, 'day')}: "
            f"[$warning]{percent(ready.exam.recall.mean)}[/] recall then, if nothing more is studied"
        )
    elif stats.deck_id is not None:
        lines.append("[b]Exam[/] no date set: press [b]x[/] to give one and see your readiness on the day")
    lines.append("[b]True retention[/] (right at the first review of the day)")
    lines.append(f"{'':10}" + "".join(f"{f'last {days} d':>17}" for days in PERIODS))
    for label, kind in (("young", "young"), ("mature", "mature"), ("all", "all")):
        cells = "".join(f"{passed(getattr(stats.retention[days], kind)):>17}" for days in PERIODS)
        lines.append(f"  {label:8}{cells}")
    lines.append("")
    lines.append(
        f"[b]Answers over the last {len(stats.activity.days)} days[/] ({plural(stats.activity.active_days, 'study day')})"
    )
    return "\n".join(lines)


def answers_summary(stats: Statistics, period: int) -> str:
    chosen = stats.activity.last(period)
    kinds = " · ".join(
        f"{name} {sum(getattr(d, attr) for d in chosen.days)}"
        for name, attr in (("flashcards", "flashcard"), ("quizzes", "quiz"), ("exams", "exam"))
    )
    return (
        f"[b]Last {period} days[/] ([b]p[/] for 30/90/365): {plural(chosen.answers, 'answer')} on "
        f"{plural(chosen.active_days, 'day')}, {percent(chosen.right_share)} right, "
        f"{minutes(chosen.seconds)} · {kinds}"
    )


def forecast_summary(stats: Statistics) -> str:
    due = [d.due for d in stats.forecast]
    return (
        f"[b]Reviews falling due[/] if nothing is studied ahead: today {due[0]} · tomorrow {due[1]} · "
        f"next 7 days {sum(due[:7])} · next 30 days {sum(due)} (new cards not counted)"
    )


def topics_summary(stats: Statistics) -> str:
    if not stats.topics:
        return "No answers yet: study or take a quiz, and each topic's accuracy shows here."
    weakest = stats.topics[0]
    return (
        f"[b]Accuracy per topic[/], flashcards and quizzes together, weakest on top ({plural(stats.topic_count, 'topic')}). "
        f"Weakest: [$error]{escape(weakest.topic)}[/] {percent(weakest.accuracy)} of {weakest.answered}"
    )


def quizzes_summary(stats: Statistics) -> str:
    finished = [q for q in stats.quizzes if q.percent is not None]
    if not stats.quizzes:
        return "No quizzes yet: press [b]z[/] for a quiz or [b]e[/] for an exam on the home screen."
    exams = [q for q in finished if q.mode == "exam"]
    text = (
        f"[b]{plural(len(stats.quizzes), 'quiz', 'quizzes')}[/] ({len(stats.quizzes) - len(finished)} unfinished) · "
        f"% of the marks, negative marking included"
    )
    if finished:
        last = finished[-1]
        text += f" · last {last.percent:.0f}% ({last.mode}, {last.started_at.astimezone(stats.day.zone):%d %b})"
        text += f" · best {max(q.percent or 0 for q in finished):.0f}%"
    if exams:
        text += f" · exams average {sum(q.percent or 0 for q in exams) / len(exams):.0f}%"
    return text
