from __future__ import annotations

import logging
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.wiring import build_core
from bot.clock import ManualClock
from bot.core import Core
from tests.harness import TelegramHarness, make_settings
from tests.zalo_harness import ZaloHarness

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def _process_hooks() -> Iterator[None]:
    """setup_logging installs process-wide hooks (uncaught errors, warnings); each test gets them back."""
    saved = sys.excepthook, threading.excepthook, sys.unraisablehook, logging.getLogger().handlers[:]
    yield
    sys.excepthook, threading.excepthook, sys.unraisablehook = saved[:3]
    logging.getLogger().handlers[:] = saved[3]
    logging.captureWarnings(False)


@pytest.fixture
def clock() -> ManualClock:
    # Monday 23/11/2026 09:00 in Hà Nội: inside working hours.
    return ManualClock(datetime(2026, 11, 23, 9, 0, tzinfo=VN))


@pytest.fixture
def core(tmp_path: Path, clock: ManualClock) -> Iterator[Core]:
    c = build_core(make_settings(tmp_path), clock)
    yield c
    c.db.dispose()


@pytest.fixture
async def tg(tmp_path: Path, clock: ManualClock) -> AsyncIterator[TelegramHarness]:
    """The real adapter over real HTTP against the fake Bot API server."""
    harness = TelegramHarness(tmp_path, clock, http=True)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


@pytest.fixture
async def tg_fast(tmp_path: Path, clock: ManualClock) -> AsyncIterator[TelegramHarness]:
    """The real adapter against the in-process fake (no sockets), for quick adapter tests."""
    harness = TelegramHarness(tmp_path, clock, http=False)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


@pytest.fixture
async def zalo(tmp_path: Path, clock: ManualClock) -> AsyncIterator[ZaloHarness]:
    """The real Zalo adapter over real HTTP against the fake Zalo Bot API (long polling)."""
    async with ZaloHarness(tmp_path, clock) as harness:
        yield harness


@pytest.fixture
async def mixed(tmp_path: Path, clock: ManualClock) -> AsyncIterator[ZaloHarness]:
    """Telegram and Zalo in one process, one database, each against its fake API over real HTTP."""
    async with ZaloHarness(tmp_path, clock, telegram=True) as harness:
        yield harness
