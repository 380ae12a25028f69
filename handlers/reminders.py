"""/remind_config: each bloc's reminder plans for deadlines, conferences, the pledge and votes;
/holiday: the days off reminders avoid (Vietnam's public holidays and the bloc's own)."""

from __future__ import annotations

from datetime import date, time

from bot.dates import parse_when
from bot.errors import UserError
from bot.services.reminders import holidays
from bot.services.reminders import service as rc
from bot.services.reminders.offsets import format_plan
from bot.timefmt import to_local
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


def _day(req: Request, raw: str, usage: str) -> date:
    if not raw:
        raise UserError(usage)
    bloc = req.require_bloc()
    when = parse_when(raw, now=req.now, tz=bloc.timezone, default_time=time(12, 0), allow_past=True)
    return to_local(when, bloc.timezone).date()


def _replan(req: Request) -> int:
    """Every open item's reminders follow the new days off at once."""
    bloc = req.require_bloc()
    return sum(source.replan_bloc(req.session, bloc, req.now) for source in req.registry.reminder_sources.values())


async def holiday(req: Request) -> None:
    """/holiday lists the days off ahead; /holiday <ngày> [tên] (manager) adds one for the bloc."""
    bloc = req.require_bloc()
    raw_day, _, name = req.args.strip().partition(" ")
    if not raw_day:
        days = holidays.upcoming(req.session, bloc, req.now)
        lines = [req.t("holiday.header", bloc=bloc.name)]
        lines += [req.t("holiday.line_own" if h.own else "holiday.line", day=h.day.strftime("%d/%m/%Y"),
                        weekday=req.t(f"weekday.{h.day.weekday()}"), name=h.name) for h in days]
        lines += ["", req.t("holiday.help")]
        await req.reply("\n".join(lines))
        return
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="holiday")
    day = _day(req, raw_day, "holiday.usage")
    added = holidays.add(req.session, bloc=bloc, day=day, name=name.strip() or req.t("holiday.default_name"),
                         actor=req.actor, now=req.now)
    await req.reply(req.t("holiday.added", day=day.strftime("%d/%m/%Y"), name=added.name, items=_replan(req)))


async def holiday_remove(req: Request) -> None:
    bloc = req.require_bloc()
    day = _day(req, req.args.strip(), "holiday_remove.usage")
    removed = holidays.remove(req.session, bloc=bloc, day=day, actor=req.actor, now=req.now)
    await req.reply(req.t("holiday.removed", day=day.strftime("%d/%m/%Y"), name=removed.name, items=_replan(req)))


COMMANDS = [Command("remind_config", remind_config, who=Who.MEMBER),
            Command("holiday", holiday, who=Who.MEMBER),
            Command("holiday_remove", holiday_remove, who=Who.MANAGER)]
