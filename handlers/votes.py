"""Secret ballots: /vote (guided or one line), /vote_rules, the private ballot (buttons, deep link,
/phieu), /vote_close, /vote_runoff, /results, /vote_minutes; /elect (head then deputy of a year) and
/handover. The rules, the guided flow and the texts are in :mod:`bot.services.votes`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from bot.errors import UserError
from bot.ports import Button, Document, OutMessage, SentRef, callback_data
from bot.records import Vote
from bot.services.blocs import service as blocs
from bot.services.blocs.roles import parse_year
from bot.services.blocs.standing import bloc_year
from bot.services.documents import minutes as official_minutes
from bot.services.documents.layout import DOCX_MIME
from bot.services.votes import chart, flow, slips, views
from bot.services.votes import export as minutes
from bot.services.votes import rules as vote_rules
from bot.services.votes import service as vs
from bot.services.votes.elections import handover
from bot.services.votes.reminders import SOURCE
from bot.text import fold
from bot.timefmt import fmt_datetime
from handlers.args import fields, item_id
from handlers.publish import announce, deep_link, publish, publish_in_origin
from handlers.registry import Callback, Command, DeepLink, Who
from handlers.request import Request

# vb:<vote id>:<ticked positions as a hex bitmask>:<t<n> toggle | s send | n new ballot here | o open the
# ballot in a new message (the vote post's button where there are no deep links)>
BALLOT = vs.BALLOT_PREFIX
FLOW = "vf"  # vf:<draft id>:<flow.Verb>[:<arg>]
LINK = vs.BALLOT_LINK  # /start v<vote id> opens the ballot in the private chat


# --- shared helpers ----------------------------------------------------------------------------------

def _closing(req: Request, raw: str) -> datetime | None:
    return vs.parse_closing(raw, now=req.now, tz=req.require_bloc().timezone)


def _vote(req: Request, raw: str, usage: str) -> Vote:
    return vs.vote_in_bloc(req.session, req.require_bloc(), item_id(raw, usage))


async def post_vote(req: Request, vote: Vote, *, edit_origin: bool = False) -> None:
    """Posts the vote to the bloc and keeps the post live.

    Typed (or guided) in the bloc's group, the answer is the post itself; from a private chat the post
    goes to the group (or, in a bloc without one, privately to every officer) and the head gets a
    confirmation here.
    """
    assert vote.id is not None
    bloc = req.require_bloc()
    vs.set_link(req.session, vote, deep_link(req, bloc, f"{LINK}{vote.id}"))
    message = OutMessage(views.post_text(req.session, vote, req.lang), buttons=views.vote_buttons(vote, req.lang))
    live_item = (vs.KIND, vote.id)
    if edit_origin and req.is_group and req.origin is not None:
        # The guided flow's message becomes the post in this group.
        await publish_in_origin(req, bloc, message, key=f"vote{vote.id}", live_item=live_item)
        return
    if await publish(req, bloc, message, key=f"vote{vote.id}", live_item=live_item):
        return
    key = "vote.opened_elsewhere" if blocs.chats_of(req.session, bloc) else "vote.opened_no_group"
    confirmation = OutMessage(req.t(key, id=vote.id, title=views.vote_title(vote, req.lang)))
    if edit_origin:
        await req.edit_origin(confirmation)
    else:
        await req.reply(confirmation)


async def announce_results(req: Request, closed: vs.Closed) -> None:
    """The results reach the whole bloc: its group and whoever cannot see it (and the asker here)."""
    bloc = req.require_bloc()
    text = views.results_text(req.session, closed.vote, req.lang, closed.role_error)
    await announce(req, bloc, text, key=f"vote{closed.vote.id}:results")


# --- /vote: the one-line form and the guided flow -------------------------------------------------

async def vote_command(req: Request) -> None:
    bloc = req.require_bloc()
    if not req.args.strip():
        await start_flow(req)
        return
    parts = fields(req.args)
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise UserError("vote.usage")
    codes = [c for c in re.split(r"[,\s]+", parts[2]) if c] if len(parts) == 3 and parts[2] else None
    vote = vs.open_award_vote(req.session, bloc=bloc, award_ref=parts[0], closes_at=_closing(req, parts[1]),
                              shortlist=codes, actor=req.actor, now=req.now)
    await post_vote(req, vote)


def _flow_buttons(draft: flow.Draft, *rows: Sequence[tuple[str, str]]) -> list[list[Button]]:
    return [[Button(label, data=callback_data(FLOW, draft.id, verb)) for label, verb in row] for row in rows]


async def start_flow(req: Request) -> None:
    chat = req.incoming.chat
    draft, items = flow.start(req.session, bloc=req.require_bloc(), actor=req.actor, platform=chat.platform,
                              chat_id=chat.chat_id, now=req.now)
    # The award's number in /awards; a text-only chat numbers the choices itself (the same numbers).
    numbered = req.messenger.supports_buttons
    rows = [[(f"{i}. {a.name} ({a.quota})" if numbered else f"{a.name} ({a.quota})", f"{flow.Verb.AWARD}:{a.id}")]
            for i, a in enumerate(items, start=1)]
    rows.append([(req.t("flow.btn_cancel"), flow.Verb.CANCEL)])
    await req.reply(OutMessage(req.t("flow.pick_award"), buttons=_flow_buttons(draft, *rows)))


def _flow_message(req: Request, draft: flow.Draft) -> OutMessage:
    """What the flow shows at the draft's step."""
    cancel: tuple[str, str] = (req.t("flow.btn_cancel"), flow.Verb.CANCEL)
    rows: list[list[tuple[str, str]]]
    if draft.step is flow.Step.CANDIDATES and draft.candidates is not None:
        units = draft.candidates.units
        if draft.shortlist is None:
            rows = [[(req.t("flow.btn_all", count=len(units)), flow.Verb.ALL)],
                    [(req.t("flow.btn_shortlist"), flow.Verb.SHORTLIST)], [cancel]]
            return OutMessage(req.t("flow.pick_candidates", count=len(units)), buttons=_flow_buttons(draft, *rows))
        rows = [[(("☑️ " if u.id in draft.shortlist else "⬜ ") + views.unit_line(u), f"{flow.Verb.TOGGLE}:{u.id}")]
                for u in units]
        rows.append([(req.t("flow.btn_done", count=len(draft.shortlist)), flow.Verb.DONE), cancel])
        return OutMessage(req.t("flow.shortlist"), buttons=_flow_buttons(draft, *rows))
    if draft.step is flow.Step.TIME:
        c = flow.Verb.CLOSING
        rows = [[(req.t("flow.in_minutes", minutes=30), f"{c}:30"), (req.t("flow.in_hours", hours=1), f"{c}:60"),
                 (req.t("flow.in_hours", hours=2), f"{c}:120")]]
        day: list[tuple[str, str]] = []
        if flow.today_closing_offered(req.now, req.require_bloc().timezone):
            day.append((req.t("flow.today_at", time="17:00"), f"{c}:eod"))
        day.append((req.t("flow.tomorrow_at", time="17:00"), f"{c}:tom"))
        rows += [day, [(req.t("flow.btn_by_hand"), f"{c}:hand")], [cancel]]
        return OutMessage(req.t("flow.pick_time"), buttons=_flow_buttons(draft, *rows))
    if draft.step is flow.Step.CONFIRM and draft.award is not None:
        closing = req.t("flow.by_hand") if draft.by_hand else (
            fmt_datetime(draft.closes_at, req.require_bloc().timezone) if draft.closes_at else "—")
        text = req.t("flow.summary", award=draft.award.name, quota=draft.award.quota, count=len(draft.chosen),
                     units=", ".join(u.code for u in draft.chosen), closing=closing)
        return OutMessage(text, buttons=_flow_buttons(draft, [(req.t("flow.btn_open"), flow.Verb.OPEN)], [cancel]))
    raise UserError("flow.gone")


async def flow_press(req: Request, match: re.Match[str]) -> None:
    result = flow.press(req.session, bloc=req.require_bloc(), who=req.standing, draft_id=int(match.group(1)),
                        verb=flow.Verb(match.group(2)), arg=match.group(3), now=req.now)
    if isinstance(result, flow.Cancelled):
        await req.edit_origin(OutMessage(req.t("flow.cancelled")))
    elif isinstance(result, flow.Opened):
        req.toast(req.t("flow.opened", id=result.vote.id))
        await post_vote(req, result.vote, edit_origin=True)
    else:
        await req.edit_origin(_flow_message(req, result))


async def flow_text(req: Request) -> bool:
    """The closing time typed during the guided flow (the step that asks for it)."""
    if req.bloc is None:
        return False
    chat = req.incoming.chat
    # In a busy group, only what looks like an answer is taken: a reply to the bot, a time or date, "tay".
    addressed = not req.is_group or req.incoming.reply_to_bot
    draft = flow.typed_closing(req.session, bloc=req.bloc, who=req.standing, platform=chat.platform,
                               chat_id=chat.chat_id, text=req.incoming.text, looks_addressed=addressed, now=req.now)
    if draft is None:
        return False
    await req.reply(_flow_message(req, draft))
    return True


# --- the private ballot -------------------------------------------------------------------------------

def _ballot(req: Request, place: vs.BallotSeat, mask: int) -> OutMessage:
    # A text-only chat (Zalo) answers the ballot with numbers.
    return views.ballot_message(req.session, place, mask, req.lang, typed=not req.messenger.supports_buttons)


def _receipt(req: Request, place: vs.BallotSeat, cast: vs.Cast) -> OutMessage:
    return views.receipt_message(place, cast, req.lang, buttons=req.messenger.supports_buttons)


async def ballot_press(req: Request, match: re.Match[str]) -> None:
    if req.is_group:
        raise UserError("ballot.private_only")
    place = vs.seat(req.session, vote_id=int(match.group(1)), actor=req.actor, now=req.now)
    mask = int(match.group(2), 16)
    positions = vs.positions_from_mask(mask)
    vs.check_choices(place, positions)  # a forged mask changes nothing
    op = match.group(3)
    if op == "o":  # the post's button where there are no deep links: the ballot as a new message
        await req.reply(_ballot(req, place, 0))
        return
    if op == "n":
        await req.edit_origin(_ballot(req, place, 0))
        return
    if op == "s":
        cast = vs.cast_ballot(req.session, place=place, positions=positions, actor=req.actor, now=req.now)
        req.toast(req.t("ballot.toast_received", receipt=cast.receipt))
        await req.edit_origin(_receipt(req, place, cast))
        return
    await req.edit_origin(_ballot(req, place, vs.toggle(place, mask, int(op[1:]))))


async def ballot_link(req: Request, rest: str) -> None:
    if not rest.isdigit() or len(rest) > 9:
        raise UserError("start.bad_payload")
    place = vs.seat(req.session, vote_id=int(rest), actor=req.actor, now=req.now)
    await req.reply(_ballot(req, place, 0))


_BLANK = ("trang", "blank", "phieutrang")
_REPLACE = ("thay", "replace")  # "/phieu 5 2 7 thay": yes, replace the unit's earlier ballot


async def phieu(req: Request) -> None:
    """The typed ballot: /phieu <#id> <số> [<số> ...] or /phieu <#id> trắng (text-only platforms)."""
    if req.is_group:
        await _phieu_in_group(req)
        return
    tokens = [tok for tok in re.split(r"[,\s]+", req.args.strip()) if tok]
    if not tokens:
        raise UserError("phieu.usage")
    place = vs.seat(req.session, vote_id=item_id(tokens[0], "phieu.usage"), actor=req.actor, now=req.now)
    rest = [tok for tok in tokens[1:] if fold(tok) not in _REPLACE]
    replace = len(rest) < len(tokens) - 1
    if not rest:
        await req.reply(_ballot(req, place, 0))
        return
    if len(rest) == 1 and fold(rest[0]).replace(" ", "") in _BLANK:
        positions: list[int] = []
    else:
        if not all(tok.isdigit() and len(tok) <= 3 for tok in rest):
            raise UserError("phieu.usage")
        positions = [int(tok) for tok in rest]
    cast = vs.cast_ballot(req.session, place=place, positions=positions, actor=req.actor, now=req.now,
                          replace=replace)
    await req.reply(_receipt(req, place, cast))


async def _phieu_in_group(req: Request) -> None:
    """A ballot typed in the group is not counted, and everyone there could read the choice: the
    message is deleted where the platform lets the bot (Telegram: an admin bot with the right) and
    the officer is told why privately; the group sees nothing more. Without a private chat, the
    refusal is said in the group, without repeating the numbers."""
    message_id = req.incoming.message_id
    deleted = message_id is not None and await req.messenger.delete(
        SentRef(req.incoming.chat.platform, req.incoming.chat.chat_id, message_id))
    text = req.t("phieu.in_group_deleted" if deleted else "phieu.in_group_kept")
    account = req.actor.account
    if account is not None and await req.send_private(account, text):
        return
    await req.send(req.messenger, req.incoming.chat.chat_id,
                   req.t("phieu.in_group_public" if deleted else "phieu.in_group_public_kept"))


# --- closing, run-off, results, minutes ------------------------------------------------------------

CLOSE = "vc"  # vc:<vote id>:y closes after the head saw the turnout, vc:<vote id>:n keeps it open


async def vote_close(req: Request) -> None:
    """Closing cannot be undone (ballots are anonymised, a void vote needs a new one): the head first
    sees the turnout and what closing now means, and confirms."""
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("vote_close.usage")
    vote = _vote(req, parts[0], "vote_close.usage")
    tally = vs.preview_close(req.session, vote)
    key = "vote_close.confirm_valid" if tally.quorum_met else "vote_close.confirm_void"
    text = req.t(key, id=vote.id, title=views.vote_title(vote, req.lang), cast=tally.cast, members=tally.members,
                 needed=tally.quorum_needed, missing=tally.members - tally.cast)
    buttons = [[Button(req.t("vote_close.btn_yes"), data=callback_data(CLOSE, vote.id, "y")),
                Button(req.t("vote_close.btn_no"), data=callback_data(CLOSE, vote.id, "n"))]]
    await req.reply(OutMessage(text, buttons=buttons))


async def vote_close_press(req: Request, match: re.Match[str]) -> None:
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="vote_close")
    vote = vs.vote_in_bloc(req.session, req.require_bloc(), int(match.group(1)))
    if match.group(2) == "n":
        await req.edit_origin(OutMessage(req.t("vote_close.kept", id=vote.id)))
        return
    await req.edit_origin(OutMessage(req.t("vote_close.closing", id=vote.id)))
    await _close(req, vote)


async def _close(req: Request, vote: Vote) -> None:
    closed, deputy = vs.close_and_continue(req.session, bloc=req.require_bloc(), vote=vote, actor=req.actor,
                                           now=req.now)
    await announce_results(req, closed)
    chart.queue(req.session, bloc=req.require_bloc(), vote=closed.vote, now=req.now)  # after the text
    if deputy is not None:
        await post_vote(req, deputy)


async def vote_runoff(req: Request) -> None:
    parts = fields(req.args)
    if not parts or len(parts) > 2 or not parts[0]:
        raise UserError("vote_runoff.usage")
    vote = _vote(req, parts[0], "vote_runoff.usage")
    closes_at = _closing(req, parts[1]) if len(parts) == 2 and parts[1] else None
    runoff = vs.start_runoff(req.session, bloc=req.require_bloc(), vote=vote, closes_at=closes_at, actor=req.actor,
                             now=req.now)
    await post_vote(req, runoff)


async def results(req: Request) -> None:
    bloc = req.require_bloc()
    year = parse_year(req.args.strip() or None, bloc, req.now)
    votes = vs.votes_of(req.session, bloc, year)
    await req.reply(views.year_results_text(req.session, bloc, votes, year, req.lang))


async def vote_minutes(req: Request) -> None:
    """The minutes of one vote in official form, its count data, and its anonymous slips (a recount)."""
    parts = fields(req.args)
    if not parts or len(parts[0].split()) != 1:
        raise UserError("vote_minutes.usage")
    vote = _vote(req, parts[0], "vote_minutes.usage")
    if vote.state == vs.OPEN:
        raise UserError("minutes.still_open", id=vote.id)
    options = official_minutes.parse_options(parts[1:])
    docx_bytes = official_minutes.vote_minutes(req.session, vote, options, req.now)
    csv_bytes = minutes.csv(req.session, vote, req.lang)
    name = f"bien-ban-kiem-phieu-{vote.id}"
    await req.reply(OutMessage(req.t("minutes.caption", id=vote.id, title=views.vote_title(vote, req.lang)),
                               document=Document(f"{name}.docx", docx_bytes, DOCX_MIME)))
    await req.reply(OutMessage(req.t("minutes.caption_csv", id=vote.id),
                               document=Document(f"{name}.csv", csv_bytes, "text/csv")))
    if vote.state == vs.CLOSED:
        data = slips.slips_csv(req.session, vote)
        await req.reply(OutMessage(req.t("minutes.caption_slips", id=vote.id, sha=slips.sha256(data)),
                                   document=Document(f"phieu-an-danh-{vote.id}.csv", data, "text/csv")))


# --- the election of next year's head and deputy ---------------------------------------------------

ELECT = "el"  # el:<year>:<closing, minutes since the epoch, 0 by hand>:y|n confirms /elect over roles set by hand


async def elect(req: Request) -> None:
    bloc = req.require_bloc()
    this_year = bloc_year(bloc, req.now)
    parts = fields(req.args)
    if not parts or not parts[0] or len(parts) > 2:
        raise UserError("elect.usage", next_year=this_year + 1)
    year = parse_year(parts[0], bloc, req.now)
    if year < this_year:
        raise UserError("elect.past_year", year=year, next_year=this_year + 1)
    closes_at = _closing(req, parts[1]) if len(parts) == 2 and parts[1] else None
    manual = vs.manual_roles(req.session, bloc, year)
    if manual:  # the election's result replaces a head or deputy set with /head, /deputy: ask first
        held = "; ".join(req.t("elect.held_line", role=req.t(f"role.{role}"), code=u.code, unit=u.name)
                         for role, u in manual)
        minutes = int(closes_at.timestamp() // 60) if closes_at is not None else 0
        buttons = [[Button(req.t("elect.btn_yes"), data=callback_data(ELECT, year, minutes, "y")),
                    Button(req.t("elect.btn_no"), data=callback_data(ELECT, year, minutes, "n"))]]
        await req.reply(OutMessage(req.t("elect.confirm_replace", year=year, held=held), buttons=buttons))
        return
    await _open_election(req, year, closes_at)


async def elect_press(req: Request, match: re.Match[str]) -> None:
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="elect")
    year, minutes = int(match.group(1)), int(match.group(2))
    if match.group(3) == "n":
        await req.edit_origin(OutMessage(req.t("elect.kept", year=year)))
        return
    closes_at = datetime.fromtimestamp(minutes * 60, tz=UTC) if minutes else None
    if closes_at is not None and closes_at <= req.now:
        raise UserError("elect.confirm_late")
    await req.edit_origin(OutMessage(req.t("elect.confirmed", year=year)))
    await _open_election(req, year, closes_at)


async def _open_election(req: Request, year: int, closes_at: datetime | None) -> None:
    step = vs.elect_next(req.session, bloc=req.require_bloc(), term_year=year, closes_at=closes_at, actor=req.actor,
                         now=req.now)
    await post_vote(req, step.vote)


async def handover_command(req: Request) -> None:
    bloc = req.require_bloc()
    parts = req.args.split()
    if len(parts) > 1:
        raise UserError("handover.usage", next_year=bloc_year(bloc, req.now) + 1)
    year = parse_year(parts[0] if parts else str(bloc_year(bloc, req.now) + 1), bloc, req.now)
    done = handover(req.session, bloc=bloc, who=req.standing, year=year, actor=req.actor, now=req.now)
    line = views.unit_line
    text = req.t("handover.done", when=fmt_datetime(req.now, bloc.timezone), year=year, head=line(done.head),
                 outgoing=line(done.outgoing) if done.outgoing else req.actor.name)
    text += "\n" + (req.t("handover.deputy", deputy=line(done.deputy)) if done.deputy
                    else req.t("handover.no_deputy", year=year))
    await announce(req, bloc, text, key=f"handover:{bloc.id}:{year}")


# --- /vote_rules -------------------------------------------------------------------------------------

async def vote_rules_command(req: Request) -> None:
    bloc = req.require_bloc()
    key, _, value = req.args.strip().partition(" ")
    members = blocs.member_count(req.session, bloc, bloc_year(bloc, req.now))
    if not key:
        rules = vote_rules.rules_of_bloc(req.session, bloc)
        await req.reply(views.rules_text(rules, bloc, members, req.lang))
        return
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="vote_rules")
    rules = vote_rules.set_rule(req.session, bloc=bloc, key=key, value=value, actor=req.actor, now=req.now)
    await req.reply(req.t("rules.set") + "\n\n" + views.rules_text(rules, bloc, members, req.lang))


COMMANDS = [
    Command("vote", vote_command, who=Who.MANAGER),
    Command("vote_rules", vote_rules_command, who=Who.MEMBER),
    # Typed in a group it is answered privately (and the message deleted): see _phieu_in_group.
    Command("phieu", phieu, who=Who.ANYONE),
    Command("vote_close", vote_close, who=Who.MANAGER),
    Command("vote_runoff", vote_runoff, who=Who.MANAGER),
    Command("results", results, who=Who.MEMBER),
    Command("vote_minutes", vote_minutes, who=Who.MEMBER),
    Command("elect", elect, who=Who.MANAGER),
    Command("handover", handover_command, who=Who.MANAGER),
]
_VERBS = "|".join(v.value for v in flow.Verb)
CALLBACKS = [
    Callback(BALLOT, ballot_press, re.compile(r"(\d{1,9}):([0-9a-f]{1,15}):(t\d{1,2}|s|n|o)")),
    Callback(ELECT, elect_press, re.compile(r"(\d{4}):(\d{1,12}):([yn])")),
    Callback(CLOSE, vote_close_press, re.compile(r"(\d{1,9}):([yn])")),
    Callback(FLOW, flow_press, re.compile(rf"(\d{{1,9}}):({_VERBS})(?::([0-9a-z]{{1,9}}))?")),
]
DEEP_LINKS = [DeepLink(LINK, ballot_link)]
TEXT_HANDLERS = [flow_text]
REMINDER_SOURCES = [SOURCE]
LIVE_RENDERERS = {vs.KIND: views.render_live}
ATTACHMENTS = {chart.KIND: chart.render}
