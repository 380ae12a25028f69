"""The reminder engine: fires due slots into the outbox, edits live posts, drains the outbox.

Everything it needs is in the database, so a restarted process picks up exactly where the last
one stopped. Firing a slot is one transaction (the slot's state, one ``SentReminder`` per unit,
the outbox rows), so a slot fires at most once; the outbox then delivers each message until it
is sent.

Several processes on one database (PostgreSQL): a slot is fired under its row lock (``FOR UPDATE SKIP
LOCKED``: a process skips a slot another is firing, and sees it fired afterwards), live posts are
claimed with a lease before being edited, the hourly chores take an advisory lock, and each pass
records the process's heartbeat so the flood limits are split between the live processes.

Missed slots: when several slots of one item are due at once (the bot was down), only the latest
is fired and the earlier ones are marked skipped; the source still decides whether even that one
is useful now (an item that is closed or already past gets nothing).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert
from sqlmodel import Session, select

from bot.core import Core
from bot.services.delivery import inbox, live, outbox, peers
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.people import guesses
from bot.services.people import requests as join_requests
from bot.services.reminders.slots import due_slots, keep_latest_due
from bot.services.reminders.sources import Reminder, ReminderSource
from storage.locks import try_lock
from storage.models import Bloc, ReminderSlot, SentReminder, Unit, id_of

log = logging.getLogger(__name__)

PRUNE_EVERY = timedelta(hours=1)
FIRE_BATCH = 500
FIRE_RATE = 100  # slots a second at most (see fire_due)


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
                 live_renderers: dict[str, live.LiveRenderer], *, fire_rate: float | None = FIRE_RATE) -> None:
        self.core = core
        self.fire_rate = fire_rate  # None: as fast as possible (tests drive the engine by hand)
        self.sources = sources
        self.live_renderers = live_renderers
        self._pruned_at: datetime | None = None
        self.process_id = peers.new_process_id()
        self.processes = 1  # live processes sharing the database (this one included)

    async def tick(self, now: datetime | None = None, *, drain: bool = True) -> TickReport:
        """One pass: fire what is due, bring live posts up to date, and (``drain``) deliver the outbox
        before returning; a running bot leaves delivery to its continuous sender (scheduler.sender)."""
        now = now or self.core.now()
        if self.core.db.wipe_pending:  # a closed vote's ballots whose wipe found the files busy
            self.core.db.wipe_deleted()
        self._heartbeat(now)
        self._housekeeping(now)
        report = await self.fire_due(now)
        report.live = await live.flush(self.core, self.live_renderers, now)
        if drain:
            report.outbox = await outbox.drain(self.core, now)
        return report

    def _heartbeat(self, now: datetime) -> None:
        with self.core.db.session() as s:
            processes = peers.heartbeat(s, self.process_id, now)
        if processes != self.processes:
            log.info("%d bot processes share the database: each keeps to 1/%d of the flood limits",
                     processes, processes)
            self.processes = processes
            for messenger in self.core.messengers.values():
                messenger.share_limits(processes)

    def leave(self) -> None:
        """This process stops: the others take back its share of the limits at their next pass."""
        with self.core.db.session() as s:
            peers.leave(s, self.process_id)

    def _housekeeping(self, now: datetime) -> None:
        """Hourly: forget handled updates older than a week (kept to recognise re-deliveries), and
        expire join requests nobody answered in a week (the asker is told through the outbox)."""
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY:
            return
        self._pruned_at = now
        with self.core.db.session() as s:
            if not try_lock(s, "khoibot.housekeeping"):
                return  # another process is doing it right now
            inbox.prune(s, now)
            guesses.prune(s, now)
            expired = join_requests.expire(s, now)
        if expired:
            log.info("%d join requests expired", len(expired))

    async def fire_due(self, now: datetime) -> TickReport:
        """Fires every slot due at ``now``, one at a time, yielding to the event loop after each: at
        08:00 thousands of blocs' reminders fall due together, and replies to people must not wait for
        the whole wave to be queued. At most ``FIRE_RATE`` slots a second: each queues a group post and a
        dozen private messages, so that already outruns what Telegram lets out (30 a second), and the rest
        of the CPU goes to sending them and to answering people."""
        report = TickReport()
        while True:
            with self.core.db.session() as s:
                due = due_slots(s, now, limit=FIRE_BATCH)
            for kind, item_id in dict.fromkeys((slot.kind, slot.item_id) for slot in due):
                with self.core.db.session() as s:
                    latest, skipped = keep_latest_due(s, kind=kind, item_id=item_id, now=now)
                report.skipped += skipped
                if latest is not None:
                    started = time.perf_counter()
                    self._fire_one(latest, now, report)
                    pause = 1 / self.fire_rate - (time.perf_counter() - started) if self.fire_rate else 0.0
                    await asyncio.sleep(max(0.0, pause))
                else:
                    await asyncio.sleep(0)
            if len(due) < FIRE_BATCH:
                return report

    def _fire_one(self, slot_id: int, now: datetime, report: TickReport) -> None:
        try:
            with self.core.db.session() as s:
                # Locked until this transaction ends; another process firing it right now: skip it
                # (it will be "fired" when this pass looks again).
                slot = s.exec(select(ReminderSlot).where(ReminderSlot.id == slot_id)
                              .with_for_update(skip_locked=True)).first()
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

    def _queue(self, s: Session, slot: ReminderSlot, built: Reminder | list[Reminder], now: datetime) -> int:
        """Queues what the slot sends, in order (a vote's results, then the ballot it opens next)."""
        bloc = s.get(Bloc, slot.bloc_id)
        assert bloc is not None and slot.id is not None
        # The (slot, unit) key is unique in the database; a unit listed twice is reminded once.
        already = set(s.exec(select(SentReminder.unit_id).where(SentReminder.slot_id == slot.id)))
        queued = 0
        for index, reminder in enumerate(built if isinstance(built, list) else [built]):
            units: list[Unit] = []
            for unit in reminder.units:
                if unit.id not in already:
                    already.add(id_of(unit))
                    units.append(unit)
            if reminder.units and not units:
                continue
            if units:
                s.connection().execute(insert(SentReminder), [
                    {"slot_id": slot.id, "unit_id": id_of(u), "sent_at": now} for u in units])
            notice = Notice(units=units, group_text=reminder.group_text, private_text=reminder.private_text,
                            managers_text=reminder.managers_text, buttons=reminder.buttons, live=reminder.live,
                            attachment=reminder.attachment)
            key = f"slot{slot.id}" if index == 0 else f"slot{slot.id}.{index}"
            queued += queue_notice(s, bloc=bloc, notice=notice, key=key, now=now)
        return queued
