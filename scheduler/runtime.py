"""APScheduler wiring: one job drives the whole engine, whatever the number of blocs, and the outbox
sender delivers what it queues, continuously, beside it.

There is no scheduler job per reminder or per unit: reminder slots live in the database, and a
single interval job asks it for what is due (an indexed query), so start-up is instant and memory
flat at national scale. A restart rebuilds nothing in memory: the next pass reads the same rows.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.engine import ReminderEngine
from scheduler.sender import OutboxSender

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 5.0


class SchedulerRuntime:
    def __init__(self, engine: ReminderEngine, interval_seconds: float = DEFAULT_INTERVAL_SECONDS) -> None:
        self.engine = engine
        self.interval = interval_seconds
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self.sender = OutboxSender(engine.core)
        self._lock = asyncio.Lock()

    async def _pass(self) -> None:
        if self._lock.locked():
            return  # the previous pass is still delivering; the next one picks up the rest
        async with self._lock:
            try:
                await self.engine.tick(drain=False)
                self.sender.wake()
            except Exception:
                log.exception("scheduler pass failed; the next pass retries")

    async def start(self) -> None:
        await self.sender.start()
        self.scheduler.add_job(
            self._pass, IntervalTrigger(seconds=self.interval), id="khoibot-engine", max_instances=2,
            coalesce=True, misfire_grace_time=None, next_run_time=datetime.now(UTC),
        )
        self.scheduler.start()
        log.info("scheduler started: one pass every %.0f s", self.interval)

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        async with self._lock:  # let a pass in progress finish its transaction
            pass
        await self.sender.stop()
        try:
            self.engine.leave()
        except Exception:  # the database is gone: the heartbeat simply runs out
            log.warning("could not record this process's stop; the others notice within a minute")
