"""The ``khoibot`` command: ``run`` (Telegram when a token is set, else the console) and ``console``."""

from __future__ import annotations

import argparse
import asyncio
import sys

from pydantic import ValidationError

from bot.app import build_core, run_console, run_platforms
from bot.config import Settings
from bot.logs import setup_logging

NO_TOKEN_HINT = (
    "Chưa có TELEGRAM_BOT_TOKEN: chạy chat thử trên máy. Để kết nối Telegram, ghi "
    "TELEGRAM_BOT_TOKEN=<token từ @BotFather> vào tệp .env rồi chạy lại `make run`."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khoibot",
        description="KhốiBot: trợ lý chat của khối thi đua (nhắc việc, ký giao ước, bỏ phiếu kín).",
    )
    sub = parser.add_subparsers(dest="command", metavar="{run,console}")
    sub.add_parser("run", help="chạy bot: Telegram khi có TELEGRAM_BOT_TOKEN, nếu không thì chat thử trên máy")
    sub.add_parser("console", help="chat thử trên máy (không cần token), cùng lõi với bot Telegram")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 0
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"Cấu hình không hợp lệ (invalid configuration):\n{exc}", file=sys.stderr)
        return 2
    console = args.command == "console" or not settings.token()
    # The console prints chat to stdout; keep its logs to warnings so the chat stays readable.
    setup_logging("WARNING" if console else settings.log_level, settings.secrets())
    core = build_core(settings)
    try:
        if console:
            if args.command == "run":
                print(NO_TOKEN_HINT, flush=True)
            asyncio.run(run_console(core))
        else:
            asyncio.run(run_platforms(core))
    except KeyboardInterrupt:
        pass
    finally:
        core.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
