"""One web server per bot process (aiohttp), for what reaches the bot from outside: Telegram's and
Zalo's webhooks, the file links offered on Zalo, the scoring web form, and ``GET /healthz`` for a load
balancer.

The adapters add their routes while they are built; the server starts before them (a webhook is set
only once something listens) and stops after them.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from adapters.forms import register as register_forms
from bot.config import Settings
from bot.core import Core

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # an update is a few kilobytes; anything bigger is not from a platform
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class WebServer:
    def __init__(self, core: Core) -> None:
        self.settings: Settings = core.settings
        self.app = web.Application(client_max_size=MAX_BODY)
        self.app.router.add_get("/healthz", self._health)
        # The scoring form (bot.services.scores.forms) is served wherever the web server runs.
        register_forms(self, core)
        self.port: int | None = None
        self._runner: web.AppRunner | None = None

    def add(self, method: str, path: str, handler: Handler) -> None:
        self.app.router.add_route(method, path, handler)

    @staticmethod
    async def _health(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def start(self) -> None:
        """Listens on KHOIBOT_HTTP_HOST:KHOIBOT_HTTP_PORT (port 0: any free port, see ``port``)."""
        if self._runner is not None:
            return
        runner = web.AppRunner(self.app, access_log=None)  # access lines would carry file tokens
        await runner.setup()
        site = web.TCPSite(runner, self.settings.khoibot_http_host, self.settings.khoibot_http_port)
        await site.start()
        self._runner = runner
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        log.info("web server listening on %s:%s", self.settings.khoibot_http_host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
