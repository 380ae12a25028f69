"""Runs the real Zalo adapter against the fake Zalo Bot API over real HTTP, alone or beside the real
Telegram adapter in one process (one core, one database), and plays people on both.

``await zh.say(user, text)`` sends a Zalo message as ``user`` and returns what the bot sent while
handling it (to anyone on Zalo); every step waits for the update to be fully handled, never sleeps.
The Telegram side keeps :class:`tests.harness.TelegramHarness`'s helpers (``say``, ``press`` ...).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import TypeHandler

from adapters.telegram.adapter import TelegramAdapter
from adapters.zalo.adapter import ZaloAdapter
from adapters.zalo.updates import update_key
from app.wiring import build_core, build_dispatcher
from bot.clock import Clock
from bot.services.reminders.sources import ReminderSource
from scheduler.engine import ReminderEngine
from tests.fakes.telegram_api import TOKEN
from tests.fakes.zalo_api import ZALO_TOKEN, FakeZaloApi, ZaloUser
from tests.harness import TelegramHarness, free_port, make_settings

WEBHOOK_SECRET = "s3cret-webhook-token-42"


class ZaloHarness(TelegramHarness):
    def __init__(self, tmp_path: Path, clock: Clock, *, telegram: bool = False, webhook: bool = False,
                 public: bool = False, sources: tuple[ReminderSource, ...] = ()) -> None:
        super().__init__(tmp_path, clock, http=True)
        self.with_telegram = telegram
        self.webhook = webhook
        self.public = public or webhook  # a webhook needs the public address
        self.sources = sources
        self.zalo_api = FakeZaloApi()
        self.zalo: ZaloAdapter | None = None
        self.handled: set[str] = set()
        self.sleeps: list[float] = []  # back-off delays the adapter asked for (never waited)
        self.http_port = free_port() if self.public else None

    async def __aenter__(self) -> ZaloHarness:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
        if exc[0] is None:  # a test that passed: nothing it made the bot send to Zalo asks for the impossible
            self.assert_zalo_readable()

    def assert_zalo_readable(self) -> None:
        """Every message the adapter sent to Zalo describes what Zalo can do (see tests/test_zalo_texts.py)."""
        from tests.test_zalo_texts import offending

        bad = [(m["chat_id"], found, text[:200]) for m in self.zalo_api.sent
               for text in [m.get("text") or m.get("caption") or ""] if (found := offending(text))]
        assert not bad, f"Telegram-only instructions sent to Zalo: {bad}"

    async def start(self) -> None:
        await self.zalo_api.start()
        if self.with_telegram and self.server is not None:
            await self.server.start()
        await self._start_bot()

    async def stop(self) -> None:
        await self._stop_bot()
        await self.zalo_api.stop()
        if self.with_telegram and self.server is not None:
            await self.server.stop()

    @property
    def public_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def webhook_url(self) -> str:
        assert self.core is not None
        return f"{self.public_url}{self.core.settings.zalo_webhook_path}"

    async def _start_bot(self) -> None:
        overrides: dict[str, Any] = {"zalo_bot_token": ZALO_TOKEN, "zalo_api_base_url": self.zalo_api.base_url}
        if self.with_telegram and self.server is not None:
            overrides.update(telegram_bot_token=TOKEN, telegram_api_base_url=self.server.base_url)
        if self.public:
            overrides.update(khoibot_public_url=self.public_url, khoibot_http_host="127.0.0.1",
                             khoibot_http_port=self.http_port, zalo_webhook_secret=WEBHOOK_SECRET)
        self.core = build_core(make_settings(self.tmp_path, **overrides), self.clock)
        dispatcher = build_dispatcher(self.core)
        registry = dispatcher.registry
        for source in self.sources:
            registry.reminder_sources[source.kind] = source
        if self.with_telegram:
            self.adapter = TelegramAdapter(self.core, dispatcher)
            self.adapter.application.add_handler(TypeHandler(Update, self._mark), group=99)
            await self.adapter.start(poll_timeout=1)
        self.zalo = ZaloAdapter(self.core, dispatcher, webhook=self.webhook, poll_timeout=1, sleep=self._no_wait,
                                on_processed=self._handled)
        await self.zalo.start()
        self.engine = ReminderEngine(self.core, registry.reminder_sources, registry.live_renderers, fire_rate=None)

    async def _stop_bot(self) -> None:
        if self.zalo is not None:
            # The adapter lets the poll in flight finish; the fake ends it at once (as at its timeout).
            self.zalo_api.releasing = True
            self.zalo_api.notify()
            try:
                await self.zalo.stop()
            finally:
                self.zalo_api.releasing = False
            self.zalo = None
        await super()._stop_bot()

    async def _no_wait(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await asyncio.sleep(0)

    def _handled(self, key: str) -> None:
        self.handled.add(key)
        self.zalo_api.notify()

    # --- playing people on Zalo -----------------------------------------------------------------------
    async def handled_update(self, update: dict[str, Any]) -> None:
        key = update_key(update)
        await self.zalo_api.wait_for(lambda: key in self.handled)

    async def zsay(self, user: ZaloUser, text: str) -> list[dict[str, Any]]:
        """Sends ``text`` as ``user``; returns every Zalo message the bot sent while handling it."""
        before = len(self.zalo_api.sent)
        await self.handled_update(self.zalo_api.send_text(user, text))
        return self.zalo_api.sent[before:]

    async def zreply(self, user: ZaloUser, text: str) -> str:
        """Sends ``text`` and returns the bot's answer to ``user`` (its parts joined by newlines)."""
        sent = [m["text"] for m in await self.zsay(user, text) if m["chat_id"] == user.id and "text" in m]
        assert sent, f"no answer to {text!r}"
        return "\n".join(sent)
