"""Study days in SQL: the local date a stored UTC moment falls on, with the day rolling over at the set hour."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, TableValuedAlias, case, func, literal, type_coerce

from quizapp.db.tallies import SLOT_SECONDS
from quizapp.srs.memory import utc_stamp
from quizapp.srs.queue import DayWindow

_STEP = timedelta(days=7)
"""How often the zone's UTC offset is sampled; offsets change at most twice a year, never twice in a week."""


def _shift(moment: datetime, zone: tzinfo, starts_at: int) -> int:
    """Seconds to add to a UTC moment to land on its study day's local calendar (offset minus the day's start)."""
    offset = moment.astimezone(zone).utcoffset() or timedelta()
    return int(offset.total_seconds()) - starts_at * 3600


def _change(before: datetime, after: datetime, zone: tzinfo, starts_at: int) -> datetime:
    """The first whole second in (before, after] with after's offset (the offsets at the two ends differ)."""
    target = _shift(after, zone, starts_at)
    low, high = int(before.timestamp()), int(after.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if _shift(datetime.fromtimestamp(middle, UTC), zone, starts_at) == target:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def shifts(zone: tzinfo, starts_at: int, since: datetime, until: datetime) -> list[tuple[datetime | None, int]]:
    """The offsets in force over [since, until]: (from when, seconds), the first from the beginning of time."""
    current = _shift(since, zone, starts_at)
    found: list[tuple[datetime | None, int]] = [(None, current)]
    moment = since
    while moment < until:
        following = min(moment + _STEP, until)
        offset = _shift(following, zone, starts_at)
        if offset != current:
            found.append((_change(moment, following, zone, starts_at), offset))
            current = offset
        moment = following
    return found


def study_day_sql(
    column: ColumnElement[datetime], day: DayWindow, since: datetime, until: datetime
) -> ColumnElement[str]:
    """The study day ('YYYY-MM-DD') of a UTC datetime column, exact for moments between `since` and `until`.

    SQLite stores the column as UTC text; each moment gets its zone's offset of the time (a few CASE
    branches where the zone has summer time) less the hour the day starts at, then its date is taken.
    """
    text = type_coerce(column, String)
    periods = shifts(day.zone, day.starts_at, since.astimezone(UTC), until.astimezone(UTC))
    modifier: ColumnElement[str] = literal(f"{periods[-1][1]:+d} seconds")
    if len(periods) > 1:
        whens = [
            (text < utc_stamp(start), f"{offset:+d} seconds")
            for (_, offset), (start, _) in zip(periods, periods[1:], strict=False)
            if start is not None
        ]
        modifier = case(*whens, else_=f"{periods[-1][1]:+d} seconds")
    return func.date(text, modifier)


def day_of(moment: datetime, day: DayWindow) -> date:
    """The study day a moment belongs to, in Python (the same rule as `study_day_sql`)."""
    return (moment.astimezone(day.zone) - timedelta(hours=day.starts_at)).date()


def today_of(day: DayWindow) -> date:
    """The date of the study day the window is for."""
    return day.start.date()


def day_start_of(moment: date, day: DayWindow) -> datetime:
    """When a study day begins (the same rule as the queue's day window)."""
    return datetime.combine(moment, time(day.starts_at), tzinfo=day.zone)


def study_days(day: DayWindow, first: date, last: date) -> tuple[TableValuedAlias, ColumnElement[str]]:
    """The study days from `first` to `last` as a table to join on (SQLite's json_each over [date, start, end]).

    Returns the table and its date column; `day_range(table, column)` is the condition putting a moment in it.
    Joining on ranges lets SQLite read a period's rows through the index, one day after the other, instead of
    working out the day of every row.
    """
    dates, starts = _starts(day, first, last)
    return _table(dates, [utc_stamp(start) for start in starts])


def study_slots(day: DayWindow, first: date, last: date) -> tuple[TableValuedAlias, ColumnElement[str]] | None:
    """`study_days` in quarter hours since 1970 (the slots of `review_tally`) instead of moments.

    None when a day of the period does not begin on a quarter hour (no zone in use today has such an offset).
    """
    dates, starts = _starts(day, first, last)
    seconds = [start.timestamp() for start in starts]
    if any(second % SLOT_SECONDS for second in seconds):
        return None
    return _table(dates, [int(second) // SLOT_SECONDS for second in seconds])


def _starts(day: DayWindow, first: date, last: date) -> tuple[list[date], list[datetime]]:
    """The days from `first` to `last`, and when each begins, with the beginning of the day after `last`."""
    dates = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return dates, [day_start_of(moment, day) for moment in (*dates, last + timedelta(days=1))]


def _table(dates: list[date], bounds: list[Any]) -> tuple[TableValuedAlias, ColumnElement[str]]:
    """json_each over [date, its start, its end] rows, and its date column."""
    rows = [[moment.isoformat(), bounds[n], bounds[n + 1]] for n, moment in enumerate(dates)]
    table = func.json_each(json.dumps(rows)).table_valued("value", name="study_day")
    return table, func.json_extract(table.c.value, "$[0]")


def day_range(table: TableValuedAlias, column: ColumnElement[Any]) -> ColumnElement[bool]:
    """The moment in `column` falls on the study day of the row of `study_days` (or the slot, of `study_slots`)."""
    text = column if isinstance(column.type, Integer) else type_coerce(column, String)
    return (text >= func.json_extract(table.c.value, "$[1]")) & (text < func.json_extract(table.c.value, "$[2]"))
