"""The ``khoibot`` command: ``run`` (Telegram and/or Zalo when their tokens are set, else the
console) and ``console``."""

from __future__ import annotations

import argparse
import asyncio
import sys

from pydantic import ValidationError

from app.wiring import build_core, run_console, run_platforms
from bot.config import Settings
from bot.logs import setup_logging

NO_TOKEN_HINT = (
    "Chưa có TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN: chạy chat thử trên máy. Để kết nối Telegram, ghi "
    "TELEGRAM_BOT_TOKEN=<token từ @BotFather> (Zalo: ZALO_BOT_TOKEN=<token từ Zalo Bot Manager>) "
    "vào tệp .env rồi chạy lại `make run`."
)
WEBHOOK_NEEDS = (
    "--zalo-webhook cần ZALO_BOT_TOKEN, ZALO_WEBHOOK_SECRET (8–256 ký tự) và KHOIBOT_PUBLIC_URL "
    "(địa chỉ https của máy chủ này). The Zalo webhook needs these three settings."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khoibot",
        description="KhốiBot: trợ lý chat của khối thi đua (nhắc việc, ký giao ước, bỏ phiếu kín).",
    )
    sub = parser.add_subparsers(dest="command", metavar="{run,console}")
    run = sub.add_parser("run", help="chạy bot: Telegram và/hoặc Zalo khi có token, nếu không thì chat thử trên máy")
    run.add_argument("--zalo-webhook", action="store_true",
                     help="nhận tin Zalo qua webhook (cần ZALO_WEBHOOK_SECRET, KHOIBOT_PUBLIC_URL) thay vì long polling")
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
    console = args.command == "console" or not (settings.token() or settings.zalo_token())
    zalo_webhook = bool(getattr(args, "zalo_webhook", False))
    if zalo_webhook and not (settings.zalo_token() and settings.webhook_secret() and settings.khoibot_public_url):
        print(WEBHOOK_NEEDS, file=sys.stderr)
        return 2
    # The console prints chat to stdout; keep its logs to warnings so the chat stays readable.
    setup_logging("WARNING" if console else settings.log_level, settings.secrets())
    core = build_core(settings)
    try:
        if console:
            if args.command == "run":
                print(NO_TOKEN_HINT, flush=True)
            asyncio.run(run_console(core))
        else:
            asyncio.run(run_platforms(core, zalo_webhook=zalo_webhook))
    except KeyboardInterrupt:
        pass
    finally:
        core.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
