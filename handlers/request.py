"""One incoming update as the handlers see it: who, where, which bloc, and how to answer.

A request holds the update's single database session. Every method that talks to a platform
commits that session first, so no write transaction is ever held across an ``await``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import Session

from bot.core import Core
from bot.errors import UserError
from bot.i18n import has, t
from bot.ports import Incoming, Messenger, OutMessage, RecipientUnavailable, SendError, SentRef
from bot.records import Account, Bloc
from bot.services.audit import Actor
from bot.services.blocs.standing import Standing, standing
from bot.services.people.accounts import ensure_actor, note_private_blocked, note_private_chat

if TYPE_CHECKING:
    from handlers.registry import Registry

log = logging.getLogger(__name__)

# A group answer that would wait longer than this at the flood limit goes to the asker privately.
LATE_IN_GROUP = 10.0


@dataclass
class CallbackAnswer:
    """What the adapter shows the person who pressed a button (a toast, or an alert box)."""

    text: str | None = None
    alert: bool = False


@dataclass
class Request:
    core: Core
    registry: Registry
    messenger: Messenger
    incoming: Incoming
    session: Session
    actor: Actor
    bloc: Bloc | None
    lang: str
    now: datetime
    command: str = ""
    args: str = ""
    # Set for button presses: the callback data and the message that carried the button.
    callback_data: str | None = None
    origin: SentRef | None = None
    answer: CallbackAnswer = field(default_factory=CallbackAnswer)
    _standing: Standing | None = None

    # --- who and where -------------------------------------------------------------------
    @property
    def is_group(self) -> bool:
        return self.incoming.chat.is_group

    @property
    def account(self) -> Account:
        assert self.actor.account is not None
        return self.actor.account

    def require_bloc(self) -> Bloc:
        if self.bloc is None:
            raise UserError("err.not_bound_group" if self.is_group else "err.no_bloc_private")
        return self.bloc

    @property
    def standing(self) -> Standing:
        """The person's unit and rights in this request's bloc (computed once per update)."""
        if self._standing is None:
            self._standing = standing(self.session, self.require_bloc(), self.actor, self.now)
        return self._standing

    def person(self) -> Actor:
        """The asker as a person the bot keeps, created now if they were a stranger (the bot keeps no
        rows for people until they do something that needs one: set a bloc up, ask to join, open a
        private chat with /start)."""
        if self.actor.officer is None:
            self.actor = ensure_actor(self.session, self.incoming.sender, self.now)
            if not self.is_group and self.actor.account is not None:
                note_private_chat(self.session, self.actor.account, self.incoming.chat.chat_id)
            self._standing = None
        return self.actor

    def refresh_standing(self) -> Standing:
        self._standing = None
        return self.standing

    def t(self, key: str, /, **params: object) -> str:
        """The text for ``key``; on a platform without group chats (Zalo), its ``<key>.nogroup``
        variant when the catalog has one (a text that would send the person to the group)."""
        if not self.messenger.supports_groups and has(f"{key}.nogroup"):
            key = f"{key}.nogroup"
        return t(self.lang, key, **params)

    # --- answering -----------------------------------------------------------------------
    def commit(self) -> None:
        self.session.commit()

    async def reply(self, message: str | OutMessage) -> SentRef | None:
        """Answers in the chat the update came from. In a group whose queue at the platform's flood limit
        would make the answer late (Telegram: 20 messages a minute per group), the answer goes to the
        asker's private chat instead, where it arrives at once, when they have opened one."""
        chat_id = self.incoming.chat.chat_id
        if self.is_group and self.messenger.backlog(chat_id) > LATE_IN_GROUP:
            account = self.actor.account
            if account is not None and account.platform == self.messenger.platform:
                out = message if isinstance(message, OutMessage) else OutMessage(text=message)
                note = self.t("group.busy_private")
                if await self.send_private(account, OutMessage(f"{note}\n{out.text}", out.buttons, out.document)):
                    return None
        return await self.send(self.messenger, chat_id, message)

    async def send(self, messenger: Messenger, chat_id: str, message: str | OutMessage) -> SentRef | None:
        self.commit()
        out = message if isinstance(message, OutMessage) else OutMessage(text=message)
        try:
            return await messenger.send(chat_id, out)
        except SendError:
            log.warning("send to %s:%s failed", messenger.platform, chat_id, exc_info=True)
            return None

    async def send_private(self, account: Account, message: str | OutMessage) -> bool:
        """Sends to a person's private chat if they opened one; records a block. True if sent."""
        messenger = self.core.messengers.get(account.platform)
        if messenger is None or account.private_chat_id is None or account.private_status == "blocked":
            return False
        self.commit()
        out = message if isinstance(message, OutMessage) else OutMessage(text=message)
        try:
            await messenger.send(account.private_chat_id, out)
        except RecipientUnavailable:
            note_private_blocked(self.session, account)
            self.commit()
            return False
        except SendError:
            log.warning("private send to account %s failed", account.id, exc_info=True)
            return False
        return True

    async def edit_origin(self, message: OutMessage) -> None:
        """Rewrites the message whose button was pressed (e.g. to drop answered buttons)."""
        if self.origin is None:
            return
        self.commit()
        try:
            await self.messenger.edit(self.origin, message)
        except SendError:
            log.warning("edit of %s failed", self.origin, exc_info=True)

    def toast(self, text: str, *, alert: bool = False) -> None:
        self.answer = CallbackAnswer(text=text, alert=alert)

    async def is_group_admin(self) -> bool:
        self.commit()
        return await self.messenger.is_group_admin(self.incoming.chat.chat_id, self.incoming.sender.user_id)
