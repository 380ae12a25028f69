"""Fast tests of the Zalo adapter's pure parts: update shapes, numbered choices, deep links, codes,
the webhook secret check, the client's errors, configuration, logging and the command line."""

from __future__ import annotations

import io
import logging
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from adapters.zalo import updates
from adapters.zalo.client import ZaloApiError, ZaloClient, ZaloNetworkError
from adapters.zalo.messenger import human_size, start_payload
from adapters.zalo.web import secret_matches
from bot.i18n import t
from bot.logs import setup_logging
from bot.ports import Button
from bot.services.delivery import menus
from bot.services.people import invites
from tests.fakes.zalo_api import ZALO_TOKEN, FakeZaloApi, zalo_user
from tests.harness import make_settings
from tests.test_console import run_cli
from tests.texts import said

TED = {"from": {"id": "6ede9afa66b88fe6d6a9", "display_name": "Ted", "is_bot": False},
       "chat": {"id": "6ede9afa66b88fe6d6a9", "chat_type": "PRIVATE"},
       "text": "Xin chào", "message_id": "2d758cb5e222177a4e35", "date": 1750316131602}
DOCUMENTED = {"ok": True, "result": {"message": TED, "event_name": "message.text.received"}}


# --- updates ------------------------------------------------------------------------------------------

def test_both_envelopes_carry_the_same_update() -> None:
    wrapped = updates.updates_in(DOCUMENTED)
    flat = updates.updates_in({"event_name": "message.text.received", "message": TED})
    assert wrapped == flat == [{"message": TED, "event_name": "message.text.received"}]
    assert updates.updates_in({"ok": True, "result": [DOCUMENTED["result"], DOCUMENTED["result"]]}) == wrapped * 2
    for junk in (None, [], "x", {"ok": True, "result": None}, {"message": TED}, {"hello": 1}):
        assert updates.updates_in(junk) == []


def test_the_update_key_is_the_message_id_or_a_digest_of_the_update() -> None:
    update = updates.updates_in(DOCUMENTED)[0]
    assert updates.update_key(update) == "m:2d758cb5e222177a4e35"
    bare = {"event_name": "message.unsupported.received", "message": {"from": TED["from"], "chat": TED["chat"]}}
    assert updates.update_key(bare) == updates.update_key(dict(bare)) != updates.update_key(update)
    assert updates.update_key(bare).startswith("d:")
    assert updates.chat_id(update) == "6ede9afa66b88fe6d6a9"


def test_the_platform_neutral_view_of_messages() -> None:
    incoming = updates.to_incoming(updates.updates_in(DOCUMENTED)[0])
    assert incoming is not None
    assert (incoming.sender.platform, incoming.sender.user_id, incoming.sender.display_name) == (
        "zalo", "6ede9afa66b88fe6d6a9", "Ted")
    assert (incoming.chat.chat_id, incoming.chat.is_group, incoming.text) == ("6ede9afa66b88fe6d6a9", False, "Xin chào")
    assert incoming.message_id == "2d758cb5e222177a4e35" and incoming.attachment is None

    api = FakeZaloApi()
    lan = zalo_user("Lan")
    photo = updates.to_incoming(api.update_for(lan, event=updates.IMAGE,
                                               extra={"photo": "https://photo.zdn.vn/a.jpg", "caption": "/submit 3"}))
    assert photo is not None and photo.text == "/submit 3"
    assert photo.attachment is not None and (photo.attachment.kind, photo.attachment.url) == (
        "photo", "https://photo.zdn.vn/a.jpg")
    link = updates.to_incoming(api.update_for(lan, "/submit 3 https://drive.google.com/x?id=1, cảm ơn"))
    assert link is not None and link.attachment is not None
    assert (link.attachment.kind, link.attachment.url) == ("link", "https://drive.google.com/x?id=1")
    group = updates.to_incoming(api.update_for(lan, "/help", extra={"chat": {"id": "g1", "chat_type": "GROUP"}}))
    assert group is not None and group.chat.is_group and group.chat.chat_id == "g1"
    named = api.update_for(lan, "hi")
    named["message"]["from"] = {"id": "u1", "name": "Hùng"}  # "name" instead of "display_name"
    assert updates.to_incoming(named).sender.display_name == "Hùng"  # type: ignore[union-attr]
    robot = api.update_for(lan, "hi")
    robot["message"]["from"]["is_bot"] = True
    assert updates.to_incoming(robot) is None
    assert updates.to_incoming({"event_name": updates.UNSUPPORTED}) is None


# --- numbered choices -----------------------------------------------------------------------------------

def test_numbers_typed_as_answers() -> None:
    assert menus.parse_numbers("2") == [2]
    assert menus.parse_numbers(" 2 5 ") == [2, 5]
    assert menus.parse_numbers("2, 5;7") == [2, 5, 7]
    for text in ("", "2a", "hai", "/phieu 2", "2026", "2 -5", "1.5"):
        assert menus.parse_numbers(text) is None


@given(st.lists(st.integers(min_value=0, max_value=99), min_size=1, max_size=12),
       st.sampled_from([" ", ",", ", ", ";", "  "]))
def test_any_list_of_numbers_reads_back(numbers: list[int], separator: str) -> None:
    assert menus.parse_numbers(separator.join(map(str, numbers))) == numbers


@given(st.text(alphabet=string.ascii_letters + "àđ/#", min_size=1, max_size=20))
def test_text_with_a_letter_is_never_an_answer(text: str) -> None:
    assert menus.parse_numbers(f"1 {text}") is None


def test_buttons_become_numbered_choices_links_and_typed_commands() -> None:
    buttons = [[Button("✅ Duyệt", data="j:a:1"), Button("❌ Từ chối", data="j:r:1")],
               [Button("🗳 Bỏ phiếu", url="https://t.me/KhoiBot?start=v12")],
               [Button("Hướng dẫn", url="https://example.vn/hd")]]
    choices, links = menus.layout(buttons, start_payload)
    assert choices == [menus.Choice("✅ Duyệt", data="j:a:1"), menus.Choice("❌ Từ chối", data="j:r:1"),
                       menus.Choice("🗳 Bỏ phiếu", command="/start v12")]
    assert [b.label for b in links] == ["Hướng dẫn"]
    text = menus.render("Yêu cầu", choices, links, None, "vi")
    assert text == ("Yêu cầu\n\n1. ✅ Duyệt\n2. ❌ Từ chối\n3. 🗳 Bỏ phiếu\n\n🔗 Hướng dẫn: https://example.vn/hd\n\n"
                    + t("vi", "menu.reply_number", last=3))
    ballot = menus.render("Phiếu #12:\n1. YTE\n2. GDDT", choices, [], "/phieu #12", "en")
    assert "Duyệt" not in ballot and ballot.endswith(t("en", "menu.reply_numbers", example="1 2", command="/phieu #12"))


def test_deep_links_of_other_platforms_are_recognised() -> None:
    assert start_payload("https://t.me/KhoiTestBot?start=v12") == "v12"
    assert start_payload("console-start:p_3") == "p_3"
    for plain in ("https://t.me/KhoiTestBot", "https://example.vn/?start=v1", "javascript:alert(1)", ""):
        assert start_payload(plain) is None
    assert human_size(10) == "1 KB" and human_size(2_500_000) == "2.4 MB"


# --- codes and the webhook secret ---------------------------------------------------------------------

def test_invitation_codes_are_read_forgivingly() -> None:
    assert invites.normalise("k7p3-qx9a") == invites.normalise(" K7P3QX9A ") == "K7P3QX9A"
    assert invites.shown("K7P3QX9A") == "K7P3-QX9A"
    for not_code in ("YTE", "K7P3-QX9", "K7P3--QX9A", "K0P3-QX9A", "K7P1-QX9A", "ABCDEFGHI"):
        assert invites.normalise(not_code) is None


def test_the_webhook_secret_must_match_exactly() -> None:
    assert secret_matches("s3cret-token", "s3cret-token")
    for given_secret in (None, "", "s3cret-toke", "s3cret-token ", "S3CRET-TOKEN"):
        assert not secret_matches(given_secret, "s3cret-token")
    assert not secret_matches("", "")  # no secret configured: nothing is accepted


# --- client, configuration, logs, command line ------------------------------------------------------------

async def test_client_errors_never_carry_the_token() -> None:
    client = ZaloClient(ZALO_TOKEN, "http://127.0.0.1:9")  # nothing listens on the discard port
    with pytest.raises(ZaloNetworkError) as caught:
        await client.get_me()
    assert ZALO_TOKEN not in str(caught.value) and ZALO_TOKEN not in repr(caught.value.__context__ or "")
    await client.close()
    assert ZaloApiError(429, "x").retryable and ZaloApiError(503, "x").retryable
    assert not ZaloApiError(400, "x").retryable and not ZaloApiError(401, "x").retryable


def test_settings_for_zalo(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, zalo_bot_token=ZALO_TOKEN, zalo_webhook_secret="s3cret-token",
                             khoibot_public_url=" https://bot.khoi.vn/ ", zalo_api_base_url="http://z/")
    assert settings.khoibot_public_url == "https://bot.khoi.vn" and settings.zalo_api_base_url == "http://z"
    assert set(settings.secrets()) == {ZALO_TOKEN, "s3cret-token"}
    assert make_settings(tmp_path, zalo_bot_token="  ").zalo_token() is None
    for bad in ({"zalo_webhook_secret": "short"}, {"khoibot_public_url": "bot.khoi.vn"},
                {"zalo_webhook_path": "zalo"}):
        with pytest.raises(ValidationError):
            make_settings(tmp_path, **bad)


def test_the_zalo_token_and_webhook_secret_are_masked_in_logs(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, zalo_bot_token=ZALO_TOKEN, zalo_webhook_secret="s3cret-webhook-token")
    stream = io.StringIO()
    setup_logging("DEBUG", settings.secrets(), stream)
    try:
        log = logging.getLogger("handlers.zalo.test")
        log.info("calling https://bot-api.zaloplatforms.com/bot%s/getMe", ZALO_TOKEN)
        try:
            raise RuntimeError(f"header was s3cret-webhook-token for {ZALO_TOKEN}")
        except RuntimeError:
            log.exception("failed")
        out = stream.getvalue()
        assert ZALO_TOKEN not in out and "s3cret-webhook-token" not in out
        assert "bot***/getMe" in out and "RuntimeError: header was *** for ***" in out
    finally:
        logging.getLogger().handlers.clear()


def test_the_webhook_mode_refuses_to_start_without_its_settings(tmp_path: Path) -> None:
    out = run_cli(tmp_path, ["run", "--zalo-webhook"])
    assert out.returncode == 2 and "ZALO_WEBHOOK_SECRET" in out.stderr and "Traceback" not in out.stderr


def test_the_console_gives_invitation_codes_privately(tmp_path: Path) -> None:
    script = "/setup Khối thi đua\n/unit_add YTE Sở Y tế\n/invite YTE\n/dm\n/start\n/group\n/invite YTE\n/quit\n"
    out = run_cli(tmp_path, ["console"], script).stdout
    assert said(out, 'invite.needs_private', command='invite')
    assert re.search(r"\[riêng: Quản trị\] KhốiBot: \(#\d+\) 🎟 Mã mời cán bộ đơn vị YTE — Sở Y tế: [A-Z2-9]{4}-", out)
    assert "[Nhóm thử] KhốiBot: (#" in out and "Đã gửi mã vào chat riêng của bạn với bot." in out


async def test_every_client_method_speaks_the_documented_shapes() -> None:
    api = FakeZaloApi()
    await api.start()
    client = ZaloClient(ZALO_TOKEN, api.base_url + "/")
    try:
        assert (await client.get_me())["account_name"] == "bot.KhoiBot"
        assert await client.get_updates(0) is None  # error 408: no update
        pushed = api.send_text(zalo_user("Lan"), "/start")
        assert await client.get_updates(1) == pushed
        assert (await client.set_webhook("https://bot.khoi.vn/zalo/webhook", "s3cret-token"))["url"].endswith("/webhook")
        assert (await client.get_webhook_info())["url"] == "https://bot.khoi.vn/zalo/webhook"
        await client.delete_webhook()
        assert (await client.get_webhook_info())["url"] == ""
        assert await client.send_chat_action("u1") is True
        sent = await client.send_message("u1", "Xin chào")
        assert set(sent) == {"message_id", "date"}
        await client.send_photo("u1", "https://bot.khoi.vn/files/t/a.jpg", caption="Ảnh")
        assert api.sent[-1] == {"chat_id": "u1", "photo": "https://bot.khoi.vn/files/t/a.jpg", "caption": "Ảnh",
                                "message_id": api.sent[-1]["message_id"]}
        with pytest.raises(ZaloApiError) as too_long:
            await client.send_message("u1", "x" * 2001)
        assert too_long.value.code == 400
        api.photos["big.jpg"] = b"x" * 100
        assert await client.download(f"{api.base_url}/photos/big.jpg") == b"x" * 100
        for url, limit in ((f"{api.base_url}/photos/big.jpg", 10), (f"{api.base_url}/photos/none.jpg", 10**6),
                           ("file:///etc/passwd", 10**6)):
            with pytest.raises(ZaloNetworkError):
                await client.download(url, limit=limit)
        wrong = ZaloClient("0:wrong", api.base_url)
        with pytest.raises(ZaloApiError) as unauthorized:
            await wrong.get_me()
        assert unauthorized.value.code == 401 and "0:wrong" not in str(unauthorized.value)
        await wrong.close()
    finally:
        await client.close()
        await api.stop()
