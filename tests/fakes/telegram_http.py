"""The fake Bot API served over real HTTP on 127.0.0.1 (python-telegram-bot talks to it unchanged)."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from tests.fakes.telegram_api import TOKEN, FakeBotApi


class FakeTelegramServer:
    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.app = web.Application()
        self.app.router.add_route("*", "/bot{token}/{method}", self._method)
        self.app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        self._runner: web.AppRunner | None = None
        self.port = 0

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
        payload = await self.api.call(request.match_info["method"], params, files)
        status = 200 if payload["ok"] else payload["error_code"]
        return web.Response(text=json.dumps(payload), status=status, content_type="application/json")

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.Response(status=401)
        content = self.api.file_content(request.match_info["path"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content)
