"""Reads about blocs, units, officers and roles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, bindparam
from sqlalchemy.orm import aliased
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
    return s.execute(_BLOC_FOR_CHAT, {"platform": platform, "chat_id": chat_id}).scalars().first()


_CHATS_OF_BLOC = select(BlocChat).where(col(BlocChat.bloc_id) == bindparam("bloc_id")).order_by(col(BlocChat.id))


def chats_of_bloc(s: Session, bloc_id: int) -> list[BlocChat]:
    return list(s.execute(_CHATS_OF_BLOC, {"bloc_id": bloc_id}).scalars())


def account_by_platform_id(s: Session, platform: str, user_id: str) -> Account | None:
    return s.exec(
        select(Account).where(Account.platform == platform, Account.platform_user_id == user_id)
    ).first()


# The queries every update runs are built once with bound parameters: building a statement (not running
# it) was a third of a ballot's CPU.
_ACCOUNT_WITH_OFFICER = (
    select(Account, Officer).join(Officer, col(Officer.id) == col(Account.officer_id))
    .where(col(Account.platform) == bindparam("platform"), col(Account.platform_user_id) == bindparam("user_id"))
)
_LINK = aliased(UnitOfficer)
_PERSON_AND_ACTING_BLOC = (
    select(Account, Officer, Bloc)
    .join(Officer, col(Officer.id) == col(Account.officer_id))
    .outerjoin(_LINK, (col(_LINK.officer_id) == col(Officer.id)) & col(_LINK.until).is_(None))
    .outerjoin(Bloc, col(Bloc.id) == col(_LINK.bloc_id))
    .where(col(Account.platform) == bindparam("platform"), col(Account.platform_user_id) == bindparam("user_id"))
    .order_by(col(_LINK.since).desc()).limit(1)
)
_ACTING_UNIT = (
    select(Unit).join(UnitOfficer, col(UnitOfficer.unit_id) == col(Unit.id))
    .where(col(UnitOfficer.bloc_id) == bindparam("bloc_id"), col(UnitOfficer.officer_id) == bindparam("officer_id"),
           col(UnitOfficer.until).is_(None))
)
_BLOC_FOR_CHAT = (
    select(Bloc).join(BlocChat, col(BlocChat.bloc_id) == col(Bloc.id))
    .where(col(BlocChat.platform) == bindparam("platform"), col(BlocChat.chat_id) == bindparam("chat_id"))
)


def account_with_officer(s: Session, platform: str, user_id: str) -> tuple[Account, Officer] | None:
    """A platform account and the person behind it, in one query (every update asks it)."""
    row = s.execute(_ACCOUNT_WITH_OFFICER, {"platform": platform, "user_id": user_id}).first()
    return (row[0], row[1]) if row is not None else None


def person_and_acting_bloc(s: Session, platform: str, user_id: str) -> tuple[Account, Officer, Bloc | None] | None:
    """A platform account, the person behind it and the bloc of the unit they act for (the latest link),
    in one query: every private message asks it."""
    row = s.execute(_PERSON_AND_ACTING_BLOC, {"platform": platform, "user_id": user_id}).first()
    return (row[0], row[1], row[2]) if row is not None else None


def blocs_of_officer(s: Session, officer_id: int) -> list[Bloc]:
    """The blocs a person currently acts for a unit in, latest link first (one query)."""
    return list(s.exec(
        select(Bloc).join(UnitOfficer, col(UnitOfficer.bloc_id) == col(Bloc.id))
        .where(UnitOfficer.officer_id == officer_id, col(UnitOfficer.until).is_(None))
        .order_by(col(UnitOfficer.since).desc())
    ))


_ACCOUNTS_OF_OFFICERS = (select(Account).where(col(Account.officer_id).in_(bindparam("ids", expanding=True)))
                         .order_by(col(Account.id)))


def accounts_of_officers(s: Session, officer_ids: Iterable[int]) -> dict[int, list[Account]]:
    ids = list(set(officer_ids))
    out: dict[int, list[Account]] = defaultdict(list)
    if not ids:
        return out
    for acc in s.execute(_ACCOUNTS_OF_OFFICERS, {"ids": ids}).scalars():
        out[acc.officer_id].append(acc)
    return out


def unit_by_code(s: Session, bloc_id: int, code: str) -> Unit | None:
    return s.exec(select(Unit).where(Unit.bloc_id == bloc_id, Unit.code == code)).first()


def _member_in(year: int) -> ColumnElement[bool]:
    return (col(UnitMembership.from_year) <= year) & or_(
        col(UnitMembership.until_year).is_(None), col(UnitMembership.until_year) >= year
    )


_MEMBER_UNITS = (
    select(Unit).join(UnitMembership, col(UnitMembership.unit_id) == col(Unit.id))
    .where(col(UnitMembership.bloc_id) == bindparam("bloc_id"), col(UnitMembership.from_year) <= bindparam("year"),
           or_(col(UnitMembership.until_year).is_(None), col(UnitMembership.until_year) >= bindparam("year")))
    .order_by(col(Unit.code))
)


def member_units(s: Session, bloc_id: int, year: int) -> list[Unit]:
    """The member units of ``year``, ordered by code."""
    return list(s.execute(_MEMBER_UNITS, {"bloc_id": bloc_id, "year": year}).scalars().unique())


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


def acting_unit(s: Session, bloc_id: int, officer_id: int) -> Unit | None:
    """The unit an officer currently acts for in a bloc (one query)."""
    return s.execute(_ACTING_UNIT, {"bloc_id": bloc_id, "officer_id": officer_id}).scalars().first()


def active_links_of_officer(s: Session, officer_id: int) -> list[UnitOfficer]:
    return list(
        s.exec(
            select(UnitOfficer)
            .where(UnitOfficer.officer_id == officer_id, col(UnitOfficer.until).is_(None))
            .order_by(col(UnitOfficer.since).desc())
        )
    )


_OFFICERS_BY_UNIT = (
    select(UnitOfficer.unit_id, Officer).join(Officer, col(Officer.id) == col(UnitOfficer.officer_id))
    .where(col(UnitOfficer.unit_id).in_(bindparam("ids", expanding=True)), col(UnitOfficer.until).is_(None))
    .order_by(col(UnitOfficer.since), col(UnitOfficer.id))
)


def officers_by_unit(s: Session, unit_ids: Iterable[int]) -> dict[int, list[Officer]]:
    """Current officers of each unit, in the order they joined (one query, not one per unit)."""
    ids = list(set(unit_ids))
    out: dict[int, list[Officer]] = defaultdict(list)
    if not ids:
        return out
    for unit_id, officer in s.execute(_OFFICERS_BY_UNIT, {"ids": ids}):
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
