"""What a feature tells the reminder engine: for a slot that is due, whom to remind and with what.

A feature (calendar deadlines and conferences, the pledge, votes) implements :class:`ReminderSource`
for its ``kind`` and plans its items with :func:`scheduler.slots.replace_plan`. The engine decides
nothing about the item itself: the source says, at firing time, which units still have to act.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from bot.ports import Button
from storage.models import ReminderSlot, Unit


@dataclass
class Reminder:
    """One firing of a slot.

    ``units``: the units this reminder is about (each recorded once in ``SentReminder``);
    ``group_text``: posted in the bloc's group chat(s), naming the units and their officers;
    ``private_text``: sent privately to every officer of each unit in ``units`` who opened a private
    chat with the bot; ``managers_text``: sent privately to the head's and deputy's officers.
    A bloc without a group chat gets ``group_text`` privately, once per officer of its member units.
    """

    units: list[Unit]
    group_text: str | None = None
    private_text: Callable[[Unit], str] | None = None
    managers_text: str | None = None
    buttons: list[list[Button]] = field(default_factory=list)


class ReminderSource(Protocol):
    kind: str

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | None:
        """What to send for ``slot`` at ``now``; None when nothing is to be sent (the item was
        closed or cancelled, everyone has done the thing, or it is too late to be useful)."""
        ...
