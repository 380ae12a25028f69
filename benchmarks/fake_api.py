"""A fake Telegram Bot API for the benchmarks, in its own process, over real HTTP, enforcing Telegram's limits.

- Message-sending methods: at most 30 in any one second for the bot, 20 in any minute per group;
  beyond, 429 with ``retry_after`` (counted as a refusal), as Telegram answers.
- ``getUpdates`` long-polls a queue the driver fills through ``/control/*`` endpoints: it injects
  updates (people typing), probes (a private command whose answer time is measured), and reads the
  statistics (accepted sends with their times, refusals, duplicates, probe latencies).

Running it in its own process keeps its CPU out of the bot's, so CPU per update is the bot's own.
``python -m benchmarks.fake_api <port> [--no-limits]``.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import json
import sys
import time
from collections import Counter, deque
from typing import Any

from aiohttp import web

BOT = {"id": 900_000_001, "is_bot": True, "first_name": "KhốiBot", "username": "KhoiBenchBot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
SENDING = {"sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup", "sendPhoto"}
PER_SECOND, PER_GROUP_MINUTE = 30, 20


class FakeApi:
    def __init__(self, limits: bool) -> None:
        self.limits = limits
        self.queue: deque[dict[str, Any]] = deque()
        self.arrived = asyncio.Event()
        self.update_ids = itertools.count(1)
        self.message_ids = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        self.recent: deque[float] = deque()  # accepted sends in the last second
        self.group_recent: dict[str, deque[float]] = {}
        self.sent_at: list[float] = []
        self.refused = 0
        self.refusal_log: list[tuple[str, str, int, int]] = []
        self.texts: Counter[tuple[str, str]] = Counter()
        self.probes: dict[str, float] = {}  # chat -> when its probe was injected
        self.probe_chats: set[str] = set()  # the same question asked again: not a duplicate
        self.latencies: list[float] = []
        self.replies_to: Counter[str] = Counter()
        self.served = 0  # updates handed out by getUpdates (a re-delivery counts again)

    # --- the driver's side ---------------------------------------------------------------------
    def message_update(self, chat_id: int, user_id: int, text: str, group: bool = False) -> dict[str, Any]:
        chat = {"id": chat_id, "type": "supergroup" if group else "private"}
        if group:
            chat["title"] = "Khối"
        else:
            chat["first_name"] = f"U{user_id}"
        message = {"message_id": next(self.message_ids), "date": int(time.time()), "chat": chat, "text": text,
                   "from": {"id": user_id, "is_bot": False, "first_name": f"U{user_id}"}}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return {"update_id": next(self.update_ids), "message": message}

    def push(self, updates: list[dict[str, Any]]) -> None:
        self.queue.extend(updates)
        self.arrived.set()

    # --- the bot's side --------------------------------------------------------------------------
    def _allowed(self, chat_id: str, now: float) -> bool:
        if not self.limits:
            return True
        while self.recent and self.recent[0] <= now - 1.0:
            self.recent.popleft()
        if len(self.recent) >= PER_SECOND:
            return False
        if chat_id.startswith("-"):
            window = self.group_recent.setdefault(chat_id, deque())
            while window and window[0] <= now - 60.0:
                window.popleft()
            if len(window) >= PER_GROUP_MINUTE:
                return False
            window.append(now)
        self.recent.append(now)
        return True

    async def call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "getUpdates":
            timeout = float(params.get("timeout") or 0)
            offset = int(params.get("offset") or 0)
            while self.queue and self.queue[0]["update_id"] < offset:
                self.queue.popleft()
            if not self.queue and timeout:
                self.arrived.clear()
                try:
                    async with asyncio.timeout(timeout):
                        await self.arrived.wait()
                except TimeoutError:
                    pass
            batch = list(itertools.islice(self.queue, 100))
            self.served += len(batch)
            return {"ok": True, "result": batch}
        if method == "getMe":
            return {"ok": True, "result": BOT}
        if method in SENDING:
            chat = str(params.get("chat_id"))
            now = time.monotonic()
            if not self._allowed(chat, now):
                self.refused += 1
                self.refusal_log.append((method, chat, len(self.recent), len(self.group_recent.get(chat, ()))))
                return {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                        "parameters": {"retry_after": 1}}
            self.sent_at.append(now)
            text = str(params.get("text") or params.get("caption") or "")
            self.texts[(chat, text)] += 1
            self.replies_to[chat] += 1
            if chat in self.probes:
                self.latencies.append(now - self.probes.pop(chat))
            msg = {"message_id": next(self.message_ids), "date": int(time.time()),
                   "chat": {"id": int(chat), "type": "supergroup" if chat.startswith("-") else "private"},
                   "from": BOT, "text": text}
            return {"ok": True, "result": msg}
        if method == "getChatMember":
            return {"ok": True, "result": {"status": "member", "user": {"id": int(params["user_id"]), "is_bot": False,
                                                                          "first_name": "x"}}}
        return {"ok": True, "result": True}

    def stats(self) -> dict[str, Any]:
        return {"sent": len(self.sent_at), "sent_at": self.sent_at, "refused": self.refused,
                "duplicates": sum(n - 1 for (chat, _), n in self.texts.items() if n > 1 and chat not in self.probe_chats), "latencies": self.latencies,
                "queued_updates": len(self.queue), "replies_to": dict(self.replies_to),
                "served": self.served, "refusal_log": self.refusal_log[:20]}


def make_app(api: FakeApi) -> web.Application:
    async def method(request: web.Request) -> web.Response:
        params: dict[str, Any] = {}
        if request.content_type == "application/json":
            params = await request.json()
        elif request.can_read_body:
            form = await request.post()
            params = {k: v for k, v in form.items() if isinstance(v, str)}
        params.update(request.query)
        payload = await api.call(request.match_info["method"], params)
        return web.json_response(payload, status=200 if payload["ok"] else payload["error_code"])

    async def inject(request: web.Request) -> web.Response:
        body = await request.json()
        updates = [api.message_update(int(u["chat"]), int(u["user"]), u["text"], bool(u.get("group")))
                   for u in body["updates"]]
        api.push(updates)
        return web.json_response({"ok": True, "count": len(updates)})

    async def probe(request: web.Request) -> web.Response:
        body = await request.json()
        chat = str(body["chat"])
        api.probes[chat] = time.monotonic()
        api.probe_chats.add(chat)
        api.push([api.message_update(int(chat), int(body["user"]), body["text"])])
        return web.json_response({"ok": True})

    async def stats(request: web.Request) -> web.Response:
        return web.json_response(api.stats())

    async def reset(request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else {}
        api.reset()
        api.queue.clear()  # updates a stopped bot left unconfirmed are not the next bot's
        if "limits" in body:
            api.limits = bool(body["limits"])
        return web.json_response({"ok": True})

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.router.add_post("/control/inject", inject)
    app.router.add_post("/control/probe", probe)
    app.router.add_get("/control/stats", stats)
    app.router.add_post("/control/reset", reset)
    app.router.add_route("*", "/bot{token}/{method}", method)
    return app


async def serve(port: int, limits: bool) -> None:
    runner = web.AppRunner(make_app(FakeApi(limits)), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    # The fake is the measuring instrument: a long garbage-collector pass here would stamp requests that
    # arrived apart with the same moment and refuse a bot that kept the limit.
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)
    print(json.dumps({"ready": port}), flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), "--no-limits" not in sys.argv))
