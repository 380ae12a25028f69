"""Playing a bloc's secret ballots through the fake Bot API: set-up, ballots, and the secrecy scan."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlmodel import select

from storage.models import AuditLog
from tests.fakes.telegram_api import TgChat, TgUser
from tests.harness import TelegramHarness, button, buttons_of
from tests.units_data import OFFICER_NAMES, UNITS

ADMIN = TgUser(1, "Hà", "Trần", "ha_tran")
OUTSIDER = TgUser(2, "Bình", "Lê")
OFFICERS = {code: TgUser(100 + i, name) for i, ((code, _), name) in enumerate(zip(UNITS, OFFICER_NAMES, strict=True))}
YTE_SECOND = TgUser(200, "Yến")  # a second officer of Sở Y tế
HEAD = OFFICERS["VHTTDL"]
RECEIPT = re.compile(r"Mã phiếu: ([A-Z2-9]{3}-[A-Z2-9]{3})")
TICK = "☑️"


async def setup_bloc(tg: TelegramHarness) -> TgChat:
    """Nine units, one officer each (plus a second for YTE), VHTTDL heads the bloc in 2026."""
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await tg.say(ADMIN, group, "/unit_add " + "\n".join(f"{code} {name}" for code, name in UNITS))
    for code, officer in OFFICERS.items():
        post = (await tg.say(officer, group, f"/join {code}"))[0]
        await tg.press(ADMIN, post, button(post, "Duyệt")["callback_data"])
    await tg.say(ADMIN, group, "/head VHTTDL")
    post = (await tg.say(YTE_SECOND, group, "/join YTE"))[0]
    assert (await tg.press(HEAD, post, button(post, "Duyệt")["callback_data"]))["text"] == "Đã duyệt."
    return group


async def open_ballot(tg: TelegramHarness, officer: TgUser, vote_id: int) -> dict[str, Any]:
    """What tapping «🗳 Bỏ phiếu» does: Telegram opens the private chat and sends /start v<id>."""
    dm = tg.api.private(officer)
    sent = [m for m in await tg.say(officer, dm, f"/start v{vote_id}") if m["chat"]["id"] == dm.id]
    assert len(sent) == 1, [m.get("text") for m in sent]
    return sent[0]


async def tick_choices(tg: TelegramHarness, officer: TgUser, ballot: dict[str, Any], codes: list[str]) -> None:
    for code in codes:
        answer = await tg.press(officer, ballot, button(ballot, f". {code} — ")["callback_data"])
        assert not answer.get("show_alert"), answer


async def send(tg: TelegramHarness, officer: TgUser, ballot: dict[str, Any]) -> str:
    answer = await tg.press(officer, ballot, button(ballot, "Gửi phiếu")["callback_data"])
    assert not answer.get("show_alert"), answer
    match = RECEIPT.search(ballot["text"])
    assert match is not None, ballot["text"]
    assert buttons_of(ballot) and TICK not in json.dumps(ballot, ensure_ascii=False)  # choices gone from the chat
    return match.group(1)


async def vote(tg: TelegramHarness, officer: TgUser, vote_id: int, codes: list[str]) -> str:
    """Casts a ballot through the deep link and the buttons; returns the receipt code."""
    ballot = await open_ballot(tg, officer, vote_id)
    await tick_choices(tg, officer, ballot, codes)
    return await send(tg, officer, ballot)


def texts_sent(tg: TelegramHarness) -> list[tuple[int, str]]:
    """Every text the bot ever put in a chat, including intermediate edits, button labels and alerts:
    (chat id, text); callback answers are shown to the presser only (chat 0)."""
    out: list[tuple[int, str]] = []
    for call in tg.api.calls:
        params = call.params
        if call.method in ("sendMessage", "editMessageText", "sendDocument", "editMessageReplyMarkup"):
            markup = params.get("reply_markup") or {}
            labels = " ".join(b.get("text", "") for row in markup.get("inline_keyboard", []) for b in row)
            out.append((int(params["chat_id"]), f"{params.get('text') or params.get('caption') or ''} {labels}"))
        elif call.method == "answerCallbackQuery":
            out.append((0, params.get("text") or ""))
    return out


def assert_secret(tg: TelegramHarness, voters: set[int]) -> None:
    """No chat other than a voter's own private chat ever showed ticked choices; no message still
    shows any; the audit trail records casts and replacements without their content."""
    seen = texts_sent(tg)
    # The scan does see ballots being filled in (in the voters' own chats), so it would see a leak.
    assert any(TICK in text for chat_id, text in seen if chat_id in voters)
    for chat_id, text in seen:
        if chat_id not in voters:
            assert TICK not in text, (chat_id, text)
    for message in tg.api.bot_log:
        assert TICK not in json.dumps(message, ensure_ascii=False), message
    with tg.core.db.session() as s:
        rows = list(s.exec(select(AuditLog)))
    casts = [r for r in rows if r.action in ("ballot.cast", "ballot.replace")]
    assert casts
    for row in casts:
        assert set(json.loads(row.details)) == {"vote", "unit"}, row.details
    for row in rows:
        assert not re.search(r"\b[A-Z2-9]{3}-[A-Z2-9]{3}\b", row.details), row.details
        assert "choices" not in row.details
