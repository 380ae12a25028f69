"""All wiring in one place: the core, the handlers' registry, the scheduler and the platform adapters,
and running them until the process is told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sys
from typing import Protocol, TextIO

from adapters.console import ConsoleChat
from adapters.telegram.adapter import TelegramAdapter
from adapters.web import WebServer
from adapters.zalo.adapter import ZaloAdapter
from bot.clock import Clock
from bot.config import Settings
from bot.core import Core
from handlers.dispatch import Dispatcher
from handlers.features import build_registry
from scheduler.engine import ReminderEngine
from scheduler.runtime import SchedulerRuntime
from storage.db import Database

log = logging.getLogger(__name__)


class Component(Protocol):
    """Something that runs beside the bot: a platform adapter, the reminder scheduler."""

    async def start(self) -> None: ...
    async def stop(self) -> None: ...


def build_core(settings: Settings | None = None, clock: Clock | None = None) -> Core:
    settings = settings or Settings()
    db = Database(settings.database_url)
    db.create_all()
    return Core(settings, db, clock)


def build_dispatcher(core: Core) -> Dispatcher:
    return Dispatcher(core, build_registry())


async def _wait_for_stop() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()


def build_scheduler(core: Core, dispatcher: Dispatcher) -> Component:
    """The reminder engine with every feature's sources, driven by one APScheduler job."""
    registry = dispatcher.registry
    engine = ReminderEngine(core, registry.reminder_sources, registry.live_renderers)
    return SchedulerRuntime(engine, interval_seconds=core.settings.khoibot_tick_seconds)


def tune_gc() -> None:
    """Keeps the garbage collector's full passes short: at national scale a full pass over every object
    held the event loop for 50-90 ms every few seconds during a reminder wave. What start-up created (the
    modules, the handlers, the platforms' clients) is moved out of its reach with ``gc.freeze``, and
    collections run less often on the young objects each update creates and drops."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


async def _run_components(components: list[Component], until: asyncio.Future | asyncio.Task) -> None:
    started: list[Component] = []
    try:
        for component in components:
            await component.start()
            started.append(component)
        tune_gc()
        await until
    finally:
        for component in reversed(started):
            await component.stop()


def build_platforms(core: Core, dispatcher: Dispatcher, *, zalo_webhook: bool = False,
                    telegram_webhook: bool = False) -> list[Component]:
    """An adapter for every platform whose token is configured: Telegram, Zalo, or both at once
    (one process, one database, one scheduler; a bloc may have officers on both). One web server
    serves both webhooks and the file links; it starts first, so a webhook is set once it listens."""
    settings = core.settings
    web = WebServer(core) if (telegram_webhook or zalo_webhook or settings.khoibot_public_url) else None
    components: list[Component] = [web] if web is not None else []
    if settings.token():
        components.append(TelegramAdapter(core, dispatcher, webhook=telegram_webhook, web=web))
    if settings.zalo_token():
        components.append(ZaloAdapter(core, dispatcher, webhook=zalo_webhook, web=web))
    return components


async def run_platforms(core: Core, *, zalo_webhook: bool = False, telegram_webhook: bool = False) -> None:
    """Runs every configured platform and the scheduler until SIGINT/SIGTERM."""
    dispatcher = build_dispatcher(core)
    components = build_platforms(core, dispatcher, zalo_webhook=zalo_webhook, telegram_webhook=telegram_webhook)
    components.append(build_scheduler(core, dispatcher))
    await _run_components(components, asyncio.ensure_future(_wait_for_stop()))


async def run_console(core: Core, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> None:
    """The console chat with the same scheduler, so reminders appear in it too."""
    dispatcher = build_dispatcher(core)
    chat = ConsoleChat(core, dispatcher, out=out)
    await _run_components([build_scheduler(core, dispatcher)], asyncio.ensure_future(chat.run(stdin)))
