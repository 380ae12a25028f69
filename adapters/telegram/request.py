"""The HTTP client of the Bot API calls: a small connection pool, and never more requests in flight than
it holds.

httpcore's pool re-examines every connection for every request it queues or finishes, and its clean-up
is quadratic in the number of idle connections (encode/httpcore#1035): with python-telegram-bot's 256
connections, a burst of replies spent more CPU in the pool than in the bot. Telegram accepts about 30
messages a second, so 16 connections carry everything; requests beyond that wait here, in a semaphore
with no time limit, rather than in httpcore's queue, where they would fail after the pool timeout.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.request import HTTPXRequest

POOL = 16


class BoundedRequest(HTTPXRequest):
    def __init__(self, pool: int = POOL, **kwargs: Any) -> None:
        super().__init__(connection_pool_size=pool, **kwargs)
        self._gate = asyncio.Semaphore(pool)

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        async with self._gate:
            return await super().do_request(*args, **kwargs)
