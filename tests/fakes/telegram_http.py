"""The fake Bot API served over real HTTP on 127.0.0.1 (python-telegram-bot talks to it unchanged)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

from tests.fakes.telegram_api import TOKEN, FakeBotApi

HELD = frozenset({"sendMessage", "sendDocument", "sendPhoto"})


class FakeTelegramServer:
    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.app = web.Application()
        self.app.router.add_route("*", "/bot{token}/{method}", self._method)
        # A bot process may call through its own prefix (TELEGRAM_API_BASE_URL=<base>/<name>): the calls
        # then say which process made them.
        self.app.router.add_route("*", "/{via}/bot{token}/{method}", self._method)
        self.app.router.add_get("/{via}/file/bot{token}/{path:.*}", self._file)
        self.app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        self._runner: web.AppRunner | None = None
        self.port = 0
        # While set, message-sending requests wait here (counted per process in ``held``) until it is
        # cleared; one whose caller died meanwhile never reaches the API, like a request lost on the way.
        self.hold: asyncio.Event | None = None
        self.held: dict[str, int] = {}
        self.waiting: list[tuple[str, web.Request]] = []  # requests held right now, by process
        self.dropped = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            params = await request.json()
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    params[key] = value
        params.update(request.query)
        via = request.match_info.get("via", "")
        if self.hold is not None and request.match_info["method"] in HELD:
            self.held[via] = self.held.get(via, 0) + 1
            self.waiting.append((via, request))
            self.api._notify()
            try:
                await self.hold.wait()
            finally:
                self.waiting.remove((via, request))
            if request.transport is None or request.transport.is_closing():
                self.dropped += 1
                return web.Response(status=499)
        payload = await self.api.call(request.match_info["method"], params, files, via=via)
        status = 200 if payload["ok"] else payload["error_code"]
        return web.Response(text=json.dumps(payload), status=status, content_type="application/json")

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.Response(status=401)
        content = self.api.file_content(request.match_info["path"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content)
