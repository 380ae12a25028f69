"""Conferences and document deadlines: /meeting, /deadline, /submit, /attend, /mark, /status,
/agenda, /meetings, /ics, /template, moving and cancelling; documents sent in reply to a deadline's post.
A submission is a file, a photo (Zalo), or a link, which is kept and never fetched (link_files).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, time, timedelta

from bot.dates import parse_when
from bot.errors import UserError
from bot.ports import Attachment, Document, OutMessage
from bot.records import CalendarItem, StoredFile, id_of
from bot.services.calendar import links as link_files
from bot.services.calendar import service as cal
from bot.services.calendar import views
from bot.services.calendar.boards import deadline_boards, meeting_boards
from bot.services.calendar.export import bundle
from bot.services.calendar.ics import build_ics
from bot.services.calendar.reminders import RENDERERS, SOURCES
from bot.services.delivery import live
from bot.services.reminders import holidays
from bot.timefmt import fmt_datetime
from handlers.args import fields, item_id
from handlers.publish import publish
from handlers.registry import Callback, Command, Who
from handlers.request import Request

log = logging.getLogger(__name__)

# A deadline typed without a time is due at the end of the working day.
DEADLINE_TIME = time(17, 0)
AGENDA_DAYS = 30
# /ics exports what is still to come and the last half year, for the record.
ICS_HISTORY = timedelta(days=183)


def _when(req: Request, raw: str, kind: str) -> datetime:
    bloc = req.require_bloc()
    return parse_when(raw, now=req.now, tz=bloc.timezone,
                      default_time=DEADLINE_TIME if kind == cal.DEADLINE else None)


async def _download(req: Request, attachment: Attachment) -> bytes:
    """Fetches a file through the platform; the session is committed first (no write across await)."""
    req.commit()
    try:
        return await req.messenger.download(attachment)
    except Exception as exc:
        log.warning("download of %s failed", attachment.file_ref, exc_info=True)
        raise UserError("cal.download_failed") from exc


def _post(req: Request, item: CalendarItem) -> OutMessage:
    message = RENDERERS[item.kind](req.session, id_of(item))
    assert message is not None
    return message


async def download(req: Request, attachment: Attachment) -> bytes:
    """A file a person sent, fetched through the platform (other features read workbooks too)."""
    return await _download(req, attachment)


def deadline_time(req: Request, raw: str) -> datetime:
    """A deadline's time as /deadline reads it (a date alone means its default hour)."""
    return _when(req, raw, cal.DEADLINE)


async def announce_item(req: Request, item: CalendarItem) -> None:
    """Posts a new item as /meeting and /deadline do (other features open deadlines too)."""
    await _announce(req, item)


async def _announce(req: Request, item: CalendarItem) -> None:
    """Posts the item to the bloc as a live post (its group chat, or each officer privately without one)."""
    bloc = req.require_bloc()
    assert item.id is not None
    posted_here = await publish(req, bloc, _post(req, item), key=f"cal{item.id}", live_item=(item.kind, item.id))
    if not posted_here:
        await req.reply(req.t("cal.created_private", head=views.head(req.lang, item)))
    await _warn_day_off(req, item)


async def _warn_day_off(req: Request, item: CalendarItem) -> None:
    """Accepted, but said: a conference on a Sunday or on Tết is more often a typo than a plan."""
    bloc = req.require_bloc()
    why = holidays.why_day_off(req.session, bloc, item.when_at)
    if why is not None:
        command = "meeting_move" if item.kind == cal.MEETING else "deadline_move"
        await req.reply(req.t("cal.day_off_warning", head=views.head(req.lang, item), when=views.when(item, bloc.timezone),
                              why=why, command=command, id=item.id))


# --- creating ---------------------------------------------------------------------------------------
async def meeting(req: Request) -> None:
    bloc = req.require_bloc()
    parts = fields(req.args)
    if len(parts) < 2 or len(parts) > 4 or not parts[0] or not parts[1]:
        raise UserError("cal.meeting.usage")
    when = _when(req, parts[0], cal.MEETING)
    kind = cal.meeting_kind_of(parts[3]) if len(parts) > 3 and parts[3] else None
    item = cal.create_meeting(req.session, bloc=bloc, actor=req.actor, when=when, title=parts[1],
                              place=parts[2] if len(parts) > 2 else None, meeting_kind=kind, now=req.now)
    await _announce(req, item)


async def deadline(req: Request) -> None:
    bloc = req.require_bloc()
    parts = fields(req.args)
    if len(parts) < 2 or not parts[0]:
        raise UserError("cal.deadline.usage")
    when = _when(req, parts[0], cal.DEADLINE)
    wanted = cal.deadline_fields(parts[1:])
    template: StoredFile | None = None
    # The template is the file the command is the caption of, or the file it replies to.
    attachment = req.incoming.attachment or req.incoming.reply_attachment
    if attachment is not None:
        cal.check_attachment(attachment)
        saved = req.core.files.write(await _download(req, attachment))
        template = cal.store_template(req.session, saved, attachment, req.messenger.platform, req.now)
    item = cal.create_deadline(req.session, bloc=bloc, actor=req.actor, when=when, fields=wanted,
                               template=template, now=req.now)
    await _announce(req, item)


# --- moving and cancelling -----------------------------------------------------------------------------
async def cancel(req: Request) -> None:
    bloc = req.require_bloc()
    first, _, reason = req.args.strip().partition(" ")
    if not first:
        raise UserError("cal.cancel.usage")
    number = item_id(first, "cal.cancel.usage")
    item = cal.cancel_item(req.session, bloc=bloc, item_id=number, actor=req.actor, reason=reason, now=req.now)
    await _done_unless_in_bloc_chat(req, req.t("cal.cancel.done", head=views.head(req.lang, item)))


async def move(req: Request) -> None:
    bloc = req.require_bloc()
    first, _, rest = req.args.strip().partition(" ")
    if not first or not rest.strip():
        raise UserError("cal.move.usage")
    number = item_id(first, "cal.move.usage")
    current = cal.get_item(req.session, bloc, number)
    when = _when(req, rest, current.kind)
    item, old = cal.move_item(req.session, bloc=bloc, item_id=number, when=when, actor=req.actor,
                              now=req.now)
    await _done_unless_in_bloc_chat(req, req.t("cal.move.done", head=views.head(req.lang, item),
                                               old=fmt_datetime(old, bloc.timezone), new=views.when(item, bloc.timezone)))
    await _warn_day_off(req, item)


async def _done_unless_in_bloc_chat(req: Request, text: str) -> None:
    """Typed in the bloc's group, the group notice (queued by the service, sent at once) is the
    answer: one message there, not two. Typed in a private chat, the head is answered here."""
    if not req.is_group:
        await req.reply(text)


# --- attendance -----------------------------------------------------------------------------------------
def _delegate(req: Request, name: str | None) -> str:
    return req.t("cal.meeting.delegate_suffix", name=name) if name else ""


async def attend(req: Request) -> None:
    bloc = req.require_bloc()
    first, _, name = req.args.strip().partition(" ")
    if not first:
        raise UserError("cal.attend.usage")
    number = item_id(first, "cal.attend.usage")
    done = cal.attend(req.session, bloc=bloc, who=req.standing, item_id=number, delegate=name.strip() or None,
                      now=req.now)
    head = views.head(req.lang, done.item)
    if done.created:
        key = "cal.attend.done"
    elif name.strip():
        key = "cal.attend.updated"
    else:
        key = "cal.attend.already"
    await req.reply(req.t(key, code=done.unit.code, head=head, delegate=_delegate(req, done.row.delegate),
                          id=number))


async def attend_button(req: Request, match: re.Match[str]) -> None:
    bloc = req.require_bloc()
    number = int(match.group(1))
    done = cal.attend(req.session, bloc=bloc, who=req.standing, item_id=number, delegate=None, now=req.now)
    key = "cal.attend.toast" if done.created else "cal.attend.toast_already"
    req.toast(req.t(key, code=done.unit.code, id=number))


# --- submissions ---------------------------------------------------------------------------------------
async def _submit(req: Request, number: int, attachment: Attachment) -> None:
    bloc = req.require_bloc()
    # Refuse before downloading anything: the wrong person, item or file costs no transfer.
    cal.check_submit(req.session, bloc=bloc, who=req.standing, item_id=number)
    link: str | None = None
    if attachment.kind == "link":  # kept as the link itself, never fetched (bot.services.link_files)
        link = link_files.check_url(attachment.url or "")
        content = link_files.shortcut(link)
        attachment = Attachment("link", file_name=link_files.file_name(link), size=len(content),
                                mime=link_files.MIME, url=link)
    else:
        cal.check_attachment(attachment)
        content = await _download(req, attachment)
    saved = req.core.files.write(content)
    row = cal.record_submission(req.session, bloc=bloc, who=req.standing, item_id=number, saved=saved,
                                attachment=attachment, platform=req.messenger.platform, now=req.now)
    item, stored = cal.submission_details(req.session, row)
    unit = req.standing.unit
    assert unit is not None
    await req.reply(views.receipt(req.lang, bloc, item, unit, row, stored, req.actor.name, link=link))


async def submit(req: Request) -> None:
    req.require_bloc()
    if not req.args.strip():
        raise UserError("cal.submit.usage")
    number = item_id(req.args.split()[0], "cal.submit.usage")
    attachment = req.incoming.attachment or req.incoming.reply_attachment
    if attachment is None:  # "/submit 12 https://...": a link to the report, on any platform
        url = link_files.find_url(req.args)
        attachment = Attachment("link", url=url) if url else None
    if attachment is None:
        # Say what is wrong with the item first (unknown id, not an officer) before asking for a file.
        cal.check_submit(req.session, bloc=req.require_bloc(), who=req.standing, item_id=number)
        raise UserError("cal.submit.no_file")
    await _submit(req, number, attachment)


async def claim_document(req: Request) -> bool:
    """A file in reply to a deadline's post is a submission; a file alone in a private chat gets a hint."""
    attachment = req.incoming.attachment
    if attachment is None or req.bloc is None:
        return False
    reply = req.incoming.reply_to
    if reply is not None and req.incoming.reply_to_bot:
        post = live.post_at(req.session, reply, (cal.DEADLINE,))
        if post is not None and post.bloc_id == req.bloc.id:
            await _submit(req, post.item_id, attachment)
            return True
    if req.is_group:
        return False  # people share files in the group all the time
    unit = req.standing.unit
    if unit is None:
        raise UserError("cal.submit.not_officer")
    owed = cal.open_deadlines_of_unit(req.session, req.bloc, unit, req.now)
    owed_list = views.owed_list(req.lang, req.bloc, owed)
    example = owed[0].id if owed else 12
    if attachment.kind == "link":  # a ready command to copy: the link with the deadline's number
        text = req.t("cal.submit.link_hint", code=unit.code, owed=owed_list, id=example, url=attachment.url)
    else:
        text = req.t("cal.submit.private_hint", code=unit.code, owed=owed_list, id=example)
    await req.reply(text)
    return True


# --- the head's marks --------------------------------------------------------------------------------------
async def mark(req: Request) -> None:
    bloc = req.require_bloc()
    parts = req.args.split()
    if len(parts) != 3:
        raise UserError("cal.mark.usage")
    number = item_id(parts[0], "cal.mark.usage")
    wanted = cal.mark_word(parts[2])
    item, unit, _old = cal.set_mark(req.session, bloc=bloc, item_id=number, code=parts[1], mark=wanted,
                                    actor=req.actor, now=req.now)
    await req.reply(req.t("cal.mark.done", head=views.head(req.lang, item), code=unit.code,
                          mark=req.t(f"cal.mark.name.{wanted}")))


# --- reading ----------------------------------------------------------------------------------------------------
async def status(req: Request) -> None:
    bloc = req.require_bloc()
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("cal.status.usage")
    item = cal.get_item(req.session, bloc, item_id(parts[0], "cal.status.usage"))
    assert item.id is not None
    if item.kind == cal.DEADLINE:
        board = deadline_boards(req.session, [item])[item.id]
        links = link_files.urls_of(req.session, req.core.files,
                                   [r.latest.file_id for r in board.rows if r.latest is not None])
        # A link opens the unit's report: the head reads it in a private chat, never in the group.
        show = not req.is_group and req.standing.can_manage
        text = views.deadline_status(req.lang, bloc, board, links, show_links=show)
    else:
        text = views.meeting_status(req.lang, bloc, meeting_boards(req.session, [item])[item.id])
    await req.reply(text)


async def agenda(req: Request) -> None:
    bloc = req.require_bloc()
    items = cal.agenda(req.session, bloc, req.now, AGENDA_DAYS)
    deadlines = deadline_boards(req.session, [i for i in items if i.kind == cal.DEADLINE])
    meetings = meeting_boards(req.session, [i for i in items if i.kind == cal.MEETING])
    await req.reply(views.agenda_text(req.lang, bloc, items, deadlines, meetings, AGENDA_DAYS))


async def meetings(req: Request) -> None:
    bloc = req.require_bloc()
    items = cal.upcoming_meetings(req.session, bloc, req.now)
    await req.reply(views.meetings_text(req.lang, bloc, items, meeting_boards(req.session, items)))


async def ics(req: Request) -> None:
    bloc = req.require_bloc()
    items = cal.items_since(req.session, bloc, req.now - ICS_HISTORY)
    content = build_ics(bloc, items, req.now)
    caption = req.t("cal.ics.caption", bloc=bloc.name, count=len(items))
    await req.reply(OutMessage(caption, document=Document(f"lich-khoi-{bloc.id}.ics", content, "text/calendar")))


# Telegram's bots may send files up to 50 MB.
COLLECT_LIMIT_MB = 50


async def collect(req: Request) -> None:
    """/collect <id>: the head gets every unit's latest file for a deadline in one zip."""
    bloc = req.require_bloc()
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("cal.collect.usage")
    number = item_id(parts[0], "cal.collect.usage")
    item = cal.get_item(req.session, bloc, number)
    assert item.id is not None
    if item.kind != cal.DEADLINE:
        raise UserError("cal.collect.not_deadline", id=item.id)
    board = deadline_boards(req.session, [item])[item.id]
    head = views.head(req.lang, item)
    if not any(row.versions for row in board.rows):
        raise UserError("cal.collect.nothing", head=head, id=item.id)
    pack = bundle(req.session, req.core.files, bloc, board, req.lang)
    size_mb = len(pack.content) / 1_000_000
    if size_mb > COLLECT_LIMIT_MB:
        raise UserError("cal.collect.too_big", head=head, size=f"{size_mb:.0f}", limit=COLLECT_LIMIT_MB)
    text = req.t("cal.collect.caption", head=head, files=pack.files)
    if pack.missing:
        text += "\n" + req.t("cal.collect.unreadable", codes=", ".join(pack.missing))
    await req.reply(OutMessage(text, document=Document(f"han-nop-{item.id}.zip", pack.content, "application/zip")))


async def template(req: Request) -> None:
    bloc = req.require_bloc()
    parts = req.args.split()
    if len(parts) != 1:
        raise UserError("cal.template.usage")
    number = item_id(parts[0], "cal.template.usage")
    item = cal.get_item(req.session, bloc, number, cal.DEADLINE)
    stored = cal.template_of(req.session, item)
    if stored is None:
        raise UserError("cal.template.none", id=number)
    try:
        content = req.core.files.read(stored.sha256)
    except OSError as exc:
        raise UserError("cal.template.missing", id=number) from exc
    document = Document(stored.file_name, content, stored.mime or "application/octet-stream")
    await req.reply(OutMessage(req.t("cal.template.caption", head=views.head(req.lang, item)), document=document))


COMMANDS = [
    Command("agenda", agenda, who=Who.MEMBER),
    Command("meetings", meetings, who=Who.MEMBER),
    Command("status", status, who=Who.MEMBER),
    Command("submit", submit, who=Who.MEMBER),
    Command("attend", attend, who=Who.OFFICER),
    Command("template", template, who=Who.MEMBER),
    Command("collect", collect, who=Who.MANAGER),
    Command("ics", ics, who=Who.MEMBER),
    Command("meeting", meeting, who=Who.MANAGER),
    Command("deadline", deadline, who=Who.MANAGER),
    Command("meeting_move", move, who=Who.MANAGER),
    Command("meeting_cancel", cancel, who=Who.MANAGER),
    Command("deadline_move", move, who=Who.MANAGER),
    Command("deadline_cancel", cancel, who=Who.MANAGER),
    Command("mark", mark, who=Who.MANAGER),
]
CALLBACKS = [Callback(views.ATTEND_PREFIX, attend_button, re.compile(r"a:(\d{1,9})"))]
ATTACHMENT_HANDLERS = [claim_document]
REMINDER_SOURCES = SOURCES
LIVE_RENDERERS = RENDERERS
