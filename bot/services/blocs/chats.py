"""Changes to the chats a bloc lives in."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from bot.services.audit import SYSTEM, record
from storage.models import BlocChat


def migrate_chat(s: Session, *, platform: str, old_chat_id: str, new_chat_id: str, now: datetime) -> bool:
    """A Telegram group upgraded to a supergroup gets a new id; the bloc follows it."""
    row = s.exec(select(BlocChat).where(BlocChat.platform == platform, BlocChat.chat_id == old_chat_id)).first()
    if row is None:
        return False
    row.chat_id = new_chat_id
    s.add(row)
    record(s, bloc_id=row.bloc_id, actor=SYSTEM, action="chat.migrate", at=now, old=old_chat_id, new=new_chat_id)
    return True
