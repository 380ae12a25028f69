"""Reads for reaching people across platforms."""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, exists, or_, select

from storage.models import Account, UnitMembership, UnitOfficer

_OTHER = aliased(Account)
# Built once (every reminder asks it): the officers of the year's member units with an open private chat
# and no account on a platform where the bloc has a group chat.
_OPEN_OUTSIDE = (
    select(Account)
    .join(UnitOfficer, col(UnitOfficer.officer_id) == col(Account.officer_id))
    .where(col(UnitOfficer.bloc_id) == bindparam("bloc_id"), col(UnitOfficer.until).is_(None),
           exists().where(col(UnitMembership.unit_id) == col(UnitOfficer.unit_id),
                          col(UnitMembership.from_year) <= bindparam("year"),
                          or_(col(UnitMembership.until_year).is_(None), col(UnitMembership.until_year) >= bindparam("year"))),
           col(Account.private_chat_id).is_not(None), col(Account.private_status) == "open",
           ~exists().where(col(_OTHER.officer_id) == col(Account.officer_id),
                           col(_OTHER.platform).in_(bindparam("platforms", expanding=True))))
    .order_by(col(Account.id))
)


def open_accounts_outside(s: Session, bloc_id: int, year: int, platforms: set[str]) -> list[Account]:
    """Open private accounts of the officers of ``year``'s member units who have no account on any
    of ``platforms`` (so cannot see the bloc's group chats there). One query."""
    rows = s.execute(_OPEN_OUTSIDE, {"bloc_id": bloc_id, "year": year, "platforms": sorted(platforms) or [""]})
    return list(rows.scalars().unique())
