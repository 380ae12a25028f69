"""Conferences (hội nghị) and document deadlines (hạn nộp): creating, moving, cancelling, attendance,
submissions and the head's marks; who still has to act, computed from the database.

Every change replans the item's reminders at once (``plan_item``): the reminder slots follow the
item's time and the bloc's ``/remind_config`` plan, and a deadline that nobody still owes keeps
only the summary to the head. Who is reminded is decided when a slot fires (calendar_reminders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.errors import UserError
from bot.files import Saved, record_file
from bot.i18n import Ref
from bot.ports import Attachment
from bot.services.audit import Actor, record
from bot.services.blocs.standing import Standing, bloc_year
from bot.services.calendar import views
from bot.services.calendar.boards import deadline_boards, units_of
from bot.services.delivery import live
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.reminders import holidays, planner
from bot.services.reminders.service import offsets_for
from bot.services.reminders.slots import cancel_plan, replace_plan
from bot.text import fold
from storage.models import (
    Attendance,
    Bloc,
    CalendarItem,
    CalendarScope,
    StoredFile,
    Submission,
    Unit,
    UnitMark,
    id_of,
)
from storage.models.calendar import CANCELLED, DEADLINE, EXEMPT, MEETING, OPEN, PAPER
from storage.queries import calendar as q
from storage.queries.blocs import member_units

TITLE_MAX = 300
PLACE_MAX = 300
DOC_MAX = 120
DELEGATE_MAX = 200
REASON_MAX = 300
# The Bot API's getFile serves files up to 20 MB.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Overdue notices and the summary reach at most 20 working days after the due day: replanning after
# /remind_config looks that far back for deadlines whose later reminders are still to come.
REPLAN_LOOKBACK = timedelta(days=35)

SO_KET = "so_ket"
TONG_KET = "tong_ket"
KHAC = "khac"
MEETING_KINDS = (SO_KET, TONG_KET, KHAC)


# --- reading what people typed ------------------------------------------------------------------
_KIND_WORDS = {
    SO_KET: ("so ket", "soket", "mid", "mid-year"),
    TONG_KET: ("tong ket", "tongket", "year-end", "yearend"),
    KHAC: ("khac", "other"),
}


def meeting_kind_of(word: str) -> str:
    """``sơ kết`` / ``tổng kết`` / ``khác`` (with or without accents, or in English)."""
    folded = " ".join(fold(word).split())
    for kind, words in _KIND_WORDS.items():
        if folded in words:
            return kind
    raise UserError("cal.bad_meeting_kind", value=word[:40])


def infer_meeting_kind(title: str) -> str:
    """A title that says "sơ kết" or "tổng kết" names its kind; anything else is "khác"."""
    folded = " ".join(fold(title).split())
    if "so ket" in folded:
        return SO_KET
    if "tong ket" in folded:
        return TONG_KET
    return KHAC


def clean_text(raw: str, limit: int, what: str) -> str:
    text = " ".join(raw.split())
    if len(text) > limit:
        raise UserError("cal.too_long", what=Ref(f"cal.field.{what}"), length=len(text), limit=limit)
    return text


_UNITS_FIELD = re.compile(r"^(?:units|unit|donvi|don vi)\s*[=:]\s*(.*)$", re.DOTALL)


@dataclass(frozen=True)
class DeadlineFields:
    title: str
    doc_ref: str | None
    codes: list[str] | None  # None: every member unit


def deadline_fields(extra: list[str]) -> DeadlineFields:
    """``<tiêu đề> [| <số hiệu văn bản>] [| units=YTE,GDDT]`` (the fields after the time)."""
    if not extra or not extra[0]:
        raise UserError("cal.deadline.usage")
    title = clean_text(extra[0], TITLE_MAX, "title")
    doc_ref: str | None = None
    codes: list[str] | None = None
    for raw in extra[1:]:
        match = _UNITS_FIELD.match(fold(raw).strip())
        if match is not None:
            if codes is not None:
                raise UserError("cal.deadline.usage")
            codes = [c.upper() for c in re.split(r"[,;\s]+", match.group(1)) if c]
            if not codes:
                raise UserError("cal.deadline.no_units")
        elif raw and doc_ref is None:
            doc_ref = clean_text(raw, DOC_MAX, "doc")
        else:
            raise UserError("cal.deadline.usage")
    return DeadlineFields(title, doc_ref, codes)


# --- planning -----------------------------------------------------------------------------------
def plan_item(s: Session, item: CalendarItem, bloc: Bloc, now: datetime) -> None:
    """Makes the item's reminder slots match its time, the bloc's plan and who still owes something."""
    assert item.id is not None and bloc.id is not None
    if item.state != OPEN:
        cancel_plan(s, kind=item.kind, item_id=item.id, note=f"item {item.state}")
        return
    offsets = offsets_for(s, bloc.id, item.kind)
    planned = planner.plan(item.when_at, offsets, bloc.timezone, holidays.days_off(s, bloc, item.when_at))
    if item.kind == DEADLINE and not deadline_boards(s, [item])[item.id].pending:
        # Everyone has sent it (or is excused): no more chasing, only the head's summary.
        planned = [p for p in planned if isinstance(p.offset, planner.Summary)]
    replace_plan(s, bloc_id=bloc.id, kind=item.kind, item_id=item.id, planned=planned, now=now)


def replan_bloc(s: Session, bloc: Bloc, kind: str, now: datetime) -> int:
    """Replans every open item of ``kind`` whose reminders may still come (after /remind_config)."""
    assert bloc.id is not None
    since = now - REPLAN_LOOKBACK if kind == DEADLINE else now
    items = q.open_items(s, bloc.id, kind=kind, since=since)
    for item in items:
        plan_item(s, item, bloc, now)
    return len(items)


# --- creating -------------------------------------------------------------------------------------
def _check_future(when: datetime, now: datetime) -> None:
    if when <= now:
        raise UserError("cal.past")


def create_meeting(s: Session, *, bloc: Bloc, actor: Actor, when: datetime, title: str, place: str | None,
                   meeting_kind: str | None, now: datetime) -> CalendarItem:
    assert bloc.id is not None
    _check_future(when, now)
    title = clean_text(title, TITLE_MAX, "title")
    if not title:
        raise UserError("cal.meeting.usage")
    place = clean_text(place, PLACE_MAX, "place") if place else None
    kind = meeting_kind or infer_meeting_kind(title)
    item = CalendarItem(bloc_id=bloc.id, kind=MEETING, title=title, when_at=when, place=place or None,
                        meeting_kind=kind, year=bloc_year(bloc, now), scope_all=True,
                        created_by_id=actor.officer_id, created_at=now)
    s.add(item)
    s.flush()
    plan_item(s, item, bloc, now)
    record(s, bloc_id=bloc.id, actor=actor, action="meeting.create", at=now, item=item.id, title=title,
           when=when.isoformat(), place=place, meeting_kind=kind)
    return item


def _units_by_codes(s: Session, bloc: Bloc, codes: list[str], now: datetime) -> list[Unit]:
    assert bloc.id is not None
    members = {u.code: u for u in member_units(s, bloc.id, bloc_year(bloc, now))}
    wanted = list(dict.fromkeys(c.strip().upper() for c in codes))
    unknown = [c for c in wanted if c not in members]
    if unknown:
        raise UserError("cal.deadline.unknown_units", codes=", ".join(unknown)[:200],
                        known=", ".join(members) or "—")
    return [members[c] for c in wanted]


def create_deadline(s: Session, *, bloc: Bloc, actor: Actor, when: datetime, fields: DeadlineFields,
                    template: StoredFile | None, now: datetime) -> CalendarItem:
    assert bloc.id is not None
    _check_future(when, now)
    units = _units_by_codes(s, bloc, fields.codes, now) if fields.codes is not None else None
    item = CalendarItem(bloc_id=bloc.id, kind=DEADLINE, title=fields.title, when_at=when, doc_ref=fields.doc_ref,
                        year=bloc_year(bloc, now), scope_all=units is None,
                        template_file_id=template.id if template is not None else None,
                        created_by_id=actor.officer_id, created_at=now)
    s.add(item)
    s.flush()
    assert item.id is not None
    if units is not None:
        s.add_all(CalendarScope(item_id=id_of(item), unit_id=id_of(u)) for u in units)
        s.flush()
    plan_item(s, item, bloc, now)
    record(s, bloc_id=bloc.id, actor=actor, action="deadline.create", at=now, item=item.id, title=item.title,
           when=when.isoformat(), doc_ref=item.doc_ref, units=[u.code for u in units] if units else "all",
           template=template.sha256 if template else None)
    return item


def store_template(s: Session, saved: Saved, attachment: Attachment, platform: str, now: datetime) -> StoredFile:
    return record_file(s, saved, file_name=attachment.file_name or "mau", mime=attachment.mime, platform=platform,
                       platform_file_id=attachment.file_ref or attachment.url, now=now)


# --- finding --------------------------------------------------------------------------------------
def deadline_by_ref(s: Session, bloc: Bloc, doc_ref: str) -> CalendarItem | None:
    """The newest open deadline with this reference: how features that run on a deadline (title
    registration, self-scoring, the dossier's reports) find theirs again."""
    assert bloc.id is not None
    return q.open_item_by_ref(s, bloc.id, DEADLINE, doc_ref)


def get_item(s: Session, bloc: Bloc, item_id: int, kind: str | None = None) -> CalendarItem:
    assert bloc.id is not None
    item = q.item_of_bloc(s, bloc.id, item_id)
    if item is None:
        raise UserError("cal.unknown_item", id=item_id)
    if kind == DEADLINE and item.kind != DEADLINE:
        raise UserError("cal.not_deadline", id=item_id)
    if kind == MEETING and item.kind != MEETING:
        raise UserError("cal.not_meeting", id=item_id)
    return item


def _require_open(item: CalendarItem) -> None:
    if item.state == CANCELLED:
        raise UserError("cal.is_cancelled", id=item.id, kind_name=Ref(f"cal.kind.{item.kind}"))


# --- moving and cancelling ----------------------------------------------------------------------------
def _notify_change(s: Session, bloc: Bloc, item: CalendarItem, text: str, actor: Actor, now: datetime) -> None:
    """One notice in the group; a private copy only to officers who cannot see the group (Zalo, a
    bloc without a group chat), and none to whoever made the change (they have the answer)."""
    skip = (actor.account.id,) if actor.account is not None and actor.account.id is not None else ()
    notice = Notice(group_text=text, skip=skip)
    queue_notice(s, bloc=bloc, notice=notice, key=f"cal{item.id}:change{item.sequence}", now=now)


def cancel_item(s: Session, *, bloc: Bloc, item_id: int, actor: Actor, reason: str, now: datetime
                ) -> CalendarItem:
    item = get_item(s, bloc, item_id)
    _require_open(item)
    item.state = CANCELLED
    item.sequence += 1
    item.cancel_reason = clean_text(reason, REASON_MAX, "reason") or None
    s.add(item)
    assert item.id is not None
    cancel_plan(s, kind=item.kind, item_id=item.id, note="item cancelled")
    live.mark_dirty(s, kind=item.kind, item_id=item.id, now=now)
    _notify_change(s, bloc, item, views.cancelled_notice(bloc.language, bloc, item), actor, now)
    record(s, bloc_id=bloc.id, actor=actor, action="calendar.cancel", at=now, item=item.id, kind=item.kind,
           reason=item.cancel_reason)
    return item


def move_item(s: Session, *, bloc: Bloc, item_id: int, when: datetime, actor: Actor, now: datetime
              ) -> tuple[CalendarItem, datetime]:
    """Moves the item; late flags follow the new due time; reminders are replanned; units told."""
    item = get_item(s, bloc, item_id)
    _require_open(item)
    _check_future(when, now)
    old = item.when_at
    if when == old:
        raise UserError("cal.same_time", id=item_id)
    item.when_at = when
    item.sequence += 1
    s.add(item)
    assert item.id is not None
    if item.kind == DEADLINE:
        for row in q.submissions_of(s, [item.id]).get(item.id, []):
            late = row.submitted_at > when
            if row.late != late:
                row.late = late
                s.add(row)
    s.flush()
    plan_item(s, item, bloc, now)
    live.mark_dirty(s, kind=item.kind, item_id=item.id, now=now)
    _notify_change(s, bloc, item, views.moved_notice(bloc.language, bloc, item, old), actor, now)
    record(s, bloc_id=bloc.id, actor=actor, action="calendar.move", at=now, item=item.id, kind=item.kind,
           old=old.isoformat(), new=when.isoformat())
    return item, old


# --- attendance (xác nhận tham dự) --------------------------------------------------------------
@dataclass(frozen=True)
class Attended:
    item: CalendarItem
    unit: Unit
    row: Attendance
    created: bool  # False: the unit had confirmed already (the delegate may have changed)


def attend(s: Session, *, bloc: Bloc, who: Standing, item_id: int, delegate: str | None, now: datetime
           ) -> Attended:
    item = get_item(s, bloc, item_id, MEETING)
    _require_open(item)
    if item.when_at <= now:
        raise UserError("cal.meeting.already_held", id=item_id)
    unit = who.unit
    if unit is None or unit.id is None:
        raise UserError("cal.meeting.attend_not_officer")
    if unit.id not in {u.id for u in units_of(s, item)}:
        raise UserError("cal.unit_not_in_scope", code=unit.code, id=item_id)
    name = clean_text(delegate, DELEGATE_MAX, "delegate") if delegate else None
    assert item.id is not None
    row = q.attendance_row(s, item.id, unit.id)
    created = row is None
    if row is None:
        row = Attendance(item_id=item.id, unit_id=unit.id, delegate=name, officer_id=who.actor.officer_id,
                         confirmed_at=now)
        s.add(row)
        try:
            s.flush()
        except IntegrityError as exc:  # a colleague of the same unit pressed at the same moment
            raise UserError("cal.meeting.already_confirmed", code=unit.code) from exc
    elif name is not None and name != row.delegate:
        row.delegate = name
        s.add(row)
    elif name is None:
        return Attended(item, unit, row, created=False)
    live.mark_dirty(s, kind=MEETING, item_id=item.id, now=now)
    record(s, bloc_id=bloc.id, actor=who.actor, action="meeting.attend", at=now, item=item.id, unit=unit.code,
           delegate=name)
    return Attended(item, unit, row, created)


# --- submissions (nộp báo cáo) ------------------------------------------------------------------
def check_submit(s: Session, *, bloc: Bloc, who: Standing, item_id: int) -> tuple[CalendarItem, Unit]:
    """Whether ``who`` may submit for ``item_id`` now (asked before the file is downloaded)."""
    if who.unit is None or who.unit.id is None:
        raise UserError("cal.submit.not_officer")
    item = get_item(s, bloc, item_id, DEADLINE)
    _require_open(item)
    if who.unit.id not in {u.id for u in units_of(s, item)}:
        raise UserError("cal.unit_not_in_scope", code=who.unit.code, id=item_id)
    return item, who.unit


def check_attachment(attachment: Attachment | None) -> Attachment:
    if attachment is None:
        raise UserError("cal.submit.no_file")
    if attachment.size is not None and attachment.size > MAX_FILE_BYTES:
        raise UserError("cal.submit.too_big", size=f"{attachment.size / 1024 / 1024:.1f}")
    return attachment


def record_submission(s: Session, *, bloc: Bloc, who: Standing, item_id: int, saved: Saved,
                      attachment: Attachment, platform: str, now: datetime) -> Submission:
    """Records one version of the unit's document (the bytes are on disk already). A link is kept
    as its shortcut file (bot.services.link_files): the URL is in the file and the audit, it is no
    platform file id."""
    item, unit = check_submit(s, bloc=bloc, who=who, item_id=item_id)
    assert item.id is not None and unit.id is not None
    link = attachment.url if attachment.kind == "link" else None
    stored = record_file(s, saved, file_name=attachment.file_name or f"nop-{item.id}-{unit.code}",
                         mime=attachment.mime, platform=platform,
                         platform_file_id=None if link else attachment.file_ref or attachment.url, now=now)
    assert stored.id is not None
    version = q.last_version(s, item.id, unit.id) + 1
    row = Submission(item_id=item.id, unit_id=unit.id, version=version, file_id=stored.id,
                     officer_id=who.actor.officer_id, submitted_at=now, late=now > item.when_at)
    s.add(row)
    try:
        s.flush()
    except IntegrityError as exc:  # two officers of the unit sent a file at the same moment
        raise UserError("cal.submit.race") from exc
    plan_item(s, item, bloc, now)
    live.mark_dirty(s, kind=DEADLINE, item_id=item.id, now=now)
    record(s, bloc_id=bloc.id, actor=who.actor, action="deadline.submit", at=now, item=item.id, unit=unit.code,
           version=version, late=row.late, file=stored.file_name, size=stored.size, sha256=stored.sha256,
           platform_file_id=stored.platform_file_id, link=link)
    return row


# --- the head's marks -------------------------------------------------------------------------------
_MARK_WORDS = {
    EXEMPT: ("exempt", "mien", "miennop"),
    PAPER: ("paper", "giay", "bangiay", "nopgiay"),
    "clear": ("clear", "none", "bo", "xoa", "huy"),
}


def mark_word(word: str) -> str:
    folded = fold(word).replace(" ", "").replace("_", "").replace("-", "")
    for mark, words in _MARK_WORDS.items():
        if folded in words:
            return mark
    raise UserError("cal.mark.usage")


def set_mark(s: Session, *, bloc: Bloc, item_id: int, code: str, mark: str, actor: Actor, now: datetime
             ) -> tuple[CalendarItem, Unit, str | None]:
    """Marks a unit exempt or submitted on paper ("clear" removes the mark); returns the old mark."""
    item = get_item(s, bloc, item_id, DEADLINE)
    _require_open(item)
    wanted = code.strip().upper()
    unit = next((u for u in units_of(s, item) if u.code == wanted), None)
    if unit is None:
        raise UserError("cal.unit_not_in_scope", code=wanted[:20], id=item_id)
    assert item.id is not None and unit.id is not None
    row = q.mark_of(s, item.id, unit.id)
    old = row.mark if row is not None else None
    if (old or "clear") == mark:
        raise UserError("cal.mark.unchanged", code=unit.code, mark=Ref(f"cal.mark.name.{mark}"))
    if mark == "clear":
        assert row is not None
        s.delete(row)
    elif row is None:
        s.add(UnitMark(item_id=item.id, unit_id=unit.id, mark=mark, officer_id=actor.officer_id, marked_at=now))
    else:
        row.mark, row.officer_id, row.marked_at = mark, actor.officer_id, now
        s.add(row)
    s.flush()
    plan_item(s, item, bloc, now)
    live.mark_dirty(s, kind=DEADLINE, item_id=item.id, now=now)
    record(s, bloc_id=bloc.id, actor=actor, action="deadline.mark", at=now, item=item.id, unit=unit.code,
           old=old, new=None if mark == "clear" else mark)
    return item, unit, old


def open_deadlines_of_unit(s: Session, bloc: Bloc, unit: Unit, now: datetime) -> list[CalendarItem]:
    """Open deadlines the unit still owes (due in the future or recently overdue), soonest first."""
    assert bloc.id is not None
    items = q.open_items(s, bloc.id, kind=DEADLINE, since=now - REPLAN_LOOKBACK, limit=200)
    boards = deadline_boards(s, items)
    return [i for i in items if unit in boards[id_of(i)].pending]


def agenda(s: Session, bloc: Bloc, now: datetime, days: int = 30) -> list[CalendarItem]:
    assert bloc.id is not None
    return q.open_items(s, bloc.id, since=now, until=now + timedelta(days=days), limit=100)


def submission_details(s: Session, row: Submission) -> tuple[CalendarItem, StoredFile]:
    """The deadline and the stored file of a submission, for its receipt."""
    item = s.get(CalendarItem, row.item_id)
    stored = s.get(StoredFile, row.file_id)
    assert item is not None and stored is not None
    return item, stored


def template_of(s: Session, item: CalendarItem) -> StoredFile | None:
    return s.get(StoredFile, item.template_file_id) if item.template_file_id else None


def upcoming_meetings(s: Session, bloc: Bloc, now: datetime, limit: int = 30) -> list[CalendarItem]:
    assert bloc.id is not None
    return q.open_items(s, bloc.id, kind=MEETING, since=now, limit=limit)


def items_since(s: Session, bloc: Bloc, since: datetime) -> list[CalendarItem]:
    """Every conference and deadline of the bloc from ``since`` on (for /ics)."""
    assert bloc.id is not None
    return q.items_of_bloc(s, bloc.id, since=since)
