"""Title registration (đăng ký danh hiệu thi đua): what each unit aims for in a year.

Every registration is a version: registering again while the registration is open adds a version,
the latest counts. The registration deadline is an ordinary calendar deadline (``item_id``): each
version is also a submission to it, so reminders, overdue notices and the head's summary come from
the calendar's engine.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


class Registration(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("item_id", "unit_id", "version", name="uq_registration_item_unit_version"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    year: int
    item_id: int = Field(foreign_key="calendaritem.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    version: int
    # JSON list of the titles' names as offered when registering (awards and collective titles).
    titles: str = Field(sa_column=Column(Text, nullable=False))
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    registered_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))
