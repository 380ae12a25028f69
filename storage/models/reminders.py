"""A bloc's own reminder plans (``/remind_config``); a list without a row uses the defaults."""

from __future__ import annotations

from datetime import datetime

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
