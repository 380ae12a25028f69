"""Update processing that is concurrent across chats and ordered within a chat.

One process serves thousands of blocs, so updates must not wait for each other's network calls;
but within one chat, ``/setup`` must finish before the ``/unit_add`` typed after it.

A chat's updates wait for their turn *before* taking one of the process's concurrency slots. In
python-telegram-bot's order (its slot first, then our chat lock) a group with hundreds of commands
queued (a conference morning, a flood of refusals) held every slot while it waited at Telegram's 20
messages a minute for that group, and every other chat of the country waited behind it. So the
library's own limit is set out of reach and the real one (``max_concurrent_updates``) is taken here,
after the chat's lock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

UNBOUNDED = 1_000_000  # the library's slot count: waiting updates are cheap tasks, not slots


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(UNBOUNDED)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._slots:
                await coroutine
            return
        key = chat.id
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:  # the chat's turn first, holding no slot while it waits
                async with self._slots:
                    await coroutine
        finally:
            # Drop idle locks so memory does not grow with every chat ever seen.
            self._users[key] -= 1
            if self._users[key] == 0:
                del self._users[key]
                del self._locks[key]

    def queued(self, chat_id: int) -> int:
        """Updates of this chat waiting behind the one being handled (a flood in a group)."""
        return max(0, self._users.get(chat_id, 0) - 1)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
