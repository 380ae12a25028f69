"""Claim before send: a crash loses no message and repeats at most the one that was on its way."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from sqlmodel import select

from app.wiring import build_core
from bot.clock import ManualClock
from bot.ports import OutMessage, SentRef
from bot.services.delivery import outbox
from scheduler.sender import OutboxSender
from storage.models import OutboxMessage
from tests.fakes.memory_messenger import MemoryMessenger
from tests.harness import make_settings


class DiesMidSend(MemoryMessenger):
    """Telegram gets the message to ``fatal_chat``, then the process dies before hearing back."""

    fatal_chat: str = ""
    dying: asyncio.Event | None = None

    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        ref = await super().send(chat_id, message)
        if chat_id == self.fatal_chat and self.dying is not None:
            self.dying.set()
            await asyncio.Event().wait()  # never answers: the process is killed here
        return ref


def _queue(core, chats: list[str], per_chat: int) -> None:
    with core.db.session() as s:
        outbox.enqueue_many(s, [outbox.Outgoing(f"m{c}:{i}", "telegram", c, f"tin {i} cho {c}")
                                for c in chats for i in range(per_chat)], core.now())


async def test_a_crash_mid_send_repeats_only_the_message_in_flight(database: str, tmp_path: Path, clock: ManualClock) -> None:
    chats = [str(1000 + i) for i in range(12)]
    core = build_core(make_settings(tmp_path), clock)
    dying = DiesMidSend()
    dying.fatal_chat, dying.dying = chats[5], asyncio.Event()
    core.add_messenger(dying)
    _queue(core, chats, 3)
    drain = asyncio.ensure_future(outbox.drain(core, core.now()))
    await dying.dying.wait()
    drain.cancel()  # SIGKILL: nothing after this point runs
    await asyncio.gather(drain, return_exceptions=True)
    core.db.dispose()

    # A new process on the same database. SQLite has one process: it frees the dead one's claims at
    # start. PostgreSQL may have others alive: the dead process's claims are taken over when their
    # lease runs out.
    core = build_core(make_settings(tmp_path), clock)
    if not core.db.is_sqlite:
        clock.advance(outbox.LEASE + timedelta(seconds=1))
    fresh = MemoryMessenger()
    core.add_messenger(fresh)
    sender = OutboxSender(core)
    await sender.start()  # frees the dead process's claims
    await asyncio.wait_for(sender.idle(), 10)
    with core.db.session() as s:
        states = [(r.chat_id, r.state, r.next_attempt_at, r.last_error) for r in s.exec(select(OutboxMessage)) if r.state != "sent"]
    assert states == []
    await sender.stop()

    got = {c: dying.texts_to(c) + fresh.texts_to(c) for c in chats}
    for chat in chats:
        expected = [f"tin {i} cho {chat}" for i in range(3)]
        if chat == chats[5]:
            # The one message Telegram had when the process died is sent again, once; none is lost.
            assert got[chat] == [expected[0], *expected]
        else:
            assert got[chat] == expected  # nothing lost, nothing twice, in order
    core.db.dispose()


def _all_sent(core) -> bool:
    with core.db.session() as s:
        return all(r.state == "sent" for r in s.exec(select(OutboxMessage)))


async def test_claims_are_leases_another_process_takes_over(database: str, tmp_path: Path, clock: ManualClock) -> None:
    """Where several processes share a database, a dead one's claims are taken over when they run out."""
    from datetime import timedelta

    core = build_core(make_settings(tmp_path), clock)
    core.add_messenger(MemoryMessenger())
    _queue(core, ["1", "2"], 1)
    with core.db.session() as s:
        claimed = outbox.claim(s, core.now(), platforms=["telegram"], limit=10)
    assert len(claimed) == 2
    with core.db.session() as s:
        assert outbox.claim(s, core.now(), platforms=["telegram"], limit=10) == []  # leased
    clock.advance(outbox.LEASE + timedelta(seconds=1))
    report = await outbox.drain(core, core.now())
    assert report.sent == 2
    core.db.dispose()
