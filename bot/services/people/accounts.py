"""People and their platform accounts."""

# note_private_blocked lives with the outbox (which notices a refused private message first) and is
# re-exported here, where the rest of a person's reachability is kept.

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.ports import ChatInfo, Sender
from bot.services.audit import Actor
from bot.services.delivery.outbox import note_private_blocked
from storage.models import Account, Bloc, Officer, id_of
from storage.queries.blocs import (
    account_by_platform_id,
    account_with_officer,
    blocs_administered,
    person_and_acting_bloc,
)

NAME_MAX = 200


def shown_name(sender: Sender) -> str:
    return (sender.display_name or sender.username or sender.user_id).strip()[:NAME_MAX] or sender.user_id


def find_actor(s: Session, sender: Sender, chat: ChatInfo) -> Actor:
    """The person behind ``sender`` if the bot knows them (their shown name and private chat kept
    current), else a stranger with no rows: rows are created only when a person does something that
    needs one (:func:`ensure_actor`), so messages from strangers never grow the database."""
    found = account_with_officer(s, sender.platform, sender.user_id)
    if found is None:
        return Actor(officer=None, account=None, stranger=shown_name(sender))
    actor = _known(s, found[0], sender, found[1])
    if not chat.is_group:
        note_private_chat(s, found[0], chat.chat_id)
    return actor


def find_actor_in_private(s: Session, sender: Sender, chat: ChatInfo) -> tuple[Actor, Bloc | None]:
    """:func:`find_actor` for a private chat, with the bloc it speaks for (see
    :func:`bot.services.blocs.standing.private_bloc`), in one query for the usual case."""
    found = person_and_acting_bloc(s, sender.platform, sender.user_id)
    if found is None:
        return Actor(officer=None, account=None, stranger=shown_name(sender)), None
    account, officer, bloc = found
    actor = _known(s, account, sender, officer)
    note_private_chat(s, account, chat.chat_id)
    if bloc is None:
        administered = blocs_administered(s, id_of(officer))
        bloc = administered[-1] if administered else None
    return actor, bloc


def ensure_actor(s: Session, sender: Sender, now: datetime) -> Actor:
    """The person behind ``sender``, created on first sight; keeps the shown name current."""
    name = shown_name(sender)
    account = account_by_platform_id(s, sender.platform, sender.user_id)
    if account is None:
        officer = Officer(display_name=name, created_at=now)
        s.add(officer)
        s.flush()
        assert officer.id is not None
        account = Account(
            officer_id=officer.id,
            platform=sender.platform,
            platform_user_id=sender.user_id,
            display_name=name,
            username=sender.username,
            created_at=now,
        )
        s.add(account)
        s.flush()
        return Actor(officer=officer, account=account)
    return _known(s, account, sender)


def _known(s: Session, account: Account, sender: Sender, officer: Officer | None = None) -> Actor:
    name = shown_name(sender)
    if officer is None:
        officer = s.get(Officer, account.officer_id)
    assert officer is not None
    if account.display_name != name or account.username != sender.username:
        # The person's shown name follows this account only if it came from it, so a person
        # with a Telegram and a Zalo account keeps one stable name.
        if officer.display_name == account.display_name and officer.display_name != name:
            officer.display_name = name
            s.add(officer)
        account.display_name = name
        account.username = sender.username
        s.add(account)
    return Actor(officer=officer, account=account)


def note_private_chat(s: Session, account: Account, chat_id: str) -> None:
    """The person wrote to the bot privately: private reminders can reach them from now on."""
    if account.private_chat_id != chat_id or account.private_status != "open":
        account.private_chat_id = chat_id
        account.private_status = "open"
        s.add(account)


def note_blocked_by_id(s: Session, platform: str, user_id: str) -> None:
    """The platform says this person blocked the bot (Telegram's my_chat_member update)."""
    account = account_by_platform_id(s, platform, user_id)
    if account is not None:
        note_private_blocked(s, account)
