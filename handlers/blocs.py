"""The bloc: /setup (bind a group chat, or on Zalo create a bloc in private), /lang, its member units
(/unit_add, /unit_remove, /units) and the head and deputy units of a year (/head, /deputy)."""

from __future__ import annotations

from bot.errors import UserError
from bot.i18n import t
from bot.services.blocs import roles
from bot.services.blocs import service as blocs
from bot.services.blocs.standing import DEPUTY, HEAD, bloc_year
from bot.timefmt import fmt_date
from handlers.registry import Command, Where, Who
from handlers.request import Request


async def setup(req: Request) -> None:
    # A group command: on Telegram it binds the group it is typed in. On a platform without group
    # chats (Zalo) the dispatcher lets it run in private, and the bloc lives in private chats.
    name = req.args.strip()
    if req.bloc is not None:
        raise UserError("setup.already" if req.is_group else "setup.already_private", bloc=req.bloc.name)
    if not name:
        raise UserError("setup.usage")
    blocs.clean_name(name)  # refuse a bad name before asking the platform anything
    if req.is_group and not await req.is_group_admin():
        raise UserError("setup.not_admin")
    chat = req.incoming.chat if req.is_group else None
    bloc = blocs.setup_bloc(req.session, chat=chat, name=name, actor=req.person(), now=req.now,
                            language=req.core.default_language, timezone=req.core.default_timezone)
    req.bloc = bloc
    await req.reply(req.t("setup.done" if chat else "setup.done_private", bloc=bloc.name, name=req.actor.name))


async def rename(req: Request) -> None:
    bloc = req.require_bloc()
    if not req.args.strip():
        raise UserError("rename.usage")
    old = blocs.rename(req.session, bloc=bloc, name=req.args, actor=req.actor, now=req.now)
    await req.reply(req.t("rename.done", old=old, new=bloc.name))


async def lang(req: Request) -> None:
    choice = req.args.strip().lower()
    if choice not in blocs.LANGUAGES:
        raise UserError("lang.usage")
    bloc = req.require_bloc()
    blocs.set_language(req.session, bloc=bloc, language=choice, actor=req.actor, now=req.now)
    req.lang = choice
    await req.reply(req.t("lang.set", bloc=bloc.name))


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
        lines.append(req.t("role.in_force") if result.has_officer else req.t("role.no_officer_yet", code=unit.code))
    else:
        lines.append(req.t("role.from_date", date=fmt_date(result.assignment.effective_from, bloc.timezone)))
    await req.reply("\n".join(lines))


async def head(req: Request) -> None:
    await _set_role(req, HEAD)


async def deputy(req: Request) -> None:
    await _set_role(req, DEPUTY)


COMMANDS = [
    Command("setup", setup, who=Who.ANYONE, where=Where.GROUP),
    Command("lang", lang, who=Who.MANAGER),
    Command("rename", rename, who=Who.MANAGER),
    Command("unit_add", unit_add, who=Who.MANAGER),
    Command("unit_remove", unit_remove, who=Who.MANAGER),
    Command("units", units, who=Who.MEMBER),
    Command("head", head, who=Who.MANAGER),
    Command("deputy", deputy, who=Who.MANAGER),
]
