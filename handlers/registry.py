"""What a feature module declares: its commands, button callbacks and deep links."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from sqlmodel import Session

    from bot.ports import Document
    from bot.services.delivery.live import LiveRenderer
    from bot.services.reminders.sources import ReminderSource
    from handlers.request import Request


class Who(Enum):
    """Who may run a command; checked once, in the dispatcher, before the handler runs."""

    ANYONE = "anyone"  # no bloc needed
    MEMBER = "member"  # anyone in the bloc's group, or a private chat of a bloc's person
    OFFICER = "officer"  # acts for a member unit
    MANAGER = "manager"  # officer of the head/deputy unit, or the setup admin


class Where(Enum):
    ANY = "any"
    GROUP = "group"
    PRIVATE = "private"


Handler = Callable[["Request"], Awaitable[None]]
# Returns True when it took the message (a document for a deadline, an answer in a guided flow).
Claimer = Callable[["Request"], Awaitable[bool]]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    who: Who = Who.MEMBER
    where: Where = Where.ANY
    # Listed in Telegram's command menu and /help (hidden ones still work).
    menu: bool = True

    @property
    def help_key(self) -> str:
        return f"cmd.{self.name}"

    def allowed_in(self, *, is_group: bool, groups_exist: bool) -> bool:
        """Whether the command runs in this kind of chat. On a platform without group chats (Zalo)
        a bloc lives in private chats, so its group commands run there."""
        if self.where is Where.GROUP:
            return is_group or not groups_exist
        if self.where is Where.PRIVATE:
            return not is_group
        return True


@dataclass(frozen=True)
class Callback:
    """A button family: callback data ``<prefix>:<rest>`` where ``rest`` must match ``pattern``."""

    prefix: str
    handler: Callable[[Request, re.Match[str]], Awaitable[None]]
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DeepLink:
    """``/start <prefix><rest>`` payloads (Telegram deep links), e.g. opening a private ballot."""

    prefix: str
    handler: Callable[[Request, str], Awaitable[None]]


@dataclass
class Registry:
    commands: dict[str, Command] = field(default_factory=dict)
    callbacks: dict[str, Callback] = field(default_factory=dict)
    deep_links: list[DeepLink] = field(default_factory=list)
    # Tried in order for messages that are not commands: files and links, then plain text.
    attachment_handlers: list[Claimer] = field(default_factory=list)
    text_handlers: list[Claimer] = field(default_factory=list)
    # What the scheduler needs from features: reminder sources and live-post renderers, by kind.
    reminder_sources: dict[str, ReminderSource] = field(default_factory=dict)
    live_renderers: dict[str, LiveRenderer] = field(default_factory=dict)
    attachments: dict[str, Callable[[Session, int, datetime], Document | None]] = field(default_factory=dict)

    def add_feature(self, module: object) -> None:
        for cmd in getattr(module, "COMMANDS", ()):
            if cmd.name in self.commands:
                raise RuntimeError(f"command /{cmd.name} registered twice")
            self.commands[cmd.name] = cmd
        for cb in getattr(module, "CALLBACKS", ()):
            if cb.prefix in self.callbacks:
                raise RuntimeError(f"callback prefix {cb.prefix!r} registered twice")
            self.callbacks[cb.prefix] = cb
        self.deep_links.extend(getattr(module, "DEEP_LINKS", ()))
        self.attachment_handlers.extend(getattr(module, "ATTACHMENT_HANDLERS", ()))
        self.text_handlers.extend(getattr(module, "TEXT_HANDLERS", ()))
        for source in getattr(module, "REMINDER_SOURCES", ()):
            if source.kind in self.reminder_sources:
                raise RuntimeError(f"reminder source {source.kind!r} registered twice")
            self.reminder_sources[source.kind] = source
        for kind, picture in getattr(module, "ATTACHMENTS", {}).items():
            if kind in self.attachments:
                raise RuntimeError(f"attachment {kind!r} registered twice")
            self.attachments[kind] = picture
        for kind, renderer in getattr(module, "LIVE_RENDERERS", {}).items():
            if kind in self.live_renderers:
                raise RuntimeError(f"live renderer {kind!r} registered twice")
            self.live_renderers[kind] = renderer
