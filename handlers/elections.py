"""/elect (head then deputy of a year, by secret ballot) and /handover (the new roles take office now)."""

from __future__ import annotations

from bot.errors import UserError
from bot.services import votes as vs
from bot.services.handover import handover
from bot.services.roles import parse_year
from bot.services.standing import bloc_year
from bot.services.vote_views import unit_line
from bot.timefmt import fmt_datetime
from handlers.args import fields
from handlers.publish import announce
from handlers.registry import Command, Who
from handlers.request import Request
from handlers.votes import parse_closing, post_vote


async def elect(req: Request) -> None:
    bloc = req.require_bloc()
    this_year = bloc_year(bloc, req.now)
    parts = fields(req.args)
    if not parts or not parts[0] or len(parts) > 2:
        raise UserError("elect.usage", next_year=this_year + 1)
    year = parse_year(parts[0], bloc, req.now)
    if year < this_year:
        raise UserError("elect.past_year", year=year, next_year=this_year + 1)
    closes_at = parse_closing(parts[1], req) if len(parts) == 2 and parts[1] else None
    step = vs.elect_next(req.session, bloc=bloc, term_year=year, closes_at=closes_at, actor=req.actor, now=req.now)
    await post_vote(req, step.vote)


async def handover_command(req: Request) -> None:
    bloc = req.require_bloc()
    parts = req.args.split()
    if len(parts) > 1:
        raise UserError("handover.usage", next_year=bloc_year(bloc, req.now) + 1)
    year = parse_year(parts[0] if parts else str(bloc_year(bloc, req.now) + 1), bloc, req.now)
    done = handover(req.session, bloc=bloc, who=req.standing, year=year, actor=req.actor, now=req.now)
    text = req.t("handover.done", when=fmt_datetime(req.now, bloc.timezone), year=year, head=unit_line(done.head),
                 outgoing=unit_line(done.outgoing) if done.outgoing else req.actor.name)
    text += "\n" + (req.t("handover.deputy", deputy=unit_line(done.deputy)) if done.deputy
                    else req.t("handover.no_deputy", year=year))
    await announce(req, bloc, text, key=f"handover:{bloc.id}:{year}")


COMMANDS = [
    Command("elect", elect, who=Who.MANAGER),
    Command("handover", handover_command, who=Who.MANAGER),
]
