"""/awards and /vote_rules through the real Telegram adapter: defaults, edits, refusals."""

from __future__ import annotations

from sqlmodel import func, select

from storage.models import AuditLog, AwardType, VoteRules
from tests.fakes.telegram_api import TgUser
from tests.harness import TelegramHarness
from tests.texts import said

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
    assert said(text, 'awards.line', index=1, name='Cờ thi đua của Chính phủ', quota=1)
    assert said(text, 'awards.line', index=2, name='Cờ thi đua của UBND tỉnh', quota=1)
    assert said(text, 'awards.line', index=3, name='Bằng khen của Chủ tịch UBND tỉnh', quota=2)
    assert _count(tg, AwardType) == 3
    audit = _count(tg, AuditLog)

    assert said(await tg.reply_text(MEMBER, group, "/awards chitieu 3 4"), 'err.not_manager')
    assert said(await tg.reply_text(ADMIN, group, "/awards sua 3"), 'awards.usage')
    assert said(await tg.reply_text(ADMIN, group, "/awards chitieu 3 0"), 'award.bad_quota', value=0)
    assert said(await tg.reply_text(ADMIN, group, "/awards chitieu 9 2"), 'award.unknown', value=9)
    assert said(await tg.reply_text(ADMIN, group, "/awards chitieu co thi dua 2"), 'award.ambiguous')
    assert said(await tg.reply_text(ADMIN, group, "/awards them bằng KHEN của chủ tịch ubnd tỉnh | 2"), 'award.duplicate')
    assert _count(tg, AuditLog) == audit

    # By name, case and accents ignored; by number.
    text = await tg.reply_text(ADMIN, group, "/awards chitieu bang khen 4")
    assert said(text, 'awards.quota_set', name='Bằng khen của Chủ tịch UBND tỉnh', quota=4)
    text = await tg.reply_text(ADMIN, group, "/awards them Cờ thi đua xuất sắc của UBND tỉnh | 2 | 2")
    assert said(text, 'awards.line', index=2, name='Cờ thi đua xuất sắc của UBND tỉnh', quota=2)
    assert "3. Cờ thi đua của UBND tỉnh" in text
    text = await tg.reply_text(ADMIN, group, "/awards vitri 4 1")
    assert "1. Bằng khen của Chủ tịch UBND tỉnh — chỉ tiêu 4" in text and "2. Cờ thi đua của Chính phủ" in text
    text = await tg.reply_text(ADMIN, group, "/awards xoa 1")
    assert said(text, 'awards.removed', name='Bằng khen của Chủ tịch UBND tỉnh')
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
    assert said(text, 'rules.quorum', share='từ 2/3 trở lên', members=9, needed=6)
    assert said(text, 'rules.threshold', share='trên 1/2', members=9, needed=5)
    assert "Tự bầu (tubau): có" in text and "Loại trừ (loaitru): có" in text

    assert said(await tg.reply_text(MEMBER, group, "/vote_rules tubau khong"), 'err.not_manager')
    assert said(await tg.reply_text(ADMIN, group, "/vote_rules abc 1"), 'rules.unknown_key', value='abc')
    assert said(await tg.reply_text(ADMIN, group, "/vote_rules tucso 3/2"), 'rules.bad_share', value='3/2')
    assert said(await tg.reply_text(ADMIN, group, "/vote_rules nguong >100%"), 'rules.bad_share', value='>100%')
    assert said(await tg.reply_text(ADMIN, group, "/vote_rules tucso 0/3"), 'rules.bad_share', value='0/3')
    assert said(await tg.reply_text(ADMIN, group, "/vote_rules tubau maybe"), 'rules.bad_flag')
    assert said(await tg.reply_text(ADMIN, group, "/vote_rules tucso"), 'rules.usage')
    assert _count(tg, VoteRules) == 0

    text = await tg.reply_text(ADMIN, group, "/vote_rules tucso >1/2")
    assert said(text, 'rules.quorum', share='trên 1/2', members=9, needed=5)
    text = await tg.reply_text(ADMIN, group, "/vote_rules nguong 66,7%")
    assert said(text, 'rules.threshold', share='trên 66,7%', members=9, needed=7)
    text = await tg.reply_text(ADMIN, group, "/vote_rules tubau không")
    assert said(text, 'rules.self_vote', value='không')
    await tg.say(ADMIN, group, "/vote_rules macdinh")
    assert _count(tg, VoteRules) == 0
    assert said(await tg.reply_text(MEMBER, group, "/vote_rules"), 'rules.self_vote', value='có')
