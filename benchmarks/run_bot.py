"""The real bot for a benchmark: ``python -m benchmarks.run_bot <stats.json>`` with DATABASE_URL,
TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL set. Besides the bot it runs a probe of the event loop
(how late a 10 ms timer fires) and writes what it saw, with its own CPU time, every half second."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path

from adapters.telegram.adapter import TelegramAdapter
from app.wiring import build_core, build_dispatcher, build_scheduler, tune_gc
from bot.config import Settings
from bot.logs import setup_logging

TICK = 0.01


async def main(out: Path) -> None:
    settings = Settings()
    setup_logging("WARNING", settings.secrets())
    if os.environ.get("KHOIBOT_BENCH_SLOW"):  # name every step of the event loop over 40 ms
        loop = asyncio.get_running_loop()
        loop.set_debug(True)
        loop.slow_callback_duration = 0.04
        logging.getLogger("asyncio").setLevel(logging.WARNING)
    core = build_core(settings)
    dispatcher = build_dispatcher(core)
    adapter = TelegramAdapter(core, dispatcher)
    scheduler = build_scheduler(core, dispatcher)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    stalls: list[float] = []

    async def watch_loop() -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(TICK)
            stalls.append(time.monotonic() - before - TICK)

    async def report() -> None:
        while True:
            await asyncio.sleep(0.5)
            runtime = scheduler.sender.report if hasattr(scheduler, "sender") else None  # type: ignore[attr-defined]
            data = {"cpu": time.process_time(), "max_stall": max(stalls, default=0.0),
                    "stalls_over_100ms": sum(1 for s in stalls if s > 0.1), "samples": len(stalls),
                    "refusals": adapter.limiter.refusals if adapter.limiter else 0,
                    "outbox_sent": runtime.sent if runtime else 0,
                    "gc2_max": max(gc_times, default=0.0), "gc2_count": len(gc_times)}
            tmp = out.with_suffix(".tmp")
            tmp.write_text(json.dumps(data))
            tmp.replace(out)

    gc_times: list[float] = []
    if os.environ.get("KHOIBOT_BENCH_GC"):
        import gc

        started: dict[str, float] = {}

        def watch(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                started["t"] = time.perf_counter()
            elif info.get("generation") == 2:
                gc_times.append(time.perf_counter() - started["t"])

        gc.callbacks.append(watch)
    await adapter.start(poll_timeout=10)
    await scheduler.start()
    tune_gc()
    tasks = [asyncio.create_task(watch_loop()), asyncio.create_task(report())]
    print("ready", flush=True)
    await stop.wait()
    for task in tasks:
        task.cancel()
    await scheduler.stop()
    await adapter.stop()
    core.db.dispose()


if __name__ == "__main__":
    profile = os.environ.get("KHOIBOT_BENCH_PROFILE")  # a path: where to write cProfile statistics
    if profile and profile.endswith(".txt"):  # a sampling profile (pyinstrument), closer to the truth
        from pyinstrument import Profiler

        sampler = Profiler(interval=0.0005)
        sampler.start()
        try:
            asyncio.run(main(Path(sys.argv[1])))
        finally:
            sampler.stop()
            Path(profile).write_text(sampler.output_text(unicode=False, color=False, show_all=True))
    elif profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        try:
            asyncio.run(main(Path(sys.argv[1])))
        finally:
            profiler.disable()
            profiler.dump_stats(profile)
    else:
        asyncio.run(main(Path(sys.argv[1])))
