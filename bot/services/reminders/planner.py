"""The reminder planner: pure functions from an item's due time and a list of offsets to the
moments its reminders fire, in UTC. No database, no clock: fast to test and to run at scale.

Offsets (each has a stable ``key``, the reminder's identity across replanning):

- ``Before(delta)``: a fixed time before the item (7 days, 3 days, 1 day, 2 hours).
- ``OnDueDay(at)``: at a clock time on the item's own day (08:00 on the due day).
- ``Overdue(n, at)``: at a clock time on the n-th working day after the item's day.
- ``Summary(n, at)``: the same moment rule as ``Overdue``, but addressed to the bloc's head.
- ``At()``: exactly at the item's time (closing a pledge or a vote), never moved.

Working hours (giờ hành chính) are 07:30–17:00 (both included), Monday–Friday except days off (Vietnam's
public holidays, Tết by the lunar calendar included, and the days a bloc adds), in the bloc's zone. A reminder
that would fall outside them moves to the next working morning (08:00); a reminder *before* the
item that would then land at or after the item moves back to the last working afternoon before it
(16:00) instead; offsets with ``keep_time=True`` (a conference's 2 hours before) are never moved.
Reminders before the item that still cannot fall before it are dropped; two reminders landing on
the same moment are merged (the one closer to the item is kept).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WORK_START = time(7, 30)
WORK_END = time(17, 0)
MORNING = time(8, 0)
AFTERNOON = time(16, 0)
WORKDAYS = frozenset(range(5))  # Monday..Friday


@dataclass(frozen=True)
class Before:
    delta: timedelta
    keep_time: bool = False

    @property
    def key(self) -> str:
        return f"b{int(self.delta.total_seconds() // 60)}m"

    @property
    def before_item(self) -> bool:
        return True


@dataclass(frozen=True)
class OnDueDay:
    at: time = MORNING

    @property
    def key(self) -> str:
        return f"day@{self.at:%H%M}"

    @property
    def before_item(self) -> bool:
        return True

    keep_time = False


@dataclass(frozen=True)
class Overdue:
    n: int
    at: time = MORNING

    @property
    def key(self) -> str:
        return f"over{self.n}@{self.at:%H%M}"

    @property
    def before_item(self) -> bool:
        return False

    keep_time = False


@dataclass(frozen=True)
class Summary:
    n: int
    at: time = MORNING

    @property
    def key(self) -> str:
        return f"summary{self.n}@{self.at:%H%M}"

    @property
    def before_item(self) -> bool:
        return False

    keep_time = False


@dataclass(frozen=True)
class At:
    """Exactly at the item's time, never moved: an action rather than a reminder (closing a pledge or
    a vote at its deadline), fired by the same engine so it survives restarts."""

    key = "at"
    before_item = False
    keep_time = True


Offset = Before | OnDueDay | Overdue | Summary | At
# What a bloc's reminder plan may hold (At is an action the features add themselves).
ConfigOffset = Before | OnDueDay | Overdue | Summary


@dataclass(frozen=True)
class PlannedSlot:
    key: str
    due_at: datetime  # UTC
    offset: Offset


NO_DAYS_OFF: frozenset[date] = frozenset()


def is_working_day(day: date, days_off: Container[date] = NO_DAYS_OFF) -> bool:
    return day.weekday() in WORKDAYS and day not in days_off


def is_working_time(local: datetime, days_off: Container[date] = NO_DAYS_OFF) -> bool:
    return is_working_day(local.date(), days_off) and WORK_START <= local.time() <= WORK_END


def next_working_morning(local: datetime, days_off: Container[date] = NO_DAYS_OFF) -> datetime:
    """08:00 on this day if it is a working day and before opening, else on the next working day."""
    day = local.date()
    if is_working_day(day, days_off) and local.time() < WORK_START:
        return datetime.combine(day, MORNING, local.tzinfo)
    day += timedelta(days=1)
    while not is_working_day(day, days_off):
        day += timedelta(days=1)
    return datetime.combine(day, MORNING, local.tzinfo)


def last_working_afternoon(local: datetime, days_off: Container[date] = NO_DAYS_OFF) -> datetime:
    """16:00 on this day if working hours are over and it is a working day, else on the previous one."""
    day = local.date()
    if is_working_day(day, days_off) and local.time() > WORK_END:
        return datetime.combine(day, AFTERNOON, local.tzinfo)
    day -= timedelta(days=1)
    while not is_working_day(day, days_off):
        day -= timedelta(days=1)
    return datetime.combine(day, AFTERNOON, local.tzinfo)


def nth_working_day_after(local: datetime, n: int, days_off: Container[date] = NO_DAYS_OFF) -> datetime:
    day = local.date()
    count = 0
    while count < n:
        day += timedelta(days=1)
        if is_working_day(day, days_off):
            count += 1
    return datetime.combine(day, time(0, 0), local.tzinfo)


def _raw_time(offset: Offset, anchor: datetime, days_off: Container[date]) -> datetime:
    if isinstance(offset, At):
        return anchor
    if isinstance(offset, Before):
        return anchor - offset.delta
    if isinstance(offset, OnDueDay):
        return datetime.combine(anchor.date(), offset.at, anchor.tzinfo)
    day = nth_working_day_after(anchor, offset.n, days_off)
    return datetime.combine(day.date(), offset.at, anchor.tzinfo)


def plan(anchor_utc: datetime, offsets: list[Offset] | tuple[Offset, ...], tz: str,
         days_off: Container[date] = NO_DAYS_OFF) -> list[PlannedSlot]:
    """The reminder moments of an item due (or held) at ``anchor_utc``, sorted, in UTC; ``days_off``
    are the local dates that are not working days although not weekends (holidays).

    The result depends only on its arguments, so replanning after a change gives the same keys.
    """
    if anchor_utc.tzinfo is None:
        raise ValueError("anchor must be aware")
    zone = ZoneInfo(tz)
    anchor = anchor_utc.astimezone(zone)
    before: dict[datetime, PlannedSlot] = {}
    after: dict[str, PlannedSlot] = {}
    for offset in offsets:
        when = _raw_time(offset, anchor, days_off)
        if not offset.keep_time and not is_working_time(when, days_off):
            moved = next_working_morning(when, days_off)
            if offset.before_item and moved >= anchor:
                moved = last_working_afternoon(when, days_off)
            when = moved
        slot = PlannedSlot(offset.key, when.astimezone(UTC), offset)
        if not offset.before_item:
            after[offset.key] = slot
            continue
        if when >= anchor:
            continue
        kept = before.get(slot.due_at)
        # Two reminders before the item on the same moment: keep the one about the nearer time.
        if kept is None or _lead(offset) < _lead(kept.offset):
            before[slot.due_at] = slot
    return sorted([*before.values(), *after.values()], key=lambda s: (s.due_at, s.key))


def _lead(offset: Offset) -> float:
    return offset.delta.total_seconds() if isinstance(offset, Before) else 0.0


# The defaults of the calendar: deadlines 7, 3 and 1 day before and 08:00 on the due day, overdue
# notices on the next 3 working days, then one summary to the head; conferences 3 days, 1 day and
# 2 hours before (the last one at its exact time, even outside working hours).
DEADLINE_DEFAULTS: tuple[ConfigOffset, ...] = (
    Before(timedelta(days=7)),
    Before(timedelta(days=3)),
    Before(timedelta(days=1)),
    OnDueDay(MORNING),
    Overdue(1, MORNING),
    Overdue(2, MORNING),
    Overdue(3, MORNING),
    Summary(4, MORNING),
)
MEETING_DEFAULTS: tuple[ConfigOffset, ...] = (
    Before(timedelta(days=3)),
    Before(timedelta(days=1)),
    Before(timedelta(hours=2), keep_time=True),
)
