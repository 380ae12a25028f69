"""Reminder plans as officers type them (``/remind_config``): ``7n 3n 1n 08:00 +1 +2 +3 tổng+4``.

A plan is a list of tokens, each one offset of :mod:`scheduler.planner`:

- ``7n`` / ``7d`` (ngày, days), ``2g`` / ``2h`` (giờ, hours), ``30p`` / ``30m`` (phút, minutes): that long
  before the item; a trailing ``!`` keeps the exact time even outside working hours (``2g!``).
- ``08:00``: at that time on the item's own day (giờ hành chính rules apply).
- ``+1``, ``+2@09:00``: overdue notice at 08:00 (or the given time) on the n-th working day after.
- ``tổng+4`` (also ``tong+4``, ``sum+4``): the summary to the head, same moment rule as ``+4``.

Pure functions, no database: the planner turns offsets into moments, this module into and out of text.
"""

from __future__ import annotations

import re
from datetime import time, timedelta

from bot.services.reminders.planner import MORNING, Before, ConfigOffset, OnDueDay, Overdue, Summary

MAX_TOKENS = 12
MAX_BEFORE = timedelta(days=60)
MAX_AFTER_DAYS = 20

_UNITS = {"n": "d", "d": "d", "g": "h", "h": "h", "p": "m", "m": "m"}
_BEFORE = re.compile(r"^(\d{1,5})([ndghpm])(!?)$")
_CLOCK = r"(\d{1,2})[:h](\d{2})"
_ON_DAY = re.compile(rf"^{_CLOCK}$")
_AFTER = re.compile(rf"^(tổng|tong|sum)?\+(\d{{1,2}})(?:@{_CLOCK})?$")


class OffsetError(ValueError):
    """A token that is not a reminder offset; ``token`` is what the person typed."""

    def __init__(self, token: str, reason: str) -> None:
        super().__init__(f"{token}: {reason}")
        self.token = token
        self.reason = reason  # too_far | bad_time | unknown | not_allowed | too_many | empty | repeated


def _clock(hour: str, minute: str, token: str) -> time:
    h, m = int(hour), int(minute)
    if h > 23 or m > 59:
        raise OffsetError(token, "bad_time")
    return time(h, m)


def parse_token(raw: str) -> ConfigOffset:
    token = raw.strip().lower()
    if match := _BEFORE.match(token):
        amount, unit, keep = int(match.group(1)), _UNITS[match.group(2)], match.group(3) == "!"
        delta = {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
        if delta <= timedelta(0) or delta > MAX_BEFORE:
            raise OffsetError(raw, "too_far")
        return Before(delta, keep_time=keep)
    if match := _ON_DAY.match(token):
        return OnDueDay(_clock(match.group(1), match.group(2), raw))
    if match := _AFTER.match(token):
        n = int(match.group(2))
        if not 1 <= n <= MAX_AFTER_DAYS:
            raise OffsetError(raw, "too_far")
        at = _clock(match.group(3), match.group(4), raw) if match.group(3) else MORNING
        return Summary(n, at) if match.group(1) else Overdue(n, at)
    raise OffsetError(raw, "unknown")


def parse_plan(text: str, allowed: tuple[type, ...]) -> tuple[ConfigOffset, ...]:
    """The offsets of a typed plan, in a stable order (earliest first); raises OffsetError."""
    tokens = text.replace(",", " ").split()
    if not tokens:
        raise OffsetError("", "empty")
    if len(tokens) > MAX_TOKENS:
        raise OffsetError(tokens[MAX_TOKENS], "too_many")
    out: dict[str, ConfigOffset] = {}
    for token in tokens:
        offset = parse_token(token)
        if not isinstance(offset, allowed):
            raise OffsetError(token, "not_allowed")
        if offset.key in out:
            raise OffsetError(token, "repeated")
        out[offset.key] = offset
    return tuple(sorted(out.values(), key=sort_key))


def sort_key(offset: ConfigOffset) -> tuple[int, float]:
    """Earliest first: the longest lead before the item, then the due day, then days after."""
    if isinstance(offset, Before):
        return (0, -offset.delta.total_seconds())
    if isinstance(offset, OnDueDay):
        return (1, offset.at.hour * 60 + offset.at.minute)
    base = 2 if isinstance(offset, Overdue) else 3
    return (base, offset.n * 1440 + offset.at.hour * 60 + offset.at.minute)


def format_token(offset: ConfigOffset, lang: str = "vi") -> str:
    if isinstance(offset, Before):
        minutes = int(offset.delta.total_seconds() // 60)
        day, hour, minute = ("n", "g", "p") if lang == "vi" else ("d", "h", "m")
        if minutes % 1440 == 0:
            text = f"{minutes // 1440}{day}"
        elif minutes % 60 == 0:
            text = f"{minutes // 60}{hour}"
        else:
            text = f"{minutes}{minute}"
        return text + ("!" if offset.keep_time else "")
    if isinstance(offset, OnDueDay):
        return f"{offset.at:%H:%M}"
    at = "" if offset.at == MORNING else f"@{offset.at:%H:%M}"
    prefix = ("tổng" if lang == "vi" else "sum") if isinstance(offset, Summary) else ""
    return f"{prefix}+{offset.n}{at}"


def format_plan(offsets: tuple[ConfigOffset, ...] | list[ConfigOffset], lang: str = "vi") -> str:
    return " ".join(format_token(o, lang) for o in sorted(offsets, key=sort_key))
