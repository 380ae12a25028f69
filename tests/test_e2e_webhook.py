"""Telegram by webhook over real HTTP: the fake Bot API posts each update to the bot's web server with
the secret set by ``setWebhook``; a request without the right secret gets 403 and changes nothing; an
update delivered twice is handled once; a chat's updates keep their order."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from sqlmodel import func, select

from bot.clock import ManualClock
from storage.models import AuditLog, CalendarItem, InboundUpdate, Unit
from tests.harness import TelegramHarness
from tests.vote_play import HEAD, OFFICERS, setup_bloc


@pytest.fixture
async def hook(tmp_path: Path, clock: ManualClock, database: str) -> AsyncIterator[TelegramHarness]:
    harness = TelegramHarness(tmp_path, clock, http=True, webhook=True)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


def count(tg: TelegramHarness, model) -> int:
    assert tg.core is not None
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


async def test_updates_arrive_by_webhook_with_the_secret_and_no_polling(hook: TelegramHarness) -> None:
    api = hook.api
    assert api.webhook is not None
    assert api.webhook["url"] == f"http://127.0.0.1:{hook.http_port}/telegram/webhook"
    secret = api.webhook["secret_token"]
    assert secret and 16 <= len(secret) <= 256 and hook.core is not None
    assert secret not in (hook.core.settings.token() or "")  # derived from the token, never the token itself

    group = await setup_bloc(hook)
    answer = await hook.reply_text(HEAD, group, "/deadline 30/11/2026 17:00 | Báo cáo tổng kết năm")
    assert "Báo cáo tổng kết năm" in answer
    assert count(hook, CalendarItem) == 1
    assert "getUpdates" not in [c.method for c in api.calls]
    assert set(api.webhook_statuses) == {200}


async def test_a_request_without_the_right_secret_is_refused_and_changes_nothing(hook: TelegramHarness) -> None:
    group = await setup_bloc(hook)
    api = hook.api
    units, audit, handled = count(hook, Unit), count(hook, AuditLog), count(hook, InboundUpdate)
    sent = len(api.bot_log)
    forged = {"update_id": 999_999, "message": {
        "message_id": 999_999, "date": 1_790_000_000, "chat": group.as_dict(), "from": HEAD.as_dict(),
        "text": "/unit_add XYZ Sở Giả mạo", "entities": [{"type": "bot_command", "offset": 0, "length": 9}]}}
    url = f"http://127.0.0.1:{hook.http_port}/telegram/webhook"
    async with aiohttp.ClientSession() as http:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong-secret-0123456789"},
                        {"X-Telegram-Bot-Api-Secret-Token": (api.webhook or {})["secret_token"] + "x"}):
            async with http.post(url, json=forged, headers=headers) as response:
                assert response.status == 403
        # The right secret with a body that is not an update: refused, nothing stored.
        async with http.post(url, data=b"not json",
                             headers={"X-Telegram-Bot-Api-Secret-Token": (api.webhook or {})["secret_token"]}) as r:
            assert r.status == 400
    assert (count(hook, Unit), count(hook, AuditLog), count(hook, InboundUpdate)) == (units, audit, handled)
    assert len(api.bot_log) == sent


async def test_an_update_posted_twice_is_handled_once_and_order_is_kept(hook: TelegramHarness) -> None:
    group = await setup_bloc(hook)
    first = await hook.say(HEAD, group, "/meeting 20/12/2026 08:00 | Hội nghị tổng kết | Hội trường Sở")
    assert first and count(hook, CalendarItem) == 1
    audit = count(hook, AuditLog)
    # Telegram posts it again (the first answer was lost): nothing changes, nothing is sent.
    assert await hook.redeliver(hook.last_update_id()) == []
    assert count(hook, CalendarItem) == 1 and count(hook, AuditLog) == audit

    # Several messages in one chat, queued at once, are handled in the order they were sent.
    api = hook.api
    ids = [api.send_text(HEAD, group, f"/deadline 1{n}/12/2026 17:00 | Báo cáo số {n}") for n in range(1, 5)]
    await api.wait_for(lambda: all(i in api.processed for i in ids))
    texts = [m.get("text", "") for m in api.bot_log if m["chat"]["id"] == group.id]
    first_mention = [next(i for i, t in enumerate(texts) if f"Báo cáo số {n}" in t) for n in range(1, 5)]
    assert first_mention == sorted(first_mention)
    with hook.core.db.session() as s:  # type: ignore[union-attr]
        titles = [c.title for c in s.exec(select(CalendarItem).order_by(CalendarItem.id))]
    assert titles[-4:] == [f"Báo cáo số {n}" for n in range(1, 5)]
    # An officer's private command goes through the same path.
    dm = api.private(OFFICERS["YTE"])
    assert await hook.reply_text(OFFICERS["YTE"], dm, "/start")


def test_webhook_settings_derive_the_url_and_a_secret_that_is_masked(tmp_path: Path) -> None:
    from tests.fakes.telegram_api import TOKEN
    from tests.harness import make_settings

    assert make_settings(tmp_path, telegram_bot_token=TOKEN).telegram_webhook() is None  # no address
    derived = make_settings(tmp_path, telegram_bot_token=TOKEN, khoibot_public_url="https://bot.khoi.vn")
    url, secret = derived.telegram_webhook() or ("", "")
    assert url == "https://bot.khoi.vn/telegram/webhook" and TOKEN not in secret and secret in derived.secrets()
    given = make_settings(tmp_path, telegram_bot_token=TOKEN, telegram_webhook_url="https://x.vn/tg",
                          telegram_webhook_secret="a-long-enough-secret-42")
    assert given.telegram_webhook() == ("https://x.vn/tg", "a-long-enough-secret-42")
    assert make_settings(tmp_path, telegram_webhook_url="https://x.vn/tg").telegram_webhook() is None  # no token


def test_the_telegram_webhook_refuses_to_start_without_an_address(tmp_path: Path) -> None:
    from tests.test_console import run_cli

    out = run_cli(tmp_path, ["run", "--telegram-webhook"])
    assert out.returncode == 2 and "TELEGRAM_WEBHOOK_URL" in out.stderr and "Traceback" not in out.stderr


def test_a_webhook_secret_telegram_would_refuse_is_refused_at_configuration(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from tests.harness import make_settings

    for bad in ("short", "has spaces in it, sadly", "dấu-tiếng-việt-không-được"):
        with pytest.raises(ValidationError):
            make_settings(tmp_path, telegram_webhook_secret=bad)
