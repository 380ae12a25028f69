"""/remind_config: each bloc's reminder plans for deadlines, conferences, the pledge and votes."""

from __future__ import annotations

from bot.errors import UserError
from bot.services.reminders import service as rc
from bot.services.reminders.offsets import format_plan
from handlers.registry import Command, Who
from handlers.request import Request


def _show(req: Request) -> str:
    bloc = req.require_bloc()
    assert bloc.id is not None
    lines = [req.t("remind.header", bloc=bloc.name)]
    for kind in rc.KINDS:
        plan = format_plan(rc.offsets_for(req.session, bloc.id, kind), req.lang)
        default = req.t("remind.is_default") if rc.is_default(req.session, bloc.id, kind) else ""
        lines.append(req.t("remind.line", kind_name=req.t(f"remind.kind.{kind}"), word=req.t(f"remind.word.{kind}"),
                           plan=plan, default=default))
    lines += ["", req.t("remind.help")]
    return "\n".join(lines)


async def remind_config(req: Request) -> None:
    bloc = req.require_bloc()
    word, _, rest = req.args.strip().partition(" ")
    if not word:
        await req.reply(_show(req))
        return
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="remind_config")
    kind = rc.kind_of(word)
    if not rest.strip():
        raise UserError("remind.usage")
    offsets = rc.set_plan(req.session, bloc=bloc, kind=kind, text=rest, actor=req.actor, now=req.now)
    replanned = sum(source.replan_bloc(req.session, bloc, req.now)
                    for source in req.registry.reminder_sources.values() if source.config_kind == kind)
    await req.reply(req.t("remind.set", kind_name=req.t(f"remind.kind.{kind}"), plan=format_plan(offsets, req.lang),
                          items=replanned))


COMMANDS = [Command("remind_config", remind_config, who=Who.MEMBER)]
