"""Live posts: group messages whose text follows the data (who signed, how many voted).

A change marks the item's posts dirty; the scheduler's next pass renders each dirty post once and
edits it. A burst of button presses therefore costs one edit, well within Telegram's edit limits,
and a failed edit (429, network) stays dirty and is retried with back-off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, case
from sqlmodel import Session, col, select, update

from bot.core import Core
from bot.ports import OutMessage, SendError, SentRef
from bot.services.delivery.retry import backoff
from storage.models import LivePost

log = logging.getLogger(__name__)

# Changes within this window share one edit.
COALESCE = timedelta(seconds=2)
# A post being edited is claimed for this long: another process sharing the database leaves it alone,
# and takes it over if this one dies mid-edit.
EDIT_LEASE = timedelta(minutes=1)

# kind -> (session, item id) -> the post's current message, or None when the item is gone.
LiveRenderer = Callable[[Session, int], OutMessage | None]


def register_post(s: Session, *, bloc_id: int, kind: str, item_id: int, ref: SentRef, now: datetime) -> None:
    row = s.exec(select(LivePost).where(LivePost.kind == kind, LivePost.item_id == item_id,
                                        LivePost.platform == ref.platform, LivePost.chat_id == ref.chat_id)).first()
    if row is None:
        row = LivePost(bloc_id=bloc_id, kind=kind, item_id=item_id, platform=ref.platform, chat_id=ref.chat_id,
                       message_id=ref.message_id, next_attempt_at=now)
    else:  # a re-posted item: the newest post is the one kept up to date
        row.message_id, row.dirty = ref.message_id, False
    s.add(row)


def mark_dirty(s: Session, *, kind: str, item_id: int, now: datetime) -> None:
    """The item changed: its posts will be edited on the next pass after the coalescing window.

    A post already dirty keeps its moment, so a steady stream of presses cannot postpone the edit.
    """
    # One statement, no session synchronisation: SQLAlchemy would otherwise scan every object the
    # session holds, for each press (the costliest step of a ballot or a signature at national scale).
    # The version tells a pass that finished editing whether newer changes arrived meanwhile.
    s.execute(_MARK_DIRTY, {"b_kind": kind, "b_item_id": item_id, "b_due": now + COALESCE})


_MARK_DIRTY = (
    update(LivePost)
    .where(col(LivePost.kind) == bindparam("b_kind"), col(LivePost.item_id) == bindparam("b_item_id"))
    .values(dirty=True, version=col(LivePost.version) + 1,
            next_attempt_at=case((col(LivePost.dirty), col(LivePost.next_attempt_at)), else_=bindparam("b_due")),
            attempts=case((col(LivePost.dirty), col(LivePost.attempts)), else_=0))
    .execution_options(synchronize_session=False)
)


def post_at(s: Session, ref: SentRef, kinds: tuple[str, ...]) -> LivePost | None:
    """The live post of one of ``kinds`` that is the message ``ref`` (e.g. the one a person replied to)."""
    return s.exec(select(LivePost).where(LivePost.platform == ref.platform, LivePost.chat_id == ref.chat_id,
                                         LivePost.message_id == ref.message_id, col(LivePost.kind).in_(kinds))).first()


def posts_of(s: Session, kind: str, item_id: int) -> list[LivePost]:
    return list(s.exec(select(LivePost).where(LivePost.kind == kind, LivePost.item_id == item_id)))


@dataclass
class FlushReport:
    edited: int = 0
    retried: int = 0


async def flush(core: Core, renderers: dict[str, LiveRenderer], now: datetime, limit: int = 500) -> FlushReport:
    report = FlushReport()
    with core.db.session() as s:
        # Claimed (PostgreSQL: SKIP LOCKED, then a lease in next_attempt_at), so one process at a time
        # edits a post: two editing it at once could leave the older text last.
        rows = list(s.exec(select(LivePost).where(col(LivePost.dirty).is_(True), col(LivePost.next_attempt_at) <= now,
                                                  col(LivePost.platform).in_(list(core.messengers)))
                           .order_by(col(LivePost.next_attempt_at)).limit(limit).with_for_update(skip_locked=True)))
        for row in rows:
            row.next_attempt_at = now + EDIT_LEASE
            s.add(row)
        s.flush()
        s.expunge_all()
    for row in rows:
        renderer = renderers.get(row.kind)
        messenger = core.messengers.get(row.platform)
        if renderer is None or messenger is None:
            continue
        with core.db.session() as s:
            message = renderer(s, row.item_id)
        ok = True
        if message is not None:
            try:
                await messenger.edit(SentRef(row.platform, row.chat_id, row.message_id), message)
            except SendError:
                log.warning("live post %s edit failed; will retry", row.id, exc_info=True)
                ok = False
        with core.db.session() as s:
            fresh = s.get(LivePost, row.id)
            assert fresh is not None
            if ok:
                # Changes that arrived while editing bumped the version: stay dirty, due at once.
                if fresh.version == row.version:
                    fresh.dirty = False
                fresh.next_attempt_at = now
                report.edited += 1
            else:
                fresh.attempts += 1
                fresh.next_attempt_at = now + backoff(fresh.attempts)
                report.retried += 1
            s.add(fresh)
    return report
