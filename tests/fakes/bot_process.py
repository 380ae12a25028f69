"""One bot process of its own, as `khoibot run --telegram-webhook` starts it, but on a clock the test
moves (tests/fakes/file_clock.py, path in KHOIBOT_TEST_CLOCK_FILE). Everything else comes from the
environment like in production: DATABASE_URL, TELEGRAM_*, KHOIBOT_HTTP_PORT, KHOIBOT_TICK_SECONDS."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from app.wiring import build_core, run_platforms
from bot.config import Settings
from bot.logs import setup_logging
from tests.fakes.file_clock import FileClock


def main() -> int:
    settings = Settings()
    setup_logging(settings.log_level, settings.secrets())
    core = build_core(settings, FileClock(Path(os.environ["KHOIBOT_TEST_CLOCK_FILE"])))
    try:
        asyncio.run(run_platforms(core, telegram_webhook=True))
    finally:
        core.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
