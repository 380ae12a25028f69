"""One-time codes: a head invites an officer to a unit, or an officer links another platform account."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


class InviteCode(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("code", name="uq_invite_code"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16)
    kind: str = Field(max_length=10)  # unit: act for unit_id | link: become officer_id on another platform
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    created_by_id: int | None = Field(default=None, foreign_key="officer.id")
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    used_by_account_id: int | None = Field(default=None, foreign_key="account.id")


class CodeGuess(SQLModel, table=True):
    """A /join code that matched no invitation, kept a day to limit guessing per person and per bloc."""

    __table_args__ = (
        Index("ix_codeguess_person", "platform", "platform_user_id", "at"),
        Index("ix_codeguess_bloc", "bloc_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    platform_user_id: str = Field(max_length=64)
    bloc_id: int | None = Field(default=None)  # the bloc of the chat it was typed in, if any (no FK: pruned apart)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
