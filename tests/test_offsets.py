"""Reminder plans as typed in /remind_config: parsing, formatting, the bloc's stored plans."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import select

from bot.errors import UserError
from bot.services.reminders import service as rc
from bot.services.reminders.offsets import OffsetError, format_plan, parse_plan, parse_token
from bot.services.reminders.planner import (
    DEADLINE_DEFAULTS,
    MEETING_DEFAULTS,
    Before,
    OnDueDay,
    Overdue,
    Summary,
)
from storage.models import AuditLog, ReminderConfig
from tests.builders import build_bloc

ALL = (Before, OnDueDay, Overdue, Summary)


def test_tokens_in_vietnamese_and_english() -> None:
    assert parse_token("7n") == parse_token("7d") == Before(timedelta(days=7))
    assert parse_token("2g") == parse_token("2H") == Before(timedelta(hours=2))
    assert parse_token("30p") == parse_token("30m") == Before(timedelta(minutes=30))
    assert parse_token("2g!") == Before(timedelta(hours=2), keep_time=True)
    assert parse_token("08:00") == parse_token("8h00") == OnDueDay(time(8, 0))
    assert parse_token("+1") == Overdue(1)
    assert parse_token("+2@09:30") == Overdue(2, time(9, 30))
    assert parse_token("tổng+4") == parse_token("tong+4") == parse_token("sum+4") == Summary(4)


def test_the_defaults_read_back_from_their_text() -> None:
    assert format_plan(DEADLINE_DEFAULTS) == "7n 3n 1n 08:00 +1 +2 +3 tổng+4"  # type: ignore[arg-type]
    assert format_plan(MEETING_DEFAULTS, "en") == "3d 1d 2h!"  # type: ignore[arg-type]
    assert parse_plan(format_plan(DEADLINE_DEFAULTS), ALL) == DEADLINE_DEFAULTS  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"), ("7x", "unknown"), ("0n", "too_far"), ("61n", "too_far"), ("+0", "too_far"),
    ("25:00", "bad_time"), ("+1@08:75", "bad_time"), ("1n 1d", "repeated"), ("1n " * 13, "too_many"),
])
def test_bad_plans_say_which_token_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(OffsetError) as caught:
        parse_plan(text, ALL)
    assert caught.value.reason == reason


def test_a_conference_cannot_be_overdue() -> None:
    with pytest.raises(OffsetError) as caught:
        parse_plan("3n +1", rc.ALLOWED[rc.MEETING])
    assert caught.value.reason == "not_allowed" and caught.value.token == "+1"


offsets = st.one_of(
    st.builds(Before, st.integers(1, 60 * 1440).map(lambda m: timedelta(minutes=m)), st.booleans()),
    st.builds(OnDueDay, st.times().map(lambda t: time(t.hour, t.minute))),
    st.builds(Overdue, st.integers(1, 20), st.times().map(lambda t: time(t.hour, t.minute))),
    st.builds(Summary, st.integers(1, 20), st.times().map(lambda t: time(t.hour, t.minute))),
)


@given(st.lists(offsets, max_size=12, unique_by=lambda o: o.key).filter(bool), st.sampled_from(["vi", "en"]))
def test_any_plan_survives_a_round_trip_through_text(plan: list, lang: str) -> None:
    parsed = parse_plan(format_plan(plan, lang), ALL)
    assert sorted(o.key for o in parsed) == sorted(o.key for o in plan)
    assert set(parsed) == set(plan)


def test_a_bloc_sets_and_resets_its_plan_with_an_audit_row(core) -> None:
    built = build_bloc(core)
    with core.db.session() as s:
        assert rc.offsets_for(s, built.bloc.id, rc.DEADLINE) == DEADLINE_DEFAULTS
        rc.set_plan(s, bloc=built.bloc, kind=rc.DEADLINE, text="1d 5d +1", actor=built.admin, now=core.now())
    with core.db.session() as s:
        assert format_plan(rc.offsets_for(s, built.bloc.id, rc.DEADLINE)) == "5n 1n +1"
        assert rc.offsets_for(s, built.bloc.id, rc.MEETING) == MEETING_DEFAULTS
        with pytest.raises(UserError) as caught:
            rc.set_plan(s, bloc=built.bloc, kind=rc.VOTE, text="1n +1", actor=built.admin, now=core.now())
        assert caught.value.key == "remind.bad_not_allowed"
    with core.db.session() as s:
        rc.set_plan(s, bloc=built.bloc, kind=rc.DEADLINE, text="mặc định", actor=built.admin, now=core.now())
    with core.db.session() as s:
        assert rc.is_default(s, built.bloc.id, rc.DEADLINE)
        assert s.exec(select(ReminderConfig)).all() == []
        actions = [a.details for a in s.exec(select(AuditLog).where(AuditLog.action == "remind.config"))]
    assert len(actions) == 2 and '"new": "5n 1n +1"' in actions[0]
