"""Reads for reaching people across platforms."""

from __future__ import annotations

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, exists, or_, select

from storage.models import Account, UnitMembership, UnitOfficer


def open_accounts_outside(s: Session, bloc_id: int, year: int, platforms: set[str]) -> list[Account]:
    """Open private accounts of the officers of ``year``'s member units who have no account on any
    of ``platforms`` (so cannot see the bloc's group chats there). One query."""
    other = aliased(Account)
    on_a_group_platform = exists().where(col(other.officer_id) == col(Account.officer_id),
                                         col(other.platform).in_(platforms or {""}))
    member = exists().where(
        col(UnitMembership.unit_id) == col(UnitOfficer.unit_id), col(UnitMembership.from_year) <= year,
        or_(col(UnitMembership.until_year).is_(None), col(UnitMembership.until_year) >= year))
    return list(s.exec(
        select(Account)
        .join(UnitOfficer, col(UnitOfficer.officer_id) == col(Account.officer_id))
        .where(UnitOfficer.bloc_id == bloc_id, col(UnitOfficer.until).is_(None), member,
               col(Account.private_chat_id).is_not(None), Account.private_status == "open", ~on_a_group_platform)
        .order_by(col(Account.id))
    ).unique())
