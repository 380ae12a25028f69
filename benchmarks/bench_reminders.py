"""Reminder planning and firing at national scale: 5,000 blocs, 10 items each, one job in APScheduler."""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlmodel import Session, func, select

from app.wiring import build_core
from benchmarks.bench_foundation import NullMessenger
from benchmarks.seed import NOW, seed
from bot.clock import ManualClock
from bot.services.reminders.planner import DEADLINE_DEFAULTS, plan
from bot.services.reminders.slots import due_slots
from bot.services.reminders.sources import Reminder
from scheduler.engine import ReminderEngine
from storage.db import Database
from storage.models import OutboxMessage, ReminderSlot
from storage.queries.blocs import member_units
from tests.harness import make_settings

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BLOCS = 5000
ITEMS_PER_BLOC = 10


class EveryoneSource:
    kind = "bench"

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | None:
        units = member_units(s, slot.bloc_id, 2026)
        return Reminder(units=units, group_text="Nhắc: " + ", ".join(u.code for u in units),
                        private_text=lambda u: f"{u.code} chưa nộp")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(Path(tmp))
        db = Database(settings.database_url)
        db.create_all()
        seed(db, BLOCS)

        # Planning: pure function, per item.
        first_due = datetime(2026, 12, 10, 17, 0, tzinfo=VN)
        started = time.perf_counter()
        rows = []
        for b in range(1, BLOCS + 1):
            for i in range(ITEMS_PER_BLOC):
                anchor = first_due + timedelta(days=7 * i)
                for p in plan(anchor, DEADLINE_DEFAULTS, "Asia/Ho_Chi_Minh"):
                    rows.append({"bloc_id": b, "kind": "bench", "item_id": b * 100 + i, "slot": p.key,
                                 "due_at": p.due_at, "state": "pending"})
        planned = time.perf_counter() - started
        print(f"planned {BLOCS * ITEMS_PER_BLOC} items -> {len(rows)} slots in {planned * 1000:.0f} ms "
              f"({planned / (BLOCS * ITEMS_PER_BLOC) * 1e6:.0f} µs per item)")
        with db.engine.begin() as conn:
            for start in range(0, len(rows), 10000):
                conn.execute(insert(ReminderSlot), rows[start:start + 10000])
        db.dispose()

        clock = ManualClock(NOW)
        core = build_core(settings, clock)
        messenger = NullMessenger()
        core.add_messenger(messenger)
        engine = ReminderEngine(core, {"bench": EveryoneSource()}, {})

        # An idle pass (nothing due) is what the single job does every few seconds.
        started = time.perf_counter()
        for _ in range(100):
            asyncio.run(engine.tick())
        print(f"idle pass over {len(rows)} planned slots: {(time.perf_counter() - started) * 10:.2f} ms")

        # 08:00 on a busy day: the first reminder of every bloc's first item falls due together.
        clock.set(datetime(2026, 12, 3, 17, 0, tzinfo=VN))
        with core.db.session() as s:
            due = len(due_slots(s, clock.now(), limit=100000))
        started = time.perf_counter()
        total_fired = 0
        while True:  # each pass fires at most 1,000 slots, so a pass stays short
            report = engine.fire_due(clock.now())
            total_fired += report.fired
            if not report.fired:
                break
        fired = time.perf_counter() - started
        with core.db.session() as s:
            queued = s.exec(select(func.count()).select_from(OutboxMessage)).one()
        print(f"fired {total_fired} of {due} due slots in {fired:.1f} s -> {queued} outbox messages "
              f"({fired / max(total_fired, 1) * 1000:.1f} ms per bloc)")
        started = time.perf_counter()
        total = 0
        while True:
            drained = asyncio.run(engine.tick()).outbox.sent
            total += drained
            if not drained:
                break
        print(f"drained {total} messages through a no-op messenger in {time.perf_counter() - started:.1f} s "
              f"(Telegram's own limit, ~30/s, is the real bound)")
        core.db.dispose()
