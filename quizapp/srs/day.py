"""Study days: they roll over at a set local hour (4 a.m. by default), not at midnight."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

DAY_STARTS_AT = 4
"""The hour (local time) a new study day begins, as in Anki; one for every deck, since a day is the student's."""


def local_zone() -> tzinfo:
    """The machine's time zone, for callers that have none of their own."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def day_start(now: datetime, *, zone: tzinfo, starts_at: int = DAY_STARTS_AT) -> datetime:
    """When the study day containing `now` began, as an aware datetime in `zone`."""
    local = now.astimezone(zone)
    start = datetime.combine(local.date(), time(starts_at), tzinfo=zone)
    if local < start:
        start -= timedelta(days=1)
    return start


def day_bounds(now: datetime, *, zone: tzinfo, starts_at: int = DAY_STARTS_AT) -> tuple[datetime, datetime]:
    """The [start, end) of the study day containing `now`."""
    start = day_start(now, zone=zone, starts_at=starts_at)
    return start, day_start(start + timedelta(hours=25), zone=zone, starts_at=starts_at)
