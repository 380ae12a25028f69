"""The features at national scale: 5,000 blocs each with a deadline, a pledge and a vote.

Measured through the real services and the real reminder sources (what a command or a scheduler
pass does), on SQLite: opening the items (planning their reminders), units acting on them (a
submission's receipt row, a signature, a secret ballot), one scheduler pass that fires every bloc's
"1 day before" reminders together, and closing every vote (count, anonymise, store the results).
Figures are printed, never asserted.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import select

from app.wiring import build_core, build_dispatcher
from benchmarks.bench_foundation import NullMessenger
from benchmarks.seed import NOW, seed
from bot.clock import ManualClock
from bot.services.audit import SYSTEM, Actor
from bot.services.blocs.standing import standing
from bot.services.calendar import service as cal
from bot.services.pledge import service as pledges
from bot.services.votes import service as vs
from scheduler.engine import ReminderEngine
from storage.db import Database
from storage.models import Bloc, Officer, Unit, Vote
from tests.harness import make_settings

BLOCS = 5000
UNITS = 10
VN = ZoneInfo("Asia/Ho_Chi_Minh")
DUE = datetime(2026, 12, 10, 17, 0, tzinfo=VN)  # a Thursday


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(label: str, count: int, unit: str, started: float) -> None:
    took = time.perf_counter() - started
    print(f"{label}: {count} in {took:.1f} s ({took / max(count, 1) * 1000:.2f} ms per {unit})", flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(Path(tmp))
        db = Database(settings.database_url)
        db.create_all()
        seed(db, BLOCS, units_per_bloc=UNITS)
        db.dispose()
        clock = ManualClock(NOW)
        core = build_core(settings, clock)
        messenger = NullMessenger()
        core.add_messenger(messenger)
        registry = build_dispatcher(core).registry
        engine = ReminderEngine(core, registry.reminder_sources, registry.live_renderers)
        rng = random.Random(7)

        started = time.perf_counter()
        for b in range(1, BLOCS + 1):
            with core.db.session() as s:
                bloc = s.get(Bloc, b)
                assert bloc is not None
                units = list(s.exec(select(Unit).where(Unit.bloc_id == b).order_by(Unit.id)))  # type: ignore[arg-type]
                cal.create_deadline(s, bloc=bloc, actor=SYSTEM, when=DUE,
                                    fields=cal.deadline_fields(["Báo cáo tổng kết năm 2026"]), template=None,
                                    now=clock.now())
                pledges.open_pledge(s, bloc=bloc, year=2027, deadline=DUE + timedelta(days=10),
                                    text="Giao ước thi đua năm 2027", file_id=None, actor=SYSTEM, now=clock.now())
                vs.open_vote(s, bloc=bloc, kind=vs.AWARD, title="Cờ thi đua của Chính phủ", quota=1,
                             candidates=units, closes_at=DUE, actor=SYSTEM, now=clock.now())
        _timed("opened a deadline, a pledge and a vote in every bloc (reminders planned)", BLOCS, "bloc", started)

        # Two thirds of the units act: sign the pledge and cast a ballot (officer 2k-1 acts for unit k).
        started = time.perf_counter()
        acted = 0
        for b in range(1, BLOCS + 1):
            with core.db.session() as s:
                bloc = s.get(Bloc, b)
                assert bloc is not None
                vote = s.exec(select(Vote).where(Vote.bloc_id == b)).one()
                pledge = pledges.pick(s, bloc, 2027, "sign")
                positions = list(range(1, UNITS + 1))
                for u in range(UNITS * 2 // 3 + 1):
                    officer = s.get(Officer, (b - 1) * UNITS * 2 + u * 2 + 1)
                    actor = Actor(officer=officer)
                    pledges.sign(s, pledge=pledge, who=standing(s, bloc, actor, clock.now()), now=clock.now())
                    seat = vs.seat(s, vote_id=vote.id, actor=actor, now=clock.now())  # type: ignore[arg-type]
                    vs.cast_ballot(s, place=seat, positions=[rng.choice(positions)], actor=actor, now=clock.now())
                    acted += 1
        _timed("signatures and secret ballots", acted * 2, "action", started)

        # The "1 day before" reminders of all three items of every bloc fall due at the same moment.
        clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=VN))
        started = time.perf_counter()
        fired = 0
        while (report := engine.fire_due(clock.now())).fired or report.skipped:
            fired += report.fired
        _timed("one pass firing every bloc's reminders (pending units named, outbox filled)", fired, "reminder",
               started)

        clock.set(DUE)
        started = time.perf_counter()
        closed = 0
        while (report := engine.fire_due(clock.now())).fired or report.skipped:
            closed += report.fired
        _timed("closing at the deadline: votes counted and anonymised, results queued (with the day's reminders)",
               closed, "slot", started)
        print(f"max RSS {_rss_mb():.0f} MB", flush=True)
        core.db.dispose()


if __name__ == "__main__":
    main()
