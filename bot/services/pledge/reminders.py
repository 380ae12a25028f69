"""The pledge's reminder source: reminds the units that have not signed, and closes at the deadline.

Planned with the bloc's "giaouoc" plan (see :func:`bot.services.pledge.plan_offsets`): reminders
before the deadline go to the units still unsigned (the group post names them and their officers,
with the sign button; each of their officers gets a private reminder), the ``At`` slot closes the
pledge and posts the final list, and a ``tổng+N`` slot sends the head the units that never signed.

Whatever slot fires, a pledge whose deadline has passed is closed first: if the bot was down over
the deadline, the engine fires only the latest missed slot, and the close must not be lost.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.services.audit import SYSTEM
from bot.services.pledge import service as rules
from bot.services.pledge.views import final_text, reminder_texts, sign_buttons, summary_text
from bot.services.reminders import planner
from bot.services.reminders.service import PLEDGE
from bot.services.reminders.sources import Reminder
from storage.models import Bloc, Pledge, ReminderSlot
from storage.models.pledge import CANCELLED, OPEN


class PledgeReminders:
    kind = rules.KIND
    config_kind = PLEDGE

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | None:
        pledge = s.get(Pledge, slot.item_id)
        if pledge is None or pledge.state == CANCELLED:
            return None
        closing = pledge.state == OPEN and now >= pledge.deadline
        board = (rules.close(s, pledge=pledge, actor=SYSTEM, now=now, early=False) if closing
                 else rules.board(s, pledge))
        final = final_text(board) if closing else None
        if slot.slot == planner.At.key:
            return Reminder(group_text=final) if final else None
        if slot.slot.startswith("summary"):
            summary = summary_text(board) if board.unsigned and pledge.state != OPEN else None
            return Reminder(group_text=final, managers_text=summary) if final or summary else None
        if final:
            return Reminder(group_text=final)
        if pledge.state != OPEN or not board.unsigned:
            return None
        group, private = reminder_texts(s, board)
        return Reminder(units=board.unsigned, group_text=group, private_text=private,
                        buttons=sign_buttons(board.bloc.language, pledge))

    def replan_bloc(self, s: Session, bloc: Bloc, now: datetime) -> int:
        return rules.replan_bloc(s, bloc, now)
