"""The bloc's calendar: conferences (hội nghị) and document deadlines (hạn nộp), and what units did.

- ``CalendarItem``: one conference or deadline. Both kinds share one table and one id sequence, so
  ``#12`` names exactly one thing in /agenda, /status, /meeting_cancel and /submit.
- ``CalendarScope``: the units a deadline applies to when the head listed them (``| units=YTE,GDDT``);
  an item with ``scope_all`` applies to every member unit of its year instead, and has no rows here.
- ``Attendance``: a unit confirmed it attends a conference (xác nhận tham dự), optionally naming its
  delegate (đại biểu); one row per (item, unit).
- ``Submission``: one file a unit sent for a deadline (nộp báo cáo). Every version is kept: a
  resubmission adds a row with the next version number; (item, unit, version) is unique.
- ``UnitMark``: the head's word that a unit need not submit (miễn nộp) or submitted on paper (nộp bản
  giấy); one per (item, unit), every change audited.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now

MEETING = "meeting"
DEADLINE = "deadline"
OPEN = "open"
CANCELLED = "cancelled"
EXEMPT = "exempt"
PAPER = "paper"


def _utc(nullable: bool = False) -> Column:
    return Column(UTCDateTime(), nullable=nullable, default=None if nullable else utc_now)


class CalendarItem(SQLModel, table=True):
    __table_args__ = (Index("ix_calendaritem_bloc_state_when", "bloc_id", "state", "when_at"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id")
    kind: str = Field(max_length=10)  # meeting | deadline
    title: str = Field(max_length=300)
    # When the conference is held, or when documents are due (UTC).
    when_at: datetime = Field(sa_column=_utc())
    place: str | None = Field(default=None, max_length=300)
    # The document asking for it, e.g. "Kế hoạch 1116/KH-KTĐVHXH" (số hiệu văn bản).
    doc_ref: str | None = Field(default=None, max_length=120)
    # sơ kết (mid-year review) | tổng kết (year-end) | khác; conferences only.
    meeting_kind: str | None = Field(default=None, max_length=10)
    state: str = Field(default=OPEN, max_length=10)  # open | cancelled
    # The bloc year whose member units the item applies to when ``scope_all``.
    year: int
    scope_all: bool = True
    # A template (mẫu) the head attached to a deadline.
    template_file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    created_by_id: int | None = Field(default=None, foreign_key="officer.id")
    created_at: datetime = Field(sa_column=_utc())
    # Bumped on each move or cancel: the iCalendar SEQUENCE, so a re-imported file updates the event.
    sequence: int = 0
    cancel_reason: str | None = Field(default=None, max_length=300)


class CalendarScope(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("item_id", "unit_id", name="uq_calendarscope_item_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="calendaritem.id")
    unit_id: int = Field(foreign_key="unit.id")


class Attendance(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("item_id", "unit_id", name="uq_attendance_item_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="calendaritem.id")
    unit_id: int = Field(foreign_key="unit.id")
    delegate: str | None = Field(default=None, max_length=200)
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    confirmed_at: datetime = Field(sa_column=_utc())


class Submission(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("item_id", "unit_id", "version", name="uq_submission_item_unit_version"),
    )

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="calendaritem.id")
    unit_id: int = Field(foreign_key="unit.id")
    version: int
    file_id: int = Field(foreign_key="storedfile.id")
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    submitted_at: datetime = Field(sa_column=_utc())
    # After the due time in force when it was sent; recomputed when the deadline moves.
    late: bool = False


class UnitMark(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("item_id", "unit_id", name="uq_unitmark_item_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="calendaritem.id")
    unit_id: int = Field(foreign_key="unit.id")
    mark: str = Field(max_length=10)  # exempt | paper
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    marked_at: datetime = Field(sa_column=_utc())
