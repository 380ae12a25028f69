"""Handing over (bàn giao): the outgoing head makes next year's elected head and deputy take office now.

Roles recorded for a year take effect at 00:00 on 1 January in the bloc's zone; a handover at the
year-end conference moves that moment to now. ``role_holder`` already picks the assignment with the
latest ``effective_from`` not after the moment asked, so nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.errors import UserError
from bot.services.audit import Actor, record
from bot.services.blocs.standing import DEPUTY, HEAD, Standing, bloc_year
from storage.models import Bloc, Unit
from storage.queries.blocs import role_of_year


@dataclass(frozen=True)
class Handover:
    year: int
    head: Unit
    deputy: Unit | None
    outgoing: Unit | None


def handover(s: Session, *, bloc: Bloc, who: Standing, year: int, actor: Actor, now: datetime) -> Handover:
    assert bloc.id is not None
    if HEAD not in who.roles and not who.setup_admin:
        raise UserError("handover.not_head")
    if year <= bloc_year(bloc, now):
        raise UserError("handover.bad_year", year=year, next_year=bloc_year(bloc, now) + 1)
    head = role_of_year(s, bloc.id, year, HEAD)
    if head is None:
        raise UserError("handover.no_head", year=year)
    deputy = role_of_year(s, bloc.id, year, DEPUTY)
    moved = []
    for row in (head, deputy):
        if row is not None and row.effective_from > now:
            row.effective_from = now
            s.add(row)
            moved.append(row.role)
    if not moved:
        raise UserError("handover.already", year=year)
    head_unit = s.get(Unit, head.unit_id)
    deputy_unit = s.get(Unit, deputy.unit_id) if deputy is not None else None
    assert head_unit is not None
    record(s, bloc_id=bloc.id, actor=actor, action="role.handover", at=now, year=year, head=head_unit.code,
           deputy=deputy_unit.code if deputy_unit else None, roles=moved,
           outgoing=who.unit.code if who.unit else None)
    return Handover(year=year, head=head_unit, deputy=deputy_unit, outgoing=who.unit)
