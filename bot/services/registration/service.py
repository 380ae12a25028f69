"""Title registration (đăng ký danh hiệu thi đua): early in the year each unit registers the titles it
aims for; at the year end a unit is normally proposed only for what it registered (DOMAIN.md).

The registration's deadline is an ordinary calendar deadline (its reference says "Đăng ký thi đua năm
<năm>"), so the calendar's engine reminds only the units that have not registered, posts overdue
notices and the head's summary, and keeps the live counter. Each registration is one version, and is
also recorded as a submission to that deadline: a short text file of what the unit registered, so the
calendar's /status, /collect and the late flag work as for any report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, select

from bot.errors import UserError
from bot.files import FileStore
from bot.ports import Attachment
from bot.services.awards.service import catalog
from bot.services.blocs.standing import Standing
from bot.services.calendar import service as cal
from bot.text import fold
from bot.timefmt import fmt_datetime
from storage.models import Bloc, CalendarItem, Officer, Registration, Unit
from storage.queries.blocs import member_units

# The collective titles of the bloc's regulations besides its awards (Luật Thi đua, khen thưởng).
COLLECTIVE_TITLES = ("Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến")
MAX_CHOICES = 20


def registration_ref(year: int) -> str:
    """The reference of the registration deadline: how the registration finds its deadline again."""
    return f"Đăng ký thi đua năm {year}"


def choices(s: Session, bloc: Bloc, now: datetime) -> list[str]:
    """What a unit may register for, numbered from 1: the bloc's awards, highest first, then the
    collective titles (a title that is also an award is listed once)."""
    names = [a.name for a in catalog(s, bloc, now)]
    seen = {fold(n) for n in names}
    return (names + [t for t in COLLECTIVE_TITLES if fold(t) not in seen])[:MAX_CHOICES]


def item_of(s: Session, bloc: Bloc, year: int) -> CalendarItem | None:
    return cal.deadline_by_ref(s, bloc, registration_ref(year))


def open_registration(s: Session, *, bloc: Bloc, year: int, when: datetime, standing: Standing,
                      now: datetime) -> CalendarItem:
    """Opens the year's registration: a deadline for every member unit."""
    existing = item_of(s, bloc, year)
    if existing is not None:
        raise UserError("register.exists", year=year, id=existing.id)
    fields = cal.DeadlineFields(title=f"Đăng ký danh hiệu thi đua năm {year}", doc_ref=registration_ref(year),
                                codes=None)
    return cal.create_deadline(s, bloc=bloc, actor=standing.actor, when=when, fields=fields, template=None, now=now)


def latest(s: Session, item_id: int) -> dict[int, Registration]:
    """Each unit's latest registration for the deadline ``item_id``."""
    rows = s.exec(select(Registration).where(Registration.item_id == item_id).order_by(col(Registration.version)))
    return {r.unit_id: r for r in rows}


def titles_of(row: Registration | None) -> list[str]:
    return list(json.loads(row.titles)) if row is not None else []


def _numbers(raw: list[str], offered: list[str]) -> list[str]:
    chosen: list[str] = []
    for word in raw:
        if not word.isdigit() or not 1 <= int(word) <= len(offered):
            raise UserError("register.bad_number", value=word[:10], count=len(offered))
        title = offered[int(word) - 1]
        if title in chosen:
            raise UserError("register.repeated", number=word)
        chosen.append(title)
    return chosen


@dataclass(frozen=True)
class Registered:
    row: Registration
    unit: Unit
    titles: list[str]
    replaced: bool
    late: bool


def register(s: Session, *, bloc: Bloc, who: Standing, year: int, numbers: list[str], files: FileStore,
             platform: str, now: datetime) -> Registered:
    """``/register <năm> <số> [số ...]``: the unit's titles, replacing its earlier registration."""
    offered = choices(s, bloc, now)
    if not numbers:
        raise UserError("register.usage")
    return _store(s, bloc=bloc, who=who, year=year, titles=_numbers(numbers, offered), files=files,
                  platform=platform, now=now)


def toggle(s: Session, *, bloc: Bloc, who: Standing, year: int, number: int, files: FileStore, platform: str,
           now: datetime) -> Registered:
    """A button of the registration post: adds the title to the unit's registration, or takes it off."""
    offered = choices(s, bloc, now)
    if not 1 <= number <= len(offered):
        raise UserError("register.stale")
    item = _open_item(s, bloc, year)
    assert item.id is not None
    unit = _unit(who)
    current = titles_of(latest(s, item.id).get(unit.id or 0))
    title = offered[number - 1]
    wanted = [t for t in current if t != title] if title in current else [*current, title]
    order = {t: i for i, t in enumerate(offered)}
    wanted.sort(key=lambda t: order.get(t, len(order)))
    return _store(s, bloc=bloc, who=who, year=year, titles=wanted, files=files, platform=platform, now=now)


def _open_item(s: Session, bloc: Bloc, year: int) -> CalendarItem:
    item = item_of(s, bloc, year)
    if item is None:
        raise UserError("register.not_open", year=year)
    return item


def _unit(who: Standing) -> Unit:
    if who.unit is None or who.unit.id is None:
        raise UserError("register.not_officer")
    return who.unit


def _store(s: Session, *, bloc: Bloc, who: Standing, year: int, titles: list[str], files: FileStore,
           platform: str, now: datetime) -> Registered:
    item = _open_item(s, bloc, year)
    unit = _unit(who)
    assert item.id is not None and unit.id is not None
    previous = latest(s, item.id).get(unit.id)
    name = who.actor.officer.display_name if who.actor.officer is not None else ""
    lines = [f"ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM {year}", f"Khối: {bloc.name}", f"Đơn vị: {unit.code} — {unit.name}", ""]
    lines += [f"{i}. {t}" for i, t in enumerate(titles, start=1)] or ["Không đăng ký danh hiệu nào."]
    lines += ["", f"Người đăng ký: {name}, lúc {fmt_datetime(now, bloc.timezone)}."]
    saved = files.write(("\n".join(lines) + "\n").encode("utf-8"))
    attachment = Attachment("document", file_name=f"dang-ky-thi-dua-{year}-{unit.code}.txt", mime="text/plain")
    submission = cal.record_submission(s, bloc=bloc, who=who, item_id=item.id, saved=saved, attachment=attachment,
                                       platform=platform, now=now)
    row = Registration(bloc_id=item.bloc_id, year=year, item_id=item.id, unit_id=unit.id, version=submission.version,
                       titles=json.dumps(titles, ensure_ascii=False), officer_id=who.actor.officer_id,
                       registered_at=now)
    s.add(row)
    s.flush()
    return Registered(row, unit, titles, previous is not None, submission.late)


@dataclass(frozen=True)
class StatusRow:
    unit: Unit
    row: Registration | None
    officer: Officer | None

    @property
    def titles(self) -> list[str]:
        return titles_of(self.row)


def status(s: Session, bloc: Bloc, year: int) -> tuple[CalendarItem, list[StatusRow]]:
    """Per member unit: what it registered, when and by whom; None for a unit that has not."""
    item = item_of(s, bloc, year)
    if item is None:
        raise UserError("register.not_open", year=year)
    assert item.id is not None and bloc.id is not None
    rows = latest(s, item.id)
    officers = {o.id: o for o in s.exec(select(Officer).where(
        col(Officer.id).in_([r.officer_id for r in rows.values() if r.officer_id])))}
    return item, [StatusRow(u, rows.get(u.id or 0), officers.get(rows[u.id].officer_id) if u.id in rows else None)
                  for u in member_units(s, bloc.id, item.year)]


def registered_units(s: Session, bloc_id: int, year: int, award_name: str) -> set[int] | None:
    """The units whose latest registration of ``year`` names the award; None when the year has no
    registration at all (the vote rule dangky then has nothing to go by)."""
    count = s.exec(select(func.count()).select_from(Registration).where(
        Registration.bloc_id == bloc_id, Registration.year == year)).one()
    if not count:
        return None
    rows = s.exec(select(Registration).where(Registration.bloc_id == bloc_id, Registration.year == year)
                  .order_by(col(Registration.item_id), col(Registration.version)))
    last: dict[int, Registration] = {r.unit_id: r for r in rows}
    key = fold(award_name)
    return {unit_id for unit_id, r in last.items() if key in {fold(t) for t in titles_of(r)}}
