"""/start (welcome and deep links) and /help (the commands this person may use here)."""

from __future__ import annotations

from bot.i18n import has
from handlers.registry import Command, Who
from handlers.request import Request


def _unit_line(req: Request) -> str:
    if req.bloc is None:
        return req.t("start.no_unit_line")
    who = req.standing
    if who.unit is not None:
        return req.t("start.unit_line", code=who.unit.code, unit=who.unit.name, bloc=req.bloc.name)
    if who.setup_admin:
        return req.t("start.admin_line", bloc=req.bloc.name)
    return req.t("start.no_unit_line")


async def start(req: Request) -> None:
    if req.is_group:
        if req.bloc is None:
            await req.reply(req.t("start.group_unbound"))
        else:
            await req.reply(req.t("start.group_bound", bloc=req.bloc.name))
        return
    # Opening the private chat is what lets the bot remind this person privately: keep them.
    req.person()
    payload = req.args.strip()
    if payload:
        for link in req.registry.deep_links:
            if payload.startswith(link.prefix):
                await link.handler(req, payload[len(link.prefix):])
                return
        await req.reply(req.t("start.bad_payload"))
        return
    await req.reply(req.t("start.private", name=req.actor.name, unit_line=_unit_line(req)))


def _allowed(req: Request, cmd: Command) -> bool:
    if not cmd.allowed_in(is_group=req.is_group, groups_exist=req.messenger.supports_groups):
        return False
    if cmd.who is Who.ANYONE:
        return True
    if req.bloc is None:
        return False
    if cmd.who is Who.OFFICER:
        return req.standing.is_officer
    if cmd.who is Who.MANAGER:
        return req.standing.can_manage
    return True


def help_line(req: Request, cmd: Command) -> str:
    args_key = f"args.{cmd.name}"
    args = f" {req.t(args_key)}" if has(args_key) else ""
    return f"/{cmd.name}{args} — {req.t(cmd.help_key)}"


async def help_command(req: Request) -> None:
    commands = [c for c in req.registry.commands.values() if c.menu and _allowed(req, c)]
    general = [help_line(req, c) for c in commands if c.who is not Who.MANAGER]
    manager = [help_line(req, c) for c in commands if c.who is Who.MANAGER]
    parts = [req.t("help.header"), *general]
    if manager:
        parts += ["", req.t("help.header_manager"), *manager]
    if req.is_group and req.bloc is None:
        parts += ["", req.t("help.footer_unbound")]
    await req.reply("\n".join(parts))


COMMANDS = [
    Command("start", start, who=Who.ANYONE),
    Command("help", help_command, who=Who.ANYONE),
]
