"""One-time codes: the head invites an officer to a unit from any platform (/invite), and an
officer links another platform account to themselves (/link); both are redeemed with /join <code>.

This is how an officer on Zalo joins: Zalo has no group in which a /join request could be seen and
approved, so the head's code is the approval. A code works once (the database decides, by a
conditional update), for seven days.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select, update

from bot.errors import UserError
from bot.services.audit import Actor, record
from bot.services.blocs.service import clean_code
from bot.services.blocs.standing import Standing, bloc_year
from bot.services.people import requests
from bot.services.people.membership import link_officer
from storage.models import Account, Bloc, InviteCode, Officer, Unit, id_of
from storage.queries.blocs import active_links_of_officer, blocs_administered, is_member, unit_by_code

# No 0/O, 1/I/L: codes are read over the phone and retyped.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
TTL = timedelta(days=7)
_CODE_RE = re.compile(r"^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$")


def normalise(text: str) -> str | None:
    """``k7p3-qx9a`` -> ``K7P3QX9A``; None if the text cannot be a code."""
    raw = text.strip()
    if not _CODE_RE.match(raw):
        return None
    code = raw.replace("-", "").upper()
    return code if all(c in ALPHABET for c in code) else None


def shown(code: str) -> str:
    """How a code is written for people: ``K7P3-QX9A``."""
    return f"{code[:4]}-{code[4:]}"


def find(s: Session, code: str) -> InviteCode | None:
    return s.exec(select(InviteCode).where(InviteCode.code == code)).first()


def _new_code(s: Session) -> str:
    while True:  # 31^8 codes: a clash is rare, and the unique constraint is the last word
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if find(s, code) is None:
            return code


def create_unit_invite(s: Session, *, who: Standing, unit_code: str, now: datetime) -> tuple[InviteCode, Unit]:
    """A code that makes whoever redeems it an officer of ``unit_code`` (a member unit this year)."""
    bloc = who.bloc
    assert bloc.id is not None
    code = clean_code(unit_code)
    unit = unit_by_code(s, bloc.id, code)
    if unit is None or unit.id is None or not is_member(s, unit.id, bloc_year(bloc, now)):
        raise UserError("unit.unknown", code=code)
    invite = InviteCode(code=_new_code(s), kind="unit", bloc_id=bloc.id, unit_id=unit.id,
                        created_by_id=who.actor.officer_id, created_at=now, expires_at=now + TTL)
    s.add(invite)
    s.flush()
    # The audit names the invitation, never the code itself: whoever reads the log cannot use it.
    record(s, bloc_id=bloc.id, actor=who.actor, action="invite.create", at=now, unit=unit.code, invite=invite.id)
    return invite, unit


def create_link_code(s: Session, *, who: Standing, now: datetime) -> InviteCode:
    """A code that attaches the account redeeming it to the asker (their Zalo beside Telegram)."""
    bloc = who.bloc
    assert bloc.id is not None
    invite = InviteCode(code=_new_code(s), kind="link", bloc_id=bloc.id, officer_id=who.actor.officer_id,
                        created_by_id=who.actor.officer_id, created_at=now, expires_at=now + TTL)
    s.add(invite)
    s.flush()
    record(s, bloc_id=bloc.id, actor=who.actor, action="link.create", at=now, invite=invite.id)
    return invite


@dataclass(frozen=True)
class Redeemed:
    kind: str  # unit | link
    bloc: Bloc
    unit: Unit | None
    officer: Officer


def redeem(s: Session, *, code: str, actor: Actor, now: datetime) -> Redeemed:
    """Uses a code once: joins its unit, or attaches this account to the officer who asked for it."""
    invite = find(s, code)
    if invite is None:
        raise UserError("invite.unknown", code=shown(code))
    if invite.used_at is not None:
        raise UserError("invite.used", code=shown(code))
    if invite.expires_at <= now:
        raise UserError("invite.expired", code=shown(code))
    bloc = s.get(Bloc, invite.bloc_id)
    assert bloc is not None and bloc.id is not None and actor.officer is not None and actor.account is not None
    assert actor.officer.id is not None
    account: Account = actor.account
    unit: Unit | None = None
    if invite.kind == "unit":
        unit = s.get(Unit, invite.unit_id)
        assert unit is not None and unit.id is not None
        if not is_member(s, unit.id, bloc_year(bloc, now)):
            raise UserError("unit.unknown", code=unit.code)
        link_officer(s, bloc=bloc, officer_id=actor.officer.id, unit=unit, approver_id=invite.created_by_id, now=now)
        requests.close_pending_of(s, bloc_id=bloc.id, officer_id=actor.officer.id, now=now)
        officer = actor.officer
    else:
        target = s.get(Officer, invite.officer_id)
        assert target is not None
        if account.officer_id == target.id:
            raise UserError("link.same_person")
        # The account's current person must hold nothing that would be orphaned by the move.
        if active_links_of_officer(s, account.officer_id) or blocs_administered(s, account.officer_id):
            raise UserError("link.account_busy")
        account.officer_id = id_of(target)
        s.add(account)
        officer = target
    # Single use, decided by the database: of two redemptions racing, one updates the row.
    used = s.execute(update(InviteCode).where(col(InviteCode.id) == invite.id, col(InviteCode.used_at).is_(None))
                     .values(used_at=now, used_by_account_id=account.id))
    if used.rowcount != 1:  # type: ignore[attr-defined]
        raise UserError("invite.used", code=shown(code))
    record(s, bloc_id=bloc.id, actor=actor, action=f"invite.redeem.{invite.kind}", at=now, invite=invite.id,
           account=f"{account.platform}:{account.platform_user_id}", unit=unit.code if unit else None)
    return Redeemed(kind=invite.kind, bloc=bloc, unit=unit, officer=officer)
