"""What the calendar says: group posts, /status, /agenda, receipts, reminders and change notices.

Rendered in the bloc's language and time zone (dd/mm/yyyy HH:MM). Used by the handlers, by the
live-post renderers and by the reminder source at firing time, so every place shows the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.i18n import t
from bot.ports import Button, OutMessage
from bot.services.calendar.boards import LATE, MISSING, ON_TIME, DeadlineBoard, MeetingBoard, UnitState
from bot.text import fold
from bot.timefmt import fmt_datetime
from storage.models import Bloc, CalendarItem, StoredFile, Submission, Unit, id_of
from storage.models.calendar import CANCELLED, DEADLINE, EXEMPT, PAPER

ATTEND_PREFIX = "mt"  # callback data mt:a:<item id> confirms attendance
# Units listed by name in a post before the rest are summarised by code.
LIST_LIMIT = 40


def attend_data(item_id: int) -> str:
    return f"{ATTEND_PREFIX}:a:{item_id}"


def kind_name(lang: str, item: CalendarItem) -> str:
    if item.kind == DEADLINE:
        return t(lang, "cal.kind.deadline")
    return t(lang, f"cal.meeting.kind.{item.meeting_kind or 'khac'}")


def head(lang: str, item: CalendarItem) -> str:
    """``#12 · Hạn nộp «Báo cáo tổng kết năm 2026»``; a title that already names its kind
    («Hội nghị tổng kết công tác thi đua…») is not prefixed with it a second time."""
    if names_its_kind(lang, item):
        return t(lang, "cal.head_titled", id=item.id, title=item.title)
    return t(lang, "cal.head", id=item.id, kind=kind_name(lang, item), title=item.title)


def names_its_kind(lang: str, item: CalendarItem) -> bool:
    return fold(item.title).startswith(fold(kind_name(lang, item)))


def when(item: CalendarItem, tz: str) -> str:
    return fmt_datetime(item.when_at, tz)


def time_left(lang: str, item: CalendarItem, now: datetime) -> str:
    """``còn 3 ngày`` / ``còn 2 giờ`` / ``còn 40 phút`` until the item (rounded to the nearest)."""
    minutes = max(0, round((item.when_at - now).total_seconds() / 60))
    if minutes >= 1440:
        return t(lang, "cal.left.days", n=round(minutes / 1440))
    if minutes >= 60:
        return t(lang, "cal.left.hours", n=round(minutes / 60))
    return t(lang, "cal.left.minutes", n=minutes)


def _unit(unit: Unit) -> str:
    return f"{unit.code} — {unit.name}"


def _codes(units: list[Unit]) -> str:
    return ", ".join(u.code for u in units) or "—"


def _details(lang: str, bloc: Bloc, item: CalendarItem) -> list[str]:
    key = "cal.line_due" if item.kind == DEADLINE else "cal.line_held"
    lines = [t(lang, key, when=when(item, bloc.timezone))]
    if item.place:
        lines.append(t(lang, "cal.line_place", place=item.place))
    if item.doc_ref:
        lines.append(t(lang, "cal.line_doc", doc=item.doc_ref))
    return lines


# --- group posts (live) -----------------------------------------------------------------------------
def deadline_post(lang: str, bloc: Bloc, board: DeadlineBoard, template: StoredFile | None) -> OutMessage:
    item = board.item
    lines = [("❌ " + t(lang, "cal.cancelled_tag") + " " if item.state == CANCELLED else "📄 ") + head(lang, item)]
    lines += _details(lang, bloc, item)
    scope = t(lang, "cal.deadline.scope_all", count=len(board.rows)) if item.scope_all else \
        t(lang, "cal.deadline.scope_some", codes=_codes([r.unit for r in board.rows]))
    lines.append(scope)
    if template is not None:
        lines.append(t(lang, "cal.deadline.template_line", name=template.file_name, id=item.id))
    if item.state == CANCELLED:
        if item.cancel_reason:
            lines.append(t(lang, "cal.reason_line", reason=item.cancel_reason))
        return OutMessage("\n".join(lines))
    lines.append(t(lang, "cal.deadline.counter", done=board.done, required=board.required,
                   late=board.count(LATE), exempt=board.count(EXEMPT)))
    if board.pending:
        lines.append(t(lang, "cal.deadline.pending_codes", codes=_codes(board.pending)))
    lines.append(t(lang, "cal.deadline.how_to_submit", id=item.id))
    return OutMessage("\n".join(lines))


def meeting_post(lang: str, bloc: Bloc, board: MeetingBoard) -> OutMessage:
    item = board.item
    lines = [("❌ " + t(lang, "cal.cancelled_tag") + " " if item.state == CANCELLED else "🏛 ") + head(lang, item)]
    lines += _details(lang, bloc, item)
    if item.state == CANCELLED:
        if item.cancel_reason:
            lines.append(t(lang, "cal.reason_line", reason=item.cancel_reason))
        return OutMessage("\n".join(lines))
    confirmed = board.confirmed
    lines.append(t(lang, "cal.meeting.counter", done=len(confirmed), total=len(board.rows)))
    for unit, row in confirmed[:LIST_LIMIT]:
        lines.append(t(lang, "cal.meeting.confirmed_line", code=unit.code,
                       delegate=t(lang, "cal.meeting.delegate_suffix", name=row.delegate) if row.delegate else ""))
    if board.unconfirmed:
        lines.append(t(lang, "cal.meeting.unconfirmed_codes", codes=_codes(board.unconfirmed)))
    lines.append(t(lang, "cal.meeting.how_to_attend", id=item.id))
    return OutMessage("\n".join(lines), buttons=[[Button(t(lang, "cal.meeting.btn_attend"), data=attend_data(id_of(item)))]])


# --- /status ----------------------------------------------------------------------------------------------
def _state_line(lang: str, tz: str, row: UnitState, links: dict[int, str], show_links: bool) -> str:
    code = _unit(row.unit)
    first, latest = row.first, row.latest
    if row.state in (ON_TIME, LATE):
        assert first is not None and latest is not None
        extra = t(lang, "cal.status.versions", count=len(row.versions), latest=fmt_datetime(latest.submitted_at, tz)) \
            if len(row.versions) > 1 else ""
        link = links.get(latest.file_id)
        if link is not None:  # the kept version is a link (sent from Zalo, or typed with /submit)
            extra += t(lang, "cal.status.link", url=link) if show_links else t(lang, "cal.status.link_hidden")
        key = "cal.status.on_time" if row.state == ON_TIME else "cal.status.late"
        return t(lang, key, unit=code, at=fmt_datetime(first.submitted_at, tz), versions=extra)
    if row.state == MISSING:
        return t(lang, "cal.status.missing", unit=code)
    return t(lang, f"cal.status.{row.state}", unit=code)


def deadline_status(lang: str, bloc: Bloc, board: DeadlineBoard, links: dict[int, str] | None = None, *,
                    show_links: bool = False) -> str:
    """/status of a deadline; ``links``: the link of each stored file that is one (by file id),
    spelled out when ``show_links`` (the head in a private chat), otherwise only marked."""
    item = board.item
    lines = [head(lang, item), *_details(lang, bloc, item)]
    if item.state == CANCELLED:
        lines.append(t(lang, "cal.cancelled_tag"))
    lines.append(t(lang, "cal.status.summary", done=board.done, required=board.required, late=board.count(LATE),
                   missing=board.count(MISSING), exempt=board.count(EXEMPT), paper=board.count(PAPER)))
    lines += [_state_line(lang, bloc.timezone, row, links or {}, show_links) for row in board.rows]
    if not board.rows:
        lines.append(t(lang, "cal.status.no_units"))
    return "\n".join(lines)


def meeting_status(lang: str, bloc: Bloc, board: MeetingBoard) -> str:
    item = board.item
    lines = [head(lang, item), *_details(lang, bloc, item)]
    if item.state == CANCELLED:
        lines.append(t(lang, "cal.cancelled_tag"))
    lines.append(t(lang, "cal.meeting.counter", done=len(board.confirmed), total=len(board.rows)))
    for unit, row in board.rows:
        if row is None:
            lines.append(t(lang, "cal.status.unconfirmed", unit=_unit(unit)))
        else:
            delegate = t(lang, "cal.meeting.delegate_suffix", name=row.delegate) if row.delegate else ""
            lines.append(t(lang, "cal.status.confirmed", unit=_unit(unit), delegate=delegate,
                           at=fmt_datetime(row.confirmed_at, bloc.timezone)))
    return "\n".join(lines)


# --- lists ------------------------------------------------------------------------------------------------
def _count(lang: str, item: CalendarItem, deadlines: dict[int, DeadlineBoard], meetings: dict[int, MeetingBoard]
           ) -> str:
    assert item.id is not None
    if item.kind == DEADLINE:
        board = deadlines[item.id]
        return t(lang, "cal.agenda.submitted", done=board.done, required=board.required)
    mboard = meetings[item.id]
    return t(lang, "cal.agenda.confirmed", done=len(mboard.confirmed), total=len(mboard.rows))


def item_line(lang: str, bloc: Bloc, item: CalendarItem, deadlines: dict[int, DeadlineBoard],
              meetings: dict[int, MeetingBoard]) -> str:
    icon = "📄" if item.kind == DEADLINE else "🏛"
    place = t(lang, "cal.agenda.place", place=item.place) if item.place else ""
    return t(lang, "cal.agenda.line", icon=icon, when=when(item, bloc.timezone), head=head(lang, item), place=place,
             count=_count(lang, item, deadlines, meetings))


def agenda_text(lang: str, bloc: Bloc, items: list[CalendarItem], deadlines: dict[int, DeadlineBoard],
                meetings: dict[int, MeetingBoard], days: int) -> str:
    if not items:
        return t(lang, "cal.agenda.empty", days=days)
    lines = [t(lang, "cal.agenda.header", bloc=bloc.name, days=days)]
    lines += [item_line(lang, bloc, i, deadlines, meetings) for i in items]
    return "\n".join(lines)


def meetings_text(lang: str, bloc: Bloc, items: list[CalendarItem], boards: dict[int, MeetingBoard]) -> str:
    if not items:
        return t(lang, "cal.meetings.empty")
    lines = [t(lang, "cal.meetings.header", bloc=bloc.name)]
    lines += [item_line(lang, bloc, i, {}, boards) for i in items]
    return "\n".join(lines)


def owed_list(lang: str, bloc: Bloc, items: list[CalendarItem]) -> str:
    """The deadlines a unit still owes, one per line (for hints about how to submit)."""
    if not items:
        return t(lang, "cal.submit.nothing_owed")
    return "\n".join(t(lang, "cal.submit.owed_line", head=head(lang, i), when=when(i, bloc.timezone)) for i in items)


# --- receipts -----------------------------------------------------------------------------------------------
def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def receipt(lang: str, bloc: Bloc, item: CalendarItem, unit: Unit, row: Submission, stored: StoredFile,
            officer: str, link: str | None = None) -> str:
    what = t(lang, "cal.submit.receipt_link", url=link, sha=stored.sha256) if link is not None else \
        t(lang, "cal.submit.receipt_file", name=stored.file_name, size=_size(stored.size), sha=stored.sha256)
    lines = [t(lang, "cal.submit.receipt", code=unit.code, unit=unit.name, head=head(lang, item)),
             what,
             t(lang, "cal.submit.receipt_by", officer=officer, at=fmt_datetime(row.submitted_at, bloc.timezone),
               version=row.version)]
    if row.version > 1:
        lines.append(t(lang, "cal.submit.receipt_kept", earlier=row.version - 1))
    if row.late:
        lines.append(t(lang, "cal.submit.receipt_late", due=when(item, bloc.timezone)))
    return "\n".join(lines)


# --- reminders ----------------------------------------------------------------------------------------------
def _pending_lines(lang: str, units: list[Unit], handles: dict[int, str]) -> list[str]:
    lines = []
    for unit in units:
        who = handles.get(unit.id or 0) or t(lang, "cal.remind.no_officer")
        lines.append(t(lang, "cal.remind.unit_line", unit=_unit(unit), who=who))
    return lines


def deadline_reminder(lang: str, bloc: Bloc, board: DeadlineBoard, handles: dict[int, str], phase: str,
                      now: datetime) -> tuple[str, Callable[[Unit], str]]:
    """The group text naming the pending units and their officers, and each pending unit's private text.
    ``phase``: before | today | overdue."""
    item = board.item
    pending = board.pending
    left = time_left(lang, item, now)
    lines = [t(lang, f"cal.remind.deadline_{phase}", head=head(lang, item), when=when(item, bloc.timezone), left=left)]
    if item.doc_ref:
        lines.append(t(lang, "cal.line_doc", doc=item.doc_ref))
    lines.append(t(lang, "cal.remind.pending_header", count=len(pending), required=board.required))
    lines += _pending_lines(lang, pending, handles)
    lines.append(t(lang, "cal.remind.deadline_how", id=item.id))
    group = "\n".join(lines)

    def private(unit: Unit) -> str:
        return t(lang, f"cal.remind.deadline_private_{phase}", code=unit.code, head=head(lang, item),
                 when=when(item, bloc.timezone), id=item.id, left=left)

    return group, private


def deadline_summary(lang: str, bloc: Bloc, board: DeadlineBoard) -> str:
    item = board.item
    lines = [t(lang, "cal.remind.summary_header", head=head(lang, item), when=when(item, bloc.timezone)),
             t(lang, "cal.status.summary", done=board.done, required=board.required, late=board.count(LATE),
               missing=board.count(MISSING), exempt=board.count(EXEMPT), paper=board.count(PAPER))]
    if board.pending:
        lines.append(t(lang, "cal.remind.summary_missing"))
        lines += [f"• {_unit(u)}" for u in board.pending]
    else:
        lines.append(t(lang, "cal.remind.summary_complete"))
    late = [r.unit for r in board.rows if r.state == LATE]
    if late:
        lines.append(t(lang, "cal.remind.summary_late", codes=_codes(late)))
    lines.append(t(lang, "cal.remind.summary_hint", id=item.id))
    return "\n".join(lines)


def meeting_reminder(lang: str, bloc: Bloc, board: MeetingBoard, handles: dict[int, str], now: datetime
                     ) -> tuple[str, Callable[[Unit], str]]:
    item = board.item
    left = time_left(lang, item, now)
    lines = [t(lang, "cal.remind.meeting", head=head(lang, item), when=when(item, bloc.timezone), left=left)]
    if item.place:
        lines.append(t(lang, "cal.line_place", place=item.place))
    lines.append(t(lang, "cal.meeting.counter", done=len(board.confirmed), total=len(board.rows)))
    if board.unconfirmed:
        lines.append(t(lang, "cal.remind.unconfirmed_header", count=len(board.unconfirmed)))
        lines += _pending_lines(lang, board.unconfirmed, handles)
        lines.append(t(lang, "cal.meeting.how_to_attend", id=item.id))
    group = "\n".join(lines)
    confirmed = {u.id: row for u, row in board.confirmed}

    def private(unit: Unit) -> str:
        row = confirmed.get(unit.id)
        if row is None:
            return t(lang, "cal.remind.meeting_private_unconfirmed", code=unit.code, head=head(lang, item),
                     when=when(item, bloc.timezone), place=item.place or "—", id=item.id, left=left)
        delegate = t(lang, "cal.meeting.delegate_suffix", name=row.delegate) if row.delegate else ""
        return t(lang, "cal.remind.meeting_private_confirmed", code=unit.code, head=head(lang, item),
                 when=when(item, bloc.timezone), place=item.place or "—", delegate=delegate, left=left)

    return group, private


# --- notices to every unit ------------------------------------------------------------------------------------
def moved_notice(lang: str, bloc: Bloc, item: CalendarItem, old: datetime) -> str:
    return t(lang, "cal.notice.moved", head=head(lang, item), old=fmt_datetime(old, bloc.timezone),
             new=when(item, bloc.timezone))


def cancelled_notice(lang: str, bloc: Bloc, item: CalendarItem) -> str:
    reason = t(lang, "cal.reason_line", reason=item.cancel_reason) if item.cancel_reason else ""
    return t(lang, "cal.notice.cancelled", head=head(lang, item), when=when(item, bloc.timezone), reason=reason).rstrip()
