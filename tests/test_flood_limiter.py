"""The Telegram flood limiter on virtual time: smooth under 30/s with no burst, replies first, groups
apart, a 429 retried after a pause."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter

from adapters.telegram.limiter import FloodLimiter


class VirtualTime:
    """A clock that jumps to the next sleeper's wake-up once every task is waiting: no real waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = 0
        self._driver: asyncio.Task[None] | None = None

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._seq += 1
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), self._seq, future))
        if self._driver is None or self._driver.done():
            self._driver = asyncio.ensure_future(self._drive())
        await future

    async def _drive(self) -> None:
        while self._sleepers:
            for _ in range(20):  # let every runnable task reach its next wait
                await asyncio.sleep(0)
            wake, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake)
            if not future.done():
                future.set_result(None)


def limiter(vt: VirtualTime) -> FloodLimiter:
    return FloodLimiter(clock=vt.clock, sleep=vt.sleep)


async def _send(lim: FloodLimiter, vt: VirtualTime, log: list[tuple[str, float]], chat: str, bulk: bool,
                method: str = "sendMessage") -> None:
    async def call() -> dict[str, Any]:
        log.append((chat, vt.now))
        return {}

    await lim.process_request(call, (), {}, method, {"chat_id": chat}, {"bulk": True} if bulk else None)


def _max_in_window(times: list[float], window: float) -> int:
    return max(sum(1 for u in times if t <= u < t + window) for t in times)


async def test_a_wave_is_smooth_and_stays_under_the_ceiling() -> None:
    vt = VirtualTime()
    lim, log = limiter(vt), []
    await asyncio.gather(*(_send(lim, vt, log, str(1000 + i), True) for i in range(300)))
    times = sorted(t for _, t in log)
    assert len(times) == 300
    assert _max_in_window(times, 1.0) <= 29  # never a burst: Telegram's 30 cannot be reached
    rate = (len(times) - 1) / (times[-1] - times[0])
    assert 0.95 * 30 <= rate <= 30
    await lim.shutdown()


async def test_a_reply_goes_ahead_of_the_reminder_wave() -> None:
    vt = VirtualTime()
    lim, log = limiter(vt), []
    wave = [asyncio.ensure_future(_send(lim, vt, log, str(1000 + i), True)) for i in range(200)]
    while len(log) < 20:  # noqa: ASYNC110 - virtual time moves only while this test yields
        await asyncio.sleep(0)
    asked = vt.now
    await _send(lim, vt, log, "42", False)
    answered = next(t for chat, t in log if chat == "42")
    assert answered - asked <= 2 / 29.5  # one slot, not the 180 reminders still queued
    await asyncio.gather(*wave)
    await lim.shutdown()


async def test_a_busy_group_waits_alone() -> None:
    vt = VirtualTime()
    lim, log = limiter(vt), []
    group = [asyncio.ensure_future(_send(lim, vt, log, "-100123", False)) for _ in range(10)]
    while not log:  # noqa: ASYNC110 - virtual time moves only while this test yields
        await asyncio.sleep(0)
    assert lim.backlog("-100123") > 20  # ten messages at 3.1 s each
    start = vt.now
    await _send(lim, vt, log, "555", False)  # a private chat is not held up by the group
    assert vt.now - start < 0.1
    await asyncio.gather(*group)
    in_group = [t for chat, t in log if chat == "-100123"]
    assert all(b - a >= 3.1 - 1e-9 for a, b in itertools.pairwise(in_group))
    assert lim.backlog("555") == 0.0
    await lim.shutdown()


async def test_reading_and_polling_are_not_limited() -> None:
    vt = VirtualTime()
    lim, log = limiter(vt), []
    await asyncio.gather(*(_send(lim, vt, log, "-100123", False, method="getChatMember") for _ in range(50)))
    assert {t for _, t in log} == {0.0}
    await lim.shutdown()


async def test_a_429_pauses_everything_then_retries() -> None:
    vt = VirtualTime()
    lim = limiter(vt)
    calls: list[float] = []

    async def flaky() -> dict[str, Any]:
        calls.append(vt.now)
        if len(calls) == 1:
            raise RetryAfter(timedelta(seconds=5))
        return {"ok": True}

    result = await lim.process_request(flaky, (), {}, "sendMessage", {"chat_id": "7"}, None)
    assert result == {"ok": True} and lim.refusals == 1
    assert calls[1] - calls[0] >= 5.0
    await lim.shutdown()


async def test_three_processes_sharing_the_bot_together_stay_under_its_limits() -> None:
    """Each of three processes keeps to a third: merged, their sends stay under 30/s and 20/min a group."""
    vt = VirtualTime()
    limiters = [limiter(vt) for _ in range(3)]
    for lim in limiters:
        lim.share(3)
    log: list[tuple[str, float]] = []
    sends = [_send(lim, vt, log, str(1000 + i), True) for lim in limiters for i in range(90)]
    sends += [_send(lim, vt, log, "-100777", False) for lim in limiters for _ in range(8)]
    await asyncio.gather(*sends)
    times = sorted(t for _, t in log)
    assert len(times) == 3 * 98
    assert _max_in_window(times, 1.0) <= 29
    group = sorted(t for chat, t in log if chat == "-100777")
    assert _max_in_window(group, 60.0) <= 20
    # Alone again (the others stopped): the full limits come back.
    limiters[0].share(1)
    assert limiters[0].window_cap == 29 and abs(limiters[0].group_gap - 3.1) < 1e-9
    for lim in limiters:
        await lim.shutdown()
