"""Start-up and command throughput with 5,000 blocs (50,000 units, 100,000 officers) in one process."""

from __future__ import annotations

import asyncio
import random
import resource
import tempfile
import time
from pathlib import Path

from app.wiring import build_core, build_dispatcher
from benchmarks.seed import NOW, seed
from bot.clock import ManualClock
from bot.ports import Attachment, ChatInfo, Incoming, OutMessage, Sender, SentRef
from storage.db import Database
from tests.harness import make_settings

BLOCS = 5000


class NullMessenger:
    platform = "telegram"
    supports_buttons = supports_edits = supports_groups = True

    def __init__(self) -> None:
        self.sent = 0

    async def send(self, chat_id: str, message: OutMessage) -> SentRef:
        self.sent += 1
        return SentRef("telegram", chat_id, str(self.sent))

    async def edit(self, ref: SentRef, message: OutMessage) -> None:
        return None

    def backlog(self, chat_id: str) -> float:
        return 0.0

    async def is_group_admin(self, chat_id: str, user_id: str) -> bool:
        return True

    def deep_link(self, payload: str) -> str | None:
        return None

    async def download(self, attachment: Attachment) -> bytes:
        return b""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _throughput(dispatcher, messenger: NullMessenger, n: int) -> float:
    rng = random.Random(1)
    started = time.perf_counter()
    for _ in range(n):
        b = rng.randint(1, BLOCS)
        officer = (b - 1) * 20 + rng.randint(1, 20)
        incoming = Incoming(Sender("telegram", str(officer), f"Cán bộ {officer}"),
                            ChatInfo("telegram", str(-b), True, "Khối"), text=rng.choice(["/units", "/whoami"]))
        await dispatcher.handle_message(messenger, incoming)
    return n / (time.perf_counter() - started)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(Path(tmp))
        db = Database(settings.database_url)
        db.create_all()
        started = time.perf_counter()
        seed(db, BLOCS)
        db.dispose()
        print(f"seeded {BLOCS} blocs, {BLOCS * 10} units, {BLOCS * 20} officers in {time.perf_counter() - started:.1f} s")

        rss_before = _rss_mb()
        started = time.perf_counter()
        core = build_core(settings, ManualClock(NOW))
        dispatcher = build_dispatcher(core)
        print(f"start-up (open database, schema check, registry): {(time.perf_counter() - started) * 1000:.0f} ms, "
              f"max RSS {rss_before:.0f} → {_rss_mb():.0f} MB")
        messenger = NullMessenger()
        rate = asyncio.run(_throughput(dispatcher, messenger, 2000))
        print(f"/units and /whoami in random blocs: {rate:.0f} commands/s on one core ({messenger.sent} replies)")
        core.db.dispose()
