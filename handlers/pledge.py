"""Pledge signing (ký giao ước thi đua): /pledge_open, the sign button, /sign, /unsign,
/pledge_close, /pledge_status and /pledge_export."""

from __future__ import annotations

import logging
import re

from bot.dates import parse_when
from bot.errors import UserError
from bot.files import record_file
from bot.i18n import t
from bot.ports import Attachment, Button, Document, OutMessage, SendError, callback_data
from bot.records import Pledge
from bot.services.blocs import service as blocs
from bot.services.blocs.standing import standing
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.pledge import export
from bot.services.pledge import service as rules
from bot.services.pledge.reminders import PledgeReminders
from bot.services.pledge.views import (
    SIGN_PREFIX,
    final_text,
    post_message,
    render_live,
    sign_buttons,
    status_text,
)
from bot.timefmt import fmt_datetime
from handlers.args import fields
from handlers.publish import publish
from handlers.registry import Callback, Command, Who
from handlers.request import Request

log = logging.getLogger(__name__)


# --- /pledge_open ---------------------------------------------------------------------------
def _attachment(req: Request) -> Attachment | None:
    """The pledge's document: the file the command is the caption of, or the file it replies to."""
    att = req.incoming.attachment or req.incoming.reply_attachment
    return att if att is not None and (att.file_ref or att.url) else None


async def _store(req: Request, att: Attachment) -> int:
    """Downloads and keeps the document (bytes on disk before the row); no write is open meanwhile."""
    req.commit()
    try:
        content = await req.messenger.download(att)
    except SendError as exc:
        log.warning("pledge document download failed", exc_info=True)
        raise UserError("pledge.download_failed") from exc
    saved = req.core.files.write(content)
    row = record_file(req.session, saved, file_name=att.file_name or "giao-uoc", mime=att.mime,
                      platform=req.messenger.platform, platform_file_id=att.file_ref, now=req.now)
    assert row.id is not None
    return row.id


def _document(req: Request, pledge: Pledge) -> Document | None:
    return rules.document(req.session, req.core.files, pledge)


async def pledge_open(req: Request) -> None:
    bloc = req.require_bloc()
    parts = fields(req.args)
    att = _attachment(req)
    if len(parts) not in (2, 3) or not all(parts[:2]):
        raise UserError("pledge_open.usage")
    text = parts[2] if len(parts) == 3 else ""
    if att is not None and att.kind == "link":  # a link typed in the command (Zalo): it stays in the text
        att = None
    if not text and att is None:
        raise UserError("pledge_open.usage")
    year = rules.parse_open_year(parts[0], bloc, req.now)
    deadline = parse_when(parts[1], now=req.now, tz=bloc.timezone, default_time=rules.DEFAULT_DEADLINE_TIME)
    rules.clean_text(text)
    rules.check_new(req.session, bloc, year, deadline)  # refuse before downloading anything
    file_id = await _store(req, att) if att is not None else None
    if not text:
        text = req.t("pledge.text_in_file", year=year)
    pledge = rules.open_pledge(req.session, bloc=bloc, year=year, deadline=deadline, text=text, file_id=file_id,
                               actor=req.actor, now=req.now)
    assert pledge.id is not None and bloc.id is not None
    post = post_message(req.session, pledge)
    document = _document(req, pledge)
    if document is not None:  # the pledge's own text, sent just before the post in each group chat
        for chat in blocs.chats_of(req.session, bloc):
            messenger = req.core.messengers.get(chat.platform)
            if messenger is not None:
                await req.send(messenger, chat.chat_id, OutMessage(
                    req.t("pledge.doc_caption", year=year, bloc=bloc.name), document=document))
    posted_here = await publish(req, bloc, post, key=f"pledge{pledge.id}", live_item=(rules.KIND, pledge.id))
    if not posted_here:  # typed elsewhere than the bloc's group: the head gets a confirmation
        key = "pledge.opened_elsewhere" if blocs.chats_of(req.session, bloc) else "pledge.opened_no_group"
        await req.reply(req.t(key, year=year, deadline=fmt_datetime(deadline, bloc.timezone)))


# --- signing --------------------------------------------------------------------------------
def _year_arg(req: Request) -> int | None:
    parts = req.args.split()
    if len(parts) > 1:
        raise UserError(f"{req.command}.usage")
    return rules.parse_lookup_year(req.session, parts[0], req.require_bloc(), req.now, req.command) if parts else None


async def sign_button(req: Request, match: re.Match[str]) -> None:
    """The "✍️ Ký giao ước" button: under the group post and reminders, or a private copy (no group)."""
    pledge = rules.by_id(req.session, int(match.group(1)))
    if req.is_group:
        bloc = req.require_bloc()
        if pledge.bloc_id != bloc.id:  # a button of another bloc's post, forged into this group
            raise UserError("pledge.gone")
        who = req.standing
    else:
        # A private copy of the post: the presser's unit in the pledge's own bloc decides.
        bloc = rules.bloc_of(req.session, pledge)
        req.lang = bloc.language
        who = standing(req.session, bloc, req.actor, req.now)
    outcome = rules.sign(req.session, pledge=pledge, who=who, now=req.now)
    unit = outcome.unit
    if outcome.signed:
        req.toast(req.t("pledge.signed_toast", year=pledge.year, code=unit.code, unit=unit.name))
    else:
        req.toast(req.t("pledge.already", code=unit.code, year=pledge.year, signer=outcome.signer.display_name,
                        at=fmt_datetime(outcome.signature.signed_at, bloc.timezone)), alert=True)


async def sign(req: Request) -> None:
    bloc = req.require_bloc()
    pledge = rules.pick(req.session, bloc, _year_arg(req), req.command)
    outcome = rules.sign(req.session, pledge=pledge, who=req.standing, now=req.now)
    unit, at = outcome.unit, fmt_datetime(outcome.signature.signed_at, bloc.timezone)
    if not outcome.signed:
        await req.reply(req.t("pledge.already", code=unit.code, year=pledge.year,
                              signer=outcome.signer.display_name, at=at))
        return
    board = rules.board(req.session, pledge)
    await req.reply(req.t("pledge.signed_reply", name=req.actor.name, year=pledge.year, code=unit.code,
                          unit=unit.name, at=at, count=board.count, total=board.total))


async def unsign(req: Request) -> None:
    bloc = req.require_bloc()
    pledge = rules.pick(req.session, bloc, _year_arg(req), req.command)
    withdrawn = rules.unsign(req.session, pledge=pledge, who=req.standing, now=req.now)
    await req.reply(req.t("pledge.unsigned", code=withdrawn.unit.code, unit=withdrawn.unit.name, year=pledge.year,
                          signer=withdrawn.signer.display_name,
                          at=fmt_datetime(withdrawn.signature.signed_at, bloc.timezone),
                          deadline=fmt_datetime(pledge.deadline, bloc.timezone)))


# --- correcting: /pledge_edit and /pledge_cancel ---------------------------------------------
_KEEP = ("", "-")


async def pledge_edit(req: Request) -> None:
    """``/pledge_edit [năm] | <hạn mới hoặc -> | <nội dung mới hoặc ->``."""
    bloc = req.require_bloc()
    parts = fields(req.args)
    year: int | None = None
    if parts and parts[0].isdigit() and len(parts[0]) == 4:
        year, parts = rules.parse_lookup_year(req.session, parts[0], bloc, req.now, "pledge_edit"), parts[1:]
    elif parts and not parts[0]:
        parts = parts[1:]  # "/pledge_edit | 31/01/2027": no year
    if not 1 <= len(parts) <= 2 or all(p in _KEEP for p in parts):
        raise UserError("pledge_edit.usage")
    deadline = None if parts[0] in _KEEP else parse_when(parts[0], now=req.now, tz=bloc.timezone,
                                                         default_time=rules.DEFAULT_DEADLINE_TIME)
    text = parts[1] if len(parts) == 2 and parts[1] not in _KEEP else None
    pledge = rules.pick(req.session, bloc, year, "pledge_edit")
    done = rules.edit(req.session, pledge=pledge, deadline=deadline, text=text, actor=req.actor, now=req.now)
    assert pledge.id is not None
    when = fmt_datetime(pledge.deadline, bloc.timezone)
    key = f"pledge{pledge.id}:edit:{req.now.timestamp():.0f}"
    codes = ", ".join(u.code for u in done.to_sign_again)
    if done.text_changed:
        resign = req.t("pledge.notice_resign", codes=codes) if codes else ""
        notice = Notice(group_text=req.t("pledge.notice_text", year=pledge.year, resign=resign))
        queue_notice(req.session, bloc=bloc, notice=notice, key=key, now=req.now)
        if done.to_sign_again:  # each unit that must sign again is asked privately, with the button
            queue_notice(req.session, bloc=bloc, key=f"{key}:resign", now=req.now, notice=Notice(
                units=done.to_sign_again, buttons=sign_buttons(bloc.language, pledge), buttons_in_private=True,
                private_text=lambda u: t(bloc.language, "pledge.sign_again_dm", year=pledge.year, code=u.code)))
        reply = (req.t("pledge_edit.done_text", year=pledge.year, count=len(done.to_sign_again), codes=codes)
                 if codes else req.t("pledge_edit.done_text_nobody", year=pledge.year))
    else:
        queue_notice(req.session, bloc=bloc, key=key, now=req.now,
                     notice=Notice(group_text=req.t("pledge.notice_deadline", year=pledge.year, deadline=when)))
        reply = ""
    if done.deadline_changed:
        reply = "\n".join(x for x in (req.t("pledge_edit.done_deadline", year=pledge.year, deadline=when), reply) if x)
    await req.reply(reply)


CANCEL = "pc"  # pc:<pledge id>:y confirms /pledge_cancel, pc:<pledge id>:n keeps the pledge


async def pledge_cancel(req: Request) -> None:
    bloc = req.require_bloc()
    pledge = rules.pick(req.session, bloc, _year_arg(req), req.command)
    signed = rules.signed_units(req.session, pledge)
    if not signed:
        await _cancel(req, pledge)
        return
    assert pledge.id is not None
    lines = [req.t("pledge_cancel.signer_line", code=u.code, unit=u.name, signer=o.display_name,
                   at=fmt_datetime(sig.signed_at, bloc.timezone)) for u, o, sig in signed]
    buttons = [[Button(req.t("pledge_cancel.btn_yes"), data=callback_data(CANCEL, pledge.id, "y")),
                Button(req.t("pledge_cancel.btn_no"), data=callback_data(CANCEL, pledge.id, "n"))]]
    await req.reply(OutMessage(req.t("pledge_cancel.confirm", year=pledge.year, count=len(signed),
                                     signers="\n".join(lines)), buttons=buttons))


async def pledge_cancel_press(req: Request, match: re.Match[str]) -> None:
    bloc = req.require_bloc()
    if not req.standing.can_manage:
        raise UserError("err.not_manager", command="pledge_cancel")
    pledge = rules.by_id(req.session, int(match.group(1)))
    if pledge.bloc_id != bloc.id:
        raise UserError("pledge.gone")
    if match.group(2) == "n":
        await req.edit_origin(OutMessage(req.t("pledge_cancel.kept", year=pledge.year)))
        return
    await _cancel(req, pledge, confirmed=True)


async def _cancel(req: Request, pledge: Pledge, *, confirmed: bool = False) -> None:
    bloc = req.require_bloc()
    rules.cancel(req.session, pledge=pledge, actor=req.actor, now=req.now, confirmed=confirmed)
    queue_notice(req.session, bloc=bloc, key=f"pledge{pledge.id}:cancelled", now=req.now,
                 notice=Notice(group_text=req.t("pledge.notice_cancelled", year=pledge.year)))
    done = OutMessage(req.t("pledge_cancel.done", year=pledge.year))
    if req.callback_data is not None:
        await req.edit_origin(done)
    else:
        await req.reply(done)


# --- closing, status, export ----------------------------------------------------------------
async def pledge_close(req: Request) -> None:
    bloc = req.require_bloc()
    pledge = rules.pick(req.session, bloc, _year_arg(req), req.command)
    board = rules.close(req.session, pledge=pledge, actor=req.actor, now=req.now, early=True)
    assert pledge.id is not None
    # The final list reaches every unit the way reminders do: the group, or privately without one.
    queue_notice(req.session, bloc=bloc, notice=Notice(group_text=final_text(board)),
                 key=f"pledge{pledge.id}:closed", now=req.now)
    await req.reply(req.t("pledge.closed_reply", year=pledge.year, count=board.count, total=board.total))


async def pledge_status(req: Request) -> None:
    bloc = req.require_bloc()
    pledge = rules.pick(req.session, bloc, _year_arg(req), req.command)
    text = status_text(req.session, rules.board(req.session, pledge))
    # In a private chat the document comes along; in the group it was posted with the pledge.
    document = None if req.is_group else _document(req, pledge)
    await req.reply(OutMessage(text, document=document))


async def pledge_export(req: Request) -> None:
    bloc = req.require_bloc()
    pledge = rules.pick(req.session, bloc, _year_arg(req), req.command)
    board = rules.board(req.session, pledge)
    stem = export.file_stem(board)
    xlsx = export.to_xlsx(req.session, board)
    csv = export.to_csv(board)
    caption = req.t("pledge.export_caption", year=pledge.year, count=board.count, total=board.total)
    await req.reply(OutMessage(caption, document=Document(f"{stem}.xlsx", xlsx, export.XLSX_MIME)))
    await req.reply(OutMessage(req.t("pledge.export_csv_caption"),
                               document=Document(f"{stem}.csv", csv, export.CSV_MIME)))


COMMANDS = [
    Command("pledge_open", pledge_open, who=Who.MANAGER),
    Command("sign", sign, who=Who.MEMBER),
    Command("unsign", unsign, who=Who.MEMBER),
    Command("pledge_status", pledge_status, who=Who.MEMBER),
    Command("pledge_export", pledge_export, who=Who.MEMBER),
    Command("pledge_close", pledge_close, who=Who.MANAGER),
    Command("pledge_edit", pledge_edit, who=Who.MANAGER),
    Command("pledge_cancel", pledge_cancel, who=Who.MANAGER),
]
CALLBACKS = [Callback(SIGN_PREFIX, sign_button, re.compile(r"s:(\d{1,10})")),
             Callback(CANCEL, pledge_cancel_press, re.compile(r"(\d{1,10}):([yn])"))]
REMINDER_SOURCES = [PledgeReminders()]
LIVE_RENDERERS = {rules.KIND: render_live}
