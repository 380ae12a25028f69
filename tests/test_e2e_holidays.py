"""Days off end to end: /holiday lists Tết and the bloc's own days, a day added moves the reminders
that would land on it, a conference on a Sunday is accepted with a warning."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from storage.models import AuditLog, DayOff, ReminderSlot
from tests.conftest import VN
from tests.harness import TelegramHarness
from tests.test_e2e_pledge import HEAD, OFFICERS, setup_bloc
from tests.texts import said


def slots(tg: TelegramHarness, item_id: int) -> dict[str, datetime]:
    with tg.core.db.session() as s:
        rows = s.exec(select(ReminderSlot).where(ReminderSlot.item_id == item_id, ReminderSlot.kind == "deadline",
                                                 ReminderSlot.state == "pending"))
        return {r.slot: r.due_at.astimezone(VN) for r in rows}


async def test_days_off_move_reminders_and_warn_about_conferences(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg, private=False)
    listing = await tg.reply_text(OFFICERS[3], group, "/holiday")
    assert said(listing, "holiday.header") and "01/01/2027 (thứ Sáu): Tết Dương lịch" in listing
    assert "06/02/2027 (thứ Bảy): Tết Nguyên Đán" in listing and "Giỗ Tổ Hùng Vương" in listing

    # A deadline on Monday 11/01/2027: seven days before is Monday 04/01.
    await tg.say(HEAD, group, "/deadline 11/01/2027 | Báo cáo quý IV")
    assert slots(tg, 1)["b10080m"] == datetime(2027, 1, 4, 17, 0, tzinfo=VN)
    # The province gives 04/01 off: the reminder moves to the next working morning at once.
    assert said(await tg.reply_text(OFFICERS[3], group, "/holiday 04/01/2027 Nghỉ bù"), "err.not_manager")
    assert said(await tg.reply_text(HEAD, group, "/holiday 04/01/2027 Nghỉ bù"), "holiday.added",
                day="04/01/2027", name="Nghỉ bù", items=1)
    assert slots(tg, 1)["b10080m"] == datetime(2027, 1, 5, 8, 0, tzinfo=VN)
    assert "04/01/2027 (thứ Hai): Nghỉ bù — khối thêm" in await tg.reply_text(HEAD, group, "/holiday")

    # Refused, nothing changes: a public holiday again, a past day, a typo, removing a public holiday.
    for text, key in (("/holiday 01/01/2027", "holiday.exists"), ("/holiday 04/01/2027 lại", "holiday.exists"),
                      ("/holiday 01/11/2026", "holiday.past"), ("/holiday 31/02/2027", "date.impossible"),
                      ("/holiday_remove 01/01/2027", "holiday.public"), ("/holiday_remove 05/01/2027", "holiday.unknown"),
                      ("/holiday_remove", "holiday_remove.usage")):
        assert said(await tg.reply_text(HEAD, group, text), key), text
    with tg.core.db.session() as s:
        assert len(s.exec(select(DayOff)).all()) == 1

    assert said(await tg.reply_text(HEAD, group, "/holiday_remove 04/01/2027"), "holiday.removed", items=1)
    assert slots(tg, 1)["b10080m"] == datetime(2027, 1, 4, 17, 0, tzinfo=VN)
    with tg.core.db.session() as s:
        actions = [a.action for a in s.exec(select(AuditLog)) if a.action.startswith("holiday.")]
    assert actions == ["holiday.add", "holiday.remove"]

    # A conference on a Sunday, or on Tết: accepted, with a word to the head.
    sent = await tg.say(HEAD, group, "/meeting 20/12/2026 08:00 | Hội nghị tổng kết | Hội trường")
    assert sent[0]["text"].startswith("🏛") and said(sent[-1]["text"], "cal.day_off_warning", why="Chủ nhật")
    sent = await tg.say(HEAD, group, "/meeting 08/02/2027 08:00 | Gặp mặt đầu xuân | Hội trường")
    assert said(sent[-1]["text"], "cal.day_off_warning", why="Mùng ba Tết Nguyên Đán")
    sent = await tg.say(HEAD, group, "/meeting 22/12/2026 08:00 | Hội nghị chuyên đề | Hội trường")
    assert not any(said(m["text"], "cal.day_off_warning") for m in sent)
