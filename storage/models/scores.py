"""The score table of a year and the units' score sheets (bảng tiêu chuẩn chấm điểm, tự chấm, chấm chéo).

- ``ScoreTable``: the table a bloc adopted for a year (its criteria as JSON); the latest counts. No row:
  the bot's default table.
- ``ScoreSheet``: one submitted sheet, every version kept: a unit's self-score (``checker_unit_id``
  None) or another unit's check of it. Scores are exact decimals stored as text.
- ``ScoreCheck``: which unit checks which in a year (chấm chéo).
- ``ScoreFinal``: the settled scores and ranking of a year (``results`` JSON), with the head's
  decisions on disputed criteria; the latest counts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


def _utc() -> Column:
    return Column(UTCDateTime(), nullable=False, default=utc_now)


class ScoreTable(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    year: int
    criteria: str = Field(sa_column=Column(Text, nullable=False))
    file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    adopted_by_id: int | None = Field(default=None, foreign_key="officer.id")
    adopted_at: datetime = Field(sa_column=_utc())


class ScoreSheet(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("bloc_id", "year", "unit_id", "checker_unit_id", "version", name="uq_scoresheet_version"),
        # A self-score has no checker, and NULLs never collide in a unique constraint: its own index.
        Index("ux_scoresheet_self_version", "bloc_id", "year", "unit_id", "version", unique=True,
              sqlite_where=text("checker_unit_id IS NULL"), postgresql_where=text("checker_unit_id IS NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    year: int
    unit_id: int = Field(foreign_key="unit.id")  # the unit scored
    checker_unit_id: int | None = Field(default=None, foreign_key="unit.id")  # None: its self-score
    version: int
    scores: str = Field(sa_column=Column(Text, nullable=False))  # JSON {code: [points, note]}
    total: str = Field(max_length=20)
    file_id: int | None = Field(default=None, foreign_key="storedfile.id")
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    submitted_at: datetime = Field(sa_column=_utc())


class ScoreCheck(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("bloc_id", "year", "checker_unit_id", name="uq_scorecheck_checker"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    year: int
    checker_unit_id: int = Field(foreign_key="unit.id")
    target_unit_id: int = Field(foreign_key="unit.id")
    assigned_at: datetime = Field(sa_column=_utc())


class ScoreFinal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    year: int
    results: str = Field(sa_column=Column(Text, nullable=False))  # JSON [{unit, total, rank, source}]
    overrides: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON {CODE: {criterion: points}}
    settled_by_id: int | None = Field(default=None, foreign_key="officer.id")
    settled_at: datetime = Field(sa_column=_utc())


class FormLink(SQLModel, table=True):
    """A personal one-time link to the scoring web form: bound to a unit, a year and what is scored
    (its self-score, or its check of another unit), answered in the chat it was asked from."""

    __table_args__ = (UniqueConstraint("nonce", name="uq_formlink_nonce"),)

    id: int | None = Field(default=None, primary_key=True)
    nonce: str = Field(max_length=40)
    bloc_id: int = Field(foreign_key="bloc.id")
    unit_id: int = Field(foreign_key="unit.id")
    year: int
    kind: str = Field(max_length=10)  # self | check
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    account_id: int | None = Field(default=None, foreign_key="account.id")
    expires_at: datetime = Field(sa_column=_utc())
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
