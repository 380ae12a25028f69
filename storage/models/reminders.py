"""A bloc's own reminder plans (``/remind_config``; a list without a row uses the defaults) and the
days off it adds to the national holidays (``/holiday``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


class ReminderConfig(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("bloc_id", "kind", name="uq_reminderconfig_bloc_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    kind: str = Field(max_length=20)  # deadline | meeting | pledge | vote
    # The plan as canonical tokens (scheduler.offsets.format_plan), e.g. "7n 3n 1n 08:00 +1 +2 +3 tổng+4".
    plan: str = Field(max_length=200)
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))


class DayOff(SQLModel, table=True):
    """A day the bloc does not work beyond Vietnam's public holidays (a provincial day off, a day
    swapped for a holiday): no reminder lands on it, and "the next working day" skips it."""

    __table_args__ = (UniqueConstraint("bloc_id", "day", name="uq_dayoff_bloc_day"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    day: date
    name: str = Field(max_length=100)
    added_by_id: int | None = Field(default=None, foreign_key="officer.id")
    added_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))
