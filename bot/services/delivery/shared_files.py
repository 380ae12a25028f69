"""Files offered as download links, for platforms that cannot carry them (Zalo).

The content goes to the file store (by SHA-256) before the row that points at it is committed; the
link carries an unguessable token and stops working after ``TTL``.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, select

from bot.files import Saved
from storage.models import SharedFile

TTL = timedelta(days=30)


def share(s: Session, saved: Saved, *, file_name: str, mime: str, now: datetime) -> SharedFile:
    row = SharedFile(token=secrets.token_urlsafe(24), sha256=saved.sha256, file_name=file_name[:255] or "tep",
                     mime=mime[:120], size=saved.size, created_at=now, expires_at=now + TTL)
    s.add(row)
    s.flush()
    return row


def resolve(s: Session, token: str, now: datetime) -> SharedFile | None:
    """The file behind a link, unless the link is unknown or expired."""
    row = s.exec(select(SharedFile).where(SharedFile.token == token)).first()
    return row if row is not None and row.expires_at > now else None


def prune(s: Session, now: datetime) -> None:
    """Forgets expired links (the content stays in the store, which other rows may share)."""
    s.execute(delete(SharedFile).where(col(SharedFile.expires_at) <= now))
