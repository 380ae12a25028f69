"""/awards and /vote_rules through the real Telegram adapter: defaults, edits, refusals."""

from __future__ import annotations

from sqlmodel import func, select

from storage.models import AuditLog, AwardType, VoteRules
from tests.fakes.telegram_api import TgUser
from tests.harness import TelegramHarness

ADMIN = TgUser(1, "Hà", "Trần")
MEMBER = TgUser(2, "Lan")


def _count(tg: TelegramHarness, model, *where) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


async def test_award_catalog_defaults_and_edits(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = tg.api.group("Khối", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await tg.say(ADMIN, group, "/unit_add YTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo\nBDT Ban Dân tộc")
    await tg.say(MEMBER, group, "/join YTE")

    text = await tg.reply_text(MEMBER, group, "/awards")
    assert "1. Cờ thi đua của Chính phủ — chỉ tiêu 1 đơn vị" in text
    assert "2. Cờ thi đua của UBND tỉnh — chỉ tiêu 1 đơn vị" in text
    assert "3. Bằng khen của Chủ tịch UBND tỉnh — chỉ tiêu 2 đơn vị" in text
    assert _count(tg, AwardType) == 3
    audit = _count(tg, AuditLog)

    assert "Chỉ cán bộ của đơn vị Trưởng khối" in await tg.reply_text(MEMBER, group, "/awards chitieu 3 4")
    assert "Cách dùng:\n/awards" in await tg.reply_text(ADMIN, group, "/awards sua 3")
    assert "Chỉ tiêu «0» không hợp lệ" in await tg.reply_text(ADMIN, group, "/awards chitieu 3 0")
    assert "Không tìm thấy danh hiệu «9»" in await tg.reply_text(ADMIN, group, "/awards chitieu 9 2")
    assert "khớp với nhiều danh hiệu" in await tg.reply_text(ADMIN, group, "/awards chitieu co thi dua 2")
    assert "Khối đã có danh hiệu" in await tg.reply_text(ADMIN, group, "/awards them bằng KHEN của chủ tịch ubnd tỉnh | 2")
    assert _count(tg, AuditLog) == audit

    # By name, case and accents ignored; by number.
    text = await tg.reply_text(ADMIN, group, "/awards chitieu bang khen 4")
    assert "«Bằng khen của Chủ tịch UBND tỉnh»: chỉ tiêu 4 đơn vị" in text
    text = await tg.reply_text(ADMIN, group, "/awards them Cờ thi đua xuất sắc của UBND tỉnh | 2 | 2")
    assert "2. Cờ thi đua xuất sắc của UBND tỉnh — chỉ tiêu 2 đơn vị" in text
    assert "3. Cờ thi đua của UBND tỉnh" in text
    text = await tg.reply_text(ADMIN, group, "/awards vitri 4 1")
    assert "1. Bằng khen của Chủ tịch UBND tỉnh — chỉ tiêu 4" in text and "2. Cờ thi đua của Chính phủ" in text
    text = await tg.reply_text(ADMIN, group, "/awards xoa 1")
    assert "Đã bỏ «Bằng khen của Chủ tịch UBND tỉnh»" in text
    assert "1. Cờ thi đua của Chính phủ" in text and "Bằng khen" not in text.split("\n\n")[1]
    assert _count(tg, AwardType, AwardType.active == True) == 3  # noqa: E712


async def test_vote_rules_show_set_refuse_reset(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = tg.api.group("Khối", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    lines = "\n".join(f"U{i:02d} Đơn vị {i}" for i in range(1, 10))
    await tg.say(ADMIN, group, f"/unit_add {lines}")
    await tg.say(MEMBER, group, "/join U01")

    text = await tg.reply_text(MEMBER, group, "/vote_rules")
    assert "từ 2/3 trở lên số đơn vị thành viên bỏ phiếu (nay 9 đơn vị: ít nhất 6)" in text
    assert "trên 1/2 tổng số đơn vị thành viên đồng ý (nay ít nhất 5 phiếu trong 9 đơn vị)" in text
    assert "Tự bầu (tubau): có" in text and "Loại trừ (loaitru): có" in text

    assert "Chỉ cán bộ của đơn vị Trưởng khối" in await tg.reply_text(MEMBER, group, "/vote_rules tubau khong")
    assert "Không có quy định «abc»" in await tg.reply_text(ADMIN, group, "/vote_rules abc 1")
    assert "Tỷ lệ «3/2» không hợp lệ" in await tg.reply_text(ADMIN, group, "/vote_rules tucso 3/2")
    assert "Tỷ lệ «>100%» không hợp lệ" in await tg.reply_text(ADMIN, group, "/vote_rules nguong >100%")
    assert "Tỷ lệ «0/3» không hợp lệ" in await tg.reply_text(ADMIN, group, "/vote_rules tucso 0/3")
    assert "ghi co hoặc khong" in await tg.reply_text(ADMIN, group, "/vote_rules tubau maybe")
    assert "Cách dùng: /vote_rules" in await tg.reply_text(ADMIN, group, "/vote_rules tucso")
    assert _count(tg, VoteRules) == 0

    text = await tg.reply_text(ADMIN, group, "/vote_rules tucso >1/2")
    assert "trên 1/2 số đơn vị thành viên bỏ phiếu (nay 9 đơn vị: ít nhất 5)" in text
    text = await tg.reply_text(ADMIN, group, "/vote_rules nguong 66,7%")
    assert "trên 66,7% tổng số đơn vị thành viên đồng ý (nay ít nhất 7 phiếu trong 9 đơn vị)" in text
    text = await tg.reply_text(ADMIN, group, "/vote_rules tubau không")
    assert "Tự bầu (tubau): không" in text
    await tg.say(ADMIN, group, "/vote_rules macdinh")
    assert _count(tg, VoteRules) == 0
    assert "Tự bầu (tubau): có" in await tg.reply_text(MEMBER, group, "/vote_rules")
