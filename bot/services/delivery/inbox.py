"""The inbox: updates received from a platform, kept before they are handled (beside the outbox).

Zalo's ``getUpdates`` forgets an update once it has returned it, so an update not written down is
gone: each one is a row (unique per platform and update key) before it is handled, a crash never loses
one, and one delivered twice is handled once. Once handled, a row keeps only its key (the text is
erased: it may be a typed ballot) for a week, to recognise a late re-delivery.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select, update

from storage.models import InboundUpdate

KEEP_HANDLED = timedelta(days=7)  # how long handled updates are kept to recognise re-deliveries


def keep(s: Session, *, platform: str, key: str, chat_id: str, payload: str, now: datetime) -> int | None:
    """Writes a received update down (committed by the caller's session); its row id, or None when the
    same update was kept before (a re-delivery)."""
    row = InboundUpdate(platform=platform, update_key=key, chat_id=chat_id, received_at=now, payload=payload)
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError:
        return None
    return row.id


def unhandled(s: Session, platform: str) -> list[int]:
    """Updates kept by a process that stopped before handling them, oldest first."""
    return list(s.exec(select(InboundUpdate.id).where(InboundUpdate.platform == platform,
                                                      col(InboundUpdate.processed_at).is_(None))
                       .order_by(col(InboundUpdate.id))).all())  # type: ignore[arg-type]


@dataclass(frozen=True)
class Taken:
    """An update taken for handling: its chat (for ordering), key and content."""

    chat_id: str
    key: str
    attempts: int
    payload: str
    given_up: bool


def take(s: Session, row_id: int, *, max_attempts: int, now: datetime) -> Taken | None:
    """Starts an attempt at handling ``row_id``; None when it was handled already. An update that was
    taken ``max_attempts`` times without finishing (it crashed the process each time) is given up."""
    row = s.get(InboundUpdate, row_id)
    if row is None or row.processed_at is not None:
        return None
    row.attempts += 1
    taken = Taken(row.chat_id, row.update_key, row.attempts, row.payload, row.attempts > max_attempts)
    if taken.given_up:
        row.processed_at, row.payload = now, ""
    s.add(row)
    return taken


def done(s: Session, row_id: int, now: datetime) -> None:
    """Marks the update handled; only its key is kept from now on (the text goes, so a ballot typed
    as "2 5" is not kept beside its sender)."""
    row = s.get(InboundUpdate, row_id)
    if row is not None:
        row.processed_at, row.payload = now, ""
        s.add(row)


def prune(s: Session, now: datetime, platform: str | None = None) -> int:
    """Forgets updates handled more than :data:`KEEP_HANDLED` ago (of one platform, or all)."""
    query = delete(InboundUpdate).where(col(InboundUpdate.processed_at) < now - KEEP_HANDLED)
    if platform is not None:
        query = query.where(col(InboundUpdate.platform) == platform)
    return int(s.execute(query).rowcount)  # type: ignore[attr-defined]


def payload_of(taken: Taken) -> dict[str, Any]:
    data = json.loads(taken.payload) if taken.payload else {}
    return data if isinstance(data, dict) else {}


def claim(s: Session, *, platform: str, key: str, chat_id: str, now: datetime) -> bool:
    """Records, in the caller's transaction, that this update is handled now; False when it was
    handled before (a re-delivery: the caller then does nothing and sends nothing).

    Committed together with what handling the update changes, so a crash before that commit leaves
    neither, and the update is handled again when it comes back. A kept update (Zalo) is marked
    handled; one that was never kept (Telegram, webhook or polling) gets its row now. The database
    settles a race between two processes: one UPDATE matches, or one INSERT wins.
    """
    values = {"platform": platform, "update_key": key[:128], "chat_id": chat_id[:64], "payload": "",
              "received_at": now, "processed_at": now, "attempts": 0}
    conn = s.connection()  # plain statements on the session's transaction: they report their row counts
    # RETURNING tells whether the row went in: psycopg reports no row count for INSERT … ON CONFLICT.
    if conn.execute(_CLAIM_NEW[conn.dialect.name], values).first() is not None:
        return True
    return conn.execute(_CLAIM_KEPT, {"b_platform": platform, "b_key": key[:128], "b_now": now}).rowcount == 1


# Built once (every update runs them). INSERT ... ON CONFLICT DO NOTHING needs no savepoint on either engine.
_CLAIM_NEW = {
    "sqlite": sqlite_insert(InboundUpdate).on_conflict_do_nothing(index_elements=["platform", "update_key"])
    .returning(col(InboundUpdate.id)),
    "postgresql": postgresql_insert(InboundUpdate).on_conflict_do_nothing(index_elements=["platform", "update_key"])
    .returning(col(InboundUpdate.id)),
}
_CLAIM_KEPT = (
    update(InboundUpdate)
    .where(col(InboundUpdate.platform) == bindparam("b_platform"), col(InboundUpdate.update_key) == bindparam("b_key"),
           col(InboundUpdate.processed_at).is_(None))
    .values(processed_at=bindparam("b_now"), payload="")
)
