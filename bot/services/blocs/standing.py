"""Who a person is in a bloc right now, and what that lets them do (permission rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.services.audit import Actor
from bot.timefmt import local_year
from storage.models import Bloc, Unit
from storage.queries.blocs import (
    account_by_platform_id,
    active_link,
    blocs_administered,
    blocs_of_officer,
    officers_by_unit,
    role_holder,
)

HEAD = "head"
DEPUTY = "deputy"
ROLES = (HEAD, DEPUTY)


@dataclass(frozen=True)
class Standing:
    bloc: Bloc
    actor: Actor
    unit: Unit | None
    # Roles (head/deputy) that the person's unit holds now.
    roles: frozenset[str]
    # The /setup caller, while no officer acts for the head or deputy unit.
    setup_admin: bool

    @property
    def is_officer(self) -> bool:
        return self.unit is not None

    @property
    def can_manage(self) -> bool:
        """Head/deputy officers run the bloc; the setup admin until they are in place."""
        return bool(self.roles) or self.setup_admin


def role_units_now(s: Session, bloc: Bloc, now: datetime) -> dict[str, int]:
    """Unit id holding each role at ``now`` (missing roles are left out)."""
    assert bloc.id is not None
    out: dict[str, int] = {}
    for role in ROLES:
        held = role_holder(s, bloc.id, role, now)
        if held is not None:
            out[role] = held.unit_id
    return out


def managers_in_place(s: Session, bloc: Bloc, now: datetime) -> bool:
    """True once both the head and the deputy unit of this year have an officer. Until then the setup
    admin keeps the rights to run the bloc: setting the head and then the deputy is one start-up, and
    the admin must not lose the second step because the head's officer joined in between."""
    held = role_units_now(s, bloc, now)
    if any(role not in held for role in ROLES):
        return False
    officers = officers_by_unit(s, set(held.values()))
    return all(officers.get(unit_id) for unit_id in held.values())


def standing(s: Session, bloc: Bloc, actor: Actor, now: datetime) -> Standing:
    assert bloc.id is not None
    unit: Unit | None = None
    roles: set[str] = set()
    if actor.officer is not None and actor.officer.id is not None:
        link = active_link(s, bloc.id, actor.officer.id)
        if link is not None:
            unit = s.get(Unit, link.unit_id)
    held = role_units_now(s, bloc, now)
    if unit is not None:
        roles = {role for role, unit_id in held.items() if unit_id == unit.id}
    is_setup = actor.officer is not None and bloc.setup_admin_id == actor.officer.id
    setup_admin = is_setup and not managers_in_place(s, bloc, now)
    return Standing(bloc=bloc, actor=actor, unit=unit, roles=frozenset(roles), setup_admin=setup_admin)


def bloc_year(bloc: Bloc, now: datetime) -> int:
    """The bloc's current year (calendar year in the bloc's time zone)."""
    return local_year(now, bloc.timezone)


def private_bloc(s: Session, officer_id: int) -> Bloc | None:
    """The bloc a person's private chat speaks for: the unit they act for, else one they set up."""
    acting = blocs_of_officer(s, officer_id)
    if acting:
        return acting[0]
    administered = blocs_administered(s, officer_id)
    return administered[-1] if administered else None


def bloc_of_private_chat(s: Session, platform: str, user_id: str) -> Bloc | None:
    """The bloc a person's private chat on a platform speaks for (see :func:`private_bloc`)."""
    account = account_by_platform_id(s, platform, user_id)
    return private_bloc(s, account.officer_id) if account is not None else None
