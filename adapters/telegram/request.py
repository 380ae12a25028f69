"""The HTTP client of the Bot API calls: a small connection pool, and never more requests in flight than
it holds.

httpcore's pool re-examines every connection for every request it queues or finishes, and its clean-up
is quadratic in the number of idle connections (encode/httpcore#1035): with python-telegram-bot's 256
connections, a burst of replies spent more CPU in the pool than in the bot. Telegram accepts about 30
messages a second, so 8 connections carry everything (30 a second at 250 ms each); requests beyond that wait here, in a semaphore
with no time limit, rather than in httpcore's queue, where they would fail after the pool timeout.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.request import HTTPXRequest

from adapters.telegram.limiter import SendGate

POOL = 8


class BoundedRequest(HTTPXRequest):
    def __init__(self, pool: int = POOL, send_gate: SendGate | None = None, **kwargs: Any) -> None:
        super().__init__(connection_pool_size=pool, **kwargs)
        self._gate = asyncio.Semaphore(pool)
        self._send_gate = send_gate  # with the flood limiter: the per-second cap where requests leave

    async def do_request(self, url: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        async with self._gate:
            if self._send_gate is not None:
                await self._send_gate.wait(url.rsplit("/", 1)[-1])
            return await super().do_request(url, *args, **kwargs)
