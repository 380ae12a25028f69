"""Reading the dates and times officers type, in the bloc's time zone.

Accepted (time before or after the date, "ngày"/"lúc" allowed around them):
``20/12/2026 08:00`` · ``20/12/2026 8h`` · ``20/12/2026 8h30`` · ``8h30 20/12/2026`` ·
``20/12 14:00`` (this year, or next year if that moment has passed) · ``2026-12-20 08:00`` ·
``20-12-2026``, ``20.12.2026`` and two-digit years (``20/12/26``) · ``10:30`` alone (today, or
tomorrow if that time has passed). A date alone is accepted only where the caller gives a default
time (a deadline's end of the working day, say).
Everything is returned as an aware UTC datetime; nothing here reads the clock.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from bot.errors import UserError
from bot.timefmt import zone

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<![\d:])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d:])")
_TIME = re.compile(r"(?<![\d/.-])(\d{1,2})(?:(?::|h|g)(\d{2})|h|g)(?![\d/.-])")
_FILLER = re.compile(r"\b(ngày|ngay|lúc|luc|vào|vao|giờ|gio|phút|phut|at|on)\b")


def _normalise(text: str) -> str:
    text = re.sub(r"^(\d{4}-\d{1,2}-\d{1,2})t", r"\1 ", text.strip().lower())  # ISO "2026-12-20T08:00"
    # "8 giờ 30" -> "8h30", "8 giờ" -> "8h"
    text = re.sub(r"(\d{1,2})\s*(?:giờ|gio)\s*(\d{2})(?:\s*(?:phút|phut))?", r"\1h\2", text)
    text = re.sub(r"(\d{1,2})\s*(?:giờ|gio)\b", r"\1h", text)
    return _FILLER.sub(" ", text)


def parse_when(raw: str, *, now: datetime, tz: str, default_time: time | None = None,
               allow_past: bool = False) -> datetime:
    """The moment ``raw`` names, in UTC; raises UserError("date.*") with the accepted forms."""
    value = raw.strip()
    text = _normalise(value)
    local_now = now.astimezone(zone(tz))
    iso = _ISO.search(text)
    dmy = None if iso else _DMY.search(text)
    match = iso or dmy
    if match is None:
        return _time_only(text, value, local_now, tz, allow_past)
    rest = (text[: match.start()] + " " + text[match.end():]).strip()
    year_given = True
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        assert dmy is not None
        day, month = int(dmy.group(1)), int(dmy.group(2))
        year_text = dmy.group(3)
        if year_text is None:
            year, year_given = local_now.year, False
        else:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:  # a date that does not exist (31/02) is the first thing to say, before a missing time
        day_of = date(year, month, day)
    except ValueError as exc:
        raise UserError("date.impossible", value=value[:60]) from exc
    clock = _TIME.search(rest)
    if clock is not None:
        hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
        rest = (rest[: clock.start()] + rest[clock.end():]).strip()
        if hour > 23 or minute > 59:
            raise UserError("date.bad_time", value=value[:60])
        at = time(hour, minute)
    elif default_time is not None:
        at = default_time
    else:
        raise UserError("date.no_time", value=value[:60])
    if rest:
        raise UserError("date.invalid", value=value[:60])
    when = datetime.combine(day_of, at, zone(tz))
    if not year_given and when <= local_now:
        try:
            when = when.replace(year=year + 1)  # "20/12 14:00" typed after it: next year's
        except ValueError as exc:  # 29/02 with no leap year next
            raise UserError("date.impossible", value=value[:60]) from exc
    return _checked(when, value, now, local_now, allow_past)


def _checked(when: datetime, value: str, now: datetime, local_now: datetime, allow_past: bool) -> datetime:
    result = when.astimezone(UTC)
    if not allow_past and result <= now:
        raise UserError("date.past", value=value[:60], now=local_now.strftime("%d/%m/%Y %H:%M"))
    return result


def _time_only(text: str, value: str, local_now: datetime, tz: str, allow_past: bool) -> datetime:
    """``10:30`` alone: today at that time, or tomorrow if it has passed (``/vote 1 | 10:30``)."""
    clock = _TIME.fullmatch(text.strip())
    if clock is None:
        raise UserError("date.invalid", value=value[:60])
    hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
    if hour > 23 or minute > 59:
        raise UserError("date.bad_time", value=value[:60])
    when = datetime.combine(local_now.date(), time(hour, minute), zone(tz))
    if when <= local_now and not allow_past:
        when = datetime.combine(local_now.date() + timedelta(days=1), time(hour, minute), zone(tz))
    return _checked(when, value, local_now.astimezone(UTC), local_now, allow_past)
