"""The baseline: a bare python-telegram-bot echo bot, configured like KhốiBot (concurrent updates, the
same HTTP pool, no rate limiter), answering each message with its text. ``python -m benchmarks.run_echo
<stats.json>`` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL set."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


async def main(out: Path) -> None:
    base = os.environ["TELEGRAM_API_BASE_URL"]
    builder = (Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).base_url(f"{base}/bot")
           .base_file_url(f"{base}/file/bot").concurrent_updates(256))
    if os.environ.get("ECHO_BOUNDED"):  # the bot's own HTTP pool, to see what is left of the baseline
        from adapters.telegram.request import BoundedRequest

        builder = builder.request(BoundedRequest())
    app = builder.build()
    app.add_handler(MessageHandler(filters.ALL, echo))
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(timeout=10)
    print("ready", flush=True)
    while not stop.is_set():
        out.write_text(json.dumps({"cpu": time.process_time()}))  # noqa: ASYNC240 - a tiny local file
        try:
            async with asyncio.timeout(0.5):
                await stop.wait()
        except TimeoutError:
            pass
    await app.updater.stop()
    await app.stop()
    await app.shutdown()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
