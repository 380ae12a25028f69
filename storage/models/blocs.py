"""Blocs, their member units, officers and their chat accounts, roles and bound chats.

Vocabulary: a *bloc* is a Khối thi đua; a *unit* is a đơn vị thành viên (the voter and signer);
an *officer* is a cán bộ phụ trách thi đua, a person who acts for one unit; an *account* is that
person's identity on one chat platform (the same person may have a Telegram and a Zalo account).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


def _utc(nullable: bool = False, default: bool = True) -> Column:
    return Column(UTCDateTime(), nullable=nullable, default=utc_now if default else None)


class Bloc(SQLModel, table=True):
    """A Khối thi đua: one per group chat bound with /setup."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    language: str = Field(default="vi", max_length=5)
    timezone: str = Field(default="Asia/Ho_Chi_Minh", max_length=64)
    # The group admin who ran /setup; acts as administrator until a head unit has an officer.
    setup_admin_id: int | None = Field(default=None, foreign_key="officer.id")
    created_at: datetime = Field(sa_column=_utc())
    # The place name (địa danh) on its documents' date line, "Yên Bái, ngày 20 tháng 12 năm 2026" (/place).
    place: str | None = Field(default=None, max_length=100)


class Unit(SQLModel, table=True):
    """A member unit (đơn vị thành viên). Removal ends its membership span; the row stays for history."""

    __table_args__ = (UniqueConstraint("bloc_id", "code", name="uq_unit_bloc_code"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    code: str = Field(max_length=20)
    name: str = Field(max_length=200)
    created_at: datetime = Field(sa_column=_utc())


class UnitMembership(SQLModel, table=True):
    """A span of years in which a unit is a member; a unit removed and added back has two spans.

    Member in ``year`` when ``from_year <= year`` and (``until_year`` is None or ``year <= until_year``).
    """

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    from_year: int
    until_year: int | None = None


class Officer(SQLModel, table=True):
    """A person who acts for a unit (cán bộ phụ trách thi đua), on one or more platforms."""

    id: int | None = Field(default=None, primary_key=True)
    display_name: str = Field(max_length=200)
    created_at: datetime = Field(sa_column=_utc())


class Account(SQLModel, table=True):
    """An officer's identity on one chat platform. Platform ids are opaque strings."""

    __table_args__ = (UniqueConstraint("platform", "platform_user_id", name="uq_account_platform_user"),)

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    platform: str = Field(max_length=20)
    platform_user_id: str = Field(max_length=64)
    display_name: str = Field(max_length=200)
    username: str | None = Field(default=None, max_length=64)
    # Set once the person has written to the bot privately; reminders go there.
    private_chat_id: str | None = Field(default=None, max_length=64)
    # "open" once a private chat exists, "blocked" after the platform refused a private message.
    private_status: str = Field(default="none", max_length=10)
    created_at: datetime = Field(sa_column=_utc())


class UnitOfficer(SQLModel, table=True):
    """Who acts for which unit, and since when. Ended rows stay for history."""

    __table_args__ = (
        # One active unit per officer per bloc, enforced by the database.
        Index(
            "ux_unitofficer_active",
            "bloc_id",
            "officer_id",
            unique=True,
            sqlite_where=text("until IS NULL"),
            postgresql_where=text("until IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    officer_id: int = Field(foreign_key="officer.id", index=True)
    since: datetime = Field(sa_column=_utc())
    until: datetime | None = Field(default=None, sa_column=_utc(nullable=True, default=False))
    approved_by_id: int | None = Field(default=None, foreign_key="officer.id")


class JoinRequest(SQLModel, table=True):
    """A /join request waiting for the head or deputy to approve it."""

    __table_args__ = (
        Index(
            "ux_joinrequest_pending",
            "bloc_id",
            "officer_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
        # The hourly expiry looks only at pending requests, oldest first.
        Index("ix_joinrequest_pending_age", "created_at", sqlite_where=text("status = 'pending'"),
              postgresql_where=text("status = 'pending'")),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    officer_id: int = Field(foreign_key="officer.id")
    status: str = Field(default="pending", max_length=10)  # pending | approved | rejected | cancelled | expired
    created_at: datetime = Field(sa_column=_utc())
    decided_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True, default=False))
    decided_by_id: int | None = Field(default=None, foreign_key="officer.id")


class RoleAssignment(SQLModel, table=True):
    """The head (Trưởng khối) or deputy (Phó trưởng khối) unit of a year.

    ``effective_from`` is 1 January of the year in the bloc's time zone, or the moment of an
    early handover; the holder at a time is the assignment with the latest effective_from before it.
    """

    __table_args__ = (UniqueConstraint("bloc_id", "year", "role", name="uq_role_bloc_year_role"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    year: int
    role: str = Field(max_length=10)  # head | deputy
    unit_id: int = Field(foreign_key="unit.id")
    effective_from: datetime = Field(sa_column=_utc(default=False))
    assigned_at: datetime = Field(sa_column=_utc())
    assigned_by_id: int | None = Field(default=None, foreign_key="officer.id")


class BlocChat(SQLModel, table=True):
    """A group chat bound to a bloc; a chat belongs to at most one bloc."""

    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_blocchat_platform_chat"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    platform: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    title: str | None = Field(default=None, max_length=255)
    bound_at: datetime = Field(sa_column=_utc())
