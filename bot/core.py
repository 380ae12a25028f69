"""The core object shared by every adapter: settings, database, clock and the connected platforms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.files import FileStore
from bot.ports import Document, Messenger
from storage.db import Database


class Core:
    """One per process; serves every bloc on every connected platform."""

    def __init__(self, settings: Settings, db: Database, clock: Clock | None = None) -> None:
        self.settings = settings
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self.messengers: dict[str, Messenger] = {}
        self.files = FileStore(settings.khoibot_files_dir)
        # kind -> (session, item id) -> a picture for an outbox message (a vote's result chart): set from
        # the features' registry at wiring, rendered when the message is sent.
        self.attachments: dict[str, Callable[[Session, int, datetime], Document | None]] = {}

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
