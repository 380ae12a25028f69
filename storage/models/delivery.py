"""Reminders, the outbox and live posts: what the bot must send or edit, kept in the database so a
restart neither drops nor repeats anything.

- ``ReminderSlot``: one planned reminder of one item (a deadline, a conference, a pledge, a vote) at
  one offset. Slots are per item, not per unit: who is reminded is decided when the slot fires.
- ``SentReminder``: the (slot, unit) pairs that were reminded; unique, so a unit is never reminded
  twice for the same item and offset.
- ``OutboxMessage``: a message to deliver, retried with back-off until it is sent or known
  undeliverable; unique ``dedup_key`` so replanning never queues the same reminder twice.
- ``LivePost``: a group post whose text follows the data (a pledge counter, a vote's turnout); edits
  are coalesced: many changes mark it dirty, one edit brings it up to date.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


def _utc(nullable: bool = False) -> Column:
    return Column(UTCDateTime(), nullable=nullable, default=None if nullable else utc_now)


class ReminderSlot(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("kind", "item_id", "slot", name="uq_reminderslot_key"),
        Index("ix_reminderslot_state_due", "state", "due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    kind: str = Field(max_length=20)  # deadline | meeting | pledge | vote ...
    item_id: int
    slot: str = Field(max_length=40)  # stable offset key, e.g. "b10080m" (7 days before), "over1@0800"
    due_at: datetime = Field(sa_column=_utc())
    state: str = Field(default="pending", max_length=10)  # pending | fired | skipped | cancelled | failed
    fired_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    note: str | None = Field(default=None, max_length=200)


class SentReminder(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("slot_id", "unit_id", name="uq_sentreminder_slot_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    slot_id: int = Field(foreign_key="reminderslot.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    sent_at: datetime = Field(sa_column=_utc())


class OutboxMessage(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("dedup_key", name="uq_outbox_dedup"),
        # The claim (bot.services.delivery.outbox.claim): due messages in id order, stopping at the limit
        # (an index on (state, next_attempt_at) made SQLite sort every pending row first), and for each,
        # whether an earlier message of its chat is still waiting (without reading the chat's history).
        Index("ix_outbox_claim", "state", "id", "next_attempt_at"),
        Index("ix_outbox_chat_waiting", "platform", "chat_id", "state", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int | None = Field(default=None, foreign_key="bloc.id")
    platform: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    # Set for private messages, so a blocked chat is recorded on the account.
    account_id: int | None = Field(default=None, foreign_key="account.id")
    text: str
    buttons: str | None = None  # JSON [[{"label":..,"data":..|"url":..}]]
    dedup_key: str = Field(max_length=200)
    state: str = Field(default="pending", max_length=14)  # pending | sending | sent | undeliverable | failed
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=_utc())
    created_at: datetime = Field(sa_column=_utc())
    sent_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    message_id: str | None = Field(default=None, max_length=64)
    last_error: str | None = Field(default=None, max_length=300)
    # Set for a post that must become an item's live post once sent (see bot.services.live).
    live_kind: str | None = Field(default=None, max_length=20)
    live_item_id: int | None = None
    # "<kind>:<item id>": a picture rendered when the message is sent and sent with its text as
    # caption (a vote's result chart, "chart:12"), from the renderers the features register.
    attachment: str | None = Field(default=None, max_length=40)


class LivePost(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("kind", "item_id", "platform", "chat_id", name="uq_livepost_item_chat"),
        Index("ix_livepost_dirty_next", "dirty", "next_attempt_at"),
        # Finds the post a message replies to (a document sent in reply to a deadline's post).
        Index("ix_livepost_message", "platform", "chat_id", "message_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    kind: str = Field(max_length=20)
    item_id: int
    platform: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    message_id: str = Field(max_length=64)
    dirty: bool = False
    version: int = 0
    next_attempt_at: datetime = Field(sa_column=_utc())
    attempts: int = 0


class BotProcess(SQLModel, table=True):
    """A running bot process, seen by its heartbeat (every scheduler pass). Processes sharing one
    database count the live ones to split the platforms' flood limits between them."""

    id: str = Field(primary_key=True, max_length=40)
    host: str = Field(max_length=255)
    pid: int
    started_at: datetime = Field(sa_column=_utc())
    seen_at: datetime = Field(sa_column=_utc())
