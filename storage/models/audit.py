"""The append-only audit trail: who did what, when, with details (never a ballot's content)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


class AuditLog(SQLModel, table=True):
    """One row per change. Triggers in :mod:`storage.db` refuse UPDATE and DELETE on SQLite."""

    __table_args__ = (Index("ix_auditlog_bloc_at", "bloc_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int | None = Field(default=None, foreign_key="bloc.id")
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))
    actor_officer_id: int | None = Field(default=None, foreign_key="officer.id")
    # A readable label kept even if the officer's name changes later: "Nguyễn Văn A (telegram:42)".
    actor: str = Field(max_length=300)
    action: str = Field(max_length=60)
    details: str = Field(default="{}")  # JSON object
