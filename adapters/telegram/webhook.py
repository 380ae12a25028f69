"""Telegram's webhook on the bot's web server (adapters/web.py): ``POST <TELEGRAM_WEBHOOK_PATH>``.

A request must carry the secret the bot gave ``setWebhook`` in ``X-Telegram-Bot-Api-Secret-Token``
(compared in constant time); anything else gets 403 and changes nothing. The update is handled before
the answer: Telegram then delivers it again if the process dies while handling it, and the handled-update
record (bot.services.delivery.inbox.claim) makes that second delivery change nothing. Updates go through
the same per-chat processor as polling, so a chat's updates keep their order across concurrent requests.
"""

from __future__ import annotations

import hmac
import logging
from typing import TYPE_CHECKING

from aiohttp import web
from telegram import Update

if TYPE_CHECKING:
    from adapters.telegram.adapter import TelegramAdapter
    from adapters.web import WebServer

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def register(server: WebServer, adapter: TelegramAdapter, path: str, secret: str) -> None:
    async def webhook(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER) or ""
        if not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("Telegram webhook call with a wrong or missing secret from %s", request.remote)
            return web.Response(status=403)
        try:
            data = await request.json()
            update = Update.de_json(data, adapter.application.bot)
        except (ValueError, TypeError, KeyError):
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        await adapter.handle_webhook_update(update)
        return web.Response(text="ok")

    server.add("POST", path, webhook)
