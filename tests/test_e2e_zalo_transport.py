"""Receiving from Zalo over real HTTP: long polling (408 = no update, back-off on 429 and network
errors, dedup on message_id, nothing received is ever lost) and the webhook (both envelopes, the
secret header checked in constant time)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import func, select

from adapters.zalo.adapter import ZaloAdapter
from adapters.zalo.client import ZaloApiError, ZaloClient
from app.wiring import build_core, build_dispatcher
from bot.clock import ManualClock
from handlers.request import Request
from storage.models import Account, Bloc, InboundUpdate, Unit
from tests.fakes.zalo_api import DISCONNECT, ZALO_TOKEN, FakeZaloApi, zalo_user
from tests.harness import make_settings
from tests.texts import said
from tests.zalo_harness import WEBHOOK_SECRET, ZaloHarness, free_port


def count(zh: ZaloHarness, model) -> int:
    assert zh.core is not None
    with zh.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


async def test_empty_polls_are_not_errors_and_faults_back_off_without_losing_updates(zalo: ZaloHarness) -> None:
    lan = zalo_user("Lan")
    api = zalo.zalo_api
    # 408 is "no update": the bot asks again at once.
    api.fail("getUpdates", 408, "Request timeout")
    api.fail("getUpdates", 408, "Request timeout")
    await api.wait_for(lambda: not api.faults)
    assert said(await zalo.zreply(lan, "/start"), 'start.private', name='Lan')
    assert zalo.sleeps == []
    # 429, a server error and a dropped connection: it backs off (doubling; longer after a 429),
    # then receives what was waiting.
    api.fail("getUpdates", 429, "Too Many Requests")
    api.fail("getUpdates", 502, "Bad Gateway")
    api.fail("getUpdates", DISCONNECT)
    await api.wait_for(lambda: not api.faults)
    assert said(await zalo.zreply(lan, "/start"), 'start.private', name='Lan')
    assert zalo.sleeps == [5.0, 2.0, 4.0]
    assert [m for m, _ in api.calls].count("getUpdates") >= 6


async def test_an_update_delivered_twice_is_handled_once_and_a_chat_keeps_its_order(zalo: ZaloHarness) -> None:
    head = zalo_user("Hà")
    api = zalo.zalo_api
    setup = api.update_for(head, "/setup Khối thi đua Văn hóa – Xã hội")
    api.push(setup)
    api.push(dict(setup))  # the same message_id again
    api.push(api.update_for(head, "/unit_add YTE Sở Y tế"))
    added = api.push(api.update_for(head, "/unit_add GDDT Sở Giáo dục"))
    await zalo.handled_update(added)
    texts = api.texts_to(head)
    assert len([t for t in texts if "Đã tạo khối" in t]) == 1
    assert not said(" ".join(texts), 'setup.already_private')
    assert texts[-2:] == ["✅ Đã thêm YTE — Sở Y tế.\nKhối hiện có 1 đơn vị thành viên năm 2026.",
                          "✅ Đã thêm GDDT — Sở Giáo dục.\nKhối hiện có 2 đơn vị thành viên năm 2026."]
    assert count(zalo, Bloc) == 1 and count(zalo, Unit) == 2
    # Handled updates keep only their key (to recognise a re-delivery), never what was typed.
    with zalo.core.db.session() as s:  # type: ignore[union-attr]
        rows = list(s.exec(select(InboundUpdate)))
    assert len(rows) == 3 and all(r.payload == "" and r.processed_at is not None for r in rows)


async def test_an_update_that_could_not_be_kept_is_kept_on_retry(zalo: ZaloHarness, monkeypatch) -> None:
    lan = zalo_user("Lan")
    assert zalo.zalo is not None
    real = zalo.zalo.receive
    failures = [OperationalError("INSERT", {}, Exception("database is locked"))]

    async def flaky(body: object) -> int:
        if failures:
            raise failures.pop()
        return await real(body)

    monkeypatch.setattr(zalo.zalo, "receive", flaky)
    assert said(await zalo.zreply(lan, "/start"), 'start.private', name='Lan')
    assert zalo.sleeps == [1.0] and not failures


async def test_an_update_kept_before_a_crash_is_handled_after_the_restart(zalo: ZaloHarness) -> None:
    head = zalo_user("Hà")
    update = zalo.zalo_api.update_for(head, "/setup Khối thi đua Văn hóa – Xã hội")
    # The process keeps the update it received, then dies before handling it.
    await zalo._stop_bot()
    core = build_core(make_settings(zalo.tmp_path, zalo_bot_token=ZALO_TOKEN,
                                    zalo_api_base_url=zalo.zalo_api.base_url), zalo.clock)
    doomed = ZaloAdapter(core, build_dispatcher(core), client=ZaloClient(ZALO_TOKEN, zalo.zalo_api.base_url))
    assert await doomed.receive({"ok": True, "result": update}) == 1
    await doomed.client.close()
    core.db.dispose()
    # The next process handles it first thing.
    await zalo._start_bot()
    await zalo.handled_update(update)
    assert said(zalo.zalo_api.texts_to(head)[-1], 'setup.done_private')
    with zalo.core.db.session() as s:  # type: ignore[union-attr]
        row = s.exec(select(InboundUpdate)).one()
        assert row.processed_at is not None and row.attempts == 1


async def test_an_update_arriving_while_the_bot_stops_is_kept_and_handled_after_the_restart(zalo: ZaloHarness) -> None:
    lan = zalo_user("Lan")
    assert said(await zalo.zreply(lan, "/start"), 'start.private', name='Lan')
    assert zalo.zalo is not None
    # The bot is told to stop while its long poll waits; Zalo hands that poll the next update.
    stopping = asyncio.create_task(zalo.zalo.stop())
    await asyncio.sleep(0)  # let stop() begin: no new poll, the one in flight is waited for
    update = zalo.zalo_api.send_text(lan, "/whoami")
    await stopping
    zalo.zalo = None
    assert zalo.zalo_api.pending == []  # the poll in flight took it...
    await zalo._start_bot()
    await zalo.handled_update(update)  # ...and it was kept, then handled
    assert "👤 Lan" in zalo.zalo_api.texts_to(lan)[-1]


async def test_webhook_takes_both_envelopes_and_rejects_a_wrong_or_missing_secret(database: str, tmp_path: Path,
                                                                                  clock: ManualClock) -> None:
    async with ZaloHarness(tmp_path, clock, webhook=True) as zh:
        api, head = zh.zalo_api, zalo_user("Hà")
        assert api.webhook == {"url": zh.webhook_url, "secret_token": WEBHOOK_SECRET}
        assert "getUpdates" not in [m for m, _ in api.calls] and "deleteWebhook" not in [m for m, _ in api.calls]

        # Wrapped, as getUpdates returns it.
        update = api.update_for(head, "/start")
        assert await api.deliver(zh.webhook_url, update, WEBHOOK_SECRET, wrapped=True) == 200
        await zh.handled_update(update)
        assert said(api.texts_to(head)[-1], 'start.private', name='Hà')
        # Flat, as some deliveries come; and the same message again is handled once.
        update = api.update_for(head, "/setup Khối thi đua Văn hóa – Xã hội")
        assert await api.deliver(zh.webhook_url, update, WEBHOOK_SECRET, wrapped=False) == 200
        await zh.handled_update(update)
        assert await api.deliver(zh.webhook_url, update, WEBHOOK_SECRET, wrapped=False) == 200
        assert count(zh, Bloc) == 1

        # A wrong or missing secret: 403, nothing kept, nothing answered, nothing changed.
        sent, kept, accounts = len(api.sent), count(zh, InboundUpdate), count(zh, Account)
        intruder = api.update_for(head, "/unit_add YTE Sở Y tế")
        assert await api.deliver(zh.webhook_url, intruder, "s3cret-webhook-token-43") == 403
        assert await api.deliver(zh.webhook_url, intruder, WEBHOOK_SECRET[:-1]) == 403
        assert await api.deliver(zh.webhook_url, intruder, "") == 403
        assert await api.deliver(zh.webhook_url, intruder, None) == 403
        assert (len(api.sent), count(zh, InboundUpdate), count(zh, Account), count(zh, Unit)) == (sent, kept, accounts, 0)
        # Garbage with the right secret is refused too, and the server stays up.
        assert await api.deliver(zh.webhook_url, {"hello": "world"}, WEBHOOK_SECRET) == 200
        assert count(zh, InboundUpdate) == kept


async def test_a_429_on_sending_is_retried_and_a_photo_or_link_reaches_attachment_handlers(
        zalo: ZaloHarness) -> None:
    lan = zalo_user("Lan")
    zalo.zalo_api.fail("sendMessage", 429, "Too Many Requests")
    assert said(await zalo.zreply(lan, "/start"), 'start.private', name='Lan')
    assert zalo.sleeps == [2.0]

    seen: list[tuple[str, bytes | str]] = []

    async def record(req: Request) -> bool:  # stands in for the calendar's submission handler
        att = req.incoming.attachment
        assert att is not None
        seen.append((att.kind, await req.messenger.download(att) if att.kind == "photo" else att.url or ""))
        await req.reply("Đã nhận.")
        return True

    assert zalo.zalo is not None
    zalo.zalo.dispatcher.registry.attachment_handlers.append(record)
    await zalo.handled_update(zalo.zalo_api.send_photo(lan, b"\xff\xd8 anh chup bao cao", caption="Báo cáo"))
    assert await zalo.zreply(lan, "Báo cáo ở đây: https://drive.google.com/file/d/abc123/view.") == "Đã nhận."
    assert seen == [("photo", b"\xff\xd8 anh chup bao cao"), ("link", "https://drive.google.com/file/d/abc123/view")]


async def test_a_webhook_zalo_refuses_stops_the_start_and_leaves_nothing_running(database: str, tmp_path: Path,
                                                                                clock: ManualClock) -> None:
    api = FakeZaloApi()
    await api.start()
    port = free_port()
    core = build_core(make_settings(tmp_path, zalo_bot_token=ZALO_TOKEN, zalo_api_base_url=api.base_url,
                                    zalo_webhook_secret=WEBHOOK_SECRET, khoibot_public_url=f"http://127.0.0.1:{port}",
                                    khoibot_http_host="127.0.0.1", khoibot_http_port=port), clock)
    adapter = ZaloAdapter(core, build_dispatcher(core), webhook=True)
    api.fail("setWebhook", 400, "invalid url")
    try:
        with pytest.raises(ZaloApiError):
            await adapter.start()
        async with httpx.AsyncClient() as http:
            with pytest.raises(httpx.ConnectError):
                await http.get(f"http://127.0.0.1:{port}/healthz")
    finally:
        core.db.dispose()
        await api.stop()
