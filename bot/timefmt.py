"""Time zone helpers: stored in UTC, shown in the bloc's zone as dd/mm/yyyy HH:MM."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def to_local(when: datetime, tz: str) -> datetime:
    return when.astimezone(zone(tz))


def fmt_datetime(when: datetime, tz: str) -> str:
    """``20/12/2026 08:00`` in the bloc's zone."""
    return to_local(when, tz).strftime("%d/%m/%Y %H:%M")


def fmt_date(when: datetime, tz: str) -> str:
    return to_local(when, tz).strftime("%d/%m/%Y")


def local_year(when: datetime, tz: str) -> int:
    """The bloc's year at ``when``: the calendar year in the bloc's zone."""
    return to_local(when, tz).year


def year_start(year: int, tz: str) -> datetime:
    """00:00 on 1 January of ``year`` in the bloc's zone, as UTC."""
    return datetime(year, 1, 1, tzinfo=zone(tz)).astimezone(UTC)
