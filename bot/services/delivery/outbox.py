"""The outbox: messages the bot must deliver later (reminders, notices), kept until delivered.

Rows are written in the same transaction as the decision to send them, then drained by the
scheduler: a send that fails is retried with back-off, a blocked private chat is recorded on the
account, and nothing is dropped silently (a row that keeps failing ends as ``failed`` and is logged).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from bot.core import Core
from bot.ports import Button, OutMessage, RecipientUnavailable, SendError, SentRef
from bot.services.delivery import live
from bot.services.delivery.retry import backoff
from bot.services.people.accounts import note_private_blocked
from storage.models import Account, OutboxMessage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 20
CONCURRENT_CHATS = 16


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


def enqueue_many(s: Session, items: list[Outgoing], now: datetime) -> int:
    """Queues each message whose key was never queued; returns how many were new.

    Keys already present are skipped with one query per 500 keys (no savepoint per row); a
    concurrent writer racing on the same key makes the whole transaction fail and be retried.
    """
    fresh: dict[str, Outgoing] = {}
    for item in items:
        fresh.setdefault(item.dedup_key[:200], item)
    keys = list(fresh)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for key in s.exec(select(OutboxMessage.dedup_key).where(col(OutboxMessage.dedup_key).in_(chunk))):
            fresh.pop(key, None)
    s.add_all(
        OutboxMessage(bloc_id=i.bloc_id, platform=i.platform, chat_id=i.chat_id, account_id=i.account_id,
                      text=i.text, buttons=_buttons_json([list(r) for r in i.buttons]), dedup_key=key,
                      live_kind=i.live[0] if i.live else None, live_item_id=i.live[1] if i.live else None,
                      next_attempt_at=now, created_at=now)
        for key, i in fresh.items()
    )
    return len(fresh)


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


async def drain(core: Core, now: datetime, limit: int = 2000) -> DrainReport:
    """Delivers what is due, one chat's messages in order, several chats at once."""
    with core.db.session() as s:
        rows = list(s.exec(
            select(OutboxMessage)
            .where(OutboxMessage.state == "pending", col(OutboxMessage.next_attempt_at) <= now)
            .order_by(col(OutboxMessage.id)).limit(limit)
        ))
    by_chat: dict[tuple[str, str], list[OutboxMessage]] = defaultdict(list)
    for row in rows:
        if row.platform in core.messengers:  # a platform not connected now keeps its messages
            by_chat[(row.platform, row.chat_id)].append(row)
    report = DrainReport()
    gate = asyncio.Semaphore(CONCURRENT_CHATS)

    async def run_chat(chat_rows: list[OutboxMessage]) -> None:
        async with gate:
            for row in chat_rows:
                if not await _deliver(core, row, now, report):
                    break  # keep this chat's order: later messages wait for the failed one

    await asyncio.gather(*(run_chat(chat_rows) for chat_rows in by_chat.values()))
    return report


async def _deliver(core: Core, row: OutboxMessage, now: datetime, report: DrainReport) -> bool:
    messenger = core.messengers[row.platform]
    outcome: str
    error: str | None = None
    message_id: str | None = None
    try:
        ref = await messenger.send(row.chat_id, OutMessage(text=row.text, buttons=_buttons(row.buttons)))
        outcome, message_id = "sent", ref.message_id
    except RecipientUnavailable as exc:
        outcome, error = "undeliverable", str(exc)
    except SendError as exc:
        outcome, error = "retry", str(exc)
    except Exception as exc:  # a bug in rendering must not lose the message either
        log.exception("outbox row %s could not be sent", row.id)
        outcome, error = "retry", f"{type(exc).__name__}: {exc}"
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
            fresh.next_attempt_at = now + backoff(fresh.attempts)
            report.retried += 1
        s.add(fresh)
    return outcome in ("sent", "undeliverable")


def pending_count(s: Session) -> int:
    return len(list(s.exec(select(OutboxMessage.id).where(OutboxMessage.state == "pending"))))
