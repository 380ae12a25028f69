"""/remind_config through the real Telegram adapter: anyone sees the plans, only the head changes them."""

from __future__ import annotations

from sqlmodel import func, select

from storage.models import AuditLog, ReminderConfig
from tests.fakes.telegram_api import TgUser
from tests.harness import TelegramHarness
from tests.texts import said

ADMIN = TgUser(1, "Hà", "Trần")
MEMBER = TgUser(2, "Lan")


async def test_show_set_refuse_and_reset(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = tg.api.group("Khối", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await tg.say(ADMIN, group, "/unit_add YTE Sở Y tế")
    await tg.say(MEMBER, group, "/join YTE")

    text = await tg.reply_text(MEMBER, group, "/remind_config")
    assert "Hạn nộp báo cáo (han): 7n 3n 1n 08:00 +1 +2 +3 tổng+4 (mặc định)" in text
    assert "Hội nghị (hoinghi): 3n 1n 2g! (mặc định)" in text
    assert "Ký giao ước thi đua (giaouoc): 7n 3n 1n 08:00 tổng+4 (mặc định)" in text
    assert "Bỏ phiếu (trước khi đóng) (phieu): 1n 1g!" in text

    def configs() -> int:
        with tg.core.db.session() as s:
            return s.exec(select(func.count()).select_from(ReminderConfig)).one()

    assert said(await tg.reply_text(MEMBER, group, "/remind_config han 1n"), 'err.not_manager')
    assert said(await tg.reply_text(ADMIN, group, "/remind_config tuan 1n"), 'remind.unknown_kind', value='tuan')
    assert said(await tg.reply_text(ADMIN, group, "/remind_config han 7x 1n"), 'remind.bad_unknown', token='7x')
    assert said(await tg.reply_text(ADMIN, group, "/remind_config hoinghi 1n +1"), 'remind.bad_not_allowed', kind_name='Hội nghị')
    assert said(await tg.reply_text(ADMIN, group, "/remind_config giaouoc 3n +1"), 'remind.bad_not_allowed')
    assert said(await tg.reply_text(ADMIN, group, "/remind_config han"), 'remind.usage')
    assert configs() == 0

    text = await tg.reply_text(ADMIN, group, "/remind_config han 5d 1d 08:00 +1 sum+2")
    assert said(text, 'remind.set', kind_name='Hạn nộp báo cáo', plan='5n 1n 08:00 +1 tổng+2', items=0)
    assert "Hạn nộp báo cáo (han): 5n 1n 08:00 +1 tổng+2\n" in await tg.reply_text(MEMBER, group, "/remind_config")
    assert configs() == 1
    await tg.say(ADMIN, group, "/remind_config han macdinh")
    assert configs() == 0
    with tg.core.db.session() as s:
        assert s.exec(select(func.count()).select_from(AuditLog).where(AuditLog.action == "remind.config")).one() == 2
