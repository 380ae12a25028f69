"""Telegram's flood limits, kept without ever being hit: smooth, prioritised, per group.

Telegram allows a bot about 30 messages a second overall and 20 a minute in one group, and answers
429 (with ``retry_after``) beyond. python-telegram-bot's ``AIORateLimiter`` lets a burst of 30 through
and then runs at exactly 30/s, so a strict server refuses some and every refusal pauses all sending.
This limiter instead:

- spaces message-sending requests evenly just under the ceiling (29.5/s), with a hard cap of 29 in
  any one-second window, so jitter on the way to Telegram cannot make a 30th-and-a-bit arrive;
- spaces the messages of one group 3.1 s apart (under 20 a minute), each group in its own queue, so
  a busy group waits alone and never holds up other chats;
- serves interactive messages (a reply to what someone just typed) before bulk ones (reminders and
  notices from the outbox, live-post edits): a reply waits at most one slot, ~35 ms, whatever the
  size of the reminder wave;
- if Telegram still answers 429, pauses everything for ``retry_after`` and tries again (3 times).

Only requests that put a message in a chat count; reading (getChatMember, getFile), answering a
button (answerCallbackQuery) and polling are not limited.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

SENDING = frozenset({
    "sendMessage", "sendDocument", "sendPhoto", "sendMediaGroup", "sendVideo", "sendAudio", "sendVoice",
    "sendAnimation", "sendSticker", "sendLocation", "sendContact", "sendPoll", "copyMessage", "forwardMessage",
    "editMessageText", "editMessageReplyMarkup", "editMessageCaption", "editMessageMedia",
})
INTERACTIVE, BULK = 0, 1
CATCH_UP = 1  # slots a late grant loop may make up (bursts arrive bunched: refusals)

Callback = Callable[..., Coroutine[Any, Any, Any]]


@dataclass
class _Group:
    next_at: float = 0.0  # when the next message to this group may go
    waiting: int = 0


@dataclass(order=True)
class _Ticket:
    priority: int
    seq: int
    future: asyncio.Future[None] = field(compare=False)


class FloodLimiter(BaseRateLimiter[dict[str, Any]]):
    """See the module. ``rate_limit_args`` may be ``{"bulk": True}`` (outbox, live posts)."""

    def __init__(self, per_second: float = 29.5, window_cap: int = 29, group_gap: float = 3.1,
                 max_retries: int = 3, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.interval = 1.0 / per_second
        self.window_cap = window_cap
        self.group_gap = group_gap
        self._base = (per_second, window_cap, group_gap)
        self.max_retries = max_retries
        self.clock = clock
        self.sleep = sleep  # injected with the clock, so tests run on virtual time
        self._groups: dict[str, _Group] = {}
        self._granted: deque[float] = deque(maxlen=window_cap)
        self._ideal = 0.0  # the ideal time of the next grant (catches up after a late wake, capped)
        self._heap: list[_Ticket] = []
        self._seq = itertools.count()
        self._pump: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._resume = 0.0  # after a 429: nothing is granted before this
        self.refusals = 0  # 429s seen (a benchmark reads it; it should stay 0)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        if self._pump is not None:
            self._pump.cancel()
            self._pump = None

    def share(self, processes: int) -> None:
        """Keeps to 1/``processes`` of the bot's limits: that many processes send for it (see
        bot.services.delivery.peers). Three processes: 9 msg/s each, and one message to a group every
        10 s from each, so together they stay under 30 a second and 20 a minute per group."""
        n = max(1, processes)
        per_second, window_cap, group_gap = self._base
        self.interval = n / per_second
        self.window_cap = max(1, window_cap // n)
        # Each process may put at most 1/n of a group's per-minute allowance into any minute.
        per_minute = int(60 // group_gap)
        self.group_gap = group_gap if n == 1 else max(group_gap * n, 60.0 / max(1, per_minute // n) + 0.05)
        self._granted = deque(self._granted, maxlen=self.window_cap)

    # --- what the adapter asks -------------------------------------------------------------------
    def backlog(self, chat_id: str) -> float:
        """Seconds a new message to ``chat_id`` would wait for its group's turn (0 for a private chat)."""
        group = self._groups.get(str(chat_id))
        return max(0.0, group.next_at - self.clock()) if group is not None else 0.0

    async def process_request(self, callback: Callback, args: Any, kwargs: dict[str, Any], endpoint: str,
                              data: dict[str, Any], rate_limit_args: dict[str, Any] | None) -> Any:
        if endpoint not in SENDING or data.get("chat_id") is None:
            return await callback(*args, **kwargs)
        priority = BULK if (rate_limit_args or {}).get("bulk") else INTERACTIVE
        chat = str(data["chat_id"])
        for attempt in range(self.max_retries + 1):
            await self._turn(chat, priority)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                self.refusals += 1
                if attempt == self.max_retries:
                    raise
                pause = exc._retry_after.total_seconds() + 0.1
                log.warning("Telegram flood limit hit; pausing every send for %.1f s", pause)
                self._resume = max(self._resume, self.clock() + pause)
        raise AssertionError("unreachable")

    # --- inside ---------------------------------------------------------------------------------
    async def _turn(self, chat: str, priority: int) -> None:
        """Waits for the chat's group slot (groups only: negative ids), then for a global slot."""
        if chat.startswith("-"):
            group = self._groups.setdefault(chat, _Group())
            now = self.clock()
            slot = max(now, group.next_at)
            group.next_at = slot + self.group_gap
            group.waiting += 1
            try:
                if slot > now:
                    await self.sleep(slot - now)
            finally:
                group.waiting -= 1
                if group.waiting == 0 and group.next_at <= self.clock():
                    del self._groups[chat]  # idle groups are forgotten: memory stays flat
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._heap, _Ticket(priority, next(self._seq), future))
        self._wake.set()
        if self._pump is None or self._pump.done():
            self._pump = asyncio.create_task(self._grant_loop(), name="telegram-flood-limiter")
        await future

    def _next_grant(self, now: float) -> float:
        # A late wake-up (the event loop was busy) may catch up a few slots; the one-second cap below
        # still keeps any second under the ceiling.
        at = max(self._ideal, self._resume, now - CATCH_UP * self.interval)
        if len(self._granted) == self.window_cap:
            at = max(at, self._granted[0] + 1.0)
        return at

    async def _grant_loop(self) -> None:
        while True:
            while not self._heap:
                self._wake.clear()
                await self._wake.wait()
            now = self.clock()
            at = self._next_grant(now)
            if at > now:
                await self.sleep(at - now)
                continue  # the most urgent request waiting then goes first
            ticket = heapq.heappop(self._heap)
            if ticket.future.done():  # its sender gave up (cancelled)
                continue
            granted = self.clock()
            self._granted.append(granted)
            self._ideal = max(self._ideal, granted - CATCH_UP * self.interval) + self.interval
            ticket.future.set_result(None)


class SendGate:
    """The last check, just before a message-sending request goes on the wire: at most ``cap`` in any
    one second and never two closer than ``gap``. Grants can bunch when the event loop is busy (a granted
    request waits for the loop like everything else); spaced again here, where requests actually leave,
    they cannot arrive bunched enough to push a second over Telegram's 30."""

    def __init__(self, cap: int = 29, gap: float = 0.020, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.cap = cap
        self.gap = gap  # never two sends closer than this: a burst arrives bunched by the way there
        self._base = (cap, gap)
        self.clock = clock
        self.sleep = sleep
        self._sent: deque[float] = deque(maxlen=cap)
        self._lock = asyncio.Lock()

    def share(self, processes: int) -> None:
        """1/``processes`` of the per-second cap (see FloodLimiter.share)."""
        n = max(1, processes)
        cap, gap = self._base
        self.cap, self.gap = max(1, cap // n), gap * n
        self._sent = deque(self._sent, maxlen=self.cap)

    async def wait(self, method: str) -> None:
        if method not in SENDING:
            return
        async with self._lock:
            now = self.clock()
            wait = (self._sent[-1] + self.gap - now) if self._sent else 0.0
            if len(self._sent) == self.cap:
                wait = max(wait, self._sent[0] + 1.0 - now)
            if wait > 0:
                await self.sleep(wait)
            self._sent.append(self.clock())
