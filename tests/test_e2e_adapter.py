"""The Telegram adapter's own duties: errors never reach the chat, the token never reaches the log,
files come through the configured server, sends that fail are classified."""

from __future__ import annotations

import io
import logging

import pytest

from bot.logs import setup_logging
from bot.ports import Attachment, OutMessage, RecipientUnavailable, SendError
from bot.services.blocs import service as blocs
from tests.fakes.telegram_api import TOKEN, ApiError, TgUser
from tests.harness import TelegramHarness

ADMIN = TgUser(1, "Hà", "Trần")


async def test_an_unexpected_error_gets_a_polite_reply_and_a_logged_traceback(
    tg: TelegramHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = io.StringIO()
    setup_logging("INFO", [TOKEN], stream)
    try:
        group = tg.api.group("Khối", admins=[ADMIN])
        await tg.say(ADMIN, group, "/setup Khối thi đua")

        def boom(*args, **kwargs):
            raise RuntimeError(f"database exploded near {TOKEN}")

        monkeypatch.setattr(blocs, "unit_board", boom)
        text = await tg.reply_text(ADMIN, group, "/units")
        assert text.startswith("⚠️ Xin lỗi, bot gặp lỗi")
        assert "Traceback" not in text and "RuntimeError" not in text
        log = stream.getvalue()
        assert "RuntimeError: database exploded" in log
        assert TOKEN not in log and "***" in log
    finally:
        logging.getLogger().handlers.clear()


async def test_the_token_never_appears_in_logs_even_at_debug(tg: TelegramHarness) -> None:
    stream = io.StringIO()
    setup_logging("DEBUG", [TOKEN], stream)
    try:
        group = tg.api.group("Khối", admins=[ADMIN])
        await tg.say(ADMIN, group, "/setup Khối thi đua")
        tg.api.fail("sendMessage", ApiError(500, "Internal Server Error"))
        await tg.say(ADMIN, group, "/units")
        assert TOKEN not in stream.getvalue()
        assert TOKEN.split(":")[1] not in stream.getvalue()
    finally:
        logging.getLogger().handlers.clear()


async def test_files_download_through_the_configured_server(tg: TelegramHarness) -> None:
    file_id = tg.api.upload(b"%PDF-1.4 bao cao", "baocao.pdf")
    data = await tg.adapter.messenger.download(Attachment("document", file_ref=file_id))
    assert data == b"%PDF-1.4 bao cao"
    assert tg.api.calls_of("getFile")


async def test_send_failures_are_classified(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    user = TgUser(7, "Mai")
    dm = tg.api.private(user)
    messenger = tg.adapter.messenger
    ref = await messenger.send(str(dm.id), OutMessage("xin chào"))
    assert ref.chat_id == str(dm.id)
    tg.api.block(user)
    with pytest.raises(RecipientUnavailable):
        await messenger.send(str(dm.id), OutMessage("nhắc việc"))
    with pytest.raises(RecipientUnavailable):
        await messenger.send("424242", OutMessage("không có chat"))
    tg.api.fail("sendMessage", ApiError(429, "Too Many Requests: retry after 5", retry_after=5))
    group = tg.api.group("Khối")
    with pytest.raises(SendError):
        await messenger.send(str(group.id), OutMessage("x"))


async def test_long_texts_are_split_and_documents_sent(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = tg.api.group("Khối")
    text = "\n".join(f"Dòng {i}: " + "nội dung " * 10 for i in range(200))
    await tg.adapter.messenger.send(str(group.id), OutMessage(text))
    parts = tg.api.bot_messages(group.id)
    assert len(parts) > 1 and all(len(p["text"]) <= 4096 for p in parts)
    from bot.ports import Document

    await tg.adapter.messenger.send(str(group.id), OutMessage("Biên bản", document=Document("bb.csv", b"a,b\n")))
    last = tg.api.bot_messages(group.id)[-1]
    assert last["document"]["file_name"] == "bb.csv" and last["caption"] == "Biên bản"


async def test_a_blocked_private_chat_is_recorded(tg_fast: TelegramHarness) -> None:
    from storage.queries.blocs import account_by_platform_id

    tg = tg_fast
    user = TgUser(8, "Dũng")
    dm = tg.api.private(user)
    await tg.say(user, dm, "/start")
    update_id = tg.api._push({"my_chat_member": {
        "chat": dm.as_dict(), "from": user.as_dict(), "date": 0,
        "old_chat_member": {"status": "member", "user": tg.api.bot_user},
        "new_chat_member": {"status": "kicked", "user": tg.api.bot_user, "until_date": 0}}})
    await tg.api.wait_for(lambda: update_id in tg.api.processed)
    with tg.core.db.session() as s:
        assert account_by_platform_id(s, "telegram", "8").private_status == "blocked"


def test_a_reply_to_a_document_carries_that_document() -> None:
    from telegram import Update

    from adapters.telegram.adapter import to_incoming

    doc = {"message_id": 5, "date": 0, "chat": {"id": -1, "type": "supergroup", "title": "K"},
           "from": {"id": 7, "is_bot": False, "first_name": "Hà"},
           "document": {"file_id": "F1", "file_unique_id": "U1", "file_name": "mau.docx", "file_size": 3}}
    msg = {"message_id": 6, "date": 0, "chat": {"id": -1, "type": "supergroup", "title": "K"},
           "from": {"id": 7, "is_bot": False, "first_name": "Hà"}, "text": "/deadline 10/12/2026 17:00 | BC",
           "reply_to_message": doc}
    incoming = to_incoming(Update.de_json({"update_id": 1, "message": msg}, None), bot_id=99)
    assert incoming is not None and incoming.attachment is None
    assert incoming.reply_attachment is not None
    assert (incoming.reply_attachment.file_ref, incoming.reply_attachment.file_name) == ("F1", "mau.docx")
    assert incoming.reply_to is not None and incoming.reply_to.message_id == "5" and not incoming.reply_to_bot
