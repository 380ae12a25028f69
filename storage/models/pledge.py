"""The bloc's emulation pledge (giao ước thi đua) of a year and the units' signatures.

- ``Pledge``: one per bloc and year (the database refuses a second), open for signing until its
  deadline or an early close by the head; the text, and optionally the document it came from.
- ``PledgeSignature``: a unit's signature (the unit signs, through one of its officers). At most one
  counted signature per unit and pledge, enforced by a partial unique index; a withdrawal (/unsign)
  sets ``withdrawn_at`` and keeps the row as history, so the unit may sign again later.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text, text
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now

OPEN = "open"
CLOSED = "closed"
CANCELLED = "cancelled"  # opened by mistake and withdrawn: kept as history, another may be opened


def _utc(nullable: bool = False) -> Column:
    return Column(UTCDateTime(), nullable=nullable, default=None if nullable else utc_now)


class Pledge(SQLModel, table=True):
    __table_args__ = (
        # One pledge per bloc and year, not counting cancelled ones (kept as history).
        Index("ux_pledge_bloc_year", "bloc_id", "year", unique=True,
              sqlite_where=text("state != 'cancelled'"), postgresql_where=text("state != 'cancelled'")),
        # The reminder source and /remind_config look up a bloc's open pledges.
        Index("ix_pledge_bloc_state", "bloc_id", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id")
    year: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    # The document the head attached (a signed scan, the full text), kept in the file store.
    file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    deadline: datetime = Field(sa_column=_utc())
    state: str = Field(default=OPEN, max_length=10)  # open | closed | cancelled
    opened_at: datetime = Field(sa_column=_utc())
    opened_by_id: int | None = Field(default=None, foreign_key="officer.id")
    closed_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    # None with closed_at set: closed by the bot at the deadline.
    closed_by_id: int | None = Field(default=None, foreign_key="officer.id")


class PledgeSignature(SQLModel, table=True):
    __table_args__ = (
        # One counted signature per unit and pledge: a second press, a second officer of the same
        # unit or a race between two processes all hit this index instead of adding a row.
        Index(
            "ux_pledgesignature_active",
            "pledge_id",
            "unit_id",
            unique=True,
            sqlite_where=text("withdrawn_at IS NULL"),
            postgresql_where=text("withdrawn_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = Field(foreign_key="pledge.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    officer_id: int = Field(foreign_key="officer.id")  # who signed for the unit
    signed_at: datetime = Field(sa_column=_utc())
    withdrawn_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    withdrawn_by_id: int | None = Field(default=None, foreign_key="officer.id")
