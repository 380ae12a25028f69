"""What the reminder engine asks the calendar when a slot is due, and how its group posts read now.

``CalendarSource`` (kinds ``deadline`` and ``meeting``) decides at firing time who still has to act:
a deadline names only the units that have not submitted and are not exempt or on paper; its summary
slot goes to the head and deputy with the still-missing list; a conference reminds every unit and
names those that have not confirmed. A slot of a cancelled item, or one before an item whose time
has passed (the bot was down), sends nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.i18n import t
from bot.ports import Button, OutMessage
from bot.services.calendar import service as cal
from bot.services.calendar import views
from bot.services.calendar.boards import deadline_boards, meeting_boards
from bot.services.delivery.notify import officer_handles
from bot.services.reminders.sources import Reminder
from storage.models import Bloc, CalendarItem, ReminderSlot, StoredFile
from storage.models.calendar import DEADLINE, MEETING, OPEN


def phase_of(slot_key: str) -> str:
    """before | today | overdue | summary, from the planner's stable slot keys."""
    if slot_key.startswith("summary"):
        return "summary"
    if slot_key.startswith("over"):
        return "overdue"
    if slot_key.startswith("day@"):
        return "today"
    return "before"


class CalendarSource:
    """The reminder source of one calendar kind; ``/remind_config`` list of the same name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.config_kind = kind

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | None:
        item = s.get(CalendarItem, slot.item_id)
        if item is None or item.state != OPEN or item.kind != self.kind:
            return None
        bloc = s.get(Bloc, item.bloc_id)
        assert bloc is not None
        if item.kind == DEADLINE:
            return self._deadline(s, bloc, item, phase_of(slot.slot), now)
        return self._meeting(s, bloc, item, now)

    def _deadline(self, s: Session, bloc: Bloc, item: CalendarItem, phase: str, now: datetime) -> Reminder | None:
        assert item.id is not None
        board = deadline_boards(s, [item])[item.id]
        if phase == "summary":
            return Reminder(units=[], managers_text=views.deadline_summary(bloc.language, bloc, board))
        due_passed = now >= item.when_at
        # A reminder before the due time is useless after it (sent late by a restart); an overdue one
        # before the due time can only come from a stale plan.
        if (phase in ("before", "today")) == due_passed:
            return None
        pending = board.pending
        if not pending:
            return None
        group, private = views.deadline_reminder(bloc.language, bloc, board, officer_handles(s, pending), phase,
                                                 now)
        return Reminder(units=pending, group_text=group, private_text=private)

    def _meeting(self, s: Session, bloc: Bloc, item: CalendarItem, now: datetime) -> Reminder | None:
        assert item.id is not None
        if now >= item.when_at:
            return None
        board = meeting_boards(s, [item])[item.id]
        units = [u for u, _ in board.rows]
        if not units:
            return None
        group, private = views.meeting_reminder(bloc.language, bloc, board, officer_handles(s, board.unconfirmed),
                                                now)
        buttons = [[Button(t(bloc.language, "cal.meeting.btn_attend"), data=views.attend_data(item.id))]] \
            if board.unconfirmed else []
        return Reminder(units=units, group_text=group, private_text=private, buttons=buttons)

    def replan_bloc(self, s: Session, bloc: Bloc, now: datetime) -> int:
        return cal.replan_bloc(s, bloc, self.kind, now)


def render_deadline_post(s: Session, item_id: int) -> OutMessage | None:
    item = s.get(CalendarItem, item_id)
    if item is None:
        return None
    bloc = s.get(Bloc, item.bloc_id)
    assert bloc is not None and item.id is not None
    template = s.get(StoredFile, item.template_file_id) if item.template_file_id else None
    return views.deadline_post(bloc.language, bloc, deadline_boards(s, [item])[item.id], template)


def render_meeting_post(s: Session, item_id: int) -> OutMessage | None:
    item = s.get(CalendarItem, item_id)
    if item is None:
        return None
    bloc = s.get(Bloc, item.bloc_id)
    assert bloc is not None and item.id is not None
    return views.meeting_post(bloc.language, bloc, meeting_boards(s, [item])[item.id])


SOURCES = (CalendarSource(DEADLINE), CalendarSource(MEETING))
RENDERERS = {DEADLINE: render_deadline_post, MEETING: render_meeting_post}
