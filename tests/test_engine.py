"""The reminder engine, outbox and live posts against the real database and an in-memory messenger.

A test source stands in for a feature: it reminds the units that have not "done" its item.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import Session, func, select

from app.wiring import build_core
from bot.clock import ManualClock
from bot.core import Core
from bot.ports import OutMessage, SentRef
from bot.services.delivery import live, outbox
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.reminders.planner import Before, Overdue, Summary, plan
from bot.services.reminders.slots import cancel_plan, replace_plan, slots_of
from bot.services.reminders.sources import Reminder
from scheduler.engine import ReminderEngine
from storage.models import Account, Bloc, OutboxMessage, ReminderSlot, SentReminder
from storage.queries.blocs import member_units
from tests.builders import build_bloc
from tests.conftest import VN
from tests.fakes.memory_messenger import MemoryMessenger
from tests.harness import make_settings

DUE = datetime(2026, 12, 10, 17, 0, tzinfo=VN)  # Thursday
OFFSETS = (Before(timedelta(days=3)), Before(timedelta(days=1)), Overdue(1), Summary(2))


class ToDoSource:
    """Item 1 is open until ``closed``; units in ``done`` have done it."""

    kind = "todo"

    def __init__(self) -> None:
        self.done: set[str] = set()
        self.closed = False

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | None:
        if self.closed:
            return None
        pending = [u for u in member_units(s, slot.bloc_id, 2026) if u.code not in self.done]
        if slot.slot.startswith("summary"):
            return Reminder(units=[], managers_text=f"Tổng hợp: còn {len(pending)} đơn vị chưa nộp")
        if not pending:
            return None
        return Reminder(units=pending, group_text="Nhắc: " + ", ".join(u.code for u in pending),
                        private_text=lambda u: f"Đơn vị {u.code} chưa nộp")


@pytest.fixture
def setup(core: Core):
    messenger = MemoryMessenger()
    core.add_messenger(messenger)
    built = build_bloc(core, open_dm={"YTE", "GDDT", "BDT"})
    source = ToDoSource()
    engine = ReminderEngine(core, {"todo": source}, {}, fire_rate=None)
    with core.db.session() as s:
        replace_plan(s, bloc_id=built.bloc.id, kind="todo", item_id=1, planned=plan(DUE, OFFSETS, "Asia/Ho_Chi_Minh"),
                     now=core.now())
    return messenger, built, source, engine


def count(core: Core, model, *where) -> int:
    with core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


async def test_a_slot_fires_once_to_the_group_and_to_open_private_chats(core, clock, setup) -> None:
    messenger, built, source, engine = setup
    source.done = {"VHTTDL", "YTE"}
    clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))  # 3 days before
    report = await engine.tick()
    assert report.fired == 1 and report.outbox.sent == 3  # the group, GDDT and BDT privately
    group = messenger.texts_to("-100")
    assert len(group) == 1 and "YTE" not in group[0] and "GDDT" in group[0] and "CDSP" in group[0]
    assert sorted(s.message.text for s in messenger.sent if s.chat_id != "-100") == [
        "Đơn vị BDT chưa nộp", "Đơn vị GDDT chưa nộp"]
    assert count(core, SentReminder) == 7
    # Ticking again sends nothing more.
    again = await engine.tick()
    assert again.fired == 0 and again.outbox.sent == 0 and len(messenger.sent) == 3


async def test_only_units_still_pending_are_reminded(core, clock, setup) -> None:
    messenger, built, source, engine = setup
    clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))
    await engine.tick()
    source.done = set(built.units) - {"BDT"}
    clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=VN))
    await engine.tick()
    assert messenger.texts_to("-100")[-1] == "Nhắc: BDT"


async def test_a_restart_between_two_reminders_loses_none_and_repeats_none(database: str, tmp_path, setup) -> None:
    messenger, built, source, engine = setup
    settings = make_settings(tmp_path)
    # First process: up to the first reminder.
    first = build_core(settings, ManualClock(datetime(2026, 12, 7, 17, 1, tzinfo=VN)))
    first.add_messenger(messenger)
    await ReminderEngine(first, {"todo": source}, {}, fire_rate=None).tick()
    first.db.dispose()
    assert len(messenger.texts_to("-100")) == 1
    # Second process starts after the second reminder's time: the schedule comes from the database.
    second = build_core(settings, ManualClock(datetime(2026, 12, 9, 17, 3, tzinfo=VN)))
    second.add_messenger(messenger)
    engine2 = ReminderEngine(second, {"todo": source}, {}, fire_rate=None)
    await engine2.tick()
    await engine2.tick()
    assert len(messenger.texts_to("-100")) == 2
    with second.db.session() as s:
        states = {row.slot: row.state for row in slots_of(s, "todo", 1)}
    assert states == {"b4320m": "fired", "b1440m": "fired", "over1@0800": "pending", "summary2@0800": "pending"}
    second.db.dispose()


async def test_slots_missed_while_down_collapse_into_the_latest(core, clock, setup) -> None:
    messenger, built, source, engine = setup
    # Down from before the first reminder until after the first overdue notice.
    clock.set(datetime(2026, 12, 11, 9, 0, tzinfo=VN))
    report = await engine.tick()
    assert report.skipped == 2 and report.fired == 1
    assert len(messenger.texts_to("-100")) == 1
    with core.db.session() as s:
        states = {row.slot: (row.state, row.note) for row in slots_of(s, "todo", 1)}
    assert states["b4320m"] == ("skipped", "superseded by a later reminder")
    assert states["over1@0800"][0] == "fired"


async def test_a_closed_item_sends_nothing(core, clock, setup) -> None:
    messenger, built, source, engine = setup
    source.closed = True
    clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))
    report = await engine.tick()
    assert report.skipped == 1 and messenger.sent == []


async def test_officers_without_a_private_chat_get_nothing_privately(core, clock, setup) -> None:
    messenger, built, source, engine = setup
    with core.db.session() as s:
        for row in s.exec(select(ReminderSlot).where(ReminderSlot.slot != "summary2@0800")):
            row.state = "fired"
            s.add(row)
    clock.set(datetime(2026, 12, 14, 8, 0, tzinfo=VN))
    await engine.tick()
    # The summary goes to the head unit VHTTDL, whose officer (u0) never opened a private chat.
    assert messenger.sent == []


async def test_the_summary_reaches_an_open_head_chat(core, clock) -> None:
    messenger = MemoryMessenger()
    core.add_messenger(messenger)
    built = build_bloc(core)  # every officer opened a private chat
    source = ToDoSource()
    engine = ReminderEngine(core, {"todo": source}, {}, fire_rate=None)
    with core.db.session() as s:
        replace_plan(s, bloc_id=built.bloc.id, kind="todo", item_id=1,
                     planned=[p for p in plan(DUE, OFFSETS, "Asia/Ho_Chi_Minh") if p.key.startswith("summary")],
                     now=core.now())
    clock.set(datetime(2026, 12, 14, 8, 0, tzinfo=VN))
    await engine.tick()
    assert [(s.chat_id, s.message.text) for s in messenger.sent] == [("u0", "Tổng hợp: còn 9 đơn vị chưa nộp")]


async def test_failed_sends_are_retried_and_blocked_chats_recorded(core, clock, setup) -> None:
    messenger, built, source, engine = setup
    messenger.flaky["-100"] = 2
    messenger.blocked.add("u1")  # YTE's officer blocked the bot
    clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))
    report = await engine.tick()
    assert report.outbox.retried == 1 and report.outbox.undeliverable == 1 and report.outbox.sent == 2
    with core.db.session() as s:
        assert s.exec(select(Account).where(Account.platform_user_id == "u1")).one().private_status == "blocked"
    # Too early for the retry: nothing.
    clock.advance(timedelta(seconds=10))
    assert (await engine.tick()).outbox.sent == 0
    clock.advance(timedelta(seconds=30))
    assert (await engine.tick()).outbox.retried == 1
    clock.advance(timedelta(minutes=2))
    assert (await engine.tick()).outbox.sent == 1
    assert len(messenger.texts_to("-100")) == 1
    assert count(core, OutboxMessage, OutboxMessage.state == "pending") == 0


async def test_replanning_keeps_fired_slots_and_moves_pending_ones(core, clock, setup) -> None:
    messenger, built, source, engine = setup
    clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))
    await engine.tick()
    later = DUE + timedelta(days=7)
    with core.db.session() as s:
        replace_plan(s, bloc_id=built.bloc.id, kind="todo", item_id=1, planned=plan(later, OFFSETS, "Asia/Ho_Chi_Minh"),
                     now=core.now())
        rows = {row.slot: row for row in slots_of(s, "todo", 1)}
    assert rows["b4320m"].state == "fired"  # the key (item, offset) fired once: not re-armed
    assert rows["b1440m"].due_at == later - timedelta(days=1)
    with core.db.session() as s:
        assert cancel_plan(s, kind="todo", item_id=1) == 3


async def test_live_posts_coalesce_a_burst_into_one_edit(core, clock) -> None:
    messenger = MemoryMessenger()
    core.add_messenger(messenger)
    built = build_bloc(core)
    counter = {"n": 0}

    def render(s: Session, item_id: int) -> OutMessage:
        return OutMessage(f"Đã ký: {counter['n']}/9")

    with core.db.session() as s:
        live.register_post(s, bloc_id=built.bloc.id, kind="pledge", item_id=1, ref=SentRef("telegram", "-100", "55"),
                           now=core.now())
    for _ in range(7):
        counter["n"] += 1
        with core.db.session() as s:
            live.mark_dirty(s, kind="pledge", item_id=1, now=core.now())
        clock.advance(timedelta(milliseconds=200))  # 7 presses within 1.4 s
    renderers = {"pledge": render}
    assert (await live.flush(core, renderers, core.now())).edited == 0  # inside the coalescing window
    clock.advance(timedelta(seconds=2))
    assert (await live.flush(core, renderers, core.now())).edited == 1
    assert [m.text for _, m in messenger.edits] == ["Đã ký: 7/9"]
    assert (await live.flush(core, renderers, core.now())).edited == 0
    # A failed edit (429) stays dirty and is retried.
    messenger.failing_edits = 1
    counter["n"] = 8
    with core.db.session() as s:
        live.mark_dirty(s, kind="pledge", item_id=1, now=core.now())
    clock.advance(timedelta(seconds=3))
    assert (await live.flush(core, renderers, core.now())).retried == 1
    clock.advance(timedelta(minutes=1))
    assert (await live.flush(core, renderers, core.now())).edited == 1
    assert messenger.edits[-1][1].text == "Đã ký: 8/9"


async def test_a_bloc_without_a_group_reminds_only_pending_units_and_tells_everyone_notices(core, clock) -> None:
    messenger = MemoryMessenger()
    core.add_messenger(messenger)
    built = build_bloc(core, with_group=False)
    source = ToDoSource()
    source.done = set(built.units) - {"BDT"}
    engine = ReminderEngine(core, {"todo": source}, {}, fire_rate=None)
    with core.db.session() as s:
        replace_plan(s, bloc_id=built.bloc.id, kind="todo", item_id=1, planned=plan(DUE, OFFSETS, "Asia/Ho_Chi_Minh"),
                     now=core.now())
    clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))
    await engine.tick()
    # A reminder is for the units still to act: BDT's officer gets the personal one, nobody else a copy.
    assert {s.chat_id: s.message.text for s in messenger.sent} == {"u7": "Đơn vị BDT chưa nộp"}
    # A notice for the whole bloc (no personal text) reaches every officer privately.
    with core.db.session() as s:
        queue_notice(s, bloc=s.get(Bloc, built.bloc.id), notice=Notice(group_text="Hội nghị dời sang 20/12."),
                     key="moved", now=core.now())
    await engine.tick()
    moved = {s.chat_id for s in messenger.sent if s.message.text == "Hội nghị dời sang 20/12."}
    assert len(moved) == 9


def test_outbox_dedup_key_is_a_database_rule(core) -> None:
    with core.db.session() as s:
        assert outbox.enqueue(s, dedup_key="k", platform="telegram", chat_id="1", text="a", now=core.now())
        assert not outbox.enqueue(s, dedup_key="k", platform="telegram", chat_id="1", text="a", now=core.now())
    assert count(core, OutboxMessage) == 1


async def test_the_runtime_drives_the_engine_with_one_apscheduler_job(core, clock, setup) -> None:
    import asyncio

    from scheduler.runtime import SchedulerRuntime

    messenger, built, source, engine = setup
    passed = asyncio.Event()

    class Watched(ReminderEngine):
        async def tick(self, now=None, *, drain=True):
            report = await super().tick(now, drain=drain)
            passed.set()
            return report

    clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))
    runtime = SchedulerRuntime(Watched(core, {"todo": source}, {}), interval_seconds=60)
    await runtime.start()
    try:
        await asyncio.wait_for(passed.wait(), 10)  # the first pass runs at start
        assert len(runtime.scheduler.get_jobs()) == 1
        # The sender delivers what the pass queued, on its own.
        await messenger.wait_for(lambda: len(messenger.texts_to("-100")) == 1)
    finally:
        await runtime.stop()
    assert len(messenger.texts_to("-100")) == 1


def test_officer_handles_name_officers_with_their_usernames(core) -> None:
    from bot.ports import Sender
    from bot.services.delivery.notify import officer_handles
    from bot.services.people.accounts import ensure_actor

    built = build_bloc(core, units=[("YTE", "Sở Y tế"), ("BDT", "Ban Dân tộc")], head=None)
    with core.db.session() as s:
        ensure_actor(s, Sender("telegram", "u0", "Lan", "lan_nt"), core.now())
        handles = officer_handles(s, list(built.units.values()))
    assert handles == {built.units["YTE"].id: "Lan (@lan_nt)", built.units["BDT"].id: "Hùng"}
