"""Wires python-telegram-bot to the core: updates in, platform-neutral calls, replies out.

All wiring is here (one place, as in the python-telegram-bot team's rules-bot). Commands are not
registered one by one with ``CommandHandler``: the platform-neutral dispatcher parses them, so the
console and Zalo adapters route exactly the same way.
"""

from __future__ import annotations

import logging

from telegram import Chat, ChatMemberUpdated, Message, Update
from telegram.constants import ChatMemberStatus
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from adapters.telegram.limiter import FloodLimiter, SendGate
from adapters.telegram.menu import register_menu
from adapters.telegram.messenger import TelegramMessenger
from adapters.telegram.processor import PerChatUpdateProcessor
from adapters.telegram.request import BoundedRequest
from adapters.telegram.webhook import register as register_webhook
from adapters.web import WebServer
from bot.core import Core
from bot.errors import StartupError
from bot.ports import Attachment, ChatInfo, Incoming, Sender, SentRef
from handlers.dispatch import Dispatcher

log = logging.getLogger(__name__)

PLATFORM = "telegram"
_GONE = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


def _chat_info(chat: Chat) -> ChatInfo:
    return ChatInfo(PLATFORM, str(chat.id), chat.type in (Chat.GROUP, Chat.SUPERGROUP), chat.title)


def _attachment(msg: Message | None) -> Attachment | None:
    if msg is None:
        return None
    if msg.document is not None:
        doc = msg.document
        return Attachment("document", file_ref=doc.file_id, file_name=doc.file_name,
                          size=doc.file_size, mime=doc.mime_type)
    if msg.photo:
        photo = msg.photo[-1]  # the largest size
        return Attachment("photo", file_ref=photo.file_id, file_name=f"photo_{photo.file_unique_id}.jpg",
                          size=photo.file_size, mime="image/jpeg")
    return None


def to_incoming(update: Update, bot_id: int) -> Incoming | None:
    """The platform-neutral view of a message update; None for what the bot ignores."""
    msg, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if msg is None or user is None or chat is None or user.is_bot or chat.type == Chat.CHANNEL:
        return None
    reply = msg.reply_to_message
    return Incoming(
        sender=Sender(PLATFORM, str(user.id), user.full_name, user.username),
        chat=_chat_info(chat),
        text=msg.text or msg.caption or "",
        message_id=str(msg.message_id),
        reply_to=SentRef(PLATFORM, str(chat.id), str(reply.message_id)) if reply else None,
        reply_to_bot=bool(reply and reply.from_user and reply.from_user.id == bot_id),
        attachment=_attachment(msg),
        reply_attachment=_attachment(reply),
        update_key=str(update.update_id),
    )


class TelegramAdapter:
    def __init__(self, core: Core, dispatcher: Dispatcher, *, request: BaseRequest | None = None,
                 get_updates_request: BaseRequest | None = None, webhook: bool = False,
                 web: WebServer | None = None) -> None:
        self.core = core
        self.dispatcher = dispatcher
        self.limiter: FloodLimiter | None = None
        self.gate: SendGate | None = None
        self.processor = PerChatUpdateProcessor()
        self.application = self._build(request, get_updates_request)
        self.messenger = TelegramMessenger(self.application.bot, self.limiter, self.processor, self.gate)
        core.add_messenger(self.messenger)
        # Webhook mode: updates arrive on the process's web server instead of by long polling.
        self.webhook = core.settings.telegram_webhook() if webhook else None
        if webhook and self.webhook is None:
            raise ValueError("the Telegram webhook needs TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_URL or KHOIBOT_PUBLIC_URL")
        self._own_web = webhook and web is None
        self.web = web if web is not None else (WebServer(core) if webhook else None)
        if self.webhook is not None and self.web is not None:
            register_webhook(self.web, self, core.settings.telegram_webhook_path, self.webhook[1])

    async def handle_webhook_update(self, update: Update) -> None:
        """An update posted to the webhook, handled through the per-chat processor (its order kept)."""
        await self.processor.process_update(update, self.application.process_update(update))

    def _build(self, request: BaseRequest | None, get_updates_request: BaseRequest | None) -> Application:
        settings = self.core.settings
        token = settings.token()
        if not token:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        base = settings.telegram_api_base_url
        builder = (
            Application.builder()
            .token(token)
            .base_url(f"{base}/bot")
            .base_file_url(f"{base}/file/bot")
            .concurrent_updates(self.processor)
        )
        # The bot's calls through a small bounded pool (adapters.telegram.request); getUpdates keeps its own.
        self.gate = SendGate() if settings.telegram_rate_limit and request is None else None
        builder = builder.request(request if request is not None else BoundedRequest(send_gate=self.gate))
        if get_updates_request is not None:
            builder = builder.get_updates_request(get_updates_request)
        self.limiter = FloodLimiter() if settings.telegram_rate_limit else None
        if self.limiter is not None:
            # Just under 30 msg/s overall and 20 msg/min per group, replies before reminders.
            builder = builder.rate_limiter(self.limiter)  # type: ignore[arg-type]  # its args are a dict
        app = builder.build()
        app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, self.on_migrate), group=0)
        app.add_handler(
            MessageHandler(filters.UpdateType.MESSAGE & ~filters.StatusUpdate.ALL, self.on_message), group=0
        )
        app.add_handler(CallbackQueryHandler(self.on_callback), group=0)
        app.add_handler(ChatMemberHandler(self.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER), group=0)
        app.add_error_handler(self.on_error)
        return app

    # --- handlers: every one typed async def f(update, context) -> None ----------------------
    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        incoming = to_incoming(update, context.bot.id)
        if incoming is None:
            return
        await self.dispatcher.handle_message(self.messenger, incoming, bot_username=context.bot.username)

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        user = query.from_user
        message = query.message
        chat = message.chat if message is not None else None
        if chat is None:  # inline-mode or too old: no chat to act in
            await query.answer()
            return
        incoming = Incoming(sender=Sender(PLATFORM, str(user.id), user.full_name, user.username),
                            chat=_chat_info(chat), update_key=str(update.update_id))
        origin = SentRef(PLATFORM, str(chat.id), str(message.message_id)) if message is not None else None
        answer = await self.dispatcher.handle_callback(self.messenger, incoming, query.data or "", origin)
        await query.answer(text=answer.text, show_alert=answer.alert)

    async def on_migrate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        msg = update.effective_message
        if msg is not None and msg.migrate_to_chat_id:
            self.dispatcher.chat_migrated(PLATFORM, str(msg.chat.id), str(msg.migrate_to_chat_id))

    async def on_my_chat_member(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        change: ChatMemberUpdated | None = update.my_chat_member
        if change is None:
            return
        old, new = change.old_chat_member.status, change.new_chat_member.status
        if change.chat.type == Chat.PRIVATE:
            if new in _GONE:
                self.dispatcher.private_blocked(PLATFORM, str(change.from_user.id))
        elif old in _GONE and new not in _GONE:
            await self.dispatcher.bot_added_to_group(self.messenger, str(change.chat.id))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # The dispatcher answers handler errors itself; this catches the adapter's own failures.
        log.error("telegram adapter error", exc_info=context.error)

    # --- lifecycle ------------------------------------------------------------------------------
    async def start(self, *, poll_timeout: int = 30) -> None:
        try:
            await self.application.initialize()  # getMe: checks the token
        except InvalidToken:
            # Raised without its cause: python-telegram-bot's message repeats the token.
            raise StartupError("TELEGRAM_BOT_TOKEN", "rejected") from None
        except NetworkError:
            raise StartupError("TELEGRAM_API_BASE_URL", "unreachable") from None
        await register_menu(self.application.bot, self.dispatcher.registry)
        await self.application.start()
        if self.webhook is not None:
            if self._own_web and self.web is not None:
                await self.web.start()
            url, secret = self.webhook
            # Every process of the bot sets the same URL and secret: setting it again is harmless.
            await self.application.bot.set_webhook(url, secret_token=secret, allowed_updates=Update.ALL_TYPES,
                                                   drop_pending_updates=False)
            log.info("Telegram bot @%s receives by webhook", self.application.bot.username)
            return
        assert self.application.updater is not None
        await self.application.updater.start_polling(
            timeout=poll_timeout, allowed_updates=Update.ALL_TYPES, drop_pending_updates=False
        )
        log.info("Telegram bot @%s is polling", self.application.bot.username)

    async def stop(self) -> None:
        # In webhook mode the webhook stays set: other processes of the bot go on receiving.
        if self.application.updater is not None and self.application.updater.running:
            await self.application.updater.stop()
        if self._own_web and self.web is not None:
            await self.web.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
