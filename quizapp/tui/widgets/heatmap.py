"""A calendar heatmap of a year of study: one cell per day, a column per week, darker for more answers."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.color import Color
from textual.widgets import Static

from quizapp.stats.activity import DayActivity

WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
LEVELS = (0.25, 0.5, 0.75, 1.0)
"""How strongly each quarter of the busiest day's count is coloured."""


def level(count: int, busiest: int) -> int:
    """0 for no answers, else 1–4 by quarter of the busiest day."""
    if count <= 0 or busiest <= 0:
        return 0
    return min(len(LEVELS), 1 + (count * len(LEVELS) - 1) // busiest)


class Heatmap(Static):
    """The days given (oldest first, ending today) as a weeks-by-weekdays grid with month names above."""

    DEFAULT_CSS = """
    Heatmap {
        height: auto;
        width: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[DayActivity] = []

    def show(self, days: list[DayActivity]) -> None:
        self.days = days
        self.update(self.grid())

    def _colours(self) -> list[str]:
        variables = self.app.theme_variables
        empty = Color.parse(variables.get("panel", "#333333"))
        full = Color.parse(variables.get("success", "#22aa22"))
        return [empty.hex] + [empty.blend(full, share).hex for share in LEVELS]

    def grid(self) -> Text:
        if not self.days:
            return Text("No answers yet.")
        colours = self._colours()
        first = self.days[0].day - timedelta(days=self.days[0].day.weekday())  # back to a Monday
        counts = {day.day: day.count for day in self.days}
        busiest = max(counts.values(), default=0)
        weeks = (self.days[-1].day - first).days // 7 + 1
        months = [" "] * (weeks + 3)
        for week in range(weeks):
            monday = first + timedelta(weeks=week)
            if monday.day <= 7 and all(c == " " for c in months[max(0, week - 1) : week + 3]):
                months[week : week + 3] = f"{monday:%b}"
        text = Text()
        text.append("    " + "".join(months).rstrip() + "\n", style="dim")
        for weekday in range(7):
            text.append(f"{WEEKDAYS[weekday]:<4}", style="dim")
            for week in range(weeks):
                moment = first + timedelta(weeks=week, days=weekday)
                if moment not in counts:
                    text.append(" ")
                    continue
                shade = colours[level(counts[moment], busiest)]
                text.append("■", style=f"bold {shade}" if moment == self.days[-1].day else shade)
            text.append("\n")
        text.append("    less ", style="dim")
        for shade in colours:
            text.append("■", style=shade)
        text.append(f" more (busiest day {busiest} answers)", style="dim")
        return text
