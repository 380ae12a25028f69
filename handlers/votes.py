"""Secret ballots: /vote (guided or one line), the private ballot (buttons, deep link, /phieu), /vote_close,
/vote_runoff, /results, /vote_minutes; /elect (head then deputy of a year) and /handover."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

from bot.dates import parse_when
from bot.errors import UserError
from bot.ports import Button, Document, OutMessage
from bot.services.awards import service as awards
from bot.services.blocs.roles import parse_year
from bot.services.blocs.standing import bloc_year
from bot.services.delivery import live, outbox
from bot.services.delivery.notify import open_accounts, queue_unseen_copies
from bot.services.votes import export as minutes
from bot.services.votes import rules as vote_rules
from bot.services.votes import service as vs
from bot.services.votes.elections import handover
from bot.services.votes.reminders import SOURCE
from bot.services.votes.rules import BlocRules, share_words
from bot.services.votes.service import BallotSeat
from bot.services.votes.views import (
    closing_line,
    post_text,
    results_text,
    unit_line,
    vote_buttons,
    vote_title,
)
from bot.text import fold
from bot.timefmt import fmt_datetime, to_local
from handlers.args import fields, item_id
from handlers.callbacks import callback_data
from handlers.publish import announce, publish
from handlers.registry import Callback, Command, DeepLink, Where, Who
from handlers.request import Request
from storage.models import AwardType, Bloc, Vote, VoteDraft
from storage.queries.blocs import chats_of_bloc
from storage.queries.votes import (
    ballot_of_unit,
    candidates_of,
    open_draft,
    units_by_ids,
    voted_unit_ids,
    votes_of_year,
)

# vb:<vote id>:<ticked positions as a hex bitmask>:<t<n> toggle | s send | n new ballot here | o open the
# ballot in a new message (the vote post's button where there are no deep links)>
BALLOT = vs.BALLOT_PREFIX


FLOW = "vf"  # vf:<draft id>:<step verb>[:<arg>]


LINK = vs.BALLOT_LINK  # /start v<vote id> opens the ballot in the private chat


HAND_WORDS = ("tay", "bang tay", "dong bang tay", "hand", "by hand")


DRAFT_TTL = timedelta(days=1)


def parse_closing(raw: str, req: Request) -> datetime | None:
    """A closing time the head typed, or None for "close by hand" (``tay``)."""
    if fold(raw) in HAND_WORDS:
        return None
    return parse_when(raw, now=req.now, tz=req.require_bloc().timezone)


def vote_of_bloc(req: Request, raw: str, usage: str) -> Vote:
    bloc = req.require_bloc()
    vote = req.session.get(Vote, item_id(raw, usage))
    if vote is None or vote.bloc_id != bloc.id:
        raise UserError("vote.unknown", id=raw.strip().lstrip("#")[:12])
    return vote


def _deep_link(req: Request, bloc: Bloc, vote_id: int) -> str | None:
    """The ballot link for the bloc's group: the link of the platform its group chat is on."""
    assert bloc.id is not None
    platforms = [c.platform for c in chats_of_bloc(req.session, bloc.id)] + [req.messenger.platform]
    for platform in platforms:
        messenger = req.core.messengers.get(platform)
        link = messenger.deep_link(f"{LINK}{vote_id}") if messenger is not None else None
        if link:
            return link
    return None


async def post_vote(req: Request, vote: Vote, *, edit_origin: bool = False) -> None:
    """Posts the vote to the bloc and keeps the post live.

    Typed (or guided) in the bloc's group, the answer is the post itself; from a private chat the post
    goes to the group (or, in a bloc without one, privately to every officer) and the head gets a
    confirmation here.
    """
    assert vote.id is not None
    bloc = req.require_bloc()
    vote.link = _deep_link(req, bloc, vote.id)
    req.session.add(vote)
    message = OutMessage(post_text(req.session, vote, req.lang), buttons=vote_buttons(vote, req.lang))
    if edit_origin and req.is_group and req.origin is not None:
        await req.edit_origin(message)
        live.register_post(req.session, bloc_id=vote.bloc_id, kind=vs.KIND, item_id=vote.id, ref=req.origin,
                           now=req.now)
        # The guided flow's message became the post in this group; whoever cannot see it gets a copy.
        queue_unseen_copies(req.session, bloc=bloc, text=message.text, buttons=message.buttons,
                            key=f"vote{vote.id}:post", now=req.now)
        return
    posted_here = await publish(req, bloc, message, key=f"vote{vote.id}", live_item=(vs.KIND, vote.id))
    if not posted_here:
        key = "vote.opened_elsewhere" if chats_of_bloc(req.session, bloc.id) else "vote.opened_no_group"  # type: ignore[arg-type]
        confirmation = OutMessage(req.t(key, id=vote.id, title=vote_title(vote, req.lang)))
        if edit_origin:
            await req.edit_origin(confirmation)
        else:
            await req.reply(confirmation)


def render_live(s, vote_id: int) -> OutMessage | None:  # noqa: ANN001 - a Session, as LiveRenderer says
    vote = s.get(Vote, vote_id)
    bloc = s.get(Bloc, vote.bloc_id) if vote is not None else None
    if vote is None or bloc is None:
        return None
    return OutMessage(post_text(s, vote, bloc.language), buttons=vote_buttons(vote, bloc.language))


async def announce_results(req: Request, closed: vs.Closed) -> None:
    """The results reach the whole bloc: its group and whoever cannot see it (and the asker here)."""
    bloc = req.require_bloc()
    text = results_text(req.session, closed.vote, req.lang, closed.role_error)
    await announce(req, bloc, text, key=f"vote{closed.vote.id}:results")


async def vote_command(req: Request) -> None:
    bloc = req.require_bloc()
    if not req.args.strip():
        await start_flow(req)
        return
    parts = fields(req.args)
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise UserError("vote.usage")
    award = awards.find_award(req.session, bloc, parts[0], req.now)
    closes_at = parse_closing(parts[1], req)
    year = bloc_year(bloc, req.now)
    rules = vote_rules.rules_of(req.session, bloc.id)  # type: ignore[arg-type]
    candidates = vs.award_candidates(req.session, bloc, award, year, rules)
    chosen = candidates.units
    if len(parts) == 3 and parts[2]:
        chosen = vs.pick_shortlist(candidates, [c for c in re.split(r"[,\s]+", parts[2]) if c])
    vote = vs.open_vote(req.session, bloc=bloc, kind=vs.AWARD, title=award.name, quota=award.quota,
                        candidates=chosen, closes_at=closes_at, actor=req.actor, now=req.now, award_id=award.id,
                        excluded=candidates.excluded)
    await post_vote(req, vote)


def _flow_buttons(draft: VoteDraft, *rows: list[tuple[str, str]]) -> list[list[Button]]:
    return [[Button(label, data=callback_data(FLOW, draft.id, verb)) for label, verb in row] for row in rows]


async def start_flow(req: Request) -> None:
    bloc = req.require_bloc()
    assert bloc.id is not None and req.actor.officer_id is not None
    chat = req.incoming.chat
    earlier = open_draft(req.session, req.actor.officer_id, chat.platform, chat.chat_id)
    if earlier is not None:
        earlier.state = "cancelled"
        req.session.add(earlier)
    items = awards.catalog(req.session, bloc, req.now)
    if not items:
        raise UserError("vote.no_awards")
    draft = VoteDraft(bloc_id=bloc.id, officer_id=req.actor.officer_id, platform=chat.platform, chat_id=chat.chat_id,
                      created_at=req.now)
    req.session.add(draft)
    req.session.flush()
    # The award's number in /awards; a text-only chat numbers the choices itself (the same numbers).
    numbered = req.messenger.supports_buttons
    rows = [[(f"{i}. {a.name} ({a.quota})" if numbered else f"{a.name} ({a.quota})", f"a:{a.id}")]
            for i, a in enumerate(items, start=1)]
    rows.append([(req.t("flow.btn_cancel"), "x")])
    await req.reply(OutMessage(req.t("flow.pick_award"), buttons=_flow_buttons(draft, *rows)))


def _draft(req: Request, draft_id: int) -> VoteDraft:
    """The pressed flow's draft, re-checked: its owner, its bloc, still open and fresh, still a manager."""
    draft = req.session.get(VoteDraft, draft_id)
    if draft is None or draft.state != "open" or req.bloc is None or draft.bloc_id != req.bloc.id:
        raise UserError("flow.gone")
    if draft.officer_id != req.actor.officer_id:
        raise UserError("flow.not_yours")
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="vote")
    if draft.created_at + DRAFT_TTL < req.now:
        raise UserError("flow.gone")
    return draft


def _draft_candidates(req: Request, draft: VoteDraft) -> vs.Candidates:
    bloc = req.require_bloc()
    award = req.session.get(AwardType, draft.award_id) if draft.award_id else None
    if award is None or not award.active or award.bloc_id != bloc.id:
        raise UserError("flow.gone")
    return vs.award_candidates(req.session, bloc, award, bloc_year(bloc, req.now),
                               vote_rules.rules_of(req.session, bloc.id))  # type: ignore[arg-type]


def _flow_summary(req: Request, draft: VoteDraft) -> str:
    award = req.session.get(AwardType, draft.award_id) if draft.award_id else None
    assert award is not None
    candidates = _draft_candidates(req, draft)
    chosen = _shortlist_units(req, draft, candidates)
    closing = req.t("flow.by_hand") if draft.by_hand else (
        fmt_datetime(draft.closes_at, req.require_bloc().timezone) if draft.closes_at else "—")
    return req.t("flow.summary", award=award.name, quota=award.quota, count=len(chosen),
                 units=", ".join(u.code for u in chosen), closing=closing)


def _shortlist_units(req: Request, draft: VoteDraft, candidates: vs.Candidates) -> list:
    if draft.shortlist is None:
        return candidates.units
    wanted = set(json.loads(draft.shortlist))
    return [u for u in candidates.units if u.id in wanted]


def _candidates_message(req: Request, draft: VoteDraft) -> OutMessage:
    candidates = _draft_candidates(req, draft)
    if draft.shortlist is None:
        rows = [[(req.t("flow.btn_all", count=len(candidates.units)), "all")],
                [(req.t("flow.btn_shortlist"), "sl")], [(req.t("flow.btn_cancel"), "x")]]
        return OutMessage(req.t("flow.pick_candidates", count=len(candidates.units)),
                          buttons=_flow_buttons(draft, *rows))
    ticked = set(json.loads(draft.shortlist))
    rows = [[(("☑️ " if u.id in ticked else "⬜ ") + unit_line(u), f"u:{u.id}")] for u in candidates.units]
    rows.append([(req.t("flow.btn_done", count=len(ticked)), "ok"), (req.t("flow.btn_cancel"), "x")])
    return OutMessage(req.t("flow.shortlist"), buttons=_flow_buttons(draft, *rows))


def _time_message(req: Request, draft: VoteDraft) -> OutMessage:
    local = to_local(req.now, req.require_bloc().timezone)
    rows = [[(req.t("flow.in_minutes", minutes=30), "c:30"), (req.t("flow.in_hours", hours=1), "c:60"),
             (req.t("flow.in_hours", hours=2), "c:120")]]
    day = []
    if local.hour < 16 or (local.hour == 16 and local.minute < 30):
        day.append((req.t("flow.today_at", time="17:00"), "c:eod"))
    day.append((req.t("flow.tomorrow_at", time="17:00"), "c:tom"))
    rows.append(day)
    rows.append([(req.t("flow.btn_by_hand"), "c:hand")])
    rows.append([(req.t("flow.btn_cancel"), "x")])
    return OutMessage(req.t("flow.pick_time"), buttons=_flow_buttons(draft, *rows))


def _confirm_message(req: Request, draft: VoteDraft) -> OutMessage:
    rows = [[(req.t("flow.btn_open"), "go")], [(req.t("flow.btn_cancel"), "x")]]
    return OutMessage(_flow_summary(req, draft), buttons=_flow_buttons(draft, *rows))


def _preset(req: Request, code: str) -> datetime | None:
    tz = req.require_bloc().timezone
    local = to_local(req.now, tz)
    if code == "hand":
        return None
    if code.isdigit():
        return req.now + timedelta(minutes=int(code))
    day = local.date() + timedelta(days=0 if code == "eod" else 1)
    when = datetime(day.year, day.month, day.day, 17, 0, tzinfo=local.tzinfo)
    if when <= local:
        raise UserError("vote.closes_in_past")
    return when.astimezone(req.now.tzinfo)


async def flow_press(req: Request, match: re.Match[str]) -> None:
    draft = _draft(req, int(match.group(1)))
    verb, arg = match.group(2), match.group(3)
    session = req.session
    if verb == "x":
        draft.state = "cancelled"
        session.add(draft)
        await req.edit_origin(OutMessage(req.t("flow.cancelled")))
        return
    if verb == "a":
        award = session.get(AwardType, int(arg or 0))
        if award is None or award.bloc_id != draft.bloc_id or not award.active:
            raise UserError("flow.gone")
        draft.award_id, draft.shortlist, draft.step = award.id, None, "candidates"
        message = _candidates_message(req, draft)
    elif draft.step == "candidates" and verb in ("all", "sl", "u", "ok"):
        candidates = _draft_candidates(req, draft)
        if verb == "all":
            draft.shortlist, draft.step = None, "time"
            message = _time_message(req, draft)
        elif verb == "sl":
            draft.shortlist = "[]"
            message = _candidates_message(req, draft)
        elif verb == "u":
            if draft.shortlist is None:
                raise UserError("flow.gone")
            ticked = set(json.loads(draft.shortlist))
            unit_id = int(arg or 0)
            if unit_id not in {u.id for u in candidates.units}:
                raise UserError("flow.gone")
            ticked ^= {unit_id}
            draft.shortlist = json.dumps(sorted(ticked))
            message = _candidates_message(req, draft)
        else:
            if draft.shortlist is None or not json.loads(draft.shortlist):
                raise UserError("flow.empty_shortlist")
            draft.step = "time"
            message = _time_message(req, draft)
    elif draft.step == "time" and verb == "c":
        draft.closes_at = _preset(req, arg or "")
        draft.by_hand = draft.closes_at is None
        draft.step = "confirm"
        message = _confirm_message(req, draft)
    elif draft.step == "confirm" and verb == "go":
        await _open_from_draft(req, draft)
        return
    else:
        raise UserError("flow.gone")
    session.add(draft)
    await req.edit_origin(message)


async def _open_from_draft(req: Request, draft: VoteDraft) -> None:
    bloc = req.require_bloc()
    award = req.session.get(AwardType, draft.award_id) if draft.award_id else None
    assert award is not None
    candidates = _draft_candidates(req, draft)
    vote = vs.open_vote(req.session, bloc=bloc, kind=vs.AWARD, title=award.name, quota=award.quota,
                        candidates=_shortlist_units(req, draft, candidates), closes_at=draft.closes_at,
                        actor=req.actor, now=req.now, award_id=award.id, excluded=candidates.excluded)
    draft.state = "done"
    req.session.add(draft)
    req.toast(req.t("flow.opened", id=vote.id))
    await post_vote(req, vote, edit_origin=True)


async def flow_text(req: Request) -> bool:
    """The closing time typed during the guided flow (the step that asks for it)."""
    if req.bloc is None or req.actor.officer_id is None or not req.incoming.text.strip():
        return False
    chat = req.incoming.chat
    draft = open_draft(req.session, req.actor.officer_id, chat.platform, chat.chat_id)
    if draft is None or draft.step != "time" or draft.bloc_id != req.bloc.id or draft.created_at + DRAFT_TTL < req.now:
        return False
    if not req.standing.can_manage:
        return False
    text = req.incoming.text
    # In a busy group, only what looks like an answer is taken: a reply to the bot, a time or date, "tay".
    looks_like_time = any(ch.isdigit() for ch in text) or fold(text) in HAND_WORDS
    if req.is_group and not req.incoming.reply_to_bot and not looks_like_time:
        return False
    draft.closes_at = parse_closing(text, req)
    draft.by_hand = draft.closes_at is None
    draft.step = "confirm"
    req.session.add(draft)
    await req.reply(_confirm_message(req, draft))
    return True


def ballot_message(req: Request, place: BallotSeat, mask: int) -> OutMessage:
    vote, unit = place.vote, place.unit
    assert vote.id is not None and unit.id is not None
    lang = req.lang
    typed = not req.messenger.supports_buttons  # a text-only chat (Zalo): the ballot is answered with numbers
    how = req.t("ballot.how_typed", quota=vote.quota, example=_example(place), id=vote.id) if typed \
        else req.t("ballot.how", quota=vote.quota)
    lines = [req.t("ballot.head", id=vote.id, title=vote_title(vote, lang)),
             req.t("ballot.unit", unit=unit_line(unit)),
             how,
             closing_line(vote, place.bloc, lang)]
    existing = ballot_of_unit(req.session, vote.id, unit.id)
    if existing is not None:
        lines.append(req.t("ballot.already", when=fmt_datetime(existing.cast_at, place.bloc.timezone),
                           receipt=existing.receipt))
    if len(place.offered) < len(place.candidates):
        lines.append(req.t("ballot.no_self", code=unit.code))
    lines.append(req.t("ballot.secret"))
    if typed:
        # The numbers the officer answers ("2 5") complete /phieu <id>, validated like the typed command.
        lines += [f"{c.position}. {unit_line(place.units[c.unit_id])}" for c in place.offered]
        return OutMessage("\n".join(lines), numbered_reply=f"/phieu {vote.id}")
    lines.append(req.t("ballot.typed", id=vote.id))
    rows = []
    for c in place.offered:
        mark = "☑️" if mask >> (c.position - 1) & 1 else "⬜"
        rows.append([Button(f"{mark} {c.position}. {unit_line(place.units[c.unit_id])}"[:60],
                            data=callback_data(BALLOT, vote.id, f"{mask:x}", f"t{c.position}"))])
    ticked = bin(mask).count("1")
    label = req.t("ballot.btn_send", count=ticked, quota=vote.quota) if ticked else req.t("ballot.btn_send_blank")
    rows.append([Button(label, data=callback_data(BALLOT, vote.id, f"{mask:x}", "s"))])
    return OutMessage("\n".join(lines), buttons=rows)


def _example(place: BallotSeat) -> str:
    """An answer that is valid on this ballot, for its how-to line: one number, or two with a quota."""
    offered = [c.position for c in place.offered]
    if not offered:
        return "1"
    first = offered[1] if len(offered) > 2 else offered[0]
    if place.vote.quota < 2 or len(offered) < 2:
        return str(first)
    return f"{first} {offered[-1]}"


def receipt_message(req: Request, place: BallotSeat, cast: vs.Cast) -> OutMessage:
    vote = place.vote
    text = req.t("ballot.received", id=vote.id, title=vote_title(vote, req.lang), code=place.unit.code,
                 when=fmt_datetime(cast.at, place.bloc.timezone), receipt=cast.receipt)
    if cast.replaced:
        text += "\n" + req.t("ballot.replaced_note")
    buttons = []
    if req.messenger.supports_buttons:
        buttons = [[Button(req.t("ballot.btn_again"), data=callback_data(BALLOT, vote.id, "0", "n"))]]
    return OutMessage(text, buttons=buttons)


def _tell_fellow_officers(req: Request, place: BallotSeat, cast: vs.Cast) -> None:
    """A unit's other officers learn that its ballot was replaced (who and when, never what)."""
    if not cast.replaced:
        return
    unit = place.unit
    assert unit.id is not None and place.vote.id is not None
    mine = {req.account.id}
    items = [
        outbox.Outgoing(f"vote{place.vote.id}:u{unit.id}:{cast.receipt}:{account.id}", account.platform,
                        account.private_chat_id or "",
                        req.t("ballot.replaced_dm", id=place.vote.id, code=unit.code, name=req.actor.name,
                              when=fmt_datetime(cast.at, place.bloc.timezone)),
                        place.vote.bloc_id, account.id)
        for account in open_accounts(req.session, [unit.id]).get(unit.id, []) if account.id not in mine
    ]
    outbox.enqueue_many(req.session, items, req.now)


async def _send_ballot(req: Request, place: BallotSeat, positions: list[int]) -> vs.Cast:
    cast = vs.cast_ballot(req.session, place=place, positions=positions, actor=req.actor, now=req.now)
    _tell_fellow_officers(req, place, cast)
    return cast


async def ballot_press(req: Request, match: re.Match[str]) -> None:
    if req.is_group:
        raise UserError("ballot.private_only")
    place = vs.seat(req.session, vote_id=int(match.group(1)), actor=req.actor, now=req.now)
    mask = int(match.group(2), 16)
    positions = vs.positions_from_mask(mask)
    vs.check_choices(place, positions)  # a forged mask changes nothing
    op = match.group(3)
    if op == "o":  # the post's button where there are no deep links: the ballot as a new message
        await req.reply(ballot_message(req, place, 0))
        return
    if op == "n":
        await req.edit_origin(ballot_message(req, place, 0))
        return
    if op == "s":
        cast = await _send_ballot(req, place, positions)
        req.toast(req.t("ballot.toast_received", receipt=cast.receipt))
        await req.edit_origin(receipt_message(req, place, cast))
        return
    position = int(op[1:])
    if position not in {c.position for c in place.offered}:
        raise UserError("ballot.not_candidate", number=position, count=len(place.candidates))
    bit = 1 << (position - 1)
    if not mask & bit and len(positions) >= place.vote.quota:
        if place.vote.quota != 1:
            raise UserError("ballot.too_many", quota=place.vote.quota)
        mask = 0  # one choice: ticking another moves the tick
    await req.edit_origin(ballot_message(req, place, mask ^ bit))


async def ballot_link(req: Request, rest: str) -> None:
    if not rest.isdigit() or len(rest) > 9:
        raise UserError("start.bad_payload")
    place = vs.seat(req.session, vote_id=int(rest), actor=req.actor, now=req.now)
    await req.reply(ballot_message(req, place, 0))


_BLANK = ("trang", "blank", "phieutrang")


async def phieu(req: Request) -> None:
    """The typed ballot: /phieu <#id> <số> [<số> ...] or /phieu <#id> trắng (text-only platforms)."""
    tokens = [tok for tok in re.split(r"[,\s]+", req.args.strip()) if tok]
    if not tokens:
        raise UserError("phieu.usage")
    place = vs.seat(req.session, vote_id=item_id(tokens[0], "phieu.usage"), actor=req.actor, now=req.now)
    rest = tokens[1:]
    if not rest:
        await req.reply(ballot_message(req, place, 0))
        return
    if len(rest) == 1 and fold(rest[0]).replace(" ", "") in _BLANK:
        positions: list[int] = []
    else:
        if not all(tok.isdigit() and len(tok) <= 3 for tok in rest):
            raise UserError("phieu.usage")
        positions = [int(tok) for tok in rest]
    cast = await _send_ballot(req, place, positions)
    await req.reply(receipt_message(req, place, cast))


async def vote_close(req: Request) -> None:
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("vote_close.usage")
    vote = vote_of_bloc(req, parts[0], "vote_close.usage")
    closed = vs.close_vote(req.session, vote=vote, actor=req.actor, now=req.now)
    deputy = vs.continue_election(req.session, bloc=req.require_bloc(), closed=closed.vote, actor=req.actor,
                                  now=req.now)
    await announce_results(req, closed)
    if deputy is not None:
        await post_vote(req, deputy)


async def vote_runoff(req: Request) -> None:
    parts = fields(req.args)
    if not parts or len(parts) > 2 or not parts[0]:
        raise UserError("vote_runoff.usage")
    vote = vote_of_bloc(req, parts[0], "vote_runoff.usage")
    closes_at = parse_closing(parts[1], req) if len(parts) == 2 and parts[1] else None
    runoff = vs.start_runoff(req.session, bloc=req.require_bloc(), vote=vote, closes_at=closes_at, actor=req.actor,
                             now=req.now)
    await post_vote(req, runoff)


def _result_line(req: Request, vote: Vote) -> str:
    assert vote.id is not None
    title = vote_title(vote, req.lang)
    if vote.state == vs.OPEN:
        voted = len(voted_unit_ids(req.session, vote.id))
        return req.t("results.item_open", id=vote.id, title=title, voted=voted, members=vote.members)
    if vote.state == vs.VOID:
        return req.t("results.item_void", id=vote.id, title=title, cast=vote.cast_count or 0, members=vote.members)
    candidates = candidates_of(req.session, vote.id)
    units = units_by_ids(req.session, [c.unit_id for c in candidates])
    base = vote.cast_count if vote.kind != vs.AWARD else vote.members
    chosen = [f"✅ {units[c.unit_id].code} ({c.approvals}/{base})" for c in candidates if c.selected]
    tied = [f"{units[c.unit_id].code} ({c.approvals}/{base})" for c in candidates if c.tied]
    parts = chosen[:]
    if tied:
        parts.append(req.t("results.item_tied", units=", ".join(tied)))
    runoff = vs.outcome(vote).get("runoff") or []
    if not parts and runoff and vote.kind != vs.AWARD:
        parts.append(req.t("results.item_runoff", units=", ".join(
            units[c.unit_id].code for c in candidates if c.position in runoff)))  # type: ignore[operator]
    return req.t("results.item", id=vote.id, title=title, result="; ".join(parts) or req.t("results.item_none"))


async def results(req: Request) -> None:
    bloc = req.require_bloc()
    year = parse_year(req.args.strip() or None, bloc, req.now)
    items = votes_of_year(req.session, bloc.id, year)  # type: ignore[arg-type]
    if not items:
        await req.reply(req.t("results.empty", year=year))
        return
    lines = [req.t("results.year_head", bloc=bloc.name, year=year)]
    lines += [_result_line(req, v) for v in items]
    lines.append(req.t("results.year_foot"))
    await req.reply("\n".join(lines))


async def vote_minutes(req: Request) -> None:
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("vote_minutes.usage")
    vote = vote_of_bloc(req, parts[0], "vote_minutes.usage")
    if vote.state == vs.OPEN:
        raise UserError("minutes.still_open", id=vote.id)
    docx_bytes = minutes.docx(req.session, vote, req.lang)
    csv_bytes = minutes.csv(req.session, vote, req.lang)
    name = f"bien-ban-kiem-phieu-{vote.id}"
    await req.reply(OutMessage(req.t("minutes.caption", id=vote.id, title=vote_title(vote, req.lang)),
                               document=Document(f"{name}.docx", docx_bytes, minutes.DOCX_MIME)))
    await req.reply(OutMessage(req.t("minutes.caption_csv", id=vote.id),
                               document=Document(f"{name}.csv", csv_bytes, "text/csv")))


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


# --- /vote_rules -------------------------------------------------------------------------------------

def rules_text(req: Request, rules: BlocRules) -> str:
    bloc = req.require_bloc()
    members = len(member_units(req.session, bloc.id, bloc_year(bloc, req.now)))  # type: ignore[arg-type]
    yes_no = {True: req.t("rules.yes"), False: req.t("rules.no")}
    return "\n".join([
        req.t("rules.header", bloc=bloc.name),
        req.t("rules.quorum", share=share_words(rules.quorum, req.lang), members=members,
              needed=rules.quorum.needed(members)),
        req.t("rules.threshold", share=share_words(rules.threshold, req.lang), members=members,
              needed=rules.threshold.needed(members)),
        req.t("rules.election", share=share_words(rules.election, req.lang)),
        req.t("rules.self_vote", value=yes_no[rules.self_vote]),
        req.t("rules.exclude", value=yes_no[rules.exclude_higher]),
        "",
        req.t("rules.help"),
    ])


async def vote_rules_command(req: Request) -> None:
    bloc = req.require_bloc()
    assert bloc.id is not None
    key, _, value = req.args.strip().partition(" ")
    if not key:
        await req.reply(rules_text(req, vote_rules.rules_of(req.session, bloc.id)))
        return
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="vote_rules")
    rules = vote_rules.set_rule(req.session, bloc=bloc, key=key, value=value, actor=req.actor, now=req.now)
    await req.reply(req.t("rules.set") + "\n\n" + rules_text(req, rules))


COMMANDS = [
    Command("vote", vote_command, who=Who.MANAGER),
    Command("vote_rules", vote_rules_command, who=Who.MEMBER),
    Command("phieu", phieu, who=Who.ANYONE, where=Where.PRIVATE),
    Command("vote_close", vote_close, who=Who.MANAGER),
    Command("vote_runoff", vote_runoff, who=Who.MANAGER),
    Command("results", results, who=Who.MEMBER),
    Command("vote_minutes", vote_minutes, who=Who.MEMBER),
    Command("elect", elect, who=Who.MANAGER),
    Command("handover", handover_command, who=Who.MANAGER),
]
CALLBACKS = [
    Callback(BALLOT, ballot_press, re.compile(r"(\d{1,9}):([0-9a-f]{1,15}):(t\d{1,2}|s|n|o)")),
    Callback(FLOW, flow_press, re.compile(r"(\d{1,9}):(x|a|all|sl|u|ok|c|go)(?::([0-9a-z]{1,9}))?")),
]
DEEP_LINKS = [DeepLink(LINK, ballot_link)]
TEXT_HANDLERS = [flow_text]
REMINDER_SOURCES = [SOURCE]
LIVE_RENDERERS = {vs.KIND: render_live}
