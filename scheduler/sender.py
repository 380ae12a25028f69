"""The outbox sender: a loop that keeps sending what the outbox holds, as fast as the platforms allow.

The scheduler's pass fires reminders into the outbox; this loop sends them, independently of the
pass, so a long wave never delays the next firing. It claims a chat's next message before sending it
(bot.services.delivery.outbox.claim: a lease in the database), keeps up to ``CONCURRENT`` messages
waiting in the platform's flood limiter so the limiter always has the next one ready, and sleeps when
nothing is due until woken (a pass queued messages) or a second has passed (retries coming due).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.core import Core
from bot.services.delivery import outbox

log = logging.getLogger(__name__)

CONCURRENT = 64  # messages handed to the platforms at once: more than the flood limiter lets out per second
IDLE_POLL = 1.0


class OutboxSender:
    def __init__(self, core: Core, concurrent: int = CONCURRENT) -> None:
        self.core = core
        self.concurrent = concurrent
        self.report = outbox.DrainReport()  # totals since start (benchmarks read them)
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()  # nothing due, nothing being sent
        self._task: asyncio.Task[None] | None = None
        self._inflight: set[asyncio.Task[bool]] = set()
        self._stopping = False

    def wake(self) -> None:
        """New messages are queued: look now rather than at the next poll."""
        self._idle.clear()
        self._wake.set()

    async def idle(self) -> None:
        """Returns once nothing is due and nothing is being sent (tests, benchmarks, a graceful stop)."""
        self.wake()
        await self._idle.wait()

    async def start(self) -> None:
        if self.core.db.is_sqlite:
            # One process owns an SQLite database: the claims left in it are from a process that died.
            with self.core.db.session() as s:
                released = outbox.release_claims(s, self.core.now())
            if released:
                log.warning("%s messages were being sent when the bot stopped; sending them again", released)
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name="outbox-sender")

    async def stop(self) -> None:
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        # Messages already handed to a platform finish; their claims are recorded or run out.
        if self._inflight:
            await asyncio.wait(self._inflight, timeout=5)

    async def _run(self) -> None:
        while not self._stopping:
            try:
                claimed = self._claim()
            except Exception:
                log.exception("claiming outbox messages failed; trying again shortly")
                claimed = 0
            if claimed < 0:  # every slot is taken: wait for a send to finish
                await asyncio.wait(self._inflight, return_when=asyncio.FIRST_COMPLETED)
            elif claimed == 0:  # nothing due: until woken, or the next retry may be due
                if not self._inflight:
                    self._idle.set()
                self._wake.clear()
                # asyncio.timeout, not wait_for: on 3.11 wait_for may swallow the cancel that stops us.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(IDLE_POLL):
                        await self._wake.wait()
            else:
                self._idle.clear()
                await asyncio.sleep(0)  # let the sends start before claiming more

    def _claim(self) -> int:
        free = self.concurrent - len(self._inflight)
        if free <= 0:
            return -1  # busy, not idle
        with self.core.db.session() as s:
            rows = outbox.claim(s, self.core.now(), platforms=self.core.messengers, limit=free)
        for row in rows:
            task = asyncio.create_task(outbox.deliver(self.core, row, self.report))
            self._inflight.add(task)
            task.add_done_callback(self._done)
        return len(rows)

    def _done(self, task: asyncio.Task[bool]) -> None:
        self._inflight.discard(task)
        self._wake.set()  # the chat's next message may be due now
        if not task.cancelled() and task.exception() is not None:
            log.error("an outbox send failed unexpectedly", exc_info=task.exception())
