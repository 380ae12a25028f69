"""Playing a bloc's officers on Zalo (alone, or beside Telegram officers) through the fake APIs:
set-up with invitation codes, reading what reached whom, and the secrecy scan of Zalo messages."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlmodel import func, select

from storage.models import AuditLog, InboundUpdate
from tests.fakes.telegram_api import TgUser
from tests.fakes.zalo_api import ZaloUser
from tests.zalo_harness import ZaloHarness

CODE = re.compile(r"\b([A-Z2-9]{4}-[A-Z2-9]{4})\b")
RECEIPT = re.compile(r"Mã phiếu: ([A-Z2-9]{3}-[A-Z2-9]{3})")
# A count of approvals as the results print it ("3 phiếu (60%)"): must never appear before closing.
COUNT = re.compile(r"\d+ phiếu \(\d")


def code_in(text: str) -> str:
    match = CODE.search(text)
    assert match, f"no code in {text!r}"
    return match.group(1)


def count(zh: ZaloHarness, model: Any, *where: Any) -> int:
    assert zh.core is not None
    with zh.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


async def zalo_bloc(zh: ZaloHarness, head: ZaloUser, officers: dict[str, ZaloUser], units: str, head_unit: str) -> None:
    """A bloc on Zalo alone: the head sets it up privately, adds the units, invites one officer per
    unit with a code (the head's own unit included), then ``head_unit`` becomes the head unit."""
    await zh.zsay(head, "/setup Khối thi đua Văn hóa – Xã hội")
    await zh.zsay(head, f"/unit_add {units}")
    for unit, officer in officers.items():
        code = code_in(await zh.zreply(head, f"/invite {unit}"))
        assert f"đại diện cho đơn vị {unit}" in await zh.zreply(officer, f"/join {code}")
    assert "là Trưởng khối năm 2026" in await zh.zreply(head, f"/head {head_unit}")


async def invite_to_zalo(zh: ZaloHarness, head: TgUser, unit: str, officer: ZaloUser) -> None:
    """The Telegram head asks for a code privately; the Zalo officer redeems it."""
    dm = zh.api.private(head)
    await zh.say(head, dm, f"/invite {unit}")
    code = code_in(zh.api.bot_messages(dm.id)[-1]["text"])
    assert f"đại diện cho đơn vị {unit}" in await zh.zreply(officer, f"/join {code}")


def new_texts(zh: ZaloHarness, user: ZaloUser, since: int) -> list[str]:
    """What the bot sent ``user`` on Zalo after the ``since``-th Zalo message."""
    return [m["text"] for m in zh.zalo_api.sent[since:] if m["chat_id"] == user.id and "text" in m]


def receipt_template(text: str) -> str:
    """A receipt with its unit, receipt code and time blanked: all that may differ between units."""
    text = RECEIPT.sub("Mã phiếu: ***", text)
    text = re.sub(r"đơn vị [A-Z]+ cho", "đơn vị *** cho", text)
    return re.sub(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", "**/**/**** **:**", text)


def assert_zalo_secret(zh: ZaloHarness, receipts: list[str], vote_ids: tuple[int, ...] = (1,)) -> None:
    """Nothing the bot sent on Zalo, or kept of what people typed there, reveals a unit's choices:
    - every receipt is the same text once unit, code and time are blanked (it says nothing of the
      choices), and no message anywhere echoes a typed ballot;
    - no message before the results shows a count; the typed numbers are erased from the kept
      updates; the audit records casts without their content."""
    assert receipts and len({receipt_template(r) for r in receipts}) == 1, receipts
    texts = [m.get("text") or "" for m in zh.zalo_api.sent]
    first_result = next((i for i, t in enumerate(texts) if t.startswith("📊")), len(texts))
    for text in texts[:first_result]:
        assert not COUNT.search(text), text
    typed = re.compile(rf"/phieu #?(?:{'|'.join(map(str, vote_ids))})\s+\d")  # a ballot as typed: "/phieu 1 2 5"
    for text in texts:
        assert not typed.search(text), text
    assert count(zh, InboundUpdate, InboundUpdate.payload != "") == 0
    assert zh.core is not None
    with zh.core.db.session() as s:
        rows = list(s.exec(select(AuditLog).where(AuditLog.action.in_(("ballot.cast", "ballot.replace")))))  # type: ignore[attr-defined]
    assert rows and all(set(json.loads(r.details)) == {"vote", "unit"} for r in rows)
