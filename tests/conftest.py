from __future__ import annotations

import logging
import os
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
from tests import pg
from tests.harness import DATABASES, TelegramHarness, make_settings, migrated_copy
from tests.zalo_harness import ZaloHarness

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ENGINES = ["sqlite", "postgresql"]


# --- the PostgreSQL server of the run (started by the controller, read by the workers) -------------
_SERVER: pg.Server | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _SERVER
    if hasattr(config, "workerinput") or os.environ.get(pg.ENV_URL):
        return  # an xdist worker, or a server given from outside
    try:
        _SERVER = pg.start()
    except RuntimeError as exc:
        os.environ[pg.ENV_MISSING] = str(exc)
        return
    os.environ[pg.ENV_URL] = _SERVER.url


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SERVER is not None:
        _SERVER.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = [r.nodeid for r in terminalreporter.stats.get("skipped", [])]
    if any("test_documents_render" in n for n in skipped):
        terminalreporter.write_line("THE DOCUMENT RENDERING TEST DID NOT RUN (LibreOffice or poppler-utils missing: "
                                    "apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation). "
                                    "It is not counted as passed.", red=True, bold=True)
    if any("test_web_form" in n for n in skipped):
        terminalreporter.write_line("THE BROWSER TEST OF THE SCORING FORM DID NOT RUN (chromium missing: apt-get "
                                    "install chromium chromium-driver). It is not counted as passed.",
                                    red=True, bold=True)
    reason = pg.status()
    if reason is None:
        terminalreporter.write_line("PostgreSQL half: ran against a throwaway PostgreSQL server.", green=True)
        return
    why = "skipped on purpose (KHOIBOT_TEST_PG=off)" if reason == "off" else reason
    terminalreporter.write_sep("!", "THE POSTGRESQL HALF OF THE SUITE DID NOT RUN", red=True, bold=True)
    terminalreporter.write_line(f"PostgreSQL: {why}. It is not counted as passed.", red=True, bold=True)


@pytest.fixture(params=ENGINES)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Runs the test on SQLite and again on PostgreSQL, each time on a fresh migrated database."""
    if request.param == "sqlite":
        migrated_copy(tmp_path / "khoibot.db")
        url = f"sqlite:///{tmp_path / 'khoibot.db'}"
        DATABASES[tmp_path] = url
        yield url
        DATABASES.pop(tmp_path, None)
        return
    reason = pg.status()
    if reason == "off":
        pytest.skip("PostgreSQL half skipped on purpose (KHOIBOT_TEST_PG=off)")
    if reason is not None:
        pytest.fail(f"PostgreSQL half could not run: {reason}", pytrace=False)
    url = pg.fresh_database()
    DATABASES[tmp_path] = url
    try:
        yield url
    finally:
        DATABASES.pop(tmp_path, None)
        pg.drop_database(url)


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
def core(tmp_path: Path, clock: ManualClock, database: str) -> Iterator[Core]:
    c = build_core(make_settings(tmp_path), clock)
    yield c
    c.db.dispose()


@pytest.fixture
async def tg(tmp_path: Path, clock: ManualClock, database: str) -> AsyncIterator[TelegramHarness]:
    """The real adapter over real HTTP against the fake Bot API server."""
    harness = TelegramHarness(tmp_path, clock, http=True)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


@pytest.fixture
async def tg_fast(tmp_path: Path, clock: ManualClock, database: str) -> AsyncIterator[TelegramHarness]:
    """The real adapter against the in-process fake (no sockets), for quick adapter tests."""
    harness = TelegramHarness(tmp_path, clock, http=False)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


@pytest.fixture
async def zalo(tmp_path: Path, clock: ManualClock, database: str) -> AsyncIterator[ZaloHarness]:
    """The real Zalo adapter over real HTTP against the fake Zalo Bot API (long polling)."""
    async with ZaloHarness(tmp_path, clock) as harness:
        yield harness


@pytest.fixture
async def mixed(tmp_path: Path, clock: ManualClock, database: str) -> AsyncIterator[ZaloHarness]:
    """Telegram and Zalo in one process, one database, each against its fake API over real HTTP."""
    async with ZaloHarness(tmp_path, clock, telegram=True) as harness:
        yield harness
