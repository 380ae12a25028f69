"""The reminder engine: fires due slots into the outbox, edits live posts, drains the outbox.

Everything it needs is in the database, so a restarted process picks up exactly where the last
one stopped. Firing a slot is one transaction (the slot's state, one ``SentReminder`` per unit,
the outbox rows), so a slot fires at most once; the outbox then delivers each message until it
is sent.

Missed slots: when several slots of one item are due at once (the bot was down), only the latest
is fired and the earlier ones are marked skipped; the source still decides whether even that one
is useful now (an item that is closed or already past gets nothing).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from sqlmodel import Session, select

from bot.core import Core
from bot.ports import Button
from bot.services import live, outbox
from bot.services.standing import bloc_year, role_units_now
from scheduler.slots import due_slots
from scheduler.sources import Reminder, ReminderSource
from storage.models import Account, Bloc, ReminderSlot, SentReminder, Unit
from storage.queries.blocs import accounts_of_officers, chats_of_bloc, member_units, officers_by_unit

log = logging.getLogger(__name__)


@dataclass
class TickReport:
    fired: int = 0
    skipped: int = 0
    failed: int = 0
    queued: int = 0
    live: live.FlushReport = field(default_factory=live.FlushReport)
    outbox: outbox.DrainReport = field(default_factory=outbox.DrainReport)


class ReminderEngine:
    def __init__(self, core: Core, sources: dict[str, ReminderSource],
                 live_renderers: dict[str, live.LiveRenderer]) -> None:
        self.core = core
        self.sources = sources
        self.live_renderers = live_renderers

    async def tick(self, now: datetime | None = None) -> TickReport:
        """One pass: fire what is due, bring live posts up to date, deliver the outbox."""
        now = now or self.core.now()
        report = self.fire_due(now)
        report.live = await live.flush(self.core, self.live_renderers, now)
        report.outbox = await outbox.drain(self.core, now)
        return report

    def fire_due(self, now: datetime) -> TickReport:
        report = TickReport()
        with self.core.db.session() as s:
            due = due_slots(s, now)
        for _, group in groupby(due, key=lambda slot: (slot.kind, slot.item_id)):
            slots = list(group)
            with self.core.db.session() as s:
                for missed in slots[:-1]:
                    row = s.get(ReminderSlot, missed.id)
                    assert row is not None
                    row.state, row.note, row.fired_at = "skipped", "superseded by a later reminder", now
                    s.add(row)
                    report.skipped += 1
            self._fire_one(slots[-1].id, now, report)  # type: ignore[arg-type]
        return report

    def _fire_one(self, slot_id: int, now: datetime, report: TickReport) -> None:
        try:
            with self.core.db.session() as s:
                slot = s.get(ReminderSlot, slot_id)
                if slot is None or slot.state != "pending":
                    return
                source = self.sources.get(slot.kind)
                reminder = source.build(s, slot, now) if source is not None else None
                slot.fired_at = now
                if reminder is None:
                    slot.state = "skipped"
                    slot.note = "nothing to send" if source is not None else f"no source for {slot.kind}"
                    report.skipped += 1
                else:
                    report.queued += self._queue(s, slot, reminder, now)
                    slot.state = "fired"
                    report.fired += 1
                s.add(slot)
        except Exception:
            log.exception("reminder slot %s failed", slot_id)
            with self.core.db.session() as s:
                slot = s.get(ReminderSlot, slot_id)
                if slot is not None and slot.state == "pending":
                    slot.state, slot.note, slot.fired_at = "failed", "error while building; see the log", now
                    s.add(slot)
            report.failed += 1

    def _queue(self, s: Session, slot: ReminderSlot, reminder: Reminder, now: datetime) -> int:
        bloc = s.get(Bloc, slot.bloc_id)
        assert bloc is not None and bloc.id is not None and slot.id is not None
        # The (slot, unit) key is unique in the database; a unit listed twice is reminded once.
        already = set(s.exec(select(SentReminder.unit_id).where(SentReminder.slot_id == slot.id)))
        units: list[Unit] = []
        for unit in reminder.units:
            if unit.id not in already:
                already.add(unit.id)  # type: ignore[arg-type]
                units.append(unit)
        if reminder.units and not units:
            return 0
        s.add_all(SentReminder(slot_id=slot.id, unit_id=u.id, sent_at=now) for u in units)  # type: ignore[misc]
        key = f"slot{slot.id}"
        out: list[outbox.Outgoing] = []

        def private(account: Account, text: str, suffix: str, buttons: list[list[Button]] | None = None) -> None:
            out.append(outbox.Outgoing(f"{key}:{suffix}:{account.id}", account.platform,
                                       account.private_chat_id or "", text, bloc.id, account.id, buttons or []))

        accounts = self._open_accounts(s, [u.id for u in units if u.id is not None])
        personal: set[int | None] = set()
        if reminder.private_text is not None:
            for unit in units:
                text = reminder.private_text(unit)
                for account in accounts.get(unit.id, []):  # type: ignore[arg-type]
                    personal.add(account.id)
                    private(account, text, "dm")
        if reminder.group_text is not None:
            chats = chats_of_bloc(s, bloc.id)
            out.extend(outbox.Outgoing(f"{key}:chat:{c.platform}:{c.chat_id}", c.platform, c.chat_id,
                                       reminder.group_text, bloc.id, None, reminder.buttons) for c in chats)
            if not chats:
                # A bloc without a group chat (e.g. on Zalo only): each officer gets the post privately.
                members = [u.id for u in member_units(s, bloc.id, bloc_year(bloc, now)) if u.id is not None]
                for account in (a for accs in self._open_accounts(s, members).values() for a in accs):
                    if account.id not in personal:
                        private(account, reminder.group_text, "dm", reminder.buttons)
        if reminder.managers_text is not None:
            managing = list(set(role_units_now(s, bloc, now).values()))
            for account in (a for accs in self._open_accounts(s, managing).values() for a in accs):
                private(account, reminder.managers_text, "mgr")
        return outbox.enqueue_many(s, out, now)

    @staticmethod
    def _open_accounts(s: Session, unit_ids: list[int]) -> dict[int, list[Account]]:
        """Accounts with an open private chat, per unit (officers who never wrote to the bot are skipped)."""
        officers = officers_by_unit(s, unit_ids)
        accounts = accounts_of_officers(s, [o.id for offs in officers.values() for o in offs if o.id is not None])
        return {
            unit_id: [a for o in offs for a in accounts.get(o.id, [])  # type: ignore[arg-type]
                      if a.private_chat_id and a.private_status == "open"]
            for unit_id, offs in officers.items()
        }
