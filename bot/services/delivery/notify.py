"""Queuing a notice to a bloc: its group chat(s), officers privately, the head's officers.

Used by the reminder engine and by features that must tell every unit something (a conference
moved, a pledge closed, results published). Messages go through the outbox, so they survive a
restart and are retried; ``key`` makes queuing the same notice twice a no-op.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import event
from sqlmodel import Session

from bot.ports import Button
from bot.services.blocs.standing import bloc_year, role_units_now
from bot.services.delivery import outbox
from storage.models import Account, Bloc, BlocChat, Officer, Unit, id_of
from storage.queries.blocs import accounts_of_officers, chats_of_bloc, officers_by_unit
from storage.queries.platforms import open_accounts_outside


@dataclass
class Notice:
    """What to send, and to whom.

    ``group_text``: posted in the bloc's group chat(s) (with ``buttons``).
    ``private_text``: sent privately to every officer of each unit in ``units``.
    ``managers_text``: sent privately to the officers of the current head and deputy units.
    Only officers who opened a private chat with the bot can be reached privately.

    Officers of member units who cannot see any of the bloc's chats (a bloc on Zalo only, or a Zalo
    officer of a Telegram bloc: no account on a platform where the bloc has a group) are "unseen":
    - a notice for the whole bloc (no ``private_text``: results, a change, a closing) reaches them
      privately, the group text with its buttons, on each open account;
    - a notice addressed to some units (a reminder: ``private_text``) reaches only those units:
      their unseen officers get the private text with the group post's buttons (the sign or vote
      button they could not press in a group), and officers of other units get nothing.
    """

    units: Sequence[Unit] = ()
    group_text: str | None = None
    private_text: Callable[[Unit], str] | None = None
    managers_text: str | None = None
    buttons: list[list[Button]] = field(default_factory=list)
    # (kind, item id): the group post becomes that item's live post once sent (a vote opened by the
    # scheduler keeps its turnout up to date like one opened by a command).
    live: tuple[str, int] | None = None
    # The buttons go with every private text, not only to those who cannot see the group (a request to
    # sign again is answered with the button, wherever the officer reads it).
    buttons_in_private: bool = False
    # Accounts that get no private copy: whoever made the change already has the answer.
    skip: tuple[int, ...] = ()
    # (kind, item id): a picture sent with the group text as its caption (outbox.Outgoing.attachment).
    attachment: tuple[str, int] | None = None


@event.listens_for(Session, "after_flush")
def _forget_memo(session: Session, _context: object) -> None:
    """A write may change who acts for which unit: the memo below lives only between writes."""
    for key in [k for k in session.info if isinstance(k, tuple) and k and k[0] == "notify.officers"]:
        del session.info[key]


def _officers_and_accounts(s: Session, unit_ids: Sequence[int]) -> tuple[dict[int, list[Officer]],
                                                                         dict[int, list[Account]]]:
    """The units' officers and their accounts, read once per transaction: a reminder needs them both to
    name the officers in the group post and to reach them privately."""
    key = ("notify.officers", tuple(sorted(set(unit_ids))))
    cached = s.info.get(key)
    if cached is None:
        officers = officers_by_unit(s, unit_ids)
        accounts = accounts_of_officers(s, [o.id for offs in officers.values() for o in offs if o.id is not None])
        cached = s.info[key] = (officers, accounts)
    return cached


def open_accounts(s: Session, unit_ids: list[int]) -> dict[int, list[Account]]:
    """Accounts with an open private chat, per unit (officers who never wrote to the bot are left out)."""
    officers, accounts = _officers_and_accounts(s, unit_ids)
    return {
        unit_id: [a for o in offs for a in accounts.get(id_of(o), [])
                  if a.private_chat_id and a.private_status == "open"]
        for unit_id, offs in officers.items()
    }


def queue_notice(s: Session, *, bloc: Bloc, notice: Notice, key: str, now: datetime) -> int:
    """Queues the notice's messages in the outbox; returns how many were new."""
    assert bloc.id is not None
    out: list[outbox.Outgoing] = []

    def private(account: Account, text: str, suffix: str, buttons: list[list[Button]] | None = None) -> None:
        if account.id in notice.skip:
            return
        out.append(outbox.Outgoing(f"{key}:{suffix}:{account.id}", account.platform, account.private_chat_id or "",
                                   text, bloc.id, account.id, buttons or [],
                                   attachment=notice.attachment if suffix == "dm" else None))

    units = [u for u in notice.units if u.id is not None]
    chats = chats_of_bloc(s, bloc.id)
    wide = notice.group_text is not None or notice.private_text is not None
    unseen = unseen_accounts(s, bloc, now, chats) if wide else []
    if notice.private_text is not None:
        accounts = open_accounts(s, [id_of(u) for u in units])
        unseen_ids = {a.id for a in unseen}
        for unit in units:
            text = notice.private_text(unit)
            for account in accounts.get(id_of(unit), []):
                private(account, text, "dm",
                        notice.buttons if notice.buttons_in_private or account.id in unseen_ids else None)
    if notice.group_text is not None:
        out.extend(outbox.Outgoing(f"{key}:chat:{c.platform}:{c.chat_id}", c.platform, c.chat_id, notice.group_text,
                                   bloc.id, None, notice.buttons, notice.live, notice.attachment) for c in chats)
        if notice.private_text is None:  # a notice for the whole bloc: everyone who cannot see the group
            for account in unseen:
                private(account, notice.group_text, "dm", notice.buttons)
    if notice.managers_text is not None:
        managing = list(set(role_units_now(s, bloc, now).values()))
        for account in (a for accs in open_accounts(s, managing).values() for a in accs):
            private(account, notice.managers_text, "mgr")
    return outbox.enqueue_many(s, out, now)


def unseen_accounts(s: Session, bloc: Bloc, now: datetime, chats: Sequence[BlocChat] | None = None) -> list[Account]:
    """Open private accounts of the officers who cannot see any of the bloc's group chats."""
    assert bloc.id is not None
    if chats is None:
        chats = chats_of_bloc(s, bloc.id)
    return open_accounts_outside(s, bloc.id, bloc_year(bloc, now), {c.platform for c in chats})


def queue_unseen_copies(s: Session, *, bloc: Bloc, text: str, buttons: list[list[Button]], key: str, now: datetime,
                        skip: Iterable[int | None] = (), chats: Sequence[BlocChat] | None = None) -> int:
    """Queues, privately, a post the bloc's group chats got to every officer who cannot see them
    (all officers when the bloc has no group chat), except the accounts in ``skip``."""
    left_out = set(skip)
    out = [outbox.Outgoing(f"{key}:dm:{a.id}", a.platform, a.private_chat_id or "", text, bloc.id, a.id, buttons)
           for a in unseen_accounts(s, bloc, now, chats) if a.id not in left_out]
    return outbox.enqueue_many(s, out, now)


def officer_handles(s: Session, units: Sequence[Unit]) -> dict[int, str]:
    """For each unit, its officers as a group post names them: "Lan (@lan_nt), Hùng".

    A Telegram @username notifies the person even in a busy group; a name alone is shown otherwise.
    Units without an officer map to an empty string.
    """
    unit_ids = [u.id for u in units if u.id is not None]
    officers, accounts = _officers_and_accounts(s, unit_ids)
    out: dict[int, str] = {}
    for unit_id in unit_ids:
        names = []
        for officer in officers.get(unit_id, []):
            usernames = [a.username for a in accounts.get(id_of(officer), []) if a.username]
            names.append(f"{officer.display_name} (@{usernames[0]})" if usernames else officer.display_name)
        out[unit_id] = ", ".join(names)
    return out
