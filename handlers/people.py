"""People: /join (with approval buttons, or a one-time code), /leave, /whoami, /invite (a one-time code
for a unit's officer) and /link (another platform account)."""

from __future__ import annotations

import re

from bot.errors import UserError
from bot.ports import Button, OutMessage, callback_data
from bot.services.blocs.standing import ROLES
from bot.services.people import invites, membership
from bot.timefmt import fmt_datetime
from handlers.registry import Callback, Command, Who
from handlers.request import Request

JOIN = "j"  # callback prefix: j:a:<request id> approves, j:r:<request id> rejects


async def join(req: Request) -> None:
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("join.usage")
    req.person()  # asking to join needs a record of the person (rolled back if refused)
    # A one-time code from /invite or /link works anywhere, even for someone in no bloc yet (Zalo).
    if await redeem_if_code(req, parts[0]):
        return
    bloc = req.require_bloc()
    outcome = membership.request_join(req.session, who=req.standing, code=parts[0], now=req.now)
    unit = outcome.unit
    if outcome.status == "joined":
        await req.reply(req.t("join.joined", name=req.actor.name, code=unit.code, unit=unit.name))
        return
    assert outcome.request is not None
    buttons = [[
        Button(req.t("join.btn_approve"), data=callback_data(JOIN, "a", outcome.request.id)),
        Button(req.t("join.btn_reject"), data=callback_data(JOIN, "r", outcome.request.id)),
    ]]
    chat = req.incoming.chat
    if chat.is_group:
        text = req.t("join.request_post", name=req.actor.name, code=unit.code, unit=unit.name)
        await req.reply(OutMessage(text=text, buttons=buttons))
    else:  # the buttons are for the approvers, who cannot see this private chat
        await req.reply(req.t("join.request_sent", code=unit.code, unit=unit.name))
    # Approvers who cannot see that chat (a head on Zalo, or anyone when /join was typed in a
    # private chat) get the request privately; on Zalo the buttons become numbered choices.
    dm = OutMessage(text=req.t("join.request_dm", name=req.actor.name, code=unit.code, unit=unit.name,
                               bloc=bloc.name), buttons=buttons)
    approvers = membership.approver_accounts(req.session, bloc, req.now)
    for officer_id, accounts in approvers.items():
        sees_it = chat.is_group and any(a.platform == chat.platform for a in accounts)
        if officer_id == req.actor.officer_id or sees_it:
            continue
        for account in accounts:
            await req.send_private(account, dm)


async def decide(req: Request, match: re.Match[str]) -> None:
    bloc = req.require_bloc()
    approve = match.group(1) == "a"
    decision = membership.decide_join(req.session, bloc=bloc, request_id=int(match.group(2)), approve=approve,
                                      approver=req.actor, now=req.now)
    unit, name = decision.unit, decision.requester.display_name
    key = "join.approved_post" if approve else "join.rejected_post"
    await req.edit_origin(OutMessage(text=req.t(key, name=name, code=unit.code, unit=unit.name,
                                                approver=req.actor.name)))
    req.toast(req.t("join.approved_toast" if approve else "join.rejected_toast"))
    if approve and decision.requester.id is not None:
        for account in membership.accounts_of(req.session, decision.requester.id):
            await req.send_private(account, req.t("join.approved_dm", code=unit.code, unit=unit.name, bloc=bloc.name))


async def leave(req: Request) -> None:
    unit = membership.leave(req.session, who=req.standing, now=req.now)
    await req.reply(req.t("leave.done", name=req.actor.name, code=unit.code, unit=unit.name))


async def whoami(req: Request) -> None:
    if req.bloc is None:
        await req.reply(req.t("whoami.no_bloc", name=req.actor.name))
        return
    who = req.standing
    roles = [req.t(f"role.{r}") for r in ROLES if r in who.roles]
    if who.unit is not None:
        roles.append(req.t("role.officer"))
    if who.setup_admin:
        roles.append(req.t("role.setup_admin"))
    unit = f"{who.unit.code} — {who.unit.name}" if who.unit else req.t("whoami.no_unit")
    await req.reply(req.t("whoami.text", name=req.actor.name, bloc=req.bloc.name, unit=unit,
                          roles=", ".join(roles) or req.t("role.none")))


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
    Command("join", join, who=Who.ANYONE),
    Command("leave", leave, who=Who.OFFICER),
    Command("whoami", whoami, who=Who.ANYONE),
    Command("invite", invite, who=Who.MANAGER),
    Command("link", link, who=Who.OFFICER),
]
CALLBACKS = [Callback(JOIN, decide, re.compile(r"([ar]):(\d{1,10})"))]
