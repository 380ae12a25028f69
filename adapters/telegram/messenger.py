"""Renders core replies on Telegram: text, inline buttons, documents, edits."""

from __future__ import annotations

import io
import logging
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ChatMemberStatus, MessageLimit
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from adapters.telegram.limiter import FloodLimiter, SendGate
from adapters.telegram.processor import PerChatUpdateProcessor
from adapters.text_split import split_text
from bot.ports import Attachment, OutMessage, RecipientUnavailable, SendError, SentRef

log = logging.getLogger(__name__)

_GONE = ("chat not found", "user is deactivated", "bot was blocked", "bot was kicked", "not enough rights")


def _markup(message: OutMessage) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data, url=b.url) for b in row] for row in message.buttons]
    )




class TelegramMessenger:
    platform = "telegram"
    supports_buttons = True
    supports_edits = True
    supports_groups = True

    def __init__(self, bot: ExtBot[Any], limiter: FloodLimiter | None = None,
                 processor: PerChatUpdateProcessor | None = None, gate: SendGate | None = None) -> None:
        self.bot = bot
        self.limiter = limiter
        self.processor = processor
        self.gate = gate

    def share_limits(self, processes: int) -> None:
        if self.limiter is not None:
            self.limiter.share(processes)
        if self.gate is not None:
            self.gate.share(processes)

    def backlog(self, chat_id: str) -> float:
        """How late a message to this group would be: its queue at the flood limit, plus one group slot
        for each update of the group still waiting to be answered (each answer will queue there too)."""
        if self.limiter is None:
            return 0.0
        waiting = self.processor.queued(int(chat_id)) if self.processor is not None and chat_id.lstrip("-").isdigit() else 0
        return self.limiter.backlog(chat_id) + (waiting * self.limiter.group_gap if chat_id.startswith("-") else 0.0)

    def _limit(self, message: OutMessage) -> Any:
        """What the flood limiter reads (adapters.telegram.limiter): bulk messages wait behind replies.
        python-telegram-bot refuses these arguments when no limiter is set (TELEGRAM_RATE_LIMIT=false)."""
        return {"bulk": True} if message.bulk and self.limiter is not None else None

    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        try:
            sent = await self._send(int(chat_id), message)
        except Forbidden as exc:
            raise RecipientUnavailable(str(exc)) from exc
        except ChatMigrated as exc:
            raise SendError(f"chat migrated to {exc.new_chat_id}") from exc
        except BadRequest as exc:
            if any(word in str(exc).lower() for word in _GONE):
                raise RecipientUnavailable(str(exc)) from exc
            raise SendError(str(exc)) from exc
        except RetryAfter as exc:  # the rate limiter already retried; let the caller retry later
            raise SendError(f"flood control: {exc}") from exc
        except TelegramError as exc:
            raise SendError(str(exc)) from exc
        return SentRef(self.platform, chat_id, str(sent.message_id))

    async def _send(self, chat_id: int, message: OutMessage) -> Message:
        markup = _markup(message)
        limit = self._limit(message)
        if message.document is not None:
            caption = message.text
            if len(caption) > MessageLimit.CAPTION_LENGTH:
                for chunk in split_text(caption, MessageLimit.MAX_TEXT_LENGTH):
                    await self.bot.send_message(chat_id, chunk, rate_limit_args=limit)
                caption = ""
            doc = InputFile(io.BytesIO(message.document.content), filename=message.document.filename)
            if message.document.mime.startswith("image/"):  # a chart: shown in the chat, not as a file
                return await self.bot.send_photo(chat_id, photo=doc, caption=caption or None, reply_markup=markup,
                                                 rate_limit_args=limit)
            return await self.bot.send_document(chat_id, document=doc, caption=caption or None, reply_markup=markup,
                                                rate_limit_args=limit)
        chunks = split_text(message.text, MessageLimit.MAX_TEXT_LENGTH)
        for chunk in chunks[:-1]:
            await self.bot.send_message(chat_id, chunk, rate_limit_args=limit)
        # Buttons go under the last part, next to the text they answer.
        return await self.bot.send_message(chat_id, chunks[-1], reply_markup=markup, rate_limit_args=limit)

    async def edit(self, ref: SentRef, message: OutMessage) -> None:
        try:
            await self.bot.edit_message_text(
                text=message.text[: MessageLimit.MAX_TEXT_LENGTH], chat_id=int(ref.chat_id),
                message_id=int(ref.message_id), reply_markup=_markup(message),
                rate_limit_args=self._limit(message),
            )
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return  # same text and buttons: nothing to do
            raise SendError(str(exc)) from exc
        except TelegramError as exc:
            raise SendError(str(exc)) from exc

    async def delete(self, ref: SentRef) -> bool:
        # A member's message in a group can be deleted only by an admin bot with that right; the
        # caller then says so instead.
        try:
            return bool(await self.bot.delete_message(chat_id=int(ref.chat_id), message_id=int(ref.message_id)))
        except TelegramError as exc:
            log.info("could not delete message %s in %s: %s", ref.message_id, ref.chat_id, exc)
            return False

    async def is_group_admin(self, chat_id: str, user_id: str) -> bool:
        try:
            member = await self.bot.get_chat_member(int(chat_id), int(user_id))
        except TelegramError:
            log.warning("could not read chat member %s in %s", user_id, chat_id, exc_info=True)
            return False
        return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)

    def deep_link(self, payload: str) -> str | None:
        try:
            username = self.bot.username  # known once the bot is initialized (getMe)
        except RuntimeError:
            return None
        return f"https://t.me/{username}?start={payload}"

    async def download(self, attachment: Attachment) -> bytes:
        if attachment.file_ref is None:
            raise SendError("nothing to download")
        try:
            file = await self.bot.get_file(attachment.file_ref)
            return bytes(await file.download_as_bytearray())
        except TelegramError as exc:
            raise SendError(str(exc)) from exc
