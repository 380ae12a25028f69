"""The bot's processes that share one database, seen by their heartbeats.

Telegram allows one bot about 30 messages a second and 20 a minute per group, whichever process sends
them. Each process's flood limiter keeps its own share: the limits divided by the number of live
processes (a heartbeat newer than ``ALIVE``). A process that dies stops counting after ``ALIVE``; until
then the others send a little slower than they could, never faster than allowed.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from storage.locks import try_lock
from storage.models import BotProcess

ALIVE = timedelta(seconds=30)
FORGET = timedelta(days=1)  # rows of processes gone for a day are removed


def new_process_id() -> str:
    return uuid.uuid4().hex


def heartbeat(s: Session, process_id: str, now: datetime) -> int:
    """Records that this process is alive; returns how many processes are (itself included)."""
    # Forgetting long-gone processes first, by one process at a time: two processes each holding their
    # own row's lock while deleting the other's would deadlock.
    if try_lock(s, "khoibot.peers.forget"):
        s.connection().execute(delete(BotProcess).where(col(BotProcess.seen_at) < now - FORGET,
                                                        col(BotProcess.id) != process_id))
    seen = s.connection().execute(update(BotProcess).where(col(BotProcess.id) == process_id).values(seen_at=now))
    if seen.rowcount == 0:
        s.add(BotProcess(id=process_id, host=socket.gethostname()[:255], pid=os.getpid(), started_at=now, seen_at=now))
        s.flush()
    alive = s.exec(select(func.count()).select_from(BotProcess).where(col(BotProcess.seen_at) >= now - ALIVE)).one()
    return max(1, int(alive))


def leave(s: Session, process_id: str) -> None:
    """A process stopping on purpose stops counting at once."""
    s.connection().execute(delete(BotProcess).where(col(BotProcess.id) == process_id))
