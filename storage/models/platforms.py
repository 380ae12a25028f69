"""What text-only platforms (Zalo) need kept: received updates, numbered menus, shared files.

- ``InboundUpdate``: every update is written here before it is handled (unique per platform and
  message id), so an update that was received is never lost by a crash and a duplicate delivery
  is handled once. Handled rows are pruned after a week.
- ``ChoiceMenu``: the latest numbered choices shown in a chat (buttons rendered as "1. …"), so a
  reply "2" means the same choice after a restart.
- ``SharedFile``: a document the bot would attach on Telegram, offered on Zalo as a download link
  with an unguessable token that expires.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


class InboundUpdate(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("platform", "update_key", name="uq_inbound_platform_key"),
        Index("ix_inbound_pending", "platform", "processed_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    update_key: str = Field(max_length=128)  # the platform's message id (or a digest when it has none)
    chat_id: str = Field(max_length=64)
    payload: str  # the update as received (JSON); erased once handled (it may hold a typed ballot)
    received_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))
    processed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    # Handling attempts started; an update that crashed the process several times is given up.
    attempts: int = 0


class ChoiceMenu(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("platform", "chat_id", name="uq_choicemenu_chat"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    message_id: str = Field(max_length=64)
    choices: str  # JSON list of {"label", "data" | "command"} (bot.services.menus.Choice)
    # A typed command that the numbers complete, e.g. "/phieu #12" so "2 5" means "/phieu #12 2 5".
    numbered_reply: str | None = Field(default=None, max_length=100)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))


class SharedFile(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("token", name="uq_sharedfile_token"),)

    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(max_length=64)
    sha256: str = Field(max_length=64)  # content in the file store (bot.files.FileStore)
    file_name: str = Field(max_length=255)
    mime: str = Field(max_length=120)
    size: int
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, default=utc_now))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
