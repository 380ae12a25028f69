"""The head (Trưởng khối) and deputy (Phó trưởng khối) units of each year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.errors import UserError
from bot.i18n import Ref
from bot.services.audit import Actor, record
from bot.services.blocs.service import clean_code
from bot.services.blocs.standing import DEPUTY, HEAD, ROLES, bloc_year
from bot.timefmt import year_start
from storage.models import Bloc, RoleAssignment, Unit
from storage.queries.blocs import is_member, officers_by_unit, role_holder, role_of_year, unit_by_code

YEARS_BACK = 10  # recording past years' roles is allowed, within reason
YEARS_AHEAD = 1  # next year's roles are elected at the year-end conference


def parse_year(raw: str | None, bloc: Bloc, now: datetime) -> int:
    this_year = bloc_year(bloc, now)
    if raw is None or not raw.strip():
        return this_year
    text = raw.strip()
    lo, hi = this_year - YEARS_BACK, this_year + YEARS_AHEAD
    if not (text.isdigit() and len(text) == 4 and lo <= int(text) <= hi):
        raise UserError("role.bad_year", value=text[:20], min=lo, max=hi)
    return int(text)


@dataclass(frozen=True)
class RoleSet:
    assignment: RoleAssignment
    unit: Unit
    previous_unit: Unit | None
    in_force_now: bool
    # Whether an officer already acts for the unit (else nobody can run the bloc for it yet).
    has_officer: bool


def assign_role(s: Session, *, bloc: Bloc, role: str, code: str, year: int, actor: Actor,
                now: datetime) -> RoleSet:
    """Makes ``code`` the head or deputy unit of ``year``; replaces an earlier choice for that year."""
    assert bloc.id is not None and role in ROLES
    code = clean_code(code)
    unit = unit_by_code(s, bloc.id, code)
    if unit is None or unit.id is None:
        raise UserError("unit.unknown", code=code)
    if not is_member(s, unit.id, year):
        raise UserError("role.not_member", code=code, year=year)
    other = role_of_year(s, bloc.id, year, DEPUTY if role == HEAD else HEAD)
    if other is not None and other.unit_id == unit.id:
        raise UserError("role.same_unit_both", code=code, year=year,
                        other=Ref(f"role.{DEPUTY if role == HEAD else HEAD}"))
    row = role_of_year(s, bloc.id, year, role)
    previous: Unit | None = None
    if row is None:
        row = RoleAssignment(bloc_id=bloc.id, year=year, role=role, unit_id=unit.id,
                             effective_from=year_start(year, bloc.timezone), assigned_at=now,
                             assigned_by_id=actor.officer_id)
    else:
        if row.unit_id == unit.id:
            raise UserError("role.unchanged", code=code, year=year, role=Ref(f"role.{role}"))
        previous = s.get(Unit, row.unit_id)
        # An earlier handover keeps its moment; only the unit changes.
        row.unit_id, row.assigned_at, row.assigned_by_id = unit.id, now, actor.officer_id
    s.add(row)
    s.flush()
    held = role_holder(s, bloc.id, role, now)
    record(s, bloc_id=bloc.id, actor=actor, action="role.set", at=now, role=role, year=year, unit=code,
           previous=previous.code if previous else None)
    return RoleSet(assignment=row, unit=unit, previous_unit=previous,
                   in_force_now=held is not None and held.id == row.id,
                   has_officer=bool(officers_by_unit(s, [unit.id]).get(unit.id)))
