"""Routes platform-neutral updates to feature handlers; the one place errors become polite replies.

Adapters call :meth:`Dispatcher.handle_message` and :meth:`Dispatcher.handle_callback`. Each update
gets one database session; a refused or failed update is rolled back, so bad input changes nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.core import Core
from bot.errors import UserError
from bot.i18n import t
from bot.ports import Incoming, Messenger, OutMessage, SentRef
from bot.records import Bloc
from bot.services.blocs.chats import migrate_chat
from bot.services.blocs.service import bloc_of_chat
from bot.services.delivery import inbox
from bot.services.people.accounts import find_actor, find_actor_in_private, note_blocked_by_id
from handlers.registry import Command, Registry, Where, Who
from handlers.request import CallbackAnswer, Request

log = logging.getLogger(__name__)

_COMMAND_RE = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+(.*))?$", re.DOTALL)


@dataclass(frozen=True)
class ParsedCommand:
    name: str
    args: str
    addressed_to: str | None


def parse_command(text: str) -> ParsedCommand | None:
    """``/unit_add@KhoiBot YTE Sở Y tế`` -> (unit_add, "YTE Sở Y tế", KhoiBot); None if not a command."""
    match = _COMMAND_RE.match(text.strip())
    if match is None:
        return None
    name, to, args = match.groups()
    return ParsedCommand(name=name.lower(), args=(args or "").strip(), addressed_to=to)


class Dispatcher:
    def __init__(self, core: Core, registry: Registry) -> None:
        self.core = core
        self.registry = registry
        core.attachments.update(registry.attachments)

    # --- building a request ----------------------------------------------------------------
    def _request(self, s: Session, messenger: Messenger, incoming: Incoming) -> Request | None:
        """The request for an update, or None when the update was handled before (a re-delivery)."""
        now = self.core.now()
        bloc: Bloc | None
        if incoming.chat.is_group:
            actor = find_actor(s, incoming.sender, incoming.chat)
            bloc = bloc_of_chat(s, incoming.chat.platform, incoming.chat.chat_id)
        else:
            actor, bloc = find_actor_in_private(s, incoming.sender, incoming.chat)
        # A known person's name and private chat are kept current even if the handler is refused.
        if s.dirty or s.new:
            s.commit()
        if not self._claim(s, incoming, now):
            log.info("update %s:%s was handled before; ignored", incoming.chat.platform, incoming.update_key)
            return None
        lang = bloc.language if bloc is not None else self.core.default_language
        return Request(core=self.core, registry=self.registry, messenger=messenger, incoming=incoming,
                       session=s, actor=actor, bloc=bloc, lang=lang, now=now)

    @staticmethod
    def _claim(s: Session, incoming: Incoming, now: datetime) -> bool:
        """Records the update as handled in the transaction that handles it (see inbox.claim)."""
        if incoming.update_key is None:
            return True
        return inbox.claim(s, platform=incoming.chat.platform, key=incoming.update_key,
                           chat_id=incoming.chat.chat_id, now=now)

    # --- messages ----------------------------------------------------------------------------
    async def handle_message(self, messenger: Messenger, incoming: Incoming, bot_username: str | None = None) -> None:
        parsed = parse_command(incoming.text) if incoming.text else None
        if parsed is not None and parsed.addressed_to and bot_username:
            if parsed.addressed_to.lower() != bot_username.lower():
                return  # a command for another bot in the group
        with self.core.db.session() as s:
            req = self._request(s, messenger, incoming)
            if req is not None:
                await self._guarded(req, self._route_message, parsed)

    async def _route_message(self, req: Request, parsed: ParsedCommand | None) -> None:
        if parsed is None:
            await self._route_other(req)
            return
        cmd = self.registry.commands.get(parsed.name)
        if cmd is None:
            # In a group other bots' commands are common: answer only when addressed to us.
            if not req.is_group or parsed.addressed_to:
                await req.reply(req.t("err.unknown_command", command=parsed.name))
            return
        req.command, req.args = cmd.name, parsed.args
        self._check_access(req, cmd)
        await cmd.handler(req)

    async def _route_other(self, req: Request) -> None:
        claimers = self.registry.attachment_handlers if req.incoming.attachment else self.registry.text_handlers
        for claim in claimers:
            if await claim(req):
                return
        if not req.is_group:
            await req.reply(req.t("private.text_hint"))

    def _check_access(self, req: Request, cmd: Command) -> None:
        if not cmd.allowed_in(is_group=req.is_group, groups_exist=req.messenger.supports_groups):
            raise UserError("err.group_only" if cmd.where is Where.GROUP else "err.private_only", command=cmd.name)
        if cmd.who is Who.ANYONE:
            return
        req.require_bloc()
        if cmd.who is Who.OFFICER and not req.standing.is_officer:
            raise UserError("err.not_officer")
        if cmd.who is Who.MANAGER and not req.standing.can_manage:
            raise UserError("err.not_manager", command=cmd.name)

    # --- buttons -----------------------------------------------------------------------------
    async def handle_callback(
        self, messenger: Messenger, incoming: Incoming, data: str, origin: SentRef | None
    ) -> CallbackAnswer:
        """Runs a button press; returns what to show the presser. Data is validated here, never trusted."""
        with self.core.db.session() as s:
            req = self._request(s, messenger, incoming)
            if req is None:
                return CallbackAnswer()
            req.callback_data, req.origin = data, origin
            await self._guarded(req, self._route_callback, data)
            return req.answer

    async def _route_callback(self, req: Request, data: str) -> None:
        prefix, _, rest = data.partition(":")
        spec = self.registry.callbacks.get(prefix)
        match = spec.pattern.fullmatch(rest) if spec is not None else None
        if spec is None or match is None:
            req.toast(req.t("callback.invalid"), alert=True)
            return
        await spec.handler(req, match)

    # --- errors ------------------------------------------------------------------------------
    async def _guarded(self, req: Request, route: Callable[[Request, Any], Awaitable[None]], arg: object) -> None:
        try:
            await route(req, arg)
            req.commit()
        except UserError as exc:
            self._rolled_back(req, exc.remember)
            await self._refuse(req, req.t(exc.key, **exc.params))
        except Exception:
            self._rolled_back(req)
            log.exception("update failed: %s in %s:%s", req.command or "message",
                          req.incoming.chat.platform, req.incoming.chat.chat_id)
            await self._refuse(req, req.t("err.internal"))

    def _rolled_back(self, req: Request, remember: Callable[[Session], None] | None = None) -> None:
        """Undoes what a refused or failed update changed, but keeps the record that it was handled:
        delivered again, it is not answered twice (nor counted twice by ``remember``)."""
        req.session.rollback()
        self._claim(req.session, req.incoming, req.now)
        if remember is not None:
            remember(req.session)
        req.session.commit()

    async def _refuse(self, req: Request, text: str) -> None:
        if req.callback_data is not None:
            req.toast(text, alert=True)
            return
        try:
            await req.reply(text)
        except Exception:  # the apology itself failed; the log has the cause
            log.exception("could not send the error reply")

    # --- platform events ---------------------------------------------------------------------
    def chat_migrated(self, platform: str, old_chat_id: str, new_chat_id: str) -> None:
        with self.core.db.session() as s:
            migrate_chat(s, platform=platform, old_chat_id=old_chat_id, new_chat_id=new_chat_id, now=self.core.now())

    def private_blocked(self, platform: str, user_id: str) -> None:
        with self.core.db.session() as s:
            note_blocked_by_id(s, platform, user_id)

    async def bot_added_to_group(self, messenger: Messenger, chat_id: str) -> None:
        """Says how to bind the group when the bot is added to an unbound one."""
        with self.core.db.session() as s:
            bloc = bloc_of_chat(s, messenger.platform, chat_id)
            lang = bloc.language if bloc else self.core.default_language
            key = "start.group_bound" if bloc else "start.group_unbound"
            text = t(lang, key, bloc=bloc.name if bloc else "")
        try:
            await messenger.send(chat_id, OutMessage(text=text))
        except Exception:
            log.warning("could not greet group %s", chat_id, exc_info=True)
