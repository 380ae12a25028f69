"""Renders core replies on Zalo: plain text of at most 2,000 characters per message, buttons as
numbered choices, documents as a download link (or a description when no link can be served).

Zalo cannot edit a message, so an edit arrives as a new message; it has no deep links, so
``deep_link`` is None, and a deep-link button built for another platform (a Telegram
``t.me/<bot>?start=<payload>`` link in a bloc notice) becomes a choice that types ``/start <payload>``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from adapters.text_split import split_text
from adapters.zalo.client import ZaloApiError, ZaloClient, ZaloNetworkError
from bot.core import Core
from bot.i18n import t
from bot.ports import Attachment, Document, OutMessage, RecipientUnavailable, SendError, SentRef
from bot.services.blocs.standing import bloc_of_private_chat
from bot.services.delivery import menus, shared_files
from bot.timefmt import fmt_date

log = logging.getLogger(__name__)

PLATFORM = "zalo"
MAX_TEXT = 2000
SEND_ATTEMPTS = 3
# Errors after which the person cannot be reached (blocked the bot, unknown chat).
_GONE_CODES = {403, 404}
_DEEP_LINKS = (
    re.compile(r"^https://t\.me/[A-Za-z0-9_]{3,64}\?start=([A-Za-z0-9_-]{1,64})$"),  # Telegram
    re.compile(r"^console-start:([A-Za-z0-9_-]{1,64})$"),  # the console chat
)


def start_payload(url: str) -> str | None:
    """The ``/start`` payload of a deep link of any platform the bot runs on; None for a plain URL."""
    for pattern in _DEEP_LINKS:
        match = pattern.match(url)
        if match:
            return match.group(1)
    return None


def human_size(n: int) -> str:
    return f"{max(1, round(n / 1024))} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


class ZaloMessenger:
    platform = PLATFORM
    supports_buttons = False
    supports_edits = False
    supports_groups = False

    def __init__(self, core: Core, client: ZaloClient, *, file_links: bool = False,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.core = core
        self.client = client
        # True when this process serves /files/ at KHOIBOT_PUBLIC_URL (see handlers.zalo.web).
        self.file_links = file_links and core.settings.khoibot_public_url is not None
        self._sleep = sleep

    # --- language of a chat --------------------------------------------------------------------------
    def language_of(self, chat_id: str) -> str:
        """The language of the bloc this private chat works for (the bot's default otherwise)."""
        with self.core.db.session() as s:
            # A Zalo private chat's id is the person's id (an indexed lookup).
            bloc = bloc_of_private_chat(s, PLATFORM, chat_id)
            return bloc.language if bloc is not None else self.core.default_language

    # --- sending -------------------------------------------------------------------------------------
    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        lang = self.language_of(chat_id)
        choices, links = menus.layout(message.buttons, start_payload)
        text = menus.render(message.text, choices, links, message.numbered_reply, lang)
        photo: str | None = None
        if message.document is not None:
            line, photo = await self._document(message.document, lang)
            text = f"{text}\n\n{line}"
        last: dict[str, Any] = {}
        for chunk in split_text(text, MAX_TEXT):
            last = await self._call(self.client.send_message, chat_id, chunk)
        if photo is not None:
            await self._call(self.client.send_photo, chat_id, photo)
        message_id = str((last or {}).get("message_id", ""))
        if choices or message.numbered_reply:
            # Remember the choices so that "2" means this menu's second choice, even after a restart.
            with self.core.db.session() as s:
                menus.save(s, platform=PLATFORM, chat_id=chat_id, message_id=message_id, choices=choices,
                           numbered_reply=message.numbered_reply, now=self.core.now())
        return SentRef(PLATFORM, chat_id, message_id)

    async def _call(self, method: Callable[..., Awaitable[dict[str, Any]]], *args: str) -> dict[str, Any]:
        """One API call, retried a little on flood control and network trouble; the outbox retries
        longer. Errors become the core's SendError / RecipientUnavailable."""
        for attempt in range(1, SEND_ATTEMPTS + 1):
            try:
                return await method(*args) or {}
            except ZaloApiError as exc:
                if exc.code in _GONE_CODES:
                    raise RecipientUnavailable(exc.description) from None
                if not exc.retryable or attempt == SEND_ATTEMPTS:
                    raise SendError(str(exc)) from None
            except ZaloNetworkError as exc:
                if attempt == SEND_ATTEMPTS:
                    raise SendError(str(exc)) from None
            await self._sleep(float(2 ** attempt))
        raise AssertionError("unreachable")

    async def _document(self, doc: Document, lang: str) -> tuple[str, str | None]:
        """The line that stands for an attached document, and a photo URL for an image."""
        size = human_size(len(doc.content))
        base = self.core.settings.khoibot_public_url
        if not self.file_links or base is None:
            return t(lang, "zalo.document", name=doc.filename, size=size), None
        saved = await asyncio.to_thread(self.core.files.write, doc.content)  # on disk before the row
        with self.core.db.session() as s:
            shared = shared_files.share(s, saved, file_name=doc.filename, mime=doc.mime, now=self.core.now())
        url = f"{base}/files/{shared.token}/{quote(shared.file_name)}"
        line = t(lang, "zalo.document_link", name=doc.filename, size=size, url=url,
                 expires=fmt_date(shared.expires_at, self.core.default_timezone))
        return line, url if doc.mime.startswith("image/") else None

    async def edit(self, ref: SentRef, message: OutMessage) -> None:
        # Zalo cannot edit: the new state arrives as a new message. An answered menu (its new
        # state has no choices) stops taking numbers.
        await self.send(ref.chat_id, message)
        if not menus.layout(message.buttons, start_payload)[0] and not message.numbered_reply:
            with self.core.db.session() as s:
                menus.forget(s, platform=PLATFORM, chat_id=ref.chat_id, message_id=ref.message_id)

    def backlog(self, chat_id: str) -> float:
        return 0.0

    def share_limits(self, processes: int) -> None:
        return None  # Zalo publishes no flood limit for bots; its 429s are retried with back-off

    async def delete(self, ref: SentRef) -> bool:
        return False  # the Bot API has no way to delete a message (and there are no groups to clean up)

    async def is_group_admin(self, chat_id: str, user_id: str) -> bool:
        return False  # no group chats

    def deep_link(self, payload: str) -> str | None:
        return None  # no deep links: a person types the command instead

    async def download(self, attachment: Attachment) -> bytes:
        # Only what Zalo itself serves (a photo); a link a person sent is never fetched: it may point
        # anywhere, the office's own network included (the calendar keeps the link instead).
        if attachment.kind == "link" or not attachment.url:
            raise SendError("nothing to download")
        try:
            return await self.client.download(attachment.url)
        except ZaloNetworkError as exc:
            raise SendError(str(exc)) from None
