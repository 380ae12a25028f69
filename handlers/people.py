"""People: /join (with approval buttons, or a one-time code), /leave, /whoami, /invite (a one-time code
for a unit's officer) and /link (another platform account)."""

from __future__ import annotations

import re

from bot.errors import UserError
from bot.ports import Button, OutMessage, callback_data
from bot.records import id_of
from bot.services.blocs.standing import ROLES
from bot.services.delivery import live
from bot.services.people import guesses, invites, membership, requests, views
from bot.timefmt import fmt_datetime
from handlers.registry import Callback, Command, Who
from handlers.request import Request


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
    assert outcome.request is not None and outcome.request.id is not None
    post = views.request_message(req.session, outcome.request, req.now)
    chat = req.incoming.chat
    if chat.is_group:
        ref = await req.reply(post)
        if ref is not None:  # the post follows the request: it loses its buttons once answered anywhere
            live.register_post(req.session, bloc_id=id_of(bloc), kind=requests.KIND, item_id=outcome.request.id,
                               ref=ref, now=req.now)
    else:  # the buttons are for the approvers, who cannot see this private chat
        await req.reply(req.t("join.request_sent", code=unit.code, unit=unit.name,
                              who=views.who_approves(req.session, bloc, req.now)))
    # Approvers who cannot see that chat (a head on Zalo, or anyone when /join was typed in a
    # private chat) get the request privately; on Zalo the buttons become numbered choices.
    dm = OutMessage(text=req.t("join.request_dm", name=req.actor.name, code=unit.code, unit=unit.name,
                               bloc=bloc.name), buttons=views.decision_buttons(req.lang, outcome.request.id))
    approvers = membership.approver_accounts(req.session, bloc, req.now)
    for officer_id, accounts in approvers.items():
        sees_it = chat.is_group and any(a.platform == chat.platform for a in accounts)
        if officer_id == req.actor.officer_id or sees_it:
            continue
        for account in accounts:
            await req.send_private(account, dm)


async def decide(req: Request, match: re.Match[str]) -> None:
    """A press on a request's own post (or its private copy): the post shows the outcome."""
    decision = await _decide(req, approve=match.group(1) == "a", request_id=int(match.group(2)))
    await req.edit_origin(views.request_message(req.session, decision.request, req.now))


async def decide_from_list(req: Request, match: re.Match[str]) -> None:
    """A press in the /requests list: the list is redrawn with the requests still pending."""
    await _decide(req, approve=match.group(1) == "a", request_id=int(match.group(2)))
    bloc = req.require_bloc()
    await req.edit_origin(views.pending_list(bloc, requests.pending_of_bloc(req.session, bloc)))


async def _decide(req: Request, *, approve: bool, request_id: int) -> membership.JoinDecision:
    bloc = req.require_bloc()
    decision = membership.decide_join(req.session, bloc=bloc, request_id=request_id, approve=approve,
                                      approver=req.actor, now=req.now)
    unit = decision.unit
    req.toast(req.t("join.approved_toast" if approve else "join.rejected_toast"))
    if approve and decision.requester.id is not None:
        for account in membership.accounts_of(req.session, decision.requester.id):
            await req.send_private(account, req.t("join.approved_dm", code=unit.code, unit=unit.name, bloc=bloc.name))
    return decision


async def pending_requests(req: Request) -> None:
    """/requests: every pending join request of the bloc, each with approve and reject."""
    bloc = req.require_bloc()
    await req.reply(views.pending_list(bloc, requests.pending_of_bloc(req.session, bloc)))


LEAVE = "lv"  # lv:<officer id>:y leaves after the warning, lv:<officer id>:n stays


async def leave(req: Request) -> None:
    risk = membership.leave_risk(req.session, who=req.standing, now=req.now)
    if risk is None:
        await _left(req, confirmed=False)
        return
    unit = req.standing.unit
    assert unit is not None and req.actor.officer_id is not None
    roles = ", ".join(req.t(f"role.{r}") for r in risk.roles)
    key = "leave.confirm_nobody" if risk.nobody_left else "leave.confirm_role"
    buttons = [[Button(req.t("leave.btn_yes"), data=callback_data(LEAVE, req.actor.officer_id, "y")),
                Button(req.t("leave.btn_no"), data=callback_data(LEAVE, req.actor.officer_id, "n"))]]
    await req.reply(OutMessage(req.t(key, code=unit.code, unit=unit.name, roles=roles), buttons=buttons))


async def leave_press(req: Request, match: re.Match[str]) -> None:
    if int(match.group(1)) != req.actor.officer_id:  # only the person who typed /leave answers it
        raise UserError("leave.not_yours")
    if match.group(2) == "n":
        await req.edit_origin(OutMessage(req.t("leave.kept")))
        return
    await _left(req, confirmed=True)


async def _left(req: Request, *, confirmed: bool) -> None:
    unit = membership.leave(req.session, who=req.standing, now=req.now, confirmed=confirmed)
    text = req.t("leave.done", name=req.actor.name, code=unit.code, unit=unit.name)
    if req.callback_data is not None:
        await req.edit_origin(OutMessage(text))
    else:
        await req.reply(text)


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
    found = invites.find(req.session, code)
    if found is None and req.bloc is not None and "-" not in raw:
        return False  # eight letters may be a unit code of the person's bloc: /join says if not
    sender, bloc_id = req.incoming.sender, req.bloc.id if req.bloc is not None else None
    tz = req.bloc.timezone if req.bloc is not None else req.core.settings.khoibot_timezone
    guesses.check(req.session, platform=sender.platform, user_id=sender.user_id, bloc_id=bloc_id, tz=tz, now=req.now)
    if found is None:
        raise UserError("invite.unknown", code=invites.shown(code)).remembering(guesses.remember(
            platform=sender.platform, user_id=sender.user_id, bloc_id=bloc_id, now=req.now))
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
    Command("requests", pending_requests, who=Who.MANAGER),
    Command("whoami", whoami, who=Who.ANYONE),
    Command("invite", invite, who=Who.MANAGER),
    Command("link", link, who=Who.OFFICER),
]
CALLBACKS = [Callback(views.JOIN, decide, re.compile(r"([ar]):(\d{1,10})")),
             Callback(views.LIST, decide_from_list, re.compile(r"([ar]):(\d{1,10})")),
             Callback(LEAVE, leave_press, re.compile(r"(\d{1,10}):([yn])"))]
LIVE_RENDERERS = {requests.KIND: views.render_live}
