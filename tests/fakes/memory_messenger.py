"""An in-memory Messenger for service and engine tests: records what is sent, fails on demand."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.ports import Attachment, OutMessage, RecipientUnavailable, SendError, SentRef


@dataclass
class Sent:
    chat_id: str
    message: OutMessage
    message_id: str


@dataclass
class MemoryMessenger:
    platform: str = "telegram"
    supports_buttons: bool = True
    supports_edits: bool = True
    supports_groups: bool = True
    sent: list[Sent] = field(default_factory=list)
    edits: list[tuple[SentRef, OutMessage]] = field(default_factory=list)
    deleted: list[SentRef] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)
    # chat ids whose next N sends fail with a retryable error
    flaky: dict[str, int] = field(default_factory=dict)
    failing_edits: int = 0
    admins: set[tuple[str, str]] = field(default_factory=set)
    files: dict[str, bytes] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _event: asyncio.Event | None = None

    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        if chat_id in self.blocked:
            raise RecipientUnavailable("Forbidden: bot was blocked by the user")
        if self.flaky.get(chat_id, 0) > 0:
            self.flaky[chat_id] -= 1
            raise SendError("Too Many Requests: retry after 3")
        message_id = str(next(self._ids))
        self.sent.append(Sent(chat_id, message, message_id))
        self._changed().set()
        return SentRef(self.platform, chat_id, message_id)

    def _changed(self) -> asyncio.Event:
        if self._event is None:
            self._event = asyncio.Event()
        return self._event

    async def wait_for(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        """Waits until ``predicate()`` holds, re-checking after each send (no polling)."""
        async with asyncio.timeout(within):
            while not predicate():
                event = self._changed()
                event.clear()
                await event.wait()

    async def edit(self, ref: SentRef, message: OutMessage) -> None:
        if self.failing_edits > 0:
            self.failing_edits -= 1
            raise SendError("Too Many Requests: retry after 3")
        self.edits.append((ref, message))

    def backlog(self, chat_id: str) -> float:
        return 0.0

    async def delete(self, ref: SentRef) -> bool:
        self.deleted.append(ref)
        return True

    async def is_group_admin(self, chat_id: str, user_id: str) -> bool:
        return (chat_id, user_id) in self.admins

    def deep_link(self, payload: str) -> str | None:
        return f"https://t.me/KhoiTestBot?start={payload}"

    async def download(self, attachment: Attachment) -> bytes:
        return self.files.get(attachment.file_ref or "", b"")

    def texts_to(self, chat_id: str) -> list[str]:
        return [s.message.text for s in self.sent if s.chat_id == chat_id]
