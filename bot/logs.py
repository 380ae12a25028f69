"""Logging set-up: secrets (the bot tokens, the webhook secret) are masked on every way out of the
process: log lines at any level and from any library, tracebacks, uncaught errors in the main thread,
in other threads and in finalizers, and warnings."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Iterable
from types import TracebackType
from typing import TextIO
from urllib.parse import quote

MASK = "***"


class Redactor:
    """Replaces each secret, also as it appears percent-encoded in a URL (``:`` as ``%3A``)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""), quote(secret))}
        self.forms = sorted(forms, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for form in self.forms:
            text = text.replace(form, MASK)
        return text


class RedactingFormatter(logging.Formatter):
    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self.redact = Redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


def setup_logging(level: str, secrets: Iterable[str], stream: TextIO | None = None) -> None:
    secrets = list(secrets)
    out = stream or sys.stderr
    handler: logging.StreamHandler[TextIO] = logging.StreamHandler(out)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # httpx logs every request URL at INFO, and Bot API URLs carry the token (masked anyway).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # Warnings go through the same handler, so the formatter masks them too.
    logging.captureWarnings(True)
    _redact_uncaught(Redactor(secrets), out)


def _redact_uncaught(redact: Redactor, out: TextIO) -> None:
    """Python's own report of an uncaught error is printed with the secrets masked."""

    def report(kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None,
               where: str = "") -> None:
        text = "".join(traceback.format_exception(kind, exc, tb)) if kind is not None else ""
        out.write(redact(f"{where}{text}"))
        out.flush()

    def main_thread(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report(kind, exc, tb)

    def other_thread(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread is not None else "?"
        report(args.exc_type, args.exc_value, args.exc_traceback, f"Exception in thread {name}:\n")

    def unraisable(args: sys.UnraisableHookArgs) -> None:
        report(args.exc_type, args.exc_value, args.exc_traceback, f"{args.err_msg or 'Exception ignored'}: {args.object!r}\n")

    sys.excepthook = main_thread
    threading.excepthook = other_thread
    sys.unraisablehook = unraisable
