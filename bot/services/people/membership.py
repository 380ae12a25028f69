"""Officers joining and leaving units (/join, approval, /leave)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.errors import UserError
from bot.services.audit import Actor, record
from bot.services.blocs.service import clean_code
from bot.services.blocs.standing import (
    ROLES,
    Standing,
    bloc_year,
    managers_in_place,
    role_units_now,
    standing,
)
from bot.services.delivery import live
from bot.services.people import requests
from bot.timefmt import fmt_datetime
from storage.models import Account, Bloc, JoinRequest, Officer, Unit, UnitOfficer, id_of
from storage.queries.blocs import (
    accounts_of_officers,
    active_link,
    is_member,
    officers_by_unit,
    pending_join,
    unit_by_code,
)


@dataclass(frozen=True)
class JoinOutcome:
    status: str  # joined | pending
    unit: Unit
    request: JoinRequest | None = None


def _member_unit(s: Session, bloc: Bloc, code: str, now: datetime) -> Unit:
    assert bloc.id is not None
    code = clean_code(code)
    unit = unit_by_code(s, bloc.id, code)
    if unit is None or not is_member(s, id_of(unit), bloc_year(bloc, now)):
        raise UserError("unit.unknown", code=code)
    return unit


def _ensure_free(s: Session, bloc: Bloc, officer_id: int, unit: Unit) -> None:
    """Refuses when the person already acts for a unit of this bloc."""
    assert bloc.id is not None
    link = active_link(s, bloc.id, officer_id)
    if link is None:
        return
    current = s.get(Unit, link.unit_id)
    assert current is not None
    if current.id == unit.id:
        raise UserError("join.already_same", code=current.code, unit=current.name)
    raise UserError("join.already_other", code=current.code, unit=current.name)


def link_officer(s: Session, *, bloc: Bloc, officer_id: int, unit: Unit, approver_id: int | None,
                 now: datetime) -> None:
    """Makes the officer act for ``unit``; refused if they already act for a unit of the bloc."""
    _ensure_free(s, bloc, officer_id, unit)
    _link(s, bloc, officer_id, unit, approver_id, now)


def approver_ids(s: Session, bloc: Bloc, now: datetime) -> list[int]:
    """Who may decide a join request now: the officers of the head and deputy units, and the setup
    admin until both of those units have an officer (the same rule as ``Standing.can_manage``)."""
    unit_ids = set(role_units_now(s, bloc, now).values())
    officers = [o.id for offs in officers_by_unit(s, unit_ids).values() for o in offs if o.id is not None]
    if bloc.setup_admin_id is not None and bloc.setup_admin_id not in officers and not managers_in_place(s, bloc, now):
        officers.append(bloc.setup_admin_id)
    return officers


def _link(s: Session, bloc: Bloc, officer_id: int, unit: Unit, approver_id: int | None, now: datetime) -> None:
    assert bloc.id is not None and unit.id is not None
    s.add(UnitOfficer(bloc_id=bloc.id, unit_id=unit.id, officer_id=officer_id, since=now, approved_by_id=approver_id))
    try:
        s.flush()
    except IntegrityError as exc:  # the database's one-active-unit rule caught a race
        raise UserError("join.already_other", code=unit.code, unit=unit.name) from exc


def request_join(s: Session, *, who: Standing, code: str, now: datetime) -> JoinOutcome:
    """Joins at once when the asker may approve; otherwise files a request for the head/deputy."""
    bloc = who.bloc
    assert bloc.id is not None and who.actor.officer_id is not None
    unit = _member_unit(s, bloc, code, now)
    officer_id = who.actor.officer_id
    _ensure_free(s, bloc, officer_id, unit)
    pending = pending_join(s, bloc.id, officer_id)
    if who.can_manage:
        if pending is not None:
            requests.close(s, pending, status=requests.CANCELLED, by=officer_id, now=now)
        _link(s, bloc, officer_id, unit, officer_id, now)
        record(s, bloc_id=bloc.id, actor=who.actor, action="officer.join", at=now, unit=unit.code,
               officer=officer_id, approved_by=officer_id)
        return JoinOutcome(status="joined", unit=unit)
    if pending is not None:
        # Asked again for the same unit within the hour: still waiting, say so. Later (or for another
        # unit) the old request closes and a new one is posted where people will see it.
        if pending.unit_id == unit.id and now - pending.created_at < requests.REPOST_AFTER:
            raise UserError("join.pending_same", code=unit.code, at=fmt_datetime(pending.created_at, bloc.timezone))
        requests.close(s, pending, status=requests.CANCELLED, by=officer_id, now=now)
        s.flush()
    request = JoinRequest(bloc_id=id_of(bloc), unit_id=id_of(unit), officer_id=officer_id, created_at=now)
    s.add(request)
    s.flush()
    record(s, bloc_id=bloc.id, actor=who.actor, action="join.request", at=now, unit=unit.code,
           request=request.id)
    return JoinOutcome(status="pending", unit=unit, request=request)


@dataclass(frozen=True)
class JoinDecision:
    request: JoinRequest
    unit: Unit
    requester: Officer
    approved: bool


def decide_join(s: Session, *, bloc: Bloc, request_id: int, approve: bool, approver: Actor,
                now: datetime) -> JoinDecision:
    """The head/deputy (or setup admin) approves or rejects a pending request."""
    assert bloc.id is not None
    who = standing(s, bloc, approver, now)
    if not who.can_manage:
        raise UserError("join.cannot_decide")
    request = s.get(JoinRequest, request_id)
    if request is None or request.bloc_id != bloc.id or request.status != "pending":
        raise UserError("join.request_gone")
    unit = s.get(Unit, request.unit_id)
    requester = s.get(Officer, request.officer_id)
    assert unit is not None and requester is not None and requester.id is not None
    request.decided_at, request.decided_by_id = now, approver.officer_id
    if approve:
        if not is_member(s, id_of(unit), bloc_year(bloc, now)):
            raise UserError("unit.unknown", code=unit.code)
        _ensure_free(s, bloc, requester.id, unit)
        request.status = "approved"
        _link(s, bloc, requester.id, unit, approver.officer_id, now)
    else:
        request.status = "rejected"
    s.add(request)
    live.mark_dirty(s, kind=requests.KIND, item_id=request_id, now=now)
    record(s, bloc_id=bloc.id, actor=approver, action="join.approve" if approve else "join.reject",
           at=now, request=request.id, unit=unit.code, officer=requester.id)
    return JoinDecision(request=request, unit=unit, requester=requester, approved=approve)


@dataclass(frozen=True)
class LeaveRisk:
    """Leaving would leave a role's unit (head, deputy) without an officer."""

    roles: tuple[str, ...]
    nobody_left: bool  # and then nobody at all could run the bloc


def leave_risk(s: Session, *, who: Standing, now: datetime) -> LeaveRisk | None:
    """What /leave would cost the bloc, asked before acting: the last officer of the head or deputy
    unit leaving leaves that role empty, and maybe nobody who can run the bloc."""
    bloc = who.bloc
    if who.unit is None or not who.roles:
        return None
    mine = who.actor.officer_id
    held = role_units_now(s, bloc, now)
    officers = officers_by_unit(s, set(held.values()))
    remaining = {unit_id: [o for o in offs if o.id != mine] for unit_id, offs in officers.items()}
    emptied = tuple(role for role in ROLES if role in who.roles and not remaining.get(held[role]))
    if not emptied:
        return None
    others = any(remaining.get(unit_id) for unit_id in held.values())
    # The setup admin gets the rights back once a role's unit has no officer (managers_in_place).
    admin_back = bloc.setup_admin_id is not None and bloc.setup_admin_id != mine
    return LeaveRisk(roles=emptied, nobody_left=not others and not admin_back)


def leave(s: Session, *, who: Standing, now: datetime, confirmed: bool = False) -> Unit:
    """Ends the person's link to their unit; audited. Refused without ``confirmed`` when it would
    empty the head's or deputy's unit (the handler asks first)."""
    bloc = who.bloc
    assert bloc.id is not None and who.actor.officer_id is not None
    link = active_link(s, bloc.id, who.actor.officer_id)
    if link is None:
        raise UserError("leave.not_officer")
    if not confirmed and leave_risk(s, who=who, now=now) is not None:
        raise UserError("leave.needs_confirmation")
    unit = s.get(Unit, link.unit_id)
    assert unit is not None
    link.until = now
    s.add(link)
    record(s, bloc_id=bloc.id, actor=who.actor, action="officer.leave", at=now, unit=unit.code)
    return unit


def approver_accounts(s: Session, bloc: Bloc, now: datetime) -> dict[int, list[Account]]:
    """The accounts of everyone who may answer a join request now, by person."""
    return accounts_of_officers(s, approver_ids(s, bloc, now))


def accounts_of(s: Session, officer_id: int) -> list[Account]:
    """A person's platform accounts (to tell them privately that their request was approved)."""
    return accounts_of_officers(s, [officer_id]).get(officer_id, [])
