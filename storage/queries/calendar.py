"""Reads about the calendar: items, the units they apply to, submissions, marks and attendance.

Every function that serves a list of items takes all of their ids at once (one query per table, not
one per item or unit), so /agenda and the reminder engine stay flat at national scale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from storage.models import Attendance, CalendarItem, CalendarScope, Submission, Unit, UnitMark
from storage.models.calendar import OPEN
from storage.queries.blocs import member_units


def item_of_bloc(s: Session, bloc_id: int, item_id: int) -> CalendarItem | None:
    item = s.get(CalendarItem, item_id)
    return item if item is not None and item.bloc_id == bloc_id else None


def open_items(s: Session, bloc_id: int, *, kind: str | None = None, since: datetime | None = None,
               until: datetime | None = None, limit: int | None = None) -> list[CalendarItem]:
    """Open items of a bloc held or due in [since, until], soonest first."""
    query = select(CalendarItem).where(CalendarItem.bloc_id == bloc_id, CalendarItem.state == OPEN)
    if kind is not None:
        query = query.where(CalendarItem.kind == kind)
    if since is not None:
        query = query.where(col(CalendarItem.when_at) >= since)
    if until is not None:
        query = query.where(col(CalendarItem.when_at) <= until)
    query = query.order_by(col(CalendarItem.when_at), col(CalendarItem.id))
    if limit is not None:
        query = query.limit(limit)
    return list(s.exec(query))


def items_of_bloc(s: Session, bloc_id: int, *, since: datetime) -> list[CalendarItem]:
    """Every item (cancelled ones too) from ``since`` on, soonest first: what /ics exports."""
    return list(s.exec(select(CalendarItem).where(CalendarItem.bloc_id == bloc_id,
                                                  col(CalendarItem.when_at) >= since)
                       .order_by(col(CalendarItem.when_at), col(CalendarItem.id))))


def scope_units(s: Session, items: Sequence[CalendarItem]) -> dict[int, list[Unit]]:
    """The units each item applies to, ordered by code: the member units of its year, or its list."""
    out: dict[int, list[Unit]] = {}
    by_year: dict[tuple[int, int], list[Unit]] = {}
    listed = [i.id for i in items if not i.scope_all and i.id is not None]
    rows: dict[int, list[Unit]] = defaultdict(list)
    if listed:
        for item_id, unit in s.exec(
            select(CalendarScope.item_id, Unit).join(Unit, col(Unit.id) == col(CalendarScope.unit_id))
            .where(col(CalendarScope.item_id).in_(listed)).order_by(col(Unit.code))
        ):
            rows[item_id].append(unit)
    for item in items:
        assert item.id is not None
        if item.scope_all:
            key = (item.bloc_id, item.year)
            if key not in by_year:
                by_year[key] = member_units(s, item.bloc_id, item.year)
            out[item.id] = by_year[key]
        else:
            out[item.id] = rows.get(item.id, [])
    return out


def submissions_of(s: Session, item_ids: Iterable[int]) -> dict[int, list[Submission]]:
    """Every version submitted for each item, oldest first."""
    ids = list(set(item_ids))
    out: dict[int, list[Submission]] = defaultdict(list)
    if not ids:
        return out
    for row in s.exec(select(Submission).where(col(Submission.item_id).in_(ids))
                      .order_by(col(Submission.submitted_at), col(Submission.id))):
        out[row.item_id].append(row)
    return out


def marks_of(s: Session, item_ids: Iterable[int]) -> dict[int, dict[int, UnitMark]]:
    """item id -> unit id -> the head's mark (exempt or paper)."""
    ids = list(set(item_ids))
    out: dict[int, dict[int, UnitMark]] = defaultdict(dict)
    if not ids:
        return out
    for row in s.exec(select(UnitMark).where(col(UnitMark.item_id).in_(ids))):
        out[row.item_id][row.unit_id] = row
    return out


def attendance_of(s: Session, item_ids: Iterable[int]) -> dict[int, dict[int, Attendance]]:
    """item id -> unit id -> the unit's confirmation."""
    ids = list(set(item_ids))
    out: dict[int, dict[int, Attendance]] = defaultdict(dict)
    if not ids:
        return out
    for row in s.exec(select(Attendance).where(col(Attendance.item_id).in_(ids))):
        out[row.item_id][row.unit_id] = row
    return out


def mark_of(s: Session, item_id: int, unit_id: int) -> UnitMark | None:
    return s.exec(select(UnitMark).where(UnitMark.item_id == item_id, UnitMark.unit_id == unit_id)).first()


def attendance_row(s: Session, item_id: int, unit_id: int) -> Attendance | None:
    return s.exec(select(Attendance).where(Attendance.item_id == item_id, Attendance.unit_id == unit_id)).first()


def last_version(s: Session, item_id: int, unit_id: int) -> int:
    row = s.exec(select(Submission.version).where(Submission.item_id == item_id, Submission.unit_id == unit_id)
                 .order_by(col(Submission.version).desc()).limit(1)).first()
    return row or 0


def open_item_by_ref(s: Session, bloc_id: int, kind: str, doc_ref: str) -> CalendarItem | None:
    """The newest open item of ``kind`` with this reference (số hiệu)."""
    return s.exec(select(CalendarItem).where(
        CalendarItem.bloc_id == bloc_id, CalendarItem.kind == kind, CalendarItem.state == OPEN,
        CalendarItem.doc_ref == doc_ref).order_by(col(CalendarItem.id).desc())).first()
