"""A round-robin reverse proxy in front of several bot processes, as a load balancer would be: each
webhook delivery goes to the next process; a process that does not answer is skipped."""

from __future__ import annotations

import itertools

import aiohttp
from aiohttp import web

PASSED_HEADERS = ("Content-Type", "X-Telegram-Bot-Api-Secret-Token")


class Balancer:
    def __init__(self, backends: list[str]) -> None:
        self.backends = backends
        self.handled = dict.fromkeys(backends, 0)  # deliveries each process answered 200
        self._next = itertools.cycle(range(len(backends)))
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("POST", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))

    async def stop(self) -> None:
        if self._http is not None:
            await self._http.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._http is not None
        body = await request.read()
        headers = {k: request.headers[k] for k in PASSED_HEADERS if k in request.headers}
        for _ in self.backends:
            backend = self.backends[next(self._next)]
            try:
                async with self._http.post(f"{backend}/{request.match_info['path']}", data=body,
                                           headers=headers) as answer:
                    if answer.status == 200:
                        self.handled[backend] += 1
                    return web.Response(status=answer.status, body=await answer.read())
            except aiohttp.ClientConnectionError:
                continue  # that process is down: the next one
        return web.Response(status=502)
