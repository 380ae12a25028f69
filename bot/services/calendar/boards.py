"""Who has done what for a conference or a deadline, computed from the database.

Nothing here is stored: a deadline's pending units are its scope minus the units that submitted
or that the head marked exempt / on paper, so reminders, /status and the live post always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from storage.models import Attendance, CalendarItem, Submission, Unit, UnitMark, id_of
from storage.models.calendar import EXEMPT, PAPER
from storage.queries import calendar as q

# Unit states on a deadline (/status): ✅ on time, ⚠️ late, ❌ missing, — exempt or on paper.
ON_TIME = "on_time"
LATE = "late"
MISSING = "missing"
STATES = (ON_TIME, LATE, MISSING, EXEMPT, PAPER)


def units_of(s: Session, item: CalendarItem) -> list[Unit]:
    assert item.id is not None
    return q.scope_units(s, [item])[item.id]


@dataclass(frozen=True)
class UnitState:
    unit: Unit
    state: str  # on_time | late | missing | exempt | paper
    versions: list[Submission]
    mark: UnitMark | None

    @property
    def first(self) -> Submission | None:
        return self.versions[0] if self.versions else None

    @property
    def latest(self) -> Submission | None:
        return self.versions[-1] if self.versions else None


@dataclass(frozen=True)
class DeadlineBoard:
    item: CalendarItem
    rows: list[UnitState]

    def count(self, *states: str) -> int:
        return sum(1 for r in self.rows if r.state in states)

    @property
    def pending(self) -> list[Unit]:
        return [r.unit for r in self.rows if r.state == MISSING]

    @property
    def required(self) -> int:
        return len(self.rows) - self.count(EXEMPT)

    @property
    def done(self) -> int:
        return self.count(ON_TIME, LATE, PAPER)


def deadline_boards(s: Session, items: list[CalendarItem]) -> dict[int, DeadlineBoard]:
    """Each deadline's units and what they did. A submission is evidence and wins over a mark; the
    unit's state follows its first version (sent in time, then revised, is still in time)."""
    ids = [i.id for i in items if i.id is not None]
    scopes = q.scope_units(s, items)
    subs = q.submissions_of(s, ids)
    marks = q.marks_of(s, ids)
    out: dict[int, DeadlineBoard] = {}
    for item in items:
        assert item.id is not None
        by_unit: dict[int, list[Submission]] = {}
        for row in subs.get(item.id, []):
            by_unit.setdefault(row.unit_id, []).append(row)
        rows = []
        for unit in scopes[item.id]:
            assert unit.id is not None
            versions = sorted(by_unit.get(unit.id, []), key=lambda r: r.version)
            mark = marks.get(item.id, {}).get(unit.id)
            if versions:
                state = LATE if versions[0].late else ON_TIME
            elif mark is not None:
                state = mark.mark
            else:
                state = MISSING
            rows.append(UnitState(unit, state, versions, mark))
        out[item.id] = DeadlineBoard(item, rows)
    return out


@dataclass(frozen=True)
class MeetingBoard:
    item: CalendarItem
    rows: list[tuple[Unit, Attendance | None]]

    @property
    def confirmed(self) -> list[tuple[Unit, Attendance]]:
        return [(u, a) for u, a in self.rows if a is not None]

    @property
    def unconfirmed(self) -> list[Unit]:
        return [u for u, a in self.rows if a is None]


def meeting_boards(s: Session, items: list[CalendarItem]) -> dict[int, MeetingBoard]:
    ids = [i.id for i in items if i.id is not None]
    scopes = q.scope_units(s, items)
    attendance = q.attendance_of(s, ids)
    return {
        id_of(item): MeetingBoard(item, [(u, attendance.get(id_of(item), {}).get(id_of(u))) for u in scopes[id_of(item)]])
        for item in items
    }


