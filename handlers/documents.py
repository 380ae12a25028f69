"""Official documents of the year: /minutes (biên bản họp bình xét, suy tôn), /proposal (tờ trình),
/dossier and /dossier_collect (the dossier for the provincial council), /place (the place name on
their date line), and /verify (is my receipt among the counted ballots?)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from bot.errors import UserError
from bot.ports import Document, OutMessage
from bot.records import Bloc
from bot.services.blocs.roles import parse_year
from bot.services.calendar import service as cal
from bot.services.documents import dossier
from bot.services.documents import minutes as official_minutes
from bot.services.documents import proposal as official_proposal
from bot.services.documents import service as documents
from bot.services.documents.layout import DOCX_MIME
from bot.services.votes import slips
from bot.services.votes.views import vote_title
from bot.timefmt import fmt_datetime
from handlers.args import fields
from handlers.calendar import announce_item, deadline_time
from handlers.registry import Command, Where, Who
from handlers.request import Request

RECEIPT = re.compile(r"^([A-Z2-9]{3})-?([A-Z2-9]{3})$")


def _year_and_options(req: Request) -> tuple[int, official_minutes.Options]:
    parts = fields(req.args)
    year = parse_year(parts[0] or None if parts else None, req.require_bloc(), req.now)
    return year, official_minutes.parse_options(parts[1:])


async def minutes_command(req: Request) -> None:
    await _official(req, official_minutes.year_minutes, "docs.minutes_caption", "bien-ban-binh-xet")


async def proposal_command(req: Request) -> None:
    await _official(req, official_proposal.proposal, "docs.proposal_caption", "to-trinh")


async def _official(req: Request, make: Callable[[Session, Bloc, int, official_minutes.Options, datetime], bytes],
                    caption: str, name: str) -> None:
    bloc = req.require_bloc()
    year, options = _year_and_options(req)
    content = make(req.session, bloc, year, options, req.now)
    await req.reply(OutMessage(req.t(caption, year=year),
                               document=Document(f"{name}-{year}.docx", content, DOCX_MIME)))


async def dossier_command(req: Request) -> None:
    bloc = req.require_bloc()
    year, _ = _year_and_options(req)
    built = dossier.build(req.session, req.core.files, bloc, year, req.now)
    missing = req.t("dossier.missing", items="; ".join(built.missing)) if built.missing else req.t("dossier.complete")
    await req.reply(OutMessage(req.t("dossier.caption", year=year, count=len(built.files), missing=missing),
                               document=Document(f"ho-so-khen-thuong-{year}.zip", built.content, "application/zip")))


async def dossier_collect_command(req: Request) -> None:
    """Opens the deadline for the nominated units' achievement reports: the calendar's deadline, so
    its reminders, overdue notices and /status work as for any other."""
    bloc = req.require_bloc()
    parts = fields(req.args)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        raise UserError("dossier_collect.usage")
    year = parse_year(parts[0], bloc, req.now)
    wanted = dossier.collect_fields(req.session, bloc, year)
    when = deadline_time(req, parts[1])
    item = cal.create_deadline(req.session, bloc=bloc, actor=req.actor, when=when, fields=wanted, template=None,
                               now=req.now)
    await announce_item(req, item)


async def place_command(req: Request) -> None:
    bloc = req.require_bloc()
    if not req.args.strip():
        await req.reply(req.t("place.show", place=bloc.place) if bloc.place else req.t("place.none"))
        return
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="place")
    documents.set_place(req.session, bloc=bloc, place=req.args, actor=req.actor, now=req.now)
    await req.reply(req.t("place.set", place=bloc.place))


async def verify_command(req: Request) -> None:
    bloc = req.require_bloc()
    match = RECEIPT.match(req.args.strip().upper())
    if match is None:
        raise UserError("verify.usage")
    code = f"{match.group(1)}-{match.group(2)}"
    assert bloc.id is not None
    vote = slips.find_receipt(req.session, bloc.id, code)
    if vote is None:
        await req.reply(req.t("verify.not_found", code=code))
        return
    await req.reply(req.t("verify.found", code=code, id=vote.id, title=vote_title(vote, req.lang),
                          closed=fmt_datetime(vote.closed_at, bloc.timezone) if vote.closed_at else ""))


COMMANDS = [
    Command("minutes", minutes_command, who=Who.MEMBER),
    Command("proposal", proposal_command, who=Who.MEMBER),
    Command("dossier", dossier_command, who=Who.MEMBER),
    Command("dossier_collect", dossier_collect_command, who=Who.MANAGER),
    Command("place", place_command, who=Who.MEMBER),
    Command("verify", verify_command, who=Who.MEMBER, where=Where.PRIVATE),
]
