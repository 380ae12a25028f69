"""Days off: Vietnam's public holidays (the ``holidays`` library's Vietnam calendar, which follows the
lunar calendar for Tết and Giỗ Tổ Hùng Vương and the government's swapped days) plus the days a
bloc adds with /holiday. The reminder planner moves reminders off them; a conference set on one
is accepted with a warning.

A maintained library rather than a table typed here: Tết moves every year and the government
announces swapped days (nghỉ bù) each year; the library's releases follow them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.errors import UserError
from bot.i18n import Ref
from bot.services.audit import Actor, record
from bot.services.reminders.planner import is_working_day
from bot.timefmt import to_local
from storage.models import Bloc, DayOff, id_of

NAME_MAX = 100
_LANGUAGES = {"vi": "vi", "en": "en_US"}


@lru_cache(maxsize=64)
def national(year: int, lang: str = "vi") -> dict[date, str]:
    """Vietnam's public holidays of ``year`` with their names (cached: the same for every bloc)."""
    calendar = holidays.country_holidays("VN", years=year, language=_LANGUAGES.get(lang, "vi"))
    return dict(sorted(calendar.items()))


def _bloc_days(s: Session, bloc_id: int, start: date, end: date) -> dict[date, str]:
    rows = s.exec(select(DayOff).where(DayOff.bloc_id == bloc_id, col(DayOff.day) >= start, col(DayOff.day) <= end))
    return {r.day: r.name for r in rows}


def days_off(s: Session, bloc: Bloc, around: datetime) -> frozenset[date]:
    """The days off near ``around`` (the year before to the year after, in the bloc's zone): wide
    enough for every reminder of an item due then, from "7 days before" to "the 5th working day after"."""
    year = to_local(around, bloc.timezone).year
    out = set(_bloc_days(s, id_of(bloc), date(year - 1, 1, 1), date(year + 1, 12, 31)))
    for y in (year - 1, year, year + 1):
        out.update(national(y))
    return frozenset(out)


def day_off_name(s: Session, bloc: Bloc, day: date) -> str | None:
    """The holiday ``day`` is (the bloc's own name first), or None on an ordinary day."""
    own = _bloc_days(s, id_of(bloc), day, day)
    return own.get(day) or national(day.year, bloc.language).get(day)


def why_day_off(s: Session, bloc: Bloc, when: datetime) -> str | Ref | None:
    """Why ``when`` is not a working day (the holiday's name, or Saturday/Sunday); None when it is."""
    day = to_local(when, bloc.timezone).date()
    name = day_off_name(s, bloc, day)
    if name is not None:
        return name
    if not is_working_day(day):
        return Ref("weekday.sat" if day.weekday() == 5 else "weekday.sun")
    return None


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str
    own: bool  # added by the bloc (may be removed), else a public holiday


def upcoming(s: Session, bloc: Bloc, now: datetime, days: int = 366) -> list[Holiday]:
    """The days off from today to a year ahead, public and the bloc's own, in date order."""
    start = to_local(now, bloc.timezone).date()
    end = start + timedelta(days=days)
    own = _bloc_days(s, id_of(bloc), start, end)
    public = {d: n for y in range(start.year, end.year + 1) for d, n in national(y, bloc.language).items()}
    merged = [Holiday(d, n, False) for d, n in public.items() if start <= d <= end and d not in own]
    merged += [Holiday(d, n, True) for d, n in own.items()]
    return sorted(merged, key=lambda h: h.day)


def add(s: Session, *, bloc: Bloc, day: date, name: str, actor: Actor, now: datetime) -> DayOff:
    """Adds a day off for the bloc; refused for a day that is one already. Audited."""
    name = " ".join(name.split())[:NAME_MAX]
    if day < to_local(now, bloc.timezone).date():
        raise UserError("holiday.past", day=day.strftime("%d/%m/%Y"))
    existing = day_off_name(s, bloc, day)
    if existing is not None:
        raise UserError("holiday.exists", day=day.strftime("%d/%m/%Y"), name=existing)
    row = DayOff(bloc_id=id_of(bloc), day=day, name=name, added_by_id=actor.officer_id, added_at=now)
    s.add(row)
    try:
        s.flush()
    except IntegrityError as exc:  # the same day added at the same moment from another chat
        raise UserError("holiday.exists", day=day.strftime("%d/%m/%Y"), name=name) from exc
    record(s, bloc_id=bloc.id, actor=actor, action="holiday.add", at=now, day=day.isoformat(), name=name)
    return row


def remove(s: Session, *, bloc: Bloc, day: date, actor: Actor, now: datetime) -> DayOff:
    row = s.exec(select(DayOff).where(DayOff.bloc_id == id_of(bloc), DayOff.day == day)).first()
    if row is None:
        if national(day.year).get(day):
            raise UserError("holiday.public", day=day.strftime("%d/%m/%Y"), name=national(day.year, bloc.language)[day])
        raise UserError("holiday.unknown", day=day.strftime("%d/%m/%Y"))
    s.delete(row)
    record(s, bloc_id=bloc.id, actor=actor, action="holiday.remove", at=now, day=day.isoformat(), name=row.name)
    return row
