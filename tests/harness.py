"""Runs the real Telegram adapter against the fake Bot API and plays people in it.

``await tg.say(user, chat, text)`` sends a message as ``user`` and returns what the bot sent while
handling it; every step waits for the update to be fully processed (no sleeps).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

from adapters.telegram.adapter import TelegramAdapter
from app.wiring import build_core, build_dispatcher
from bot.clock import Clock
from bot.config import Settings
from bot.core import Core
from scheduler.engine import ReminderEngine, TickReport
from tests.fakes.telegram_api import TOKEN, FakeBotApi, TgChat, TgUser
from tests.fakes.telegram_http import FakeTelegramServer
from tests.fakes.telegram_inprocess import InProcessRequest
from tests.pg import free_port

_TEMPLATE: Path | None = None


def migrated_copy(target: Path) -> None:
    """A fresh database at ``target``, copied from one migrated once per test process: every test gets
    the real schema (the migrations, not create_all) without paying for the migrations each time."""
    global _TEMPLATE
    if _TEMPLATE is None:
        from storage.db import Database

        template = Path(tempfile.mkdtemp(prefix="khoibot-schema-")) / "template.db"
        db = Database(f"sqlite:///{template}")
        db.migrate()
        db.dispose()
        _TEMPLATE = template
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_TEMPLATE, target)


# The database a test asked for (tests/conftest.py's ``database`` fixture), by the test's directory; a
# test that asked for none gets SQLite.
DATABASES: dict[Path, str] = {}


def database_url(tmp_path: Path) -> str:
    url = DATABASES.get(tmp_path)
    if url is None:
        migrated_copy(tmp_path / "khoibot.db")
        url = f"sqlite:///{tmp_path / 'khoibot.db'}"
    return url


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url(tmp_path),
        "khoibot_files_dir": tmp_path / "files",
        "telegram_bot_token": None,
        "telegram_rate_limit": False,
        "khoibot_language": "vi",
        "khoibot_timezone": "Asia/Ho_Chi_Minh",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class TelegramHarness:
    def __init__(self, tmp_path: Path, clock: Clock, *, http: bool = True, webhook: bool = False) -> None:
        self.tmp_path = tmp_path
        self.clock = clock
        self.http = http
        # Webhook mode: the fake Bot API posts updates to the bot's web server instead of being polled.
        self.webhook = webhook
        self.http_port = free_port() if webhook else None
        self.api = FakeBotApi()
        self.server = FakeTelegramServer(self.api) if http else None
        self.core: Core | None = None
        self.adapter: TelegramAdapter | None = None
        self.engine: ReminderEngine | None = None

    async def start(self) -> None:
        if self.server is not None:
            await self.server.start()
        await self._start_bot()

    async def _start_bot(self) -> None:
        base = self.server.base_url if self.server is not None else "http://unused.invalid"
        hook: dict[str, Any] = {}
        if self.webhook:
            hook = {"khoibot_public_url": f"http://127.0.0.1:{self.http_port}", "khoibot_http_host": "127.0.0.1",
                    "khoibot_http_port": self.http_port}
        settings = make_settings(self.tmp_path, telegram_bot_token=TOKEN, telegram_api_base_url=base, **hook)
        self.core = build_core(settings, self.clock)
        dispatcher = build_dispatcher(self.core)
        request = None if self.http else InProcessRequest(self.api)
        self.adapter = TelegramAdapter(self.core, dispatcher, request=request,
                                       get_updates_request=None if self.http else InProcessRequest(self.api),
                                       webhook=self.webhook)
        self.adapter.application.add_handler(TypeHandler(Update, self._mark), group=99)
        # The scheduler's engine, driven by hand with the injected clock instead of APScheduler.
        registry = dispatcher.registry
        self.engine = ReminderEngine(self.core, registry.reminder_sources, registry.live_renderers, fire_rate=None)
        self.api.open_polls()
        await self.adapter.start(poll_timeout=1)

    async def _stop_bot(self) -> None:
        self.api.close_polls()
        if self.adapter is not None:
            await self.adapter.stop()
            self.adapter = None
        if self.core is not None:
            self.core.db.dispose()
            self.core = None

    async def stop(self) -> None:
        await self._stop_bot()
        self.api.webhook = None  # ends the fake's delivery loop
        self.api.close_polls()
        if self.server is not None:
            await self.server.stop()

    async def restart(self) -> None:
        """Stops the whole bot process (adapter, database) and starts a new one on the same data."""
        await self._stop_bot()
        await self._start_bot()

    async def tick(self) -> TickReport:
        """One scheduler pass at the clock's current time; returns once its messages are sent."""
        assert self.engine is not None
        return await self.engine.tick(self.clock.now())

    async def _mark(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.api.mark_processed(update.update_id)

    async def _done(self, update_id: int) -> None:
        await self.api.wait_for(lambda: update_id in self.api.processed)

    # --- playing people -------------------------------------------------------------------------
    async def say(self, user: TgUser, chat: TgChat, text: str, reply_to: dict[str, Any] | None = None
                  ) -> list[dict[str, Any]]:
        before = len(self.api.bot_log)
        await self._done(self.api.send_text(user, chat, text, reply_to=reply_to))
        return self.api.bot_log[before:]

    async def reply_text(self, user: TgUser, chat: TgChat, text: str) -> str:
        """Says ``text`` and returns the text of the bot's single answer in that chat."""
        sent = [m for m in await self.say(user, chat, text) if m["chat"]["id"] == chat.id]
        assert len(sent) == 1, f"expected one answer to {text!r}, got {[m.get('text') for m in sent]}"
        return sent[0].get("text") or sent[0].get("caption", "")

    async def send_document(self, user: TgUser, chat: TgChat, content: bytes, file_name: str, caption: str = "",
                            reply_to: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        before = len(self.api.bot_log)
        await self._done(self.api.send_document(user, chat, content, file_name, caption, reply_to))
        return self.api.bot_log[before:]

    async def redeliver(self, update_id: int) -> list[dict[str, Any]]:
        """Telegram delivers ``update_id`` once more; returns what the bot sent while handling it."""
        before, seen = len(self.api.bot_log), self.api.times_processed.get(update_id, 0)
        self.api.redeliver(update_id)
        await self.api.wait_for(lambda: self.api.times_processed.get(update_id, 0) > seen)
        return self.api.bot_log[before:]

    async def confirm(self, user: TgUser, chat: TgChat, text: str, label: str = "") -> list[dict[str, Any]]:
        """Says a command that asks for confirmation, presses the button holding ``label`` (the first
        one if empty) and returns every message the bot sent or edited meanwhile, the question first."""
        before = len(self.api.bot_log)
        await self._done(self.api.send_text(user, chat, text))
        ask = [m for m in self.api.bot_log[before:] if m["chat"]["id"] == chat.id and buttons_of(m)][-1]
        data = (button(ask, label) if label else buttons_of(ask)[0])["callback_data"]
        await self.press(user, ask, data)
        return self.api.bot_log[before:]

    async def confirm_text(self, user: TgUser, chat: TgChat, text: str, label: str = "") -> str:
        """Like ``reply_text`` for a command that asks first: the single answer after the confirmation."""
        sent = [m for m in (await self.confirm(user, chat, text, label))[1:] if m["chat"]["id"] == chat.id]
        assert len(sent) == 1, f"expected one answer to {text!r}, got {[m.get('text') for m in sent]}"
        return sent[0].get("text") or sent[0].get("caption", "")

    def last_update_id(self) -> int:
        return max(self.api.processed)

    async def press(self, user: TgUser, message: dict[str, Any], data: str) -> dict[str, Any]:
        """Presses a button and returns the callback answer the bot gave."""
        update_id, callback_id = self.api.press(user, message, data)
        await self._done(update_id)
        await self.api.wait_for(lambda: callback_id in self.api.callback_answers)
        return self.api.callback_answers[callback_id]


def buttons_of(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def button(message: dict[str, Any], label_part: str) -> dict[str, Any]:
    for b in buttons_of(message):
        if label_part in b["text"]:
            return b
    raise AssertionError(f"no button with {label_part!r} in {[b['text'] for b in buttons_of(message)]}")
