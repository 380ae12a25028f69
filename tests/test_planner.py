"""The reminder planner: offsets, working-hours shifts, overdue sequence; properties by hypothesis."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.reminders.holidays import national
from bot.services.reminders.planner import (
    DEADLINE_DEFAULTS,
    MEETING_DEFAULTS,
    At,
    Before,
    OnDueDay,
    is_working_time,
    plan,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TZ = "Asia/Ho_Chi_Minh"


def local(slots) -> list[tuple[str, str]]:
    return [(s.key, s.due_at.astimezone(VN).strftime("%a %d/%m %H:%M")) for s in slots]


def test_deadline_defaults_on_a_thursday_afternoon() -> None:
    due = datetime(2026, 12, 10, 17, 0, tzinfo=VN)  # Thursday
    assert local(plan(due, DEADLINE_DEFAULTS, TZ)) == [
        ("b10080m", "Thu 03/12 17:00"),
        ("b4320m", "Mon 07/12 17:00"),
        ("b1440m", "Wed 09/12 17:00"),
        ("day@0800", "Thu 10/12 08:00"),
        ("over1@0800", "Fri 11/12 08:00"),
        ("over2@0800", "Mon 14/12 08:00"),
        ("over3@0800", "Tue 15/12 08:00"),
        ("summary4@0800", "Wed 16/12 08:00"),
    ]


def test_weekend_reminders_move_to_working_hours_and_never_after_the_deadline() -> None:
    due = datetime(2026, 12, 14, 8, 0, tzinfo=VN)  # Monday 08:00
    slots = dict(local(plan(due, DEADLINE_DEFAULTS, TZ)))
    assert slots["b10080m"] == "Mon 07/12 08:00"
    assert slots["b4320m"] == "Fri 11/12 08:00"
    # Sunday 08:00 would move to Monday 08:00, the deadline itself: it goes back to Friday 16:00.
    assert slots["b1440m"] == "Fri 11/12 16:00"
    # 08:00 on the due day is the deadline itself: no such reminder.
    assert "day@0800" not in slots
    assert slots["over1@0800"] == "Tue 15/12 08:00"


def test_evening_reminders_move_to_the_next_morning() -> None:
    due = datetime(2026, 12, 11, 10, 0, tzinfo=VN)  # Friday 10:00
    slots = dict(local(plan(due, [Before(timedelta(days=1), ), Before(timedelta(hours=15))], TZ)))
    assert slots["b1440m"] == "Thu 10/12 10:00"
    assert slots["b900m"] == "Fri 11/12 08:00"  # Thursday 19:00 -> Friday 08:00, still before 10:00


def test_a_conference_reminder_two_hours_before_keeps_its_time() -> None:
    held = datetime(2026, 12, 19, 8, 0, tzinfo=VN)  # Saturday 08:00
    assert local(plan(held, MEETING_DEFAULTS, TZ)) == [
        ("b4320m", "Wed 16/12 08:00"),
        ("b1440m", "Fri 18/12 08:00"),
        ("b120m", "Sat 19/12 06:00"),
    ]


def test_overdue_notices_skip_the_weekend() -> None:
    due = datetime(2026, 12, 11, 17, 0, tzinfo=VN)  # Friday
    slots = dict(local(plan(due, DEADLINE_DEFAULTS, TZ)))
    assert [slots[k] for k in ("over1@0800", "over2@0800", "over3@0800", "summary4@0800")] == [
        "Mon 14/12 08:00", "Tue 15/12 08:00", "Wed 16/12 08:00", "Thu 17/12 08:00"]


def test_two_reminders_on_one_moment_are_merged_keeping_the_nearer() -> None:
    due = datetime(2026, 12, 14, 9, 0, tzinfo=VN)  # Monday 09:00
    # 2 days before is Saturday 09:00, which moves to Monday 08:00: the due-day reminder's moment.
    slots = plan(due, [Before(timedelta(days=3)), Before(timedelta(days=2)), OnDueDay()], TZ)
    assert local(slots) == [("b4320m", "Fri 11/12 09:00"), ("day@0800", "Mon 14/12 08:00")]


anchors = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31),
                       timezones=st.just(UTC)).map(lambda d: d.replace(second=0, microsecond=0))


def _days_off(anchor: datetime) -> frozenset:
    year = anchor.astimezone(VN).year
    return frozenset(d for y in (year - 1, year, year + 1) for d in national(y))


@settings(max_examples=300)
@given(anchors)
def test_deadline_plan_properties(anchor: datetime) -> None:
    off = _days_off(anchor)
    slots = plan(anchor, DEADLINE_DEFAULTS, TZ, off)
    keys = [s.key for s in slots]
    assert len(keys) == len(set(keys))
    assert [s.due_at for s in slots] == sorted(s.due_at for s in slots)
    for slot in slots:
        # Never on a weekend, outside working hours, or on a public holiday (Tết included).
        assert is_working_time(slot.due_at.astimezone(VN), off), slot
        if slot.offset.before_item:
            assert slot.due_at < anchor
        else:
            assert slot.due_at > anchor
    # The overdue sequence is always complete, and the summary comes last.
    assert [k for k in keys if not k.startswith(("b", "day"))] == [
        "over1@0800", "over2@0800", "over3@0800", "summary4@0800"]
    # Replanning gives the same plan.
    assert plan(anchor, DEADLINE_DEFAULTS, TZ, off) == slots


@settings(max_examples=200)
@given(anchors)
def test_meeting_plan_properties(anchor: datetime) -> None:
    slots = plan(anchor, MEETING_DEFAULTS, TZ)
    by_key = {s.key: s for s in slots}
    assert by_key["b120m"].due_at == anchor - timedelta(hours=2)
    assert all(s.due_at < anchor for s in slots)
    assert all(is_working_time(s.due_at.astimezone(VN)) for s in slots if s.key != "b120m")


def test_tet_is_skipped_by_reminders_and_by_the_next_working_day() -> None:
    off = _days_off(datetime(2027, 2, 1, tzinfo=UTC))
    assert {date(2027, 2, d) for d in range(4, 11)} <= off  # Tết Đinh Mùi: 29 Tết to mùng năm
    due = datetime(2027, 2, 3, 17, 0, tzinfo=VN)  # Wednesday before Tết
    assert local(plan(due, DEADLINE_DEFAULTS, TZ, off))[-4:] == [
        ("over1@0800", "Thu 11/02 08:00"),  # the first working day after Tết
        ("over2@0800", "Fri 12/02 08:00"),
        ("over3@0800", "Mon 15/02 08:00"),
        ("summary4@0800", "Tue 16/02 08:00"),
    ]
    # Seven days before a deadline just after Tết would be on mùng ba: moved to the morning after Tết.
    after = datetime(2027, 2, 15, 17, 0, tzinfo=VN)
    assert ("b10080m", "Thu 11/02 08:00") in local(plan(after, DEADLINE_DEFAULTS, TZ, off))
    # Without the holidays it would have landed in the middle of Tết.
    assert ("b10080m", "Mon 08/02 17:00") in local(plan(after, DEADLINE_DEFAULTS, TZ))


def test_at_fires_exactly_at_the_item_even_at_night() -> None:
    closing = datetime(2026, 12, 19, 23, 30, tzinfo=VN)  # Saturday night
    assert local(plan(closing, [Before(timedelta(hours=1)), At()], TZ)) == [
        ("b60m", "Fri 18/12 16:00"), ("at", "Sat 19/12 23:30")]
