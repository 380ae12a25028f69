"""The core object shared by every adapter: settings, database, clock and the connected platforms."""

from __future__ import annotations

from datetime import datetime

from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.files import FileStore
from bot.ports import Messenger
from storage.db import Database


class Core:
    """One per process; serves every bloc on every connected platform."""

    def __init__(self, settings: Settings, db: Database, clock: Clock | None = None) -> None:
        self.settings = settings
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self.messengers: dict[str, Messenger] = {}
        self.files = FileStore(settings.khoibot_files_dir)

    def now(self) -> datetime:
        return self.clock.now()

    def add_messenger(self, messenger: Messenger) -> None:
        self.messengers[messenger.platform] = messenger

    @property
    def default_language(self) -> str:
        return self.settings.khoibot_language

    @property
    def default_timezone(self) -> str:
        return self.settings.khoibot_timezone
