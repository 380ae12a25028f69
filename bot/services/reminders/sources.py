"""What a feature tells the reminder engine: for a slot that is due, whom to remind and with what.

A feature (calendar deadlines and conferences, the pledge, votes) implements :class:`ReminderSource`
for its ``kind`` and plans its items with :func:`scheduler.slots.replace_plan`. The engine decides
nothing about the item itself: the source says, at firing time, which units still have to act.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from bot.services.delivery.notify import Notice
from storage.models import Bloc, ReminderSlot

# A reminder is a notice about the units that still have to act: the engine records one
# ``SentReminder`` per unit in ``units`` and queues the notice (see bot.services.notify.Notice).
Reminder = Notice


class ReminderSource(Protocol):
    kind: str
    # The /remind_config list that plans this source's items (bot.services.reminder_config.KINDS).
    config_kind: str

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | list[Reminder] | None:
        """What to send for ``slot`` at ``now``; None when nothing is to be sent (the item was
        closed or cancelled, everyone has done the thing, or it is too late to be useful). Several
        notices are queued in the order given (a vote's results, then the ballot it opens next)."""
        ...

    def replan_bloc(self, s: Session, bloc: Bloc, now: datetime) -> int:
        """Replans every open item of ``bloc`` with the bloc's current offsets (after /remind_config);
        returns how many items were replanned."""
        ...
