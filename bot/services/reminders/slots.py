"""Storing reminder plans: one row per (item, offset), rebuilt whenever the item changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from bot.services.reminders.planner import PlannedSlot
from storage.models import ReminderSlot

PENDING = "pending"


def replace_plan(
    s: Session, *, bloc_id: int, kind: str, item_id: int, planned: list[PlannedSlot], now: datetime
) -> list[ReminderSlot]:
    """Makes the item's pending slots match ``planned``.

    Slots already fired or skipped stay as history and are never re-armed, even if the item moves:
    a reminder's key is (item, offset), and each key fires at most once. New offsets whose moment is
    already past are recorded as skipped, so creating an item late does not flood anyone.
    """
    existing = {row.slot: row for row in s.exec(
        select(ReminderSlot).where(ReminderSlot.kind == kind, ReminderSlot.item_id == item_id))}
    wanted = {p.key: p for p in planned}
    out: list[ReminderSlot] = []
    for key, row in existing.items():
        if row.state != PENDING:
            continue
        if key not in wanted:
            row.state, row.note = "cancelled", "no longer planned"
            s.add(row)
    for key, p in wanted.items():
        found = existing.get(key)
        if found is None:
            past = p.due_at <= now
            row = ReminderSlot(bloc_id=bloc_id, kind=kind, item_id=item_id, slot=key, due_at=p.due_at,
                               state="skipped" if past else PENDING, note="past when planned" if past else None)
        else:
            row = found
            if row.state == PENDING:
                row.due_at = p.due_at
            elif row.state == "cancelled" and p.due_at > now:
                row.state, row.due_at, row.note = PENDING, p.due_at, None  # planned again after a cancel
        s.add(row)
        out.append(row)
    s.flush()
    return out


def cancel_plan(s: Session, *, kind: str, item_id: int, note: str = "item closed") -> int:
    rows = list(s.exec(select(ReminderSlot).where(
        ReminderSlot.kind == kind, ReminderSlot.item_id == item_id, ReminderSlot.state == PENDING)))
    for row in rows:
        row.state, row.note = "cancelled", note[:200]
        s.add(row)
    return len(rows)


@dataclass(frozen=True)
class Due:
    """A slot that is due: just what firing needs to group it with its item's other due slots."""

    id: int
    kind: str
    item_id: int
    due_at: datetime


def due_slots(s: Session, now: datetime, limit: int = 1000) -> list[Due]:
    """The oldest due slots, in the index's order (state, due_at): no sort of every due slot, which at
    08:00 means thousands (a sort that held the event loop for tens of milliseconds)."""
    rows = s.connection().execute(_DUE, {"state": PENDING, "now": now, "limit": limit})
    return [Due(*row) for row in rows]


_DUE = (
    select(ReminderSlot.id, ReminderSlot.kind, ReminderSlot.item_id, ReminderSlot.due_at)
    .where(col(ReminderSlot.state) == bindparam("state"), col(ReminderSlot.due_at) <= bindparam("now"))
    .order_by(col(ReminderSlot.due_at)).limit(bindparam("limit"))
)


def keep_latest_due(s: Session, *, kind: str, item_id: int, now: datetime) -> tuple[int | None, int]:
    """Of an item's due slots (several when the bot was down over several reminder moments), keeps the
    latest to be fired and marks the others skipped; returns (the latest's id, how many were skipped)."""
    # Locked (PostgreSQL): a slot another process is firing is waited for, then left out once fired,
    # so it is never marked skipped after it was sent.
    rows = list(s.exec(select(ReminderSlot).where(
        ReminderSlot.kind == kind, ReminderSlot.item_id == item_id, ReminderSlot.state == PENDING,
        col(ReminderSlot.due_at) <= now).order_by(col(ReminderSlot.due_at), col(ReminderSlot.id))
        .with_for_update()))
    for row in rows[:-1]:
        row.state, row.note, row.fired_at = "skipped", "superseded by a later reminder", now
        s.add(row)
    return (rows[-1].id if rows else None), max(0, len(rows) - 1)


def next_due(s: Session) -> datetime | None:
    row = s.exec(select(ReminderSlot.due_at).where(ReminderSlot.state == PENDING)
                 .order_by(col(ReminderSlot.due_at)).limit(1)).first()
    return row


def slots_of(s: Session, kind: str, item_id: int) -> list[ReminderSlot]:
    return list(s.exec(select(ReminderSlot).where(ReminderSlot.kind == kind, ReminderSlot.item_id == item_id)
                       .order_by(col(ReminderSlot.due_at))))
