"""The outbox: messages the bot must deliver later (reminders, notices), kept until delivered.

Rows are written in the same transaction as the decision to send them, then drained by the
scheduler: a send that fails is retried with back-off, a blocked private chat is recorded on the
account, and nothing is dropped silently (a row that keeps failing ends as ``failed`` and is logged).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, exists, insert
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from bot.core import Core
from bot.ports import Button, Document, OutMessage, RecipientUnavailable, SendError, SentRef
from bot.services.delivery import live
from bot.services.delivery.retry import backoff
from storage.models import Account, OutboxMessage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 20
CONCURRENT_CHATS = 32
PENDING, SENDING = "pending", "sending"
WAITING = (PENDING, SENDING)  # states in which a message holds back the later ones of its chat
# How long a claim lasts: longer than any wait in the platform's flood limiter (a group's queue).
LEASE = timedelta(minutes=2)


def note_private_blocked(s: Session, account: Account) -> None:
    """The platform refused a private message (blocked bot, deleted account): reminders stop going there."""
    if account.private_status != "blocked":
        account.private_status = "blocked"
        s.add(account)


def _buttons_json(buttons: list[list[Button]]) -> str | None:
    if not buttons:
        return None
    return json.dumps([[{"label": b.label, "data": b.data, "url": b.url} for b in row] for row in buttons],
                      ensure_ascii=False)


def _buttons(raw: str | None) -> list[list[Button]]:
    if not raw:
        return []
    return [[Button(b["label"], data=b.get("data"), url=b.get("url")) for b in row] for row in json.loads(raw)]


@dataclass(frozen=True)
class Outgoing:
    """A message to queue; ``dedup_key`` makes queuing idempotent (a unique column)."""

    dedup_key: str
    platform: str
    chat_id: str
    text: str
    bloc_id: int | None = None
    account_id: int | None = None
    buttons: tuple[tuple[Button, ...], ...] | list[list[Button]] = ()
    # (kind, item id): once sent, the message becomes that item's live post (a counter kept up to date).
    live: tuple[str, int] | None = None
    # (kind, item id): a picture rendered at sending time (Core.attachments), the text its caption.
    attachment: tuple[str, int] | None = None


def enqueue_many(s: Session, items: list[Outgoing], now: datetime) -> int:
    """Queues each message whose key was never queued; returns how many were new.

    Keys already present are skipped with one query per 500 keys (no savepoint per row); a
    concurrent writer racing on the same key makes the whole transaction fail and be retried.
    """
    fresh: dict[str, Outgoing] = {}
    for item in items:
        fresh.setdefault(item.dedup_key[:200], item)
    keys = list(fresh)
    conn = s.connection()
    for start in range(0, len(keys), 500):
        for (key,) in conn.execute(_QUEUED_KEYS, {"keys": keys[start:start + 500]}):
            fresh.pop(key, None)
    if fresh:
        # Plain rows in one INSERT: a reminder wave queues tens of thousands, and ORM objects cost more
        # than the database does.
        conn.execute(_INSERT, [
            {"bloc_id": i.bloc_id, "platform": i.platform, "chat_id": i.chat_id, "account_id": i.account_id,
             "text": i.text, "buttons": _buttons_json([list(r) for r in i.buttons]), "dedup_key": key,
             "state": PENDING, "attempts": 0, "live_kind": i.live[0] if i.live else None,
             "live_item_id": i.live[1] if i.live else None, "next_attempt_at": now, "created_at": now,
             "attachment": f"{i.attachment[0]}:{i.attachment[1]}" if i.attachment else None,
             "sent_at": None, "message_id": None, "last_error": None}
            for key, i in fresh.items()])
    return len(fresh)


_QUEUED_KEYS = select(OutboxMessage.dedup_key).where(col(OutboxMessage.dedup_key).in_(bindparam("keys", expanding=True)))
_INSERT = insert(OutboxMessage)


def enqueue(
    s: Session, *, dedup_key: str, platform: str, chat_id: str, text: str, now: datetime,
    bloc_id: int | None = None, account_id: int | None = None, buttons: list[list[Button]] | None = None,
) -> bool:
    """Queues one message once per ``dedup_key``; False if that key was queued before."""
    item = Outgoing(dedup_key, platform, chat_id, text, bloc_id, account_id, buttons or [])
    return enqueue_many(s, [item], now) == 1


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    undeliverable: int = 0
    failed: int = 0


def claim(s: Session, now: datetime, *, platforms: Iterable[str], limit: int) -> list[OutboxMessage]:
    """Takes the next due message of up to ``limit`` chats and marks them as being sent (committed by
    the caller before anything is sent: claim before send).

    A claim is a lease: a message still "sending" when it runs out (its sender crashed, or a process
    died) is due again, so nothing is lost; only a message whose send reached the platform in the very
    instant of the crash can go out twice. One message per chat per claim, and never while an earlier
    message of that chat is waiting or being sent: a chat's messages keep their order, also across
    several processes (PostgreSQL: the rows are locked with SKIP LOCKED while claimed).
    """
    connected = list(platforms)
    if not connected or limit <= 0:
        return []
    earlier = aliased(OutboxMessage)
    blocked = exists().where(col(earlier.platform) == OutboxMessage.platform, col(earlier.chat_id) == OutboxMessage.chat_id,
                             col(earlier.id) < OutboxMessage.id, col(earlier.state).in_(WAITING))
    rows: list[OutboxMessage] = []
    for state in (SENDING, PENDING):  # leases run out first: they are the oldest messages
        if len(rows) >= limit:
            break
        query = (select(OutboxMessage)
                 .where(OutboxMessage.state == state, col(OutboxMessage.next_attempt_at) <= now,
                        col(OutboxMessage.platform).in_(connected), ~blocked)
                 .order_by(col(OutboxMessage.id)).limit(limit - len(rows)).with_for_update(skip_locked=True))
        rows.extend(s.exec(query))
    for row in rows:
        row.state, row.next_attempt_at = SENDING, now + LEASE
        s.add(row)
    return rows


async def drain(core: Core, now: datetime, limit: int = 2000) -> DrainReport:
    """Delivers everything due now, chat by chat in order, many chats at once (the scheduler's pass in
    tests and the console; a running bot uses :class:`scheduler.sender.OutboxSender`)."""
    report = DrainReport()
    gate = asyncio.Semaphore(CONCURRENT_CHATS)

    async def one(row: OutboxMessage) -> None:
        async with gate:
            await deliver(core, row, report)

    while True:
        with core.db.session() as s:
            rows = claim(s, now, platforms=core.messengers, limit=limit)
        if not rows:
            return report
        await asyncio.gather(*(one(row) for row in rows))


async def deliver(core: Core, row: OutboxMessage, report: DrainReport) -> bool:
    """Sends one claimed message and records the outcome; True when the chat may go on (sent, or the
    person cannot be reached), False when it waits for a retry."""
    messenger = core.messengers[row.platform]
    outcome: str
    error: str | None = None
    message_id: str | None = None
    try:
        document = _attachment(core, row.attachment) if row.attachment else None
        ref = await messenger.send(row.chat_id, OutMessage(text=row.text, buttons=_buttons(row.buttons),
                                                           document=document, bulk=True))
        outcome, message_id = "sent", ref.message_id
    except RecipientUnavailable as exc:
        outcome, error = "undeliverable", str(exc)
    except SendError as exc:
        outcome, error = "retry", str(exc)
    except Exception as exc:  # a bug in rendering must not lose the message either
        log.exception("outbox row %s could not be sent", row.id)
        outcome, error = "retry", f"{type(exc).__name__}: {exc}"
    now = core.now()
    with core.db.session() as s:
        fresh = s.get(OutboxMessage, row.id)
        assert fresh is not None
        fresh.attempts += 1
        fresh.last_error = error[:300] if error else None
        if outcome == "sent":
            fresh.state, fresh.sent_at, fresh.message_id = "sent", now, message_id
            report.sent += 1
            if fresh.live_kind is not None and fresh.live_item_id is not None and fresh.bloc_id is not None:
                assert message_id is not None
                live.register_post(s, bloc_id=fresh.bloc_id, kind=fresh.live_kind, item_id=fresh.live_item_id,
                                   ref=SentRef(fresh.platform, fresh.chat_id, message_id), now=now)
        elif outcome == "undeliverable":
            fresh.state = "undeliverable"
            report.undeliverable += 1
            if fresh.account_id is not None:
                account = s.get(Account, fresh.account_id)
                if account is not None:
                    note_private_blocked(s, account)
        elif fresh.attempts >= MAX_ATTEMPTS:
            fresh.state = "failed"
            report.failed += 1
            log.error("giving up on outbox row %s to %s:%s after %s attempts: %s", fresh.id, fresh.platform,
                      fresh.chat_id, fresh.attempts, error)
        else:
            # Later messages of this chat wait behind this one (claim() skips them).
            fresh.state, fresh.next_attempt_at = PENDING, now + backoff(fresh.attempts)
            report.retried += 1
        s.add(fresh)
    return outcome in ("sent", "undeliverable")


def _attachment(core: Core, raw: str) -> Document | None:
    """Renders ``kind:id`` with the feature's renderer; the text alone goes if there is nothing to show."""
    kind, _, item = raw.partition(":")
    renderer = core.attachments.get(kind)
    if renderer is None or not item.isdigit():
        return None
    with core.db.session() as s:
        return renderer(s, int(item), core.now())


def release_claims(s: Session, now: datetime) -> int:
    """Frees every claim at once: for a single process at start-up (SQLite), whose earlier claims all
    belonged to a process that is gone. A message in flight at the crash may then go out twice."""
    rows = list(s.exec(select(OutboxMessage).where(OutboxMessage.state == SENDING)))
    for row in rows:
        row.state, row.next_attempt_at = PENDING, now
        s.add(row)
    return len(rows)


def pending_count(s: Session) -> int:
    return len(list(s.exec(select(OutboxMessage.id).where(OutboxMessage.state == "pending"))))
