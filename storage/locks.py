"""Row and named locks for work that several bot processes sharing one PostgreSQL database could
otherwise do twice. On SQLite (one process, one writer at a time) they cost a re-read and nothing else.

- ``lock``: re-reads a row under ``SELECT … FOR UPDATE`` (``shared``: ``FOR SHARE``) until the
  transaction ends, so a decision taken on its state (a vote still open) holds when it is written.
- ``try_lock``: a transaction-scoped advisory lock by name; False when another process holds it, so
  periodic chores (pruning, expiring requests) are done by one process per pass.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlmodel import Session, SQLModel


def lock(s: Session, row: SQLModel, *, shared: bool = False) -> None:
    """Re-reads ``row`` locked until the end of the transaction (its pending changes are discarded)."""
    s.refresh(row, with_for_update={"read": True} if shared else True)


def try_lock(s: Session, name: str) -> bool:
    """Takes the advisory lock ``name`` for this transaction; False if another transaction has it."""
    if s.get_bind().dialect.name != "postgresql":
        return True
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
    return bool(s.connection().execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key}).scalar())
