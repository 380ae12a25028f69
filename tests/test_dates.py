"""The date parser: the accepted forms, refusals, and round trips (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.dates import parse_when
from bot.errors import UserError
from bot.timefmt import fmt_datetime

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TZ = "Asia/Ho_Chi_Minh"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=VN)  # Monday


def parsed(text: str, **kw) -> str:
    return fmt_datetime(parse_when(text, now=NOW, tz=TZ, **kw), TZ)


@pytest.mark.parametrize(("text", "expected"), [
    ("20/12/2026 08:00", "20/12/2026 08:00"),
    ("20/12/2026 8:00", "20/12/2026 08:00"),
    ("20/12/2026 8h", "20/12/2026 08:00"),
    ("20/12/2026 8h30", "20/12/2026 08:30"),
    ("8h30 20/12/2026", "20/12/2026 08:30"),
    ("8h30 ngày 20/12/2026", "20/12/2026 08:30"),
    ("lúc 14 giờ 30 ngày 20/12/2026", "20/12/2026 14:30"),
    ("20/12 14:00", "20/12/2026 14:00"),
    ("2026-12-20 08:00", "20/12/2026 08:00"),
    ("2026-12-20T08:00", "20/12/2026 08:00"),
    ("20-12-2026 17:00", "20/12/2026 17:00"),
    ("20.12.26 17h", "20/12/2026 17:00"),
    ("  1/2/2027   7h ", "01/02/2027 07:00"),
])
def test_accepted_forms(text: str, expected: str) -> None:
    assert parsed(text) == expected


def test_a_date_without_a_year_that_has_passed_means_next_year() -> None:
    assert parsed("20/01 08:00") == "20/01/2027 08:00"
    assert parsed("23/11 08:59") == "23/11/2027 08:59"  # a minute ago this year
    assert parsed("23/11 09:30") == "23/11/2026 09:30"


def test_a_time_alone_is_today_or_tomorrow_once_passed() -> None:
    assert parsed("10:30") == "23/11/2026 10:30"
    assert parsed("8h") == "24/11/2026 08:00"  # 08:00 has passed at 09:00
    assert parsed("lúc 9 giờ 30") == "23/11/2026 09:30"
    assert parsed("8h", allow_past=True) == "23/11/2026 08:00"


def test_a_date_alone_takes_the_callers_default_time() -> None:
    assert parsed("10/12/2026", default_time=time(17, 0)) == "10/12/2026 17:00"
    with pytest.raises(UserError) as err:
        parsed("10/12/2026")
    assert err.value.key == "date.no_time"


@pytest.mark.parametrize(("text", "key"), [
    ("31/02/2027 08:00", "date.impossible"),
    ("31/02/2027", "date.impossible"),  # the impossible date is said before the missing time
    ("24:00", "date.bad_time"),
    ("29/02/2027 08:00", "date.impossible"),
    ("20/13/2026 08:00", "date.impossible"),
    ("20/12/2026 25:00", "date.bad_time"),
    ("20/12/2026 08:75", "date.bad_time"),
    ("hôm qua", "date.invalid"),
    ("", "date.invalid"),
    ("20/12/2026 08:00 sáng mai", "date.invalid"),
    ("20/11/2026 08:00", "date.past"),
    ("23/11/2026 09:00", "date.past"),
])
def test_refusals_say_what_is_wrong(text: str, key: str) -> None:
    with pytest.raises(UserError) as err:
        parsed(text)
    assert err.value.key == key


def test_past_times_are_allowed_when_asked() -> None:
    assert parsed("20/11/2026 08:00", allow_past=True) == "20/11/2026 08:00"


def test_the_time_zone_is_the_blocs() -> None:
    assert parse_when("20/12/2026 08:00", now=NOW, tz=TZ) == datetime(2026, 12, 20, 1, 0, tzinfo=UTC)


moments = st.datetimes(min_value=datetime(2026, 11, 24), max_value=datetime(2040, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=VN))
FORMS = ["{d:%d/%m/%Y %H:%M}", "{d:%d/%m/%Y} {d.hour}h{d:%M}", "{d.hour}h{d:%M} {d:%d/%m/%Y}",
         "{d:%Y-%m-%d %H:%M}", "{d.day}/{d.month}/{d.year} {d.hour}:{d:%M}"]


@given(moments, st.sampled_from(FORMS))
def test_round_trip(moment: datetime, form: str) -> None:
    text = form.format(d=moment)
    assert parse_when(text, now=NOW, tz=TZ) == moment.astimezone(UTC)
    # What the bot shows parses back to the same moment.
    assert parse_when(fmt_datetime(moment, TZ), now=NOW, tz=TZ) == moment.astimezone(UTC)


@given(st.datetimes(min_value=datetime(2026, 11, 23, 9, 1), max_value=datetime(2027, 11, 22)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=VN)))
def test_without_a_year_the_next_occurrence_within_a_year(moment: datetime) -> None:
    result = parse_when(f"{moment:%d/%m %H:%M}", now=NOW, tz=TZ)
    assert NOW < result <= NOW + timedelta(days=366)
    assert result.astimezone(VN).strftime("%d/%m %H:%M") == f"{moment:%d/%m %H:%M}"
