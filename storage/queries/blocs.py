"""Reads about blocs, units, officers and roles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, or_, select

from storage.models import (
    Account,
    Bloc,
    BlocChat,
    JoinRequest,
    Officer,
    RoleAssignment,
    Unit,
    UnitMembership,
    UnitOfficer,
)


def bloc_for_chat(s: Session, platform: str, chat_id: str) -> Bloc | None:
    row = s.exec(
        select(Bloc).join(BlocChat, col(BlocChat.bloc_id) == col(Bloc.id))
        .where(BlocChat.platform == platform, BlocChat.chat_id == chat_id)
    ).first()
    return row


def chats_of_bloc(s: Session, bloc_id: int) -> list[BlocChat]:
    return list(s.exec(select(BlocChat).where(BlocChat.bloc_id == bloc_id).order_by(col(BlocChat.id))))


def account_by_platform_id(s: Session, platform: str, user_id: str) -> Account | None:
    return s.exec(
        select(Account).where(Account.platform == platform, Account.platform_user_id == user_id)
    ).first()


def accounts_of_officers(s: Session, officer_ids: Iterable[int]) -> dict[int, list[Account]]:
    ids = list(set(officer_ids))
    out: dict[int, list[Account]] = defaultdict(list)
    if not ids:
        return out
    for acc in s.exec(select(Account).where(col(Account.officer_id).in_(ids)).order_by(col(Account.id))):
        out[acc.officer_id].append(acc)
    return out


def unit_by_code(s: Session, bloc_id: int, code: str) -> Unit | None:
    return s.exec(select(Unit).where(Unit.bloc_id == bloc_id, Unit.code == code)).first()


def _member_in(year: int) -> ColumnElement[bool]:
    return (col(UnitMembership.from_year) <= year) & or_(
        col(UnitMembership.until_year).is_(None), col(UnitMembership.until_year) >= year
    )


def member_units(s: Session, bloc_id: int, year: int) -> list[Unit]:
    """The member units of ``year``, ordered by code."""
    return list(
        s.exec(
            select(Unit)
            .join(UnitMembership, col(UnitMembership.unit_id) == col(Unit.id))
            .where(UnitMembership.bloc_id == bloc_id, _member_in(year))
            .order_by(col(Unit.code))
        ).unique()
    )


def is_member(s: Session, unit_id: int, year: int) -> bool:
    return (
        s.exec(select(UnitMembership.id).where(UnitMembership.unit_id == unit_id, _member_in(year))).first()
        is not None
    )


def open_membership(s: Session, unit_id: int) -> UnitMembership | None:
    return s.exec(
        select(UnitMembership).where(
            UnitMembership.unit_id == unit_id, col(UnitMembership.until_year).is_(None)
        )
    ).first()


def active_link(s: Session, bloc_id: int, officer_id: int) -> UnitOfficer | None:
    """The officer's current acting-for link in a bloc, if any."""
    return s.exec(
        select(UnitOfficer).where(
            UnitOfficer.bloc_id == bloc_id,
            UnitOfficer.officer_id == officer_id,
            col(UnitOfficer.until).is_(None),
        )
    ).first()


def active_links_of_officer(s: Session, officer_id: int) -> list[UnitOfficer]:
    return list(
        s.exec(
            select(UnitOfficer)
            .where(UnitOfficer.officer_id == officer_id, col(UnitOfficer.until).is_(None))
            .order_by(col(UnitOfficer.since).desc())
        )
    )


def officers_by_unit(s: Session, unit_ids: Iterable[int]) -> dict[int, list[Officer]]:
    """Current officers of each unit, in the order they joined (one query, not one per unit)."""
    ids = list(set(unit_ids))
    out: dict[int, list[Officer]] = defaultdict(list)
    if not ids:
        return out
    rows = s.exec(
        select(UnitOfficer.unit_id, Officer)
        .join(Officer, col(Officer.id) == col(UnitOfficer.officer_id))
        .where(col(UnitOfficer.unit_id).in_(ids), col(UnitOfficer.until).is_(None))
        .order_by(col(UnitOfficer.since), col(UnitOfficer.id))
    )
    for unit_id, officer in rows:
        out[unit_id].append(officer)
    return out


def role_holder(s: Session, bloc_id: int, role: str, at: datetime) -> RoleAssignment | None:
    """The assignment in force at ``at``: the latest effective_from not after it."""
    return s.exec(
        select(RoleAssignment)
        .where(
            RoleAssignment.bloc_id == bloc_id,
            RoleAssignment.role == role,
            col(RoleAssignment.effective_from) <= at,
        )
        .order_by(col(RoleAssignment.effective_from).desc(), col(RoleAssignment.id).desc())
    ).first()


def role_of_year(s: Session, bloc_id: int, year: int, role: str) -> RoleAssignment | None:
    return s.exec(
        select(RoleAssignment).where(
            RoleAssignment.bloc_id == bloc_id, RoleAssignment.year == year, RoleAssignment.role == role
        )
    ).first()


def pending_join(s: Session, bloc_id: int, officer_id: int) -> JoinRequest | None:
    return s.exec(
        select(JoinRequest).where(
            JoinRequest.bloc_id == bloc_id,
            JoinRequest.officer_id == officer_id,
            JoinRequest.status == "pending",
        )
    ).first()


def blocs_administered(s: Session, officer_id: int) -> list[Bloc]:
    return list(s.exec(select(Bloc).where(Bloc.setup_admin_id == officer_id).order_by(col(Bloc.id))))
