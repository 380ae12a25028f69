"""/unit_add, /unit_remove and /units."""

from __future__ import annotations

from bot.errors import UserError
from bot.i18n import t
from bot.services import blocs
from bot.services.standing import bloc_year
from handlers.registry import Command, Who
from handlers.request import Request


def _parse_unit_lines(req: Request) -> list[tuple[str, str]]:
    """``MÃ tên`` per line; every line is checked before anything is added."""
    lines = [line.strip() for line in req.args.splitlines() if line.strip()]
    if not lines:
        raise UserError("unit_add.usage")
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        code_raw, _, name_raw = line.partition(" ")
        try:
            code = blocs.clean_code(code_raw)
            name = blocs.clean_name(name_raw)
            if not name:
                raise UserError("unit_add.missing_name")
            if code in seen:
                raise UserError("unit_add.repeated", code=code)
        except UserError as exc:
            if len(lines) == 1 and exc.key == "unit_add.missing_name":
                raise UserError("unit_add.usage") from exc
            raise UserError("unit_add.bad_line", line=number, text=line[:60],
                            error=req.t(exc.key, **exc.params)) from exc
        seen.add(code)
        out.append((code, name))
    return out


async def unit_add(req: Request) -> None:
    bloc = req.require_bloc()
    entries = _parse_unit_lines(req)
    replies: list[str] = []
    added = None
    for code, name in entries:
        try:
            added = blocs.add_unit(req.session, bloc=bloc, code=code, name=name, actor=req.actor, now=req.now)
        except UserError as exc:
            if len(entries) == 1:
                raise
            # One duplicate in a list refuses the whole list: nothing half-done.
            raise UserError("unit_add.bad_line", line=entries.index((code, name)) + 1, text=f"{code} {name}"[:60],
                            error=req.t(exc.key, **exc.params)) from exc
        key = "unit.readded" if added.readded else "unit.added"
        replies.append(req.t(key, code=added.unit.code, name=added.unit.name, year=added.year))
    assert added is not None
    replies.append(req.t("unit.added_total", count=added.count, year=added.year))
    await req.reply("\n".join(replies))


async def unit_remove(req: Request) -> None:
    bloc = req.require_bloc()
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("unit_remove.usage")
    removed = blocs.remove_unit(req.session, bloc=bloc, code=parts[0], actor=req.actor, now=req.now)
    text = req.t("unit.removed", code=removed.unit.code, name=removed.unit.name, year=removed.year)
    if removed.officers:
        text += "\n" + req.t("unit.removed_officers", names=", ".join(o.display_name for o in removed.officers))
    await req.reply(text)


def units_text(lang: str, bloc_name: str, year: int, rows: list[blocs.UnitRow]) -> str:
    if not rows:
        return t(lang, "units.empty", bloc=bloc_name)
    lines = [t(lang, "units.header", bloc=bloc_name, year=year, count=len(rows))]
    for index, row in enumerate(rows, start=1):
        roles = "".join(f" ({t(lang, f'role.{r}')})" for r in sorted(row.roles))
        lines.append(t(lang, "units.line", index=index, code=row.unit.code, name=row.unit.name, roles=roles))
        if row.officers:
            lines.append(t(lang, "units.officers", names=", ".join(o.display_name for o in row.officers)))
        else:
            lines.append(t(lang, "units.no_officer", code=row.unit.code))
    return "\n".join(lines)


async def units(req: Request) -> None:
    bloc = req.require_bloc()
    rows = blocs.unit_board(req.session, bloc, req.now)
    await req.reply(units_text(req.lang, bloc.name, bloc_year(bloc, req.now), rows))


COMMANDS = [
    Command("unit_add", unit_add, who=Who.MANAGER),
    Command("unit_remove", unit_remove, who=Who.MANAGER),
    Command("units", units, who=Who.MEMBER),
]
