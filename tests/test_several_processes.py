"""Three bot processes of their own (webhook mode, behind a round-robin balancer) on one PostgreSQL
database serve one bloc: a reminder wave and a burst of ballots split across them, each message sent
once, each ballot counted once, the vote closed once; then one process is killed while its sends are
on the way, and the others send what it had claimed, once.

The processes run on a clock the test moves (tests/fakes/file_clock.py): nothing waits for real time
to pass; the test only waits for the processes to have done what is due.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, func, select

from adapters.telegram.request import POOL
from bot.clock import ManualClock
from bot.services.delivery.outbox import LEASE
from storage.db import Database
from storage.models import (
    AuditLog,
    Ballot,
    BallotSlip,
    BotProcess,
    OutboxMessage,
    ReminderSlot,
    Vote,
    VoteCandidate,
)
from tests.fakes.balancer import Balancer
from tests.fakes.file_clock import FileClock
from tests.fakes.telegram_api import TOKEN
from tests.harness import TelegramHarness, free_port
from tests.vote_play import HEAD, OFFICERS, setup_bloc, vote

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = 3
DEADLINES = 8

pytestmark = pytest.mark.parametrize("database", ["postgresql"], indirect=True)


async def eventually(check: Callable[[], bool], what: str, within: float = 60.0) -> None:
    """Waits for the other processes to have done something (polls; no fixed sleep)."""
    try:
        async with asyncio.timeout(within):
            while not check():  # noqa: ASYNC110 - the work is done by other processes; only the database tells
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for: {what}") from None


class Fleet:
    """The bot processes, each with its own web port and its own prefix on the fake API."""

    def __init__(self, tmp_path: Path, url: str, api_base: str, webhook_url: str, clock_file: Path) -> None:
        self.tmp_path, self.url, self.api_base, self.webhook_url = tmp_path, url, api_base, webhook_url
        self.clock_file = clock_file
        self.ports = [free_port() for _ in range(PROCESSES)]
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def backends(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]

    def start(self) -> None:
        base_env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "KHOIBOT_"))}
        for index, port in enumerate(self.ports):
            name = f"p{index + 1}"
            env = dict(base_env, PYTHONPATH=str(ROOT), DATABASE_URL=self.url, TELEGRAM_BOT_TOKEN=TOKEN,
                       TELEGRAM_API_BASE_URL=f"{self.api_base}/{name}", TELEGRAM_WEBHOOK_URL=self.webhook_url,
                       KHOIBOT_HTTP_HOST="127.0.0.1", KHOIBOT_HTTP_PORT=str(port), KHOIBOT_TICK_SECONDS="0.2",
                       KHOIBOT_FILES_DIR=str(self.tmp_path / "files"), TELEGRAM_RATE_LIMIT="false",
                       KHOIBOT_TEST_CLOCK_FILE=str(self.clock_file), LOG_LEVEL="INFO")
            log = (self.tmp_path / f"{name}.log").open("wb")
            self.procs[name] = subprocess.Popen([sys.executable, "-m", "tests.fakes.bot_process"], env=env,
                                                cwd=self.tmp_path, stdout=log, stderr=subprocess.STDOUT)

    def kill(self, name: str) -> None:
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait(timeout=10)

    def stop(self) -> dict[str, int]:
        codes: dict[str, int] = {}
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for name, proc in self.procs.items():
            try:
                codes[name] = proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                codes[name] = proc.wait()
        return codes

    def log(self, name: str) -> str:
        return (self.tmp_path / f"{name}.log").read_text(errors="replace")


def sends_since(tg: TelegramHarness, index: int) -> list[tuple[str, str, str]]:
    """(process, chat, text) of every message the processes put in a chat since ``index``."""
    return [(c.via, str(c.params["chat_id"]), c.params.get("text", "")) for c in tg.api.calls[index:]
            if c.method == "sendMessage"]


async def test_three_processes_on_one_database_do_everything_once(tmp_path: Path, clock: ManualClock,
                                                                   database: str) -> None:
    db = Database(database)

    def one(query: Any) -> Any:
        with db.session() as s:
            return s.exec(query).one()

    def rows(query: Any) -> list[Any]:
        with db.session() as s:
            return list(s.exec(query))

    # --- the bloc, its deadlines and a vote, set up through one ordinary bot ----------------------
    tg = TelegramHarness(tmp_path, clock, http=True)
    await tg.start()
    group = await setup_bloc(tg)
    for n in range(1, DEADLINES + 1):
        await tg.say(HEAD, group, f"/deadline 10/12/2026 17:00 | Báo cáo chuyên đề {n}")
    await tg.say(HEAD, group, "/vote 3 | 20/12/2026 17:00")
    for officer in OFFICERS.values():  # private chats open: the waves also remind each officer privately
        await tg.say(officer, tg.api.private(officer), "/start")
    await tg._stop_bot()
    vote_id = one(select(Vote.id))
    moments = sorted(set(rows(select(ReminderSlot.due_at).where(ReminderSlot.state == "pending"))))
    wave1, wave2 = moments[0], moments[1]
    assert wave2 < datetime(2026, 12, 20, 9, 0, tzinfo=wave1.tzinfo)  # both before the vote closes

    # --- three processes behind a balancer, on the clock just before the first wave ----------------
    file_clock = FileClock(tmp_path / "clock.txt")
    file_clock.set(wave1 - timedelta(minutes=1))
    assert tg.server is not None
    fleet = Fleet(tmp_path, database, tg.server.base_url, "", tmp_path / "clock.txt")
    balancer = Balancer(fleet.backends())
    await balancer.start()
    fleet.webhook_url = f"http://127.0.0.1:{balancer.port}/telegram/webhook"
    tg.api.mark_on_answer = True
    tg.api.webhook_connections = 16
    fleet.start()
    victim = ""
    try:
        await eventually(lambda: len({c.via for c in tg.api.calls if c.method == "setWebhook"}) == PROCESSES,
                         "every process set the webhook", within=90)
        await eventually(lambda: one(select(func.count()).select_from(BotProcess)) == PROCESSES,
                         "every process's heartbeat")
        await eventually(lambda: one(select(func.count()).select_from(OutboxMessage)
                                     .where(col(OutboxMessage.state).in_(("pending", "sending")))) == 0,
                         "what set-up left in the outbox is sent")
        sent_before = set(rows(select(OutboxMessage.id)))

        # --- wave 1: every due slot fires once, every message is sent once -----------------------
        start = len(tg.api.calls)
        file_clock.set(wave1 + timedelta(minutes=1))

        def settled() -> bool:
            now = file_clock.now()
            due = one(select(func.count()).select_from(ReminderSlot)
                      .where(ReminderSlot.state == "pending", col(ReminderSlot.due_at) <= now))
            waiting = one(select(func.count()).select_from(OutboxMessage)
                          .where(col(OutboxMessage.state).in_(("pending", "sending"))))
            return due == 0 and waiting == 0

        await eventually(settled, "wave 1 fired and sent")
        wave_rows = [r for r in rows(select(OutboxMessage)) if r.id not in sent_before]
        assert len(wave_rows) >= DEADLINES and {r.state for r in wave_rows} == {"sent"}
        sent = sends_since(tg, start)
        assert Counter((chat, text) for _, chat, text in sent) == Counter((r.chat_id, r.text) for r in wave_rows)
        fired = rows(select(ReminderSlot).where(ReminderSlot.due_at == wave1))
        assert fired and {s.state for s in fired} <= {"fired", "skipped"}
        wave1_senders = Counter(via for via, _, _ in sent)

        # --- a burst of ballots through the balancer: each handled once, all counted ---------------
        voters = dict(OFFICERS)
        choices = {code: (["YTE"] if code == "GDDT" else ["GDDT"]) for code in voters}
        handled_before = dict(balancer.handled)
        receipts = await asyncio.gather(*(vote(tg, officer, vote_id, choices[code])
                                          for code, officer in voters.items()))
        assert len(set(receipts)) == len(voters)
        assert one(select(func.count()).select_from(Ballot).where(Ballot.vote_id == vote_id)) == len(voters)
        assert one(select(func.count()).select_from(AuditLog).where(AuditLog.action == "ballot.cast")) == len(voters)
        spread = {b: balancer.handled[b] - handled_before[b] for b in balancer.backends}
        assert all(n > 0 for n in spread.values()), spread  # every process handled some of the burst

        # --- wave 2, one process killed while its sends are on the way ------------------------------
        sent_before = set(rows(select(OutboxMessage.id)))
        start = len(tg.api.calls)
        tg.server.hold = asyncio.Event()
        file_clock.set(wave2 + timedelta(minutes=1))

        def claimed_all() -> bool:
            claimed = one(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == "sending"))
            pending_slots = one(select(func.count()).select_from(ReminderSlot).where(
                ReminderSlot.state == "pending", col(ReminderSlot.due_at) <= file_clock.now()))
            # Each process has at most POOL requests on the wire; the rest of its claims wait for them.
            return pending_slots == 0 and claimed > 0 and len(tg.server.waiting) == min(claimed, POOL)  # type: ignore[union-attr]

        await eventually(claimed_all, "wave 2 fired and its first messages on the way")
        held = Counter(via for via, _ in tg.server.waiting)
        victim = held.most_common(1)[0][0]
        fleet.kill(victim)
        await eventually(lambda: all(r.transport is None or r.transport.is_closing()
                                     for via, r in tg.server.waiting if via == victim),  # type: ignore[union-attr]
                         "the killed process's connections are closed")
        tg.server.hold.set()
        tg.server.hold = None
        # Its claims run out after the lease: the others take its messages then.
        file_clock.set(wave2 + timedelta(minutes=1) + LEASE + timedelta(minutes=1))
        await eventually(settled, "wave 2 sent by the processes left")
        wave_rows = [r for r in rows(select(OutboxMessage)) if r.id not in sent_before]
        assert wave_rows and {r.state for r in wave_rows} == {"sent"}
        sent = sends_since(tg, start)
        assert Counter((chat, text) for _, chat, text in sent) == Counter((r.chat_id, r.text) for r in wave_rows)
        assert tg.server.dropped == held[victim] and victim not in {via for via, _, _ in sent}

        # --- the vote closes once, with every ballot counted ---------------------------------------
        closes = one(select(Vote.closes_at).where(Vote.id == vote_id))
        file_clock.set(closes + timedelta(minutes=1))
        await eventually(lambda: one(select(Vote.state).where(Vote.id == vote_id)) == "closed" and settled(),
                         "the vote closed and its results sent")
        assert one(select(func.count()).select_from(AuditLog).where(AuditLog.action == "vote.close")) == 1
        assert one(select(func.count()).select_from(BallotSlip).where(BallotSlip.vote_id == vote_id)) == len(voters)
        assert one(select(func.count()).select_from(Ballot)) == 0
        counts = {c.unit_id: c.approvals for c in rows(select(VoteCandidate).where(VoteCandidate.vote_id == vote_id))}
        assert sorted(n for n in counts.values() if n) == [1, len(voters) - 1]
        at = one(select(ReminderSlot.id).where(ReminderSlot.item_id == vote_id, ReminderSlot.slot == "at",
                                                 ReminderSlot.state == "fired"))
        results = rows(select(OutboxMessage).where(col(OutboxMessage.dedup_key).startswith(f"slot{at}:chat:")))
        assert len(results) == 1 and str(vote_id) in results[0].text
        assert [text for _, chat, text in sends_since(tg, start)].count(results[0].text) == 1
        print(f"wave 1 sent by {dict(wave1_senders)}; ballots handled {spread}; killed {victim} "
              f"holding {held[victim]}")
    finally:
        codes = fleet.stop()
        tg.api.webhook = None
        await balancer.stop()
        await tg.stop()
        db.dispose()
    survivors = [name for name in fleet.procs if name != victim]
    assert victim and len(survivors) == PROCESSES - 1
    for name in survivors:
        assert codes[name] == 0, fleet.log(name)[-3000:]
        assert "Traceback" not in fleet.log(name), fleet.log(name)[-3000:]
