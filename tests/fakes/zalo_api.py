"""A fake of Zalo's Bot API (bot-api.zaloplatforms.com) following its documented shapes, served over
real HTTP on 127.0.0.1 by aiohttp.

- ``POST /bot<TOKEN>/<method>`` with a JSON body; answers ``{"ok": true, "result": ...}`` or
  ``{"ok": false, "error_code": ..., "description": ...}`` (a wrong token: 401).
- ``getUpdates`` returns one update (no offsets: a returned update is gone), or error 408 when the
  long poll of ``timeout`` seconds ends empty.
- ``sendMessage`` refuses an empty text or one over 2,000 characters; a person who blocked the bot
  gets 403. Faults can be injected: any error code (429 ...) or a dropped connection.
- People: ``send_text`` / ``send_photo`` / ``send_event`` queue what a person does; photos are
  served at ``/photos/<name>`` as Zalo serves them by URL.
- Webhook: ``deliver`` posts an update to the bot's webhook in either envelope seen in the wild
  (wrapped ``{"ok": true, "result": ...}`` or flat), with or without the secret header.
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

ZALO_TOKEN = "1234567890:zalo-test-token-ABCDEFGHIJKLMNOP"
MAX_TEXT = 2000
DISCONNECT = -1  # a fault that drops the connection without an answer


@dataclass(frozen=True)
class ZaloUser:
    id: str
    display_name: str


def zalo_user(name: str) -> ZaloUser:
    """A person with an opaque id, as Zalo gives them (20 hex characters)."""
    return ZaloUser(secrets.token_hex(10), name)


class FakeZaloApi:
    def __init__(self) -> None:
        self.pending: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []  # every sendMessage / sendPhoto the bot made, in order
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.faults: list[tuple[str, int, str]] = []
        self.webhook: dict[str, Any] | None = None
        self.blocked: set[str] = set()
        self.photos: dict[str, bytes] = {}
        self._ids = itertools.count(1)
        self._event = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.closing = False
        # Set by the harness while it stops the bot: the long poll in flight ends now, empty, as it
        # would at its timeout (so a test does not wait for it).
        self.releasing = False

    # --- server -----------------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._method)
        app.router.add_get("/photos/{name}", self._photo)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        self.closing = True  # ends a long poll in progress at once
        self.notify()
        if self._runner is not None:
            await self._runner.cleanup()

    def notify(self) -> None:
        """Wakes every waiter: they re-check their condition and wait on the next event."""
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait_for(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        async with asyncio.timeout(within):
            while not predicate():
                await self._event.wait()

    async def _photo(self, request: web.Request) -> web.Response:
        content = self.photos.get(request.match_info["name"])
        return web.Response(body=content, content_type="image/jpeg") if content is not None else web.Response(status=404)

    async def _method(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != ZALO_TOKEN:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        try:
            params = await request.json()
        except ValueError:
            params = {}
        method = request.match_info["method"]
        self.calls.append((method, params))
        for index, (name, code, description) in enumerate(self.faults):
            if name == method:
                del self.faults[index]
                self.notify()
                if code == DISCONNECT:
                    assert request.transport is not None
                    request.transport.close()
                    return web.Response()
                return web.json_response({"ok": False, "error_code": code, "description": description}, status=code)
        handler = getattr(self, f"m_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "method not found"}, status=404)
        result = await handler(params)
        self.notify()
        # Zalo answers the empty long poll with error 408 in the JSON body.
        return web.json_response(result, status=200 if result["ok"] or result["error_code"] == 408
                                 else result["error_code"])

    # --- the API -------------------------------------------------------------------------------------------
    async def m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "result": {"id": "2121826405127616000", "account_name": "bot.KhoiBot",
                                       "account_type": "BASIC", "can_join_groups": False,
                                       "display_name": "KhốiBot"}}

    async def m_getUpdates(self, params: dict[str, Any]) -> dict[str, Any]:
        wait = float(params.get("timeout") or 0)
        if not self.pending and wait > 0:
            try:
                # A fault queued for getUpdates ends the poll in progress (empty) so that it applies next.
                await self.wait_for(lambda: bool(self.pending) or self.closing or self.releasing
                                    or any(f[0] == "getUpdates" for f in self.faults), within=wait)
            except TimeoutError:
                pass
        if not self.pending:
            return {"ok": False, "error_code": 408, "description": "Request timeout"}
        return {"ok": True, "result": self.pending.pop(0)}

    async def m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        text, chat_id = params.get("text", ""), str(params.get("chat_id", ""))
        if not isinstance(text, str) or not text or len(text) > MAX_TEXT:
            return {"ok": False, "error_code": 400, "description": "text must be 1 to 2000 characters"}
        if chat_id in self.blocked:
            return {"ok": False, "error_code": 403, "description": "user has blocked the bot"}
        message_id = secrets.token_hex(10)
        self.sent.append({"chat_id": chat_id, "text": text, "message_id": message_id})
        return {"ok": True, "result": {"message_id": message_id, "date": int(time.time() * 1000)}}

    async def m_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = str(params.get("chat_id", ""))
        if chat_id in self.blocked:
            return {"ok": False, "error_code": 403, "description": "user has blocked the bot"}
        message_id = secrets.token_hex(10)
        self.sent.append({"chat_id": chat_id, "photo": params.get("photo"), "caption": params.get("caption"),
                          "message_id": message_id})
        return {"ok": True, "result": {"message_id": message_id, "date": int(time.time() * 1000)}}

    async def m_sendChatAction(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "result": True}

    async def m_setWebhook(self, params: dict[str, Any]) -> dict[str, Any]:
        secret = params.get("secret_token") or ""
        if not str(params.get("url", "")).startswith(("https://", "http://127.0.0.1")) or not 8 <= len(secret) <= 256:
            return {"ok": False, "error_code": 400, "description": "invalid url or secret_token"}
        self.webhook = params
        return {"ok": True, "result": {"url": params["url"], "updated_at": int(time.time() * 1000)}}

    async def m_deleteWebhook(self, params: dict[str, Any]) -> dict[str, Any]:
        self.webhook = None
        return {"ok": True, "result": {"url": "", "updated_at": int(time.time() * 1000)}}

    async def m_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "result": {"url": (self.webhook or {}).get("url", ""), "updated_at": 0}}

    # --- what people do ------------------------------------------------------------------------------------
    def update_for(self, user: ZaloUser, text: str = "", *, event: str = "message.text.received",
                   extra: dict[str, Any] | None = None) -> dict[str, Any]:
        message: dict[str, Any] = {
            "from": {"id": user.id, "display_name": user.display_name, "is_bot": False},
            "chat": {"id": user.id, "chat_type": "PRIVATE"},
            "message_id": secrets.token_hex(10),
            "date": int(time.time() * 1000),
        }
        if text:
            message["text"] = text
        message.update(extra or {})
        return {"event_name": event, "message": message}

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queues an update for getUpdates."""
        self.pending.append(update)
        self.notify()
        return update

    def send_text(self, user: ZaloUser, text: str) -> dict[str, Any]:
        return self.push(self.update_for(user, text))

    def send_photo(self, user: ZaloUser, content: bytes, caption: str = "") -> dict[str, Any]:
        name = f"p{next(self._ids)}.jpg"
        self.photos[name] = content
        extra: dict[str, Any] = {"photo": f"{self.base_url}/photos/{name}"}
        if caption:
            extra["caption"] = caption
        return self.push(self.update_for(user, event="message.image.received", extra=extra))

    def send_event(self, user: ZaloUser, event: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """A sticker, or a message Zalo does not pass on (``message.unsupported.received``)."""
        return self.push(self.update_for(user, event=event, extra=extra))

    def fail(self, method: str, code: int, description: str = "error") -> None:
        """The next call of ``method`` fails with ``code`` (or DISCONNECT)."""
        self.faults.append((method, code, description))
        self.notify()

    def texts_to(self, user: ZaloUser) -> list[str]:
        return [m["text"] for m in self.sent if m["chat_id"] == user.id and "text" in m]

    async def deliver(self, url: str, update: dict[str, Any], secret: str | None, *, wrapped: bool = True) -> int:
        """Posts ``update`` to a webhook as Zalo does; returns the HTTP status."""
        body = {"ok": True, "result": update} if wrapped else update
        headers = {"X-Bot-Api-Secret-Token": secret} if secret is not None else {}
        async with aiohttp.ClientSession() as session, session.post(url, json=body, headers=headers) as response:
            return response.status
