"""/head and /deputy: the head and deputy units of a year."""

from __future__ import annotations

from bot.errors import UserError
from bot.services import roles
from bot.services.standing import DEPUTY, HEAD, bloc_year
from bot.timefmt import fmt_date
from handlers.registry import Command, Who
from handlers.request import Request
from storage.queries.blocs import officers_by_unit


async def _set_role(req: Request, role: str) -> None:
    bloc = req.require_bloc()
    parts = req.args.split()
    if not 1 <= len(parts) <= 2:
        year = bloc_year(bloc, req.now)
        raise UserError(f"{role}.usage", year=year, next_year=year + 1)
    year = roles.parse_year(parts[1] if len(parts) == 2 else None, bloc, req.now)
    result = roles.assign_role(req.session, bloc=bloc, role=role, code=parts[0], year=year, actor=req.actor,
                               now=req.now)
    unit = result.unit
    lines = [req.t("role.set", code=unit.code, unit=unit.name, role=req.t(f"role.{role}"), year=year)]
    if result.previous_unit is not None:
        lines[0] += " " + req.t("role.replaced", code=result.previous_unit.code, unit=result.previous_unit.name)
    if result.in_force_now:
        has_officer = bool(officers_by_unit(req.session, [unit.id]).get(unit.id))  # type: ignore[list-item]
        lines.append(req.t("role.in_force") if has_officer else req.t("role.no_officer_yet", code=unit.code))
    else:
        lines.append(req.t("role.from_date", date=fmt_date(result.assignment.effective_from, bloc.timezone)))
    await req.reply("\n".join(lines))


async def head(req: Request) -> None:
    await _set_role(req, HEAD)


async def deputy(req: Request) -> None:
    await _set_role(req, DEPUTY)


COMMANDS = [
    Command("head", head, who=Who.MANAGER),
    Command("deputy", deputy, who=Who.MANAGER),
]
