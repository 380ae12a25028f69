"""/invite (a one-time code for a unit's officer), /link (add another platform account) and the
redeeming side of /join <code>."""

from __future__ import annotations

from bot.errors import UserError
from bot.ports import OutMessage
from bot.services import invites
from bot.timefmt import fmt_datetime
from handlers.registry import Command, Who
from handlers.request import Request


async def invite(req: Request) -> None:
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("invite.usage")
    _private_chat_or_refuse(req)
    created, unit = invites.create_unit_invite(req.session, who=req.standing, unit_code=parts[0], now=req.now)
    bloc = req.require_bloc()
    text = req.t("invite.created", unit_code=unit.code, unit=unit.name, code=invites.shown(created.code),
                 expires=fmt_datetime(created.expires_at, bloc.timezone))
    await _privately(req, text)


async def link(req: Request) -> None:
    _private_chat_or_refuse(req)
    created = invites.create_link_code(req.session, who=req.standing, now=req.now)
    bloc = req.require_bloc()
    text = req.t("link.created", code=invites.shown(created.code),
                 expires=fmt_datetime(created.expires_at, bloc.timezone))
    await _privately(req, text)


def _private_chat_or_refuse(req: Request) -> None:
    """A code typed for in a group is sent privately, so nobody else in the group can use it
    first; that needs a private chat the bot can write to. Refused before any code exists."""
    account = req.account
    if req.is_group and (account.private_chat_id is None or account.private_status != "open"):
        raise UserError("invite.needs_private", command=req.command)


async def _privately(req: Request, text: str) -> None:
    if not req.is_group:
        await req.reply(text)
    elif await req.send_private(req.account, OutMessage(text)):
        await req.reply(req.t("invite.sent_privately"))
    else:  # the code exists but nobody saw it; it expires unused
        await req.reply(req.t("invite.private_failed", command=req.command))


async def redeem_if_code(req: Request, raw: str) -> bool:
    """``/join <code>``: True when ``raw`` is an invitation or link code (redeemed, or refused by
    raising); False for a unit code (``/join YTE``), which /join handles as before."""
    code = invites.normalise(raw)
    if code is None:
        return False
    if invites.find(req.session, code) is None:
        if req.bloc is not None and "-" not in raw:
            return False  # eight letters may be a unit code of the person's bloc: /join says if not
        raise UserError("invite.unknown", code=invites.shown(code))
    result = invites.redeem(req.session, code=code, actor=req.actor, now=req.now)
    req.bloc, req.lang = result.bloc, result.bloc.language
    if result.kind == "unit":
        assert result.unit is not None
        await req.reply(req.t("invite.joined", name=req.actor.name, code=result.unit.code, unit=result.unit.name,
                              bloc=result.bloc.name))
    else:
        await req.reply(req.t("link.done", name=result.officer.display_name, bloc=result.bloc.name))
    return True


COMMANDS = [
    Command("invite", invite, who=Who.MANAGER),
    Command("link", link, who=Who.OFFICER),
]
