"""Start-up refusals are one clear line naming the setting to fix, never a traceback or a secret; and no
way out of the process (uncaught errors, threads, warnings, any logger) carries a token."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import sys
import threading
import warnings
from pathlib import Path

from aiohttp import web

from bot.logs import setup_logging

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "987654321:AAE-wrong-token-Secret_value123"


async def _run(tmp_path: Path, base_url: str, **extra: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "KHOIBOT_"))}
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}", "PYTHONPATH": str(ROOT),
                "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": base_url, "LOG_LEVEL": "DEBUG", **extra})
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "app.cli", "run", cwd=tmp_path, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


async def _server(status: int) -> tuple[web.AppRunner, str]:
    async def refuse(request: web.Request) -> web.Response:
        return web.json_response({"ok": False, "error_code": status, "description": "Unauthorized"}, status=status)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", refuse)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


async def test_a_rejected_token_is_one_clear_line_without_the_token(tmp_path: Path) -> None:
    for status in (401, 404):
        runner, url = await _server(status)
        try:
            code, out, err = await _run(tmp_path, url)
        finally:
            await runner.cleanup()
        assert code != 0
        assert TOKEN not in out + err and TOKEN.split(":")[1] not in out + err
        assert "Traceback" not in err
        assert "TELEGRAM_BOT_TOKEN" in err and "rejected" in err


async def test_an_unreachable_api_is_one_clear_line(tmp_path: Path) -> None:
    code, out, err = await _run(tmp_path, "http://127.0.0.1:9")  # nothing listens on the discard port
    assert code != 0
    assert TOKEN.split(":")[1] not in out + err and "Traceback" not in err
    assert "TELEGRAM_API_BASE_URL" in err


def test_no_output_path_carries_a_secret() -> None:
    secret = "123456:SECRET-token-value"
    stream = io.StringIO()
    saved = sys.excepthook, threading.excepthook, sys.unraisablehook
    try:
        setup_logging("DEBUG", [secret], stream)
        logging.getLogger("telegram.ext").debug("calling https://api.telegram.org/bot%s/getMe", secret)
        logging.getLogger("httpx").warning("GET https://api.telegram.org/file/bot123456%3ASECRET-token-value/x")
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn(f"deprecated call with {secret}", DeprecationWarning, stacklevel=1)
        try:
            raise RuntimeError(f"token {secret} was rejected")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

        def boom() -> None:
            raise ValueError(f"in a thread: {secret}")

        worker = threading.Thread(target=boom)
        worker.start()
        worker.join()
    finally:
        sys.excepthook, threading.excepthook, sys.unraisablehook = saved
        logging.captureWarnings(False)
        logging.getLogger().handlers[:] = []
    text = stream.getvalue()
    assert "SECRET" not in text
    assert text.count("***") >= 5 and "in a thread" in text and "deprecated call" in text
