"""The ``khoibot`` command: ``run`` (Telegram and/or Zalo when their tokens are set, else the
console) and ``console``."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.wiring import build_core, run_console, run_platforms
from bot.config import Settings
from bot.errors import StartupError
from bot.logs import setup_logging
from bot.services.votes.slips import BadSlips, recount, sha256
from storage.copy import TargetNotEmpty, copy_database
from storage.db import Database, NewerDatabaseError

NO_TOKEN_HINT = (
    "Chưa có TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN: chạy chat thử trên máy. Để kết nối Telegram, ghi "
    "TELEGRAM_BOT_TOKEN=<token từ @BotFather> (Zalo: ZALO_BOT_TOKEN=<token từ Zalo Bot Manager>) "
    "vào tệp .env rồi chạy lại `make run`."
)
NO_TERMINAL = (
    "Chưa có TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN, và không có bàn phím để chạy chat thử (ví dụ trong "
    "container): đặt TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN rồi chạy lại, hoặc dùng `khoibot console` ở máy có "
    "bàn phím. No TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN, and no terminal for the console chat (a container?): set "
    "one of them and start again."
)
STARTUP_FAILED = {
    "rejected": ("Không khởi động được: nền tảng từ chối {variable}. Kiểm tra lại giá trị của {variable} "
                 "(sao chép đủ, không thừa khoảng trắng) rồi chạy lại. The platform rejected {variable}: check it "
                 "and start again."),
    "unreachable": ("Không khởi động được: không kết nối được máy chủ API ({variable}). Kiểm tra mạng và "
                    "{variable}, rồi chạy lại. The platform's API did not answer: check the network and {variable}."),
}
NEWER_DATABASE = (
    "Cơ sở dữ liệu thuộc một phiên bản KhốiBot mới hơn (cấu trúc {current}, bản này biết đến {head}): hãy chạy "
    "phiên bản mới, không chạy bản cũ trên dữ liệu này. The database was upgraded by a newer KhốiBot "
    "(schema {current}, this code knows up to {head}): run the newer release."
)
WEBHOOK_NEEDS = (
    "--zalo-webhook cần ZALO_BOT_TOKEN, ZALO_WEBHOOK_SECRET (8–256 ký tự) và KHOIBOT_PUBLIC_URL "
    "(địa chỉ https của máy chủ này). The Zalo webhook needs these three settings."
)
TELEGRAM_WEBHOOK_NEEDS = (
    "--telegram-webhook cần TELEGRAM_BOT_TOKEN và TELEGRAM_WEBHOOK_URL hoặc KHOIBOT_PUBLIC_URL (địa chỉ https "
    "của máy chủ này). The Telegram webhook needs the token and TELEGRAM_WEBHOOK_URL or KHOIBOT_PUBLIC_URL."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khoibot",
        description="KhốiBot: trợ lý chat của khối thi đua (nhắc việc, ký giao ước, bỏ phiếu kín).",
    )
    sub = parser.add_subparsers(dest="command", metavar="{run,console,migrate,copy-db,recount}")
    run = sub.add_parser("run", help="chạy bot: Telegram và/hoặc Zalo khi có token, nếu không thì chat thử trên máy")
    run.add_argument("--zalo-webhook", action="store_true",
                     help="nhận tin Zalo qua webhook (cần ZALO_WEBHOOK_SECRET, KHOIBOT_PUBLIC_URL) thay vì long polling")
    run.add_argument("--telegram-webhook", action="store_true",
                     help="nhận tin Telegram qua webhook (cần TELEGRAM_WEBHOOK_URL hoặc KHOIBOT_PUBLIC_URL) thay vì "
                          "long polling; tự bật khi có TELEGRAM_WEBHOOK_URL")
    sub.add_parser("console", help="chat thử trên máy (không cần token), cùng lõi với bot Telegram")
    copy = sub.add_parser("copy-db", help="chép toàn bộ dữ liệu sang một cơ sở dữ liệu trống (ví dụ từ SQLite sang "
                                          "PostgreSQL); copy every row to an empty database")
    copy.add_argument("source", help="DATABASE_URL nguồn, ví dụ sqlite:///data/khoibot.db")
    copy.add_argument("target", help="DATABASE_URL đích (trống), ví dụ postgresql+psycopg://user:pass@host/khoibot")
    recount = sub.add_parser("recount", help="đếm lại một cuộc bỏ phiếu từ tệp phiếu ẩn danh (.csv) đã công bố; "
                                             "recount a vote from its published anonymous slips")
    recount.add_argument("file", help="tệp phieu-an-danh-<số>.csv (từ /vote_minutes)")
    sub.add_parser("migrate", help="nâng cấp cấu trúc cơ sở dữ liệu lên phiên bản mới nhất rồi thoát (bot tự làm khi khởi động)")
    return parser


def _migrate(settings: Settings) -> int:
    db = Database(settings.database_url)
    try:
        revision = db.migrate()
    except NewerDatabaseError as exc:
        print(NEWER_DATABASE.format(current=exc.current, head=exc.head), file=sys.stderr)
        return 4
    finally:
        db.dispose()
    print(f"Cơ sở dữ liệu đã ở phiên bản {revision} (database schema at revision {revision}).")
    return 0


def _copy_db(source: str, target: str) -> int:
    try:
        copied = copy_database(source, target)
    except TargetNotEmpty as exc:
        print(f"Cơ sở dữ liệu đích đã có dữ liệu ({exc.rows} dòng trong bảng {exc.table}): không chép đè. Hãy dùng "
              f"một cơ sở dữ liệu trống. The target already holds data; use an empty database.", file=sys.stderr)
        return 2
    except NewerDatabaseError as exc:
        print(NEWER_DATABASE.format(current=exc.current, head=exc.head), file=sys.stderr)
        return 4
    except (SQLAlchemyError, ArgumentError, ValueError) as exc:
        # The kind of failure, never the URL (it may hold a password).
        print(f"Không chép được: {type(exc).__name__}. Kiểm tra hai địa chỉ cơ sở dữ liệu và quyền truy cập rồi "
              f"chạy lại; đích vẫn trống. The copy failed ({type(exc).__name__}); the target is unchanged.",
              file=sys.stderr)
        return 3
    print(f"Đã chép {copied.total} dòng ({len(copied.tables)} bảng). Copied {copied.total} rows. Nhớ chép cả thư mục "
          f"tệp (KHOIBOT_FILES_DIR); copy the files directory too.")
    for table, rows in copied.tables.items():
        if rows:
            print(f"  {table}: {rows}")
    return 0


def _recount(path: str) -> int:
    """Offline, with no database: counts the slips file and prints its SHA-256 to compare with the one
    published with the results and in the minutes."""
    try:
        data = Path(path).read_bytes()
        counted = recount(data)
    except OSError as exc:
        print(f"Không đọc được tệp {path}: {exc.strerror}. Cannot read the file.", file=sys.stderr)
        return 2
    except BadSlips as exc:
        print(f"Tệp không phải tệp phiếu ẩn danh: {exc}.", file=sys.stderr)
        return 2
    print(f"SHA-256: {sha256(data)}")
    print(f"Số phiếu (slips): {counted.slips}; phiếu trắng (blank): {counted.blank}")
    for column, count in sorted(counted.counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {column}: {count}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 0
    if args.command == "recount":
        return _recount(args.file)
    if args.command == "copy-db":
        setup_logging("WARNING", [])
        return _copy_db(args.source, args.target)
    try:
        settings = Settings()
    except ValidationError as exc:
        # The field and what is wrong, never the value given (it may be a token or a secret).
        problems = "\n".join(f"- {'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}"
                              for e in exc.errors(include_input=False, include_url=False))
        print(f"Cấu hình không hợp lệ (invalid configuration):\n{problems}", file=sys.stderr)
        return 2
    console = args.command == "console" or not (settings.token() or settings.zalo_token())
    zalo_webhook = bool(getattr(args, "zalo_webhook", False))
    if zalo_webhook and not (settings.zalo_token() and settings.webhook_secret() and settings.khoibot_public_url):
        print(WEBHOOK_NEEDS, file=sys.stderr)
        return 2
    # An explicit TELEGRAM_WEBHOOK_URL is the operator asking for webhook mode; KHOIBOT_PUBLIC_URL alone
    # is not (it also serves Zalo's file links), so it needs the flag.
    telegram_webhook = bool(getattr(args, "telegram_webhook", False)) or (
        args.command == "run" and bool(settings.telegram_webhook_url))
    if telegram_webhook and settings.telegram_webhook() is None:
        print(TELEGRAM_WEBHOOK_NEEDS, file=sys.stderr)
        return 2
    if console and args.command == "run" and not sys.stdin.isatty():
        # A container with no token would otherwise print the banner, read nothing, exit 0 and be
        # restarted in a silent loop.
        print(NO_TERMINAL, file=sys.stderr)
        return 2
    # The console prints chat to stdout; keep its logs to warnings so the chat stays readable.
    setup_logging("WARNING" if console else settings.log_level, settings.secrets())
    if args.command == "migrate":
        return _migrate(settings)
    try:
        core = build_core(settings)
    except NewerDatabaseError as exc:
        print(NEWER_DATABASE.format(current=exc.current, head=exc.head), file=sys.stderr)
        return 4
    try:
        if console:
            if args.command == "run":
                print(NO_TOKEN_HINT, flush=True)
            asyncio.run(run_console(core))
        else:
            asyncio.run(run_platforms(core, zalo_webhook=zalo_webhook, telegram_webhook=telegram_webhook))
    except StartupError as exc:
        print(STARTUP_FAILED[exc.reason].format(variable=exc.variable), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        pass
    finally:
        core.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
