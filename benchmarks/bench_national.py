"""National scale, as ratios against baselines measured in the same run (machines here are shared and
noisy: absolute times mean little, ratios and limits do).

Everything runs as it does in production: the real bot (``benchmarks.run_bot``: python-telegram-bot,
the flood limiter, the scheduler and the outbox sender) in its own process, over real HTTP, against a
fake Bot API in another process that enforces Telegram's limits (``benchmarks.fake_api``). Baselines:
Telegram's ceiling (30 messages/s), the same bot idle, and a bare python-telegram-bot echo bot on the
same fake.

Scenarios: a reminder wave at 500 blocs sent to the end (rate, refusals, lost, duplicated); the 08:00
wave at 5,000 blocs (10,000 reminders due at once: rate, event-loop stalls, reply latency while it
drains); one group with 1,000 commands queued (latency of the other chats); 200 ballots against the
echo bot (throughput, CPU per ballot). ``--full`` drains the 5,000-bloc wave to the end too.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from benchmarks.seed import seed, seed_wave

TOKEN = "900000001:BENCH-token"
ROOT = Path(__file__).resolve().parents[1]
CEILING = 30.0


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Fake:
    """The fake Bot API process and its control endpoints."""

    def __init__(self, limits: bool = True) -> None:
        self.port = _port()
        args = [sys.executable, "-m", "benchmarks.fake_api", str(self.port)] + ([] if limits else ["--no-limits"])
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.proc.stdout.readline()  # {"ready": port}
        self.http = httpx.Client(base_url=self.url, timeout=30)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self, limits: bool | None = None) -> None:
        self.http.post("/control/reset", json={} if limits is None else {"limits": limits})

    def inject(self, updates: list[dict[str, Any]]) -> None:
        self.http.post("/control/inject", json={"updates": updates})

    def probe(self, chat: int, text: str = "/whoami") -> None:
        self.http.post("/control/probe", json={"chat": chat, "user": chat, "text": text})

    def stats(self) -> dict[str, Any]:
        return dict(self.http.get("/control/stats").json())

    def close(self) -> None:
        self.http.close()
        self.proc.terminate()
        self.proc.wait(10)


class Bot:
    """The real bot (or the echo baseline) in its own process."""

    def __init__(self, module: str, db_url: str, fake: Fake, workdir: Path, rate_limit: bool = True) -> None:
        self.stats_file = workdir / f"{module.rsplit('.', 1)[-1]}-{time.monotonic_ns()}.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "KHOIBOT_"))}
        for passed in ("KHOIBOT_NO_AUTOCHECKPOINT", "KHOIBOT_BENCH_SLOW", "KHOIBOT_BENCH_GC"):
            if os.environ.get(passed):
                env[passed] = os.environ[passed]
        if module.endswith("run_bot") and os.environ.get("KHOIBOT_BENCH_PROFILE_DIR"):
            env["KHOIBOT_BENCH_PROFILE"] = str(Path(os.environ["KHOIBOT_BENCH_PROFILE_DIR"]) / f"{time.monotonic_ns()}.{os.environ.get('KHOIBOT_BENCH_PROFILE_KIND', 'prof')}")
        env.update({"DATABASE_URL": db_url, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake.url,
                    "TELEGRAM_RATE_LIMIT": "true" if rate_limit else "false", "KHOIBOT_TICK_SECONDS": "1",
                    "KHOIBOT_FILES_DIR": str(workdir / "files"), "PYTHONPATH": str(ROOT)})
        self.proc = subprocess.Popen([sys.executable, "-m", module, str(self.stats_file)], cwd=workdir, env=env,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.proc.stdout.readline()  # "ready"

    def stats(self) -> dict[str, Any]:
        for _ in range(50):
            try:
                return dict(json.loads(self.stats_file.read_text()))
            except (OSError, ValueError):
                time.sleep(0.1)
        raise RuntimeError("the bot wrote no statistics")

    def close(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _database(workdir: Path, name: str, blocs: int) -> str:
    from app.wiring import build_core
    from bot.config import Settings

    url = f"sqlite:///{workdir / name}.db"
    core = build_core(Settings(_env_file=None, database_url=url, khoibot_files_dir=workdir / "files"))  # type: ignore[call-arg]
    seed(core.db, blocs)
    core.db.dispose()
    return url


def _wave(url: str, blocs: list[int], per_bloc: int) -> int:
    from storage.db import Database

    db = Database(url)
    now = datetime.now(UTC)
    count = seed_wave(db, blocs, per_bloc=per_bloc, due=now - timedelta(seconds=1), when=now + timedelta(days=1))
    db.dispose()
    return count


def _outbox(url: str) -> dict[str, int]:
    from storage.db import Database

    db = Database(url)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT state, COUNT(*) FROM outboxmessage GROUP BY state")).all()
    db.dispose()
    return {str(state): int(n) for state, n in rows}


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _rate(sent_at: list[float], start: float, end: float) -> float:
    return sum(1 for t in sent_at if start <= t < end) / (end - start)


@dataclass
class Row:
    name: str
    value: str
    baseline: str
    ratio: str
    target: str
    holds: bool | None


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, name: str, value: str, baseline: str, ratio: str, target: str, holds: bool | None) -> None:
        self.rows.append(Row(name, value, baseline, ratio, target, holds))

    def print(self) -> None:
        head = ("measure", "figure", "baseline (same run)", "ratio", "target", "holds")
        table = [head] + [(r.name, r.value, r.baseline, r.ratio, r.target,
                           "—" if r.holds is None else ("yes" if r.holds else "NO")) for r in self.rows]
        widths = [max(len(str(row[i])) for row in table) for i in range(len(head))]
        for n, row in enumerate(table):
            print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
            if n == 0:
                print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def _probe_during(fake: Fake, chat: int, seconds: float, every: float = 0.25) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        fake.probe(chat)
        time.sleep(every)


def idle_baseline(workdir: Path, report: Report) -> dict[str, float]:
    fake = Fake()
    url = _database(workdir, "idle", 500)
    bot = Bot("benchmarks.run_bot", url, fake, workdir)
    try:
        time.sleep(1)
        fake.reset()
        _probe_during(fake, chat=9999, seconds=6)
        time.sleep(0.5)
        latencies = fake.stats()["latencies"]
        stats = bot.stats()
    finally:
        bot.close()
        fake.close()
    return {"p99": _p(latencies, 0.99), "p50": _p(latencies, 0.5), "stall": stats["max_stall"]}


def wave_to_the_end(workdir: Path, report: Report, idle: dict[str, float]) -> None:
    """500 blocs; 60 of them have a deadline reminder due now: ~1,260 messages, sent to the end."""
    url = _database(workdir, "wave500", 500)
    due = _wave(url, list(range(1, 61)), per_bloc=1)
    fake = Fake()
    started = time.monotonic()
    bot = Bot("benchmarks.run_bot", url, fake, workdir)
    try:
        expected = None
        while time.monotonic() - started < 180:
            time.sleep(1)
            states = _outbox(url)
            expected = sum(states.values())
            if expected and states.get("sent", 0) + states.get("undeliverable", 0) == expected:
                break
        stats = fake.stats()
    finally:
        bot.close()
        fake.close()
    states = _outbox(url)
    if stats["refused"]:
        print("  refusals:", stats["refusal_log"], flush=True)
    sent_at = stats["sent_at"]
    rate = _rate(sent_at, sent_at[0] + 2, sent_at[-1]) if len(sent_at) > 100 else float("nan")
    total = sum(states.values())
    lost = total - states.get("sent", 0)
    report.add("wave, 500 blocs (60 due): send rate", f"{rate:.2f}/s", f"ceiling {CEILING:.0f}/s",
               f"{rate / CEILING:.3f}", "≥ 0.95", rate / CEILING >= 0.95)
    report.add("  refused (429) / lost / duplicated", f"{stats['refused']} / {lost} / {stats['duplicates']}",
               f"{total} queued, {due} reminders", "—", "0 / 0 / 0",
               stats["refused"] == 0 and lost == 0 and stats["duplicates"] == 0)


def national_wave(workdir: Path, report: Report, idle: dict[str, float], full: bool) -> None:
    """5,000 blocs, 10,000 reminders due at once (two deadlines each in 4,999 blocs; bloc 5,000 asks)."""
    url = _database(workdir, "wave5000", 5000)
    due = _wave(url, list(range(1, 5000)), per_bloc=2)
    probe_chat = 5000 * 20  # an officer of the last bloc, outside the wave
    fake = Fake()
    bot = Bot("benchmarks.run_bot", url, fake, workdir)
    try:
        window = 600 if full else 45
        time.sleep(3)  # the first pass starts firing
        t0 = time.monotonic()
        _probe_during(fake, chat=probe_chat, seconds=window)
        t1 = time.monotonic()
        stats, bot_stats = fake.stats(), bot.stats()
    finally:
        bot.close()
        fake.close()
    sent_at = stats["sent_at"]
    rate = _rate(sent_at, t0, t1)
    p99 = _p(stats["latencies"], 0.99)
    report.add("08:00 wave, 5,000 blocs, 10,000 due: send rate", f"{rate:.2f}/s", f"ceiling {CEILING:.0f}/s",
               f"{rate / CEILING:.3f}", "≥ 0.95", rate / CEILING >= 0.95)
    report.add("  reply to a private command, p99", f"{p99 * 1000:.0f} ms", f"idle {idle['p99'] * 1000:.0f} ms",
               f"{p99 / idle['p99']:.1f}×", "≤ 300 ms", p99 <= 0.3)
    if "gc2_max" in bot_stats and bot_stats["gc2_count"]:
        print(f"  full garbage collections: {bot_stats['gc2_count']}, longest {bot_stats['gc2_max'] * 1000:.0f} ms")
    report.add("  longest event-loop stall", f"{bot_stats['max_stall'] * 1000:.0f} ms",
               f"idle {idle['stall'] * 1000:.0f} ms", f"{bot_stats['max_stall'] / max(idle['stall'], 1e-3):.1f}×",
               "≤ 100 ms", bot_stats["max_stall"] <= 0.1)
    report.add("  refused (429) / duplicated so far", f"{stats['refused']} / {stats['duplicates']}",
               f"{due} reminders due", "—", "0 / 0", stats["refused"] == 0 and stats["duplicates"] == 0)


def busy_group(workdir: Path, report: Report, idle: dict[str, float]) -> None:
    """1,000 commands queued in one group (a non-manager typing /lang en: each a refusal)."""
    url = _database(workdir, "busy", 500)
    fake = Fake()
    bot = Bot("benchmarks.run_bot", url, fake, workdir)
    try:
        time.sleep(1)
        fake.reset()
        member = 3 * 20  # an officer of bloc 3, not of its head or deputy unit
        fake.inject([{"chat": -3, "user": member, "text": "/lang en", "group": True} for _ in range(1000)])
        _probe_during(fake, chat=9999, seconds=10)
        time.sleep(0.5)
        stats = fake.stats()
    finally:
        bot.close()
        fake.close()
    p99 = _p(stats["latencies"], 0.99)
    report.add("1,000 commands queued in one group: another chat's reply, p99", f"{p99 * 1000:.0f} ms",
               f"idle {idle['p99'] * 1000:.0f} ms", f"{p99 / idle['p99']:.1f}×", "≤ 300 ms", p99 <= 0.3)
    answered_privately = stats["replies_to"].get(str(member), 0)
    report.add("  the group's answers sent privately (group limit 20/min)", str(answered_privately),
               f"{stats['replies_to'].get('-3', 0)} in the group", "—", "—", None)


def _ballot_db(workdir: Path, voters: int) -> tuple[str, list[tuple[int, int]]]:
    """A vote open in each of ``voters // 10`` blocs; returns (url, [(officer id, vote id)])."""
    from app.wiring import build_core
    from bot.config import Settings
    from bot.services.audit import Actor
    from bot.services.votes import service as vs
    from storage.models import Bloc, Officer
    from storage.queries.blocs import member_units

    url = _database(workdir, "ballots", 500)
    core = build_core(Settings(_env_file=None, database_url=url, khoibot_files_dir=workdir / "files"))  # type: ignore[call-arg]
    pairs: list[tuple[int, int]] = []
    now = datetime.now(UTC)
    with core.db.session() as s:
        for b in range(1, voters // 10 + 1):
            bloc = s.get(Bloc, b)
            assert bloc is not None
            units = member_units(s, b, 2026)
            head = s.get(Officer, (b - 1) * 20 + 1)
            vote = vs.open_vote(s, bloc=bloc, kind=vs.AWARD, title="Bằng khen", quota=2, candidates=units,
                                closes_at=now + timedelta(days=1), actor=Actor(head), now=now)
            assert vote.id is not None
            pairs += [((b - 1) * 20 + u * 2 + 1, vote.id) for u in range(10)]
    core.db.dispose()
    return url, pairs


def ballots_against_echo(workdir: Path, report: Report) -> None:
    """200 ballots from 200 private chats, rate limits off on both sides: the bot against an echo bot."""
    voters = 200
    url, pairs = _ballot_db(workdir, voters)
    fake = Fake(limits=False)
    results: dict[str, tuple[float, float]] = {}
    try:
        for name, module, texts in (
            ("echo", "benchmarks.run_echo", [f"/phieu {v} 2 3" for _, v in pairs]),
            ("bot", "benchmarks.run_bot", [f"/phieu {v} 2 3" for _, v in pairs]),
        ):
            bot = Bot(module, url, fake, workdir, rate_limit=False)
            try:
                time.sleep(1)
                fake.reset(limits=False)
                cpu0 = bot.stats()["cpu"]
                start = time.monotonic()
                fake.inject([{"chat": officer, "user": officer, "text": t}
                             for (officer, _), t in zip(pairs, texts, strict=True)])
                while fake.stats()["sent"] < voters and time.monotonic() - start < 60:
                    time.sleep(0.05)
                elapsed = time.monotonic() - start
                time.sleep(0.6)
                cpu = bot.stats()["cpu"] - cpu0
            finally:
                bot.close()
            results[name] = (voters / elapsed, cpu / voters)
    finally:
        fake.close()
    with_db = _count_ballots(url)
    ratio = results["bot"][0] / results["echo"][0]
    report.add("200 ballots: updates/s", f"{results['bot'][0]:.0f}/s", f"echo bot {results['echo'][0]:.0f}/s",
               f"{ratio:.2f}", "≥ 0.5", ratio >= 0.5)
    report.add("  CPU per ballot (bot process)", f"{results['bot'][1] * 1000:.1f} ms",
               f"echo {results['echo'][1] * 1000:.1f} ms/update", f"{results['bot'][1] / results['echo'][1]:.1f}×",
               "< 3 ms", results["bot"][1] < 0.003)
    report.add("  ballots stored", str(with_db), f"{voters} sent", "—", "all", with_db == voters)


def _count_ballots(url: str) -> int:
    from storage.db import Database

    db = Database(url)
    with db.engine.connect() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM ballot")).scalar()
    db.dispose()
    return int(n or 0)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    full = "--full" in args
    print(f"National-scale benchmark ({'full' if full else 'quick'}): about {14 if full else 4} minutes. "
          "Figures are ratios against baselines measured in this run.", flush=True)
    report = Report()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="khoibot-bench-") as tmp:
        workdir = Path(tmp)
        idle = idle_baseline(workdir, report)
        print(f"  idle baseline: p50 {idle['p50'] * 1000:.0f} ms, p99 {idle['p99'] * 1000:.0f} ms", flush=True)
        steps = {"wave": lambda: wave_to_the_end(workdir, report, idle),
                 "national": lambda: national_wave(workdir, report, idle, full),
                 "group": lambda: busy_group(workdir, report, idle),
                 "ballots": lambda: ballots_against_echo(workdir, report)}
        chosen = [a for a in args if a in steps] or list(steps)
        for name in chosen:
            steps[name]()
            print(f"  ... {name} done at {time.monotonic() - started:.0f} s", flush=True)
    report.print()
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0 if all(r.holds is not False for r in report.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
