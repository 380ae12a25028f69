"""Zalo's routes on the bot's web server (adapters/web.py), when the bot has a public address:

- ``POST <ZALO_WEBHOOK_PATH>`` (webhook mode): checks Zalo's ``X-Bot-Api-Secret-Token`` header with
  a constant-time compare, keeps the update, answers 200; a wrong or missing secret gets 403 and
  changes nothing; 500 when the update could not be kept, so Zalo delivers it again.
- ``GET /files/<token>/<name>``: a document the bot offered as a link (bot.services.shared_files).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from typing import TYPE_CHECKING
from urllib.parse import quote

from aiohttp import web

from bot.services.delivery import shared_files

if TYPE_CHECKING:
    from adapters.web import WebServer
    from adapters.zalo.adapter import ZaloAdapter

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Bot-Api-Secret-Token"


def secret_matches(given: str | None, secret: str) -> bool:
    """Constant-time: the time taken says nothing about how much of the secret matched."""
    return bool(secret) and hmac.compare_digest((given or "").encode(), secret.encode())


def register(server: WebServer, adapter: ZaloAdapter) -> None:
    core = adapter.core
    settings = core.settings
    secret = settings.webhook_secret() or ""

    async def webhook(request: web.Request) -> web.Response:
        if not secret_matches(request.headers.get(SECRET_HEADER), secret):
            log.warning("Zalo webhook call with a wrong or missing secret from %s", request.remote)
            return web.json_response({"ok": False, "description": "forbidden"}, status=403)
        try:
            body = await request.json()
        except ValueError:
            return web.json_response({"ok": False, "description": "not JSON"}, status=400)
        try:
            await adapter.receive(body)
        except Exception:
            log.exception("could not keep a Zalo webhook update")
            return web.json_response({"ok": False, "description": "try again"}, status=500)
        return web.json_response({"ok": True})

    async def file(request: web.Request) -> web.StreamResponse:
        with core.db.session() as s:
            shared = shared_files.resolve(s, request.match_info["token"], core.now())
        if shared is None:
            return web.Response(status=404, text="Đường dẫn không đúng hoặc đã hết hạn.")
        content = await asyncio.to_thread(core.files.read, shared.sha256)
        disposition = f"attachment; filename*=UTF-8''{quote(shared.file_name)}"
        return web.Response(body=content, content_type=shared.mime,
                            headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"})

    if adapter.webhook:
        server.add("POST", settings.zalo_webhook_path, webhook)
    server.add("GET", "/files/{token}/{name}", file)
