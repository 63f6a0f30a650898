"""`quizapp stats` for people: the statistics as rich tables."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from quizapp.stats.days import today_of
from quizapp.stats.report import Statistics
from quizapp.stats.retention import PERIODS, Pass

BARS = " ▁▂▃▄▅▆▇█"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 day", "3 days"; `many` for words that do not just take an s."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def minutes(seconds: float) -> str:
    """ "45 s", "12 min", "2 h 05 min"."""
    if 0 < seconds < 60:
        return f"{seconds:.0f} s"
    whole = round(seconds / 60)
    return f"{whole // 60} h {whole % 60:02d} min" if whole >= 60 else f"{whole} min"


def sparkline(values: list[int]) -> str:
    """One block character per value, scaled to the largest."""
    top = max(values, default=0)
    if not top:
        return BARS[0] * len(values)
    return "".join(BARS[0] if not v else BARS[max(1, round(v / top * (len(BARS) - 1)))] for v in values)


def passed(found: Pass) -> str:
    return "—" if found.rate is None else f"{found.rate:.0%} ({found.passed}/{found.total})"


# Names from the banks go into cells as Text: a string there is read as markup, and "[/b]" in a deck's name
# would stop the command.
def _numbers(title: str) -> Table:
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)


def deck_table(stats: Statistics) -> Table:
    table = _numbers("Decks (Learn counts relearning cards too)")
    table.add_column("Deck", overflow="fold", min_width=10)
    for name in ("Cards", "New", "Learn", "Review", "Susp.", "Retired", "Due", "Exam"):
        table.add_column(name, justify="right", no_wrap=True)
    for deck in stats.decks:
        left = deck.days_left(stats.day)
        exam = "—" if left is None else f"{left} d"
        counts = (deck.questions, deck.new, deck.in_learning, deck.review, deck.suspended)
        table.add_row(Text(deck.name), *(str(c) for c in counts), str(deck.retired), str(deck.due_today), exam)
    return table


def activity_lines(stats: Statistics) -> Text:
    month = stats.activity.last(30)
    lines = Text()
    lines.append("Today: ", style="bold").append(
        f"{plural(stats.activity.today.count, 'answer')} in {minutes(stats.activity.today.seconds)}\n"
    )
    lines.append("Streak: ", style="bold").append(
        f"{plural(stats.streak.current, 'day')} (longest {stats.streak.longest})   "
        f"answers ever: {stats.activity.total}\n"
    )
    lines.append("Last 30 days: ", style="bold").append(
        f"{plural(month.answers, 'answer')} ({percent(month.right_share)} right) "
        f"in {minutes(month.seconds)} on {plural(month.active_days, 'day')}\n"
    )
    lines.append(f"  {month.days[0].day:%d %b} ").append(sparkline([d.count for d in month.days]), style="green")
    lines.append(f" {month.days[-1].day:%d %b}\n")
    return lines


def retention_table(stats: Statistics) -> Table:
    table = _numbers("True retention (first answer of the day to cards due for review)")
    table.add_column("Cards")
    for days in PERIODS:
        table.add_column(f"Last {days} days", justify="right")
    rows = (("Young (interval < 21 d)", "young"), ("Mature", "mature"), ("All", "all"))
    for label, kind in rows:
        table.add_row(label, *(passed(getattr(stats.retention[days], kind)) for days in PERIODS))
    return table


def readiness_lines(stats: Statistics) -> Text:
    ready = stats.readiness
    lines = Text()
    lines.append("Readiness now: ", style="bold")
    if ready.now is None or ready.now.mean is None:
        lines.append("nothing studied yet")
    else:
        lines.append(
            f"{percent(ready.now.mean)} mean recall over {ready.now.studied} studied cards; "
            f"about {ready.now.knowledge:.0f} of {ready.questions} questions known"
        )
    lines.append(f"; never studied: {percent(ready.unstudied_share)}\n")
    if ready.exam is not None:
        lines.append("On exam day: ", style="bold").append(
            f"{ready.exam.exam_date:%d %b %Y} ({ready.exam.days_left} days left): "
            f"{percent(ready.exam.recall.mean)} mean recall if nothing more is studied\n"
        )
    for deck in stats.decks:
        if deck.exam_date is not None and stats.deck_id is None:
            left = deck.days_left(stats.day)
            outlook = "past" if left is None else f"in {left} days, {percent(deck.exam_readiness)} projected"
            lines.append(f"  {deck.name}: exam {deck.exam_date:%d %b %Y} ({outlook})\n")
    return lines


def forecast_lines(stats: Statistics) -> Text:
    due = [d.due for d in stats.forecast]
    lines = Text()
    lines.append("Due in the next 30 days: ", style="bold").append(
        f"{sum(due)} reviews (today {due[0]}, tomorrow {due[1]}, this week {sum(due[:7])})\n"
    )
    lines.append(f"  {stats.forecast[0].day:%d %b} ").append(sparkline(due), style="cyan")
    lines.append(f" {stats.forecast[-1].day:%d %b}\n")
    return lines


TOPIC_ROWS = 10
"""The weakest topics `quizapp stats` lists (`--json` gives every one)."""


def topic_table(stats: Statistics, limit: int = TOPIC_ROWS) -> Table:
    table = _numbers(f"Weakest topics (of {stats.topic_count})")
    table.add_column("Topic")
    if stats.deck_id is None:
        table.add_column("Deck")
    table.add_column("Answered", justify="right")
    table.add_column("Right", justify="right")
    for topic in stats.topics[:limit]:
        deck = [Text(topic.deck)] if stats.deck_id is None else []
        table.add_row(Text(topic.topic), *deck, str(topic.answered), percent(topic.accuracy))
    return table


def quiz_table(stats: Statistics, limit: int = 10) -> Table:
    table = _numbers(f"Quizzes and exams (latest {min(limit, len(stats.quizzes))} of {len(stats.quizzes)})")
    for name, justify in (("Started", "left"), ("Deck", "left"), ("Mode", "left"), ("Score", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    table.add_column("Right / wrong / skipped", justify="right")
    for quiz in reversed(stats.quizzes[-limit:]):
        score = "unfinished" if quiz.percent is None else f"{quiz.score:g} / {quiz.max_score:g} ({quiz.percent:.0f}%)"
        when = quiz.started_at.astimezone(stats.day.zone)
        table.add_row(
            f"{when:%d %b %Y %H:%M}",
            Text(quiz.deck or "all decks"),
            quiz.mode,
            score,
            f"{quiz.correct} / {quiz.wrong} / {quiz.unanswered}",
        )
    return table


def render(stats: Statistics) -> RenderableType:
    """Everything, top to bottom, in the order a student reads it."""
    scope = stats.decks[0].name if stats.deck_id is not None and stats.decks else "all decks"
    heading = Text(f"quizapp statistics: {scope}, {today_of(stats.day):%A %d %B %Y}\n", style="bold underline")
    parts: list[RenderableType] = [heading, deck_table(stats), activity_lines(stats), readiness_lines(stats)]
    parts += [forecast_lines(stats), retention_table(stats)]
    if stats.topics:
        parts.append(topic_table(stats))
    if stats.quizzes:
        parts.append(quiz_table(stats))
    return Group(*parts)
