"""Moving and cancelling items, /agenda, /remind_config replanning, refusals: end to end over real HTTP."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import select

from storage.models import (
    Attendance,
    AuditLog,
    CalendarItem,
    ReminderSlot,
    StoredFile,
    Submission,
    UnitMark,
)
from tests.calendar_helpers import OUTSIDER, count, last_user_message, seed_bloc, texts
from tests.conftest import VN
from tests.fakes.telegram_api import ApiError
from tests.harness import TelegramHarness, buttons_of
from tests.texts import said


def _slots(tg: TelegramHarness, item_id: int) -> dict[str, tuple[str, datetime]]:
    with tg.core.db.session() as s:
        return {r.slot: (r.state, r.due_at.astimezone(VN)) for r in s.exec(
            select(ReminderSlot).where(ReminderSlot.item_id == item_id))}


async def test_move_and_cancel_notify_every_unit_and_replan(tg: TelegramHarness, clock) -> None:
    b = seed_bloc(tg, open_dm={"YTE", "GDDT"})
    group, head = b.group, b.head
    meeting = (await tg.say(head, group, "/meeting 18/12/2026 08:00 | Hội nghị tổng kết năm 2026 | Hội trường"))[0]
    deadline = (await tg.say(head, group, "/deadline 15/12/2026 | Bản tự chấm điểm | units=YTE,GDDT"))[0]
    assert said(deadline["text"], 'cal.line_due', when='15/12/2026 17:00')  # no time given: end of the working day
    assert "Áp dụng: GDDT, YTE" in deadline["text"] and "Đã nộp: 0/2" in deadline["text"]

    # /agenda: both, soonest first, with their counters.
    text = await tg.reply_text(b.by_code["BDT"], group, "/agenda")
    lines = text.splitlines()
    assert lines[0] == "🗓 Lịch của khối «Khối thi đua Văn hóa – Xã hội» trong 30 ngày tới:"
    assert lines[1] == "📄 15/12/2026 17:00 · #2 · Hạn nộp «Bản tự chấm điểm» — đã nộp 0/2"
    assert lines[2] == "🏛 18/12/2026 08:00 · #1 · «Hội nghị tổng kết năm 2026» tại Hội trường — xác nhận 0/9"

    # Moving the conference: one notice in the group (the answer to the head too), no private copies to
    # officers who see the group; the post and plan follow.
    [warning] = await tg.say(head, group, "/meeting_move 1 19/12/2026 14:00")  # only a word: it is a Saturday
    assert said(warning["text"], "cal.day_off_warning", when="19/12/2026 14:00", why="thứ Bảy")
    clock.advance(timedelta(seconds=3))
    mark = len(tg.api.bot_log)
    await tg.tick()
    notices = texts(tg.api.bot_log[mark:])
    moved = "📢 Thay đổi thời gian: #1 · «Hội nghị tổng kết năm 2026» được dời từ 18/12/2026 08:00 sang 19/12/2026 14:00."
    assert notices.count(moved) == 1 and texts(tg.api.bot_log[mark:], group).count(moved) == 1
    assert said(meeting["text"], 'cal.line_held', when='19/12/2026 14:00')
    slots = _slots(tg, 1)
    assert slots["b1440m"] == ("pending", datetime(2026, 12, 18, 14, 0, tzinfo=VN))
    assert slots["b120m"] == ("pending", datetime(2026, 12, 19, 12, 0, tzinfo=VN))
    assert "Hội nghị tổng kết năm 2026" in await tg.reply_text(head, group, "/agenda")

    # A late submission stops being late when the deadline is extended past it.
    clock.set(datetime(2026, 12, 15, 17, 30, tzinfo=VN))
    answer = texts(await tg.send_document(b.by_code["YTE"], group, b"tu cham", "tcd.xlsx", reply_to=deadline), group)
    assert said(answer[0], 'cal.submit.receipt_late')
    assert await tg.say(head, group, "/deadline_move 2 18/12/2026 17:00") == []
    await tg.tick()
    assert said(await tg.reply_text(head, group, "/status 2"), 'cal.status.on_time', unit='YTE — Sở Y tế', at='15/12/2026 17:30')
    with tg.core.db.session() as s:
        assert s.exec(select(Submission)).one().late is False

    # Cancelling the conference: told to everyone, post marked, button gone, reminders removed.
    assert await tg.say(head, group, "/meeting_cancel 1 Trùng lịch họp của tỉnh") == []
    clock.advance(timedelta(seconds=3))
    mark = len(tg.api.bot_log)
    await tg.tick()
    cancelled = [t for t in texts(tg.api.bot_log[mark:]) if t.startswith("📢 #1")]
    assert len(cancelled) == 1  # the group's notice; nobody in the group gets a private copy
    assert cancelled[0] == ("📢 #1 · «Hội nghị tổng kết năm 2026» (dự kiến 19/12/2026 14:00) "
                            "đã bị hủy. Lý do: Trùng lịch họp của tỉnh")
    assert meeting["text"].startswith("❌ ĐÃ HỦY #1") and buttons_of(meeting) == []
    assert {state for state, _ in _slots(tg, 1).values()} == {"cancelled"}
    answer = await tg.press(b.by_code["YTE"], meeting, "mt:a:1")
    assert answer["show_alert"] and "đã bị hủy" in answer["text"]
    assert "đã bị hủy" in await tg.reply_text(head, group, "/meeting_cancel 1")
    assert "đã bị hủy" in await tg.reply_text(head, group, "/meeting_move 1 20/12/2026 08:00")
    assert "Hội nghị tổng kết" not in await tg.reply_text(head, group, "/agenda")
    assert said(await tg.reply_text(head, group, "/meetings"), 'cal.meetings.empty')
    with tg.core.db.session() as s:
        actions = [a.action for a in s.exec(select(AuditLog).where(AuditLog.action.startswith("calendar.")))]
        item = s.get(CalendarItem, 1)
    assert actions == ["calendar.move", "calendar.move", "calendar.cancel"]
    assert (item.state, item.sequence, item.cancel_reason) == ("cancelled", 2, "Trùng lịch họp của tỉnh")


async def test_remind_config_replans_open_items(tg: TelegramHarness, clock) -> None:
    b = seed_bloc(tg)
    await tg.say(b.head, b.group, "/deadline 10/12/2026 17:00 | Báo cáo năm")
    await tg.say(b.head, b.group, "/meeting 18/12/2026 08:00 | Hội nghị tổng kết | Hội trường")
    text = await tg.reply_text(b.head, b.group, "/remind_config han 5n 1n 08:00 +1 tổng+2")
    assert said(text, 'remind.set', items=1)
    slots = _slots(tg, 1)
    assert slots["b7200m"] == ("pending", datetime(2026, 12, 7, 8, 0, tzinfo=VN))  # Saturday 5th -> Monday
    assert slots["summary2@0800"] == ("pending", datetime(2026, 12, 14, 8, 0, tzinfo=VN))
    assert slots["b10080m"][0] == "cancelled" and slots["over2@0800"][0] == "cancelled"
    text = await tg.reply_text(b.head, b.group, "/remind_config hoinghi 2n 30p!")
    assert said(text, 'remind.set', items=1)
    assert _slots(tg, 2)["b30m"] == ("pending", datetime(2026, 12, 18, 7, 30, tzinfo=VN))
    assert _slots(tg, 2)["b4320m"][0] == "cancelled"
    # The new plan is the one that fires.
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=VN))
    report = await tg.tick()
    assert report.fired == 1


async def test_everyone_submitting_leaves_only_the_summary(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    b = seed_bloc(tg)
    post = (await tg.say(b.head, b.group, "/deadline 10/12/2026 17:00 | Báo cáo | units=YTE,GDDT"))[0]
    await tg.send_document(b.by_code["YTE"], b.group, b"a", "a.pdf", reply_to=post)
    assert "GDDT — đã nộp bản giấy" in await tg.reply_text(b.head, b.group, "/mark 1 GDDT giay")
    slots = _slots(tg, 1)
    assert {k for k, (state, _) in slots.items() if state == "pending"} == {"summary4@0800"}
    # Clearing the mark makes GDDT owe it again: its reminders come back.
    await tg.say(b.head, b.group, "/mark 1 GDDT bo")
    assert _slots(tg, 1)["b10080m"][0] == "pending"
    with tg.core.db.session() as s:
        assert s.exec(select(UnitMark)).all() == []


async def test_files_from_people_who_cannot_submit_and_files_without_a_deadline(tg: TelegramHarness, clock) -> None:
    b = seed_bloc(tg)
    group = b.group
    post = (await tg.say(b.head, group, "/deadline 10/12/2026 17:00 | Báo cáo | units=YTE,GDDT"))[0]
    meeting = (await tg.say(b.head, group, "/meeting 18/12/2026 08:00 | Hội nghị | Hội trường"))[0]

    # Someone who acts for no unit replies to the post with a file: a clear refusal, nothing stored.
    answer = texts(await tg.send_document(OUTSIDER, group, b"x", "x.pdf", reply_to=post), group)
    assert len(answer) == 1 and "Chỉ cán bộ phụ trách thi đua của một đơn vị thành viên mới nộp báo cáo được" in answer[0]
    answer = texts(await tg.send_document(OUTSIDER, tg.api.private(OUTSIDER), b"x", "x.pdf", caption="/submit 1"))
    assert said(answer[0], 'err.no_bloc_private')
    # A unit the deadline does not apply to.
    answer = texts(await tg.send_document(b.by_code["BDT"], group, b"x", "x.pdf", reply_to=post), group)
    assert answer == ["Đơn vị BDT không thuộc danh sách đơn vị của #1."]
    # A file sent in reply to the conference post, or loose in the group, is none of the bot's business.
    assert await tg.send_document(b.by_code["YTE"], group, b"x", "x.pdf", reply_to=meeting) == []
    assert await tg.send_document(b.by_code["YTE"], group, b"x", "x.pdf") == []
    # A file alone in a private chat: the bot says how to submit and which deadlines are open.
    dm = tg.api.private(b.by_code["GDDT"])
    answer = texts(await tg.send_document(b.by_code["GDDT"], dm, b"x", "x.pdf"), dm)
    assert said(answer[0], 'cal.submit.private_hint')
    assert said(answer[0], 'cal.submit.owed_line', head='#1 · Hạn nộp «Báo cáo»', when='10/12/2026 17:00')
    # The platform cannot deliver the file: nothing recorded, a clear answer.
    tg.api.fail("getFile", ApiError(400, "Bad Request: file is temporarily unavailable"))
    answer = texts(await tg.send_document(b.by_code["YTE"], group, b"x", "x.pdf", caption="/submit 1"), group)
    assert said(answer[0], 'cal.download_failed')
    # Over the Bot API's 20 MB: refused before any download.
    answer = texts(await tg.send_document(b.by_code["YTE"], group, b"0" * (21 * 1024 * 1024), "big.pdf",
                                          caption="/submit 1"), group)
    assert said(answer[0], 'cal.submit.too_big')
    assert count(tg, Submission) == 0 and count(tg, StoredFile) == 0
    # /submit typed in reply to one's own file works too.
    await tg.send_document(b.by_code["YTE"], group, b"bao cao", "bc.pdf")
    own = last_user_message(tg, b.by_code["YTE"], group)
    answer = texts(await tg.say(b.by_code["YTE"], group, "/submit 1", reply_to=own), group)
    assert answer[0].startswith("📥 Đã nhận báo cáo của YTE") and "bc.pdf" in answer[0]


async def test_bad_input_gets_a_vietnamese_answer_and_changes_nothing(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    b = seed_bloc(tg)
    group, head, member = b.group, b.head, b.by_code["YTE"]
    await tg.say(head, group, "/deadline 10/12/2026 17:00 | Báo cáo năm")
    await tg.say(head, group, "/meeting 18/12/2026 08:00 | Hội nghị | Hội trường")
    tables = (CalendarItem, Submission, UnitMark, Attendance, AuditLog, ReminderSlot, StoredFile)
    before = [count(tg, t) for t in tables]
    forms = "Các cách ghi được chấp nhận: 20/12/2026 08:00 · 20/12/2026 8h · 8h30 20/12/2026"
    cases = [
        (member, "/deadline 10/12/2026 17:00 | Báo cáo", "Chỉ cán bộ của đơn vị Trưởng khối hoặc Phó trưởng khối"),
        (member, "/meeting_cancel 2", "Chỉ cán bộ của đơn vị Trưởng khối"),
        (member, "/mark 1 YTE mien", "Chỉ cán bộ của đơn vị Trưởng khối"),
        (head, "/deadline", "Cách dùng: /deadline <ngày giờ> | <tiêu đề>"),
        (head, "/deadline 10/12/2026 17:00", "Cách dùng: /deadline"),
        (head, "/deadline 10/12/2026 17:00 |", "Cách dùng: /deadline"),
        (head, "/deadline 10/12/2026 17:00 | Báo cáo | 1116/KH | Kế hoạch khác", "Cách dùng: /deadline"),
        (head, "/deadline 31/02/2027 17:00 | Báo cáo", "không có trên lịch"),
        (head, "/deadline 20/11/2026 17:00 | Báo cáo", "đã qua (bây giờ là 23/11/2026 09:00)"),
        (head, "/deadline hôm qua | Báo cáo", forms),
        (head, "/deadline 10/12/2026 25:00 | Báo cáo", "Giờ trong «10/12/2026 25:00» không hợp lệ"),
        (head, "/deadline 10/12/2026 17:00 | Báo cáo | units=ZZZ,YTE", "Khối không có đơn vị thành viên mã ZZZ"),
        (head, "/deadline 10/12/2026 17:00 | Báo cáo | units=", "Sau units= hãy ghi mã các đơn vị"),
        (head, "/deadline 10/12/2026 17:00 | " + "Báo cáo " * 50, "Tiêu đề dài 399 ký tự, quá giới hạn 300"),
        (head, "/meeting 20/12/2026 | Hội nghị | Hội trường", "Thiếu giờ"),
        (head, "/meeting 20/12/2026 08:00", "Cách dùng: /meeting <ngày giờ> | <tiêu đề> | <địa điểm>"),
        (head, "/meeting 20/12/2026 08:00 | Hội nghị | Hội trường | họp mặt", "Không rõ loại hội nghị «họp mặt»"),
        (head, "/meeting_cancel", "Cách dùng: /meeting_cancel <số>"),
        (head, "/meeting_cancel abc", "Cách dùng: /meeting_cancel <số>"),
        (head, "/meeting_cancel 99", "Không có hội nghị hay hạn nộp số #99"),
        (head, "/meeting_move 2", "Cách dùng: /meeting_move <số> <ngày giờ mới>"),
        (head, "/meeting_move 2 32/12/2026 08:00", forms),
        (head, "/meeting_move 2 18/12/2026 08:00", "đã ở đúng thời điểm này"),
        (head, "/meeting_move 2 01/11/2026 08:00", "đã qua"),
        (member, "/attend", "Cách dùng: /attend <số hội nghị> [tên đại biểu]"),
        (member, "/attend 1", "#1 là hạn nộp, không phải hội nghị"),
        (OUTSIDER, "/attend 2", "Bạn chưa đại diện cho đơn vị nào"),
        (member, "/attend 2 " + "A" * 201, "Tên đại biểu dài 201 ký tự"),
        (member, "/submit", "Cách nộp báo cáo: gửi tệp kèm chú thích /submit <số hạn nộp>"),
        (member, "/submit 1", "Lệnh /submit cần đi kèm tệp"),
        (member, "/submit 2", "#2 là hội nghị, không phải hạn nộp"),
        (member, "/submit x1", "Cách nộp báo cáo"),
        (OUTSIDER, "/submit 1", "Chỉ cán bộ phụ trách thi đua của một đơn vị thành viên mới nộp báo cáo được"),
        (head, "/mark 1 YTE", "Cách dùng: /mark <số hạn nộp> <MÃ ĐƠN VỊ> mien|giay|bo"),
        (head, "/mark 1 YTE xyz", "Cách dùng: /mark"),
        (head, "/mark 1 ZZZ mien", "Đơn vị ZZZ không thuộc danh sách đơn vị của #1"),
        (head, "/mark 1 YTE bo", "đã ở trạng thái «không đánh dấu»"),
        (head, "/mark 2 YTE mien", "#2 là hội nghị, không phải hạn nộp"),
        (member, "/status", "Cách dùng: /status <số>"),
        (member, "/status 99", "Không có hội nghị hay hạn nộp số #99"),
        (member, "/template 1", "Hạn nộp #1 không có tệp mẫu"),
        (member, "/template", "Cách dùng: /template <số hạn nộp>"),
    ]
    for who, text, expected in cases:
        answer = await tg.reply_text(who, group, text)
        assert expected in answer, (text, answer)
    assert [count(tg, t) for t in tables] == before
    # A forged press for an item of another bloc, or a deadline, changes nothing either.
    other = tg.api.group("Nhóm khác", admins=[b.head])
    answer = await tg.press(member, {"message_id": 1, "chat": {"id": other.id, "type": "supergroup"},
                                     "date": 0}, "mt:a:2")
    assert answer["show_alert"] and "chưa gắn với khối" in answer["text"]
    msg = {"message_id": 1, "chat": {"id": group.id, "type": "supergroup"}, "date": 0}
    assert said((await tg.press(member, msg, "mt:a:1"))["text"], 'cal.not_meeting')
    assert [count(tg, t) for t in tables] == before


async def test_created_in_a_private_chat_it_is_posted_in_the_group(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    b = seed_bloc(tg)
    dm = tg.api.private(b.head)
    sent = await tg.say(b.head, dm, "/deadline 10/12/2026 17:00 | Báo cáo quý IV")
    post = next(m for m in sent if m["chat"]["id"] == b.group.id)
    assert post["text"].startswith("📄 #1 · Hạn nộp «Báo cáo quý IV»")
    assert texts(sent, dm) == ["✅ Đã tạo #1 · Hạn nộp «Báo cáo quý IV»; bài đăng đã gửi tới các đơn vị."]
    # Replying to that group post submits, as for a post made in the group.
    answer = texts(await tg.send_document(b.by_code["TTTT"], b.group, b"q4", "q4.pdf", reply_to=post), b.group)
    assert answer[0].startswith("📥 Đã nhận báo cáo của TTTT")

    # A bloc that has no group chat (Zalo has none): the post goes to each officer privately.
    from sqlmodel import delete

    from storage.models import BlocChat

    with tg.core.db.session() as s:
        s.execute(delete(BlocChat))
    sent = await tg.say(b.head, dm, "/meeting 18/12/2026 08:00 | Hội nghị tổng kết | Hội trường")
    assert texts(sent, dm) == ["✅ Đã tạo #2 · «Hội nghị tổng kết»; bài đăng đã gửi tới các đơn vị."]
    mark = len(tg.api.bot_log)
    await tg.tick()
    posts = [m for m in tg.api.bot_log[mark:] if m["text"].startswith("🏛 #2")]
    assert len(posts) == 9 and all(buttons_of(m) for m in posts)
    own = next(m for m in posts if m["chat"]["id"] == b.by_code["BDT"].id)
    answer = await tg.press(b.by_code["BDT"], own, buttons_of(own)[0]["callback_data"])
    assert said(answer["text"], 'cal.attend.toast', code='BDT')
