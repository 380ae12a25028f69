"""Building the core and running it on the configured platforms."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import Protocol, TextIO

from bot.clock import Clock
from bot.config import Settings
from bot.core import Core
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


def build_dispatcher(core: Core):  # noqa: ANN201 - handlers.dispatch.Dispatcher, imported lazily
    from handlers.dispatch import Dispatcher
    from handlers.features import build_registry

    return Dispatcher(core, build_registry())


async def _wait_for_stop() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()


async def run_platforms(core: Core) -> None:
    """Runs every platform whose token is configured until SIGINT/SIGTERM."""
    dispatcher = build_dispatcher(core)
    components: list[Component] = []
    if core.settings.token():
        from handlers.telegram.adapter import TelegramAdapter  # the only place bot/ reaches Telegram

        components.append(TelegramAdapter(core, dispatcher))
    started: list[Component] = []
    try:
        for component in components:
            await component.start()
            started.append(component)
        await _wait_for_stop()
    finally:
        for component in reversed(started):
            await component.stop()


async def run_console(core: Core, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> None:
    from handlers.console import ConsoleChat

    chat = ConsoleChat(core, build_dispatcher(core), out=out)
    await chat.run(stdin)
