"""The calendar end to end through the real Telegram adapter over real HTTP against the fake Bot API.

The issue's scenario: a deadline for 9 units; 3 submit documents (one late, one twice); the next
reminder names exactly the 6 others; /status shows all four states; /ics returns a parseable
calendar with the items. Then conferences, the restart rule, /remind_config, and bad input.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from sqlmodel import select

from storage.models import (
    Account,
    AuditLog,
    CalendarItem,
    OutboxMessage,
    ReminderSlot,
    SentReminder,
    StoredFile,
    Submission,
)
from tests.calendar_helpers import CODES, OFFICERS, OUTSIDER, count, last_user_message, seed_bloc, texts
from tests.conftest import VN
from tests.fakes.telegram_api import ApiError
from tests.harness import TelegramHarness, button
from tests.texts import said

TITLE = "Báo cáo tổng kết thi đua năm 2026"


def _reminders(tg: TelegramHarness, chat_id: int, since: int) -> list[str]:
    return [m.get("text", "") for m in tg.api.bot_log[since:] if m["chat"]["id"] == chat_id]


def _named(text: str) -> set[str]:
    """The unit codes a reminder names on its "• CODE — name: officers" lines."""
    return {line[2:].split(" — ")[0] for line in text.splitlines() if line.startswith("• ")}


async def test_deadline_submissions_reminders_status_and_ics(tg: TelegramHarness, clock) -> None:
    b = seed_bloc(tg)
    group, head = b.group, b.head
    yte, gddt, ldtbxh = b.by_code["YTE"], b.by_code["GDDT"], b.by_code["LDTBXH"]

    # The head shares a template, then replies to it with /deadline: the file becomes the template.
    template = "Mẫu báo cáo tổng kết".encode()
    await tg.send_document(head, group, template, "mau-bao-cao.docx")
    sent = await tg.say(head, group, f"/deadline 10/12/2026 17:00 | {TITLE} | Kế hoạch 1116/KH-KTĐVHXH",
                        reply_to=last_user_message(tg, head, group))
    assert len(sent) == 1
    post = sent[0]
    assert post["text"].startswith(f"📄 #1 · Hạn nộp «{TITLE}»")
    assert said(post["text"], 'cal.line_due', when='10/12/2026 17:00')
    assert said(post["text"], 'cal.line_doc', doc='Kế hoạch 1116/KH-KTĐVHXH')
    assert said(post["text"], 'cal.deadline.scope_all', count=9)
    assert said(post["text"], 'cal.deadline.template_line', name='mau-bao-cao.docx')
    assert said(post["text"], 'cal.deadline.counter', done=0, required=9, late=0, exempt=0)
    with tg.core.db.session() as s:
        item = s.exec(select(CalendarItem)).one()
        assert item.when_at == datetime(2026, 12, 10, 10, 0, tzinfo=UTC)
        assert tg.core.files.read(s.get(StoredFile, item.template_file_id).sha256) == template
        slots = [r.slot for r in s.exec(select(ReminderSlot).where(ReminderSlot.item_id == item.id))]
    assert sorted(slots) == sorted(["b10080m", "b4320m", "b1440m", "day@0800", "over1@0800", "over2@0800",
                                    "over3@0800", "summary4@0800"])
    # Any member gets the template back as a file.
    got = await tg.say(gddt, tg.api.private(gddt), "/template 1")
    assert got[0]["document"]["file_name"] == "mau-bao-cao.docx"
    assert tg.api.files[got[0]["document"]["file_id"]][1] == template

    # YTE replies to the post with its report: downloaded, stored by SHA-256, receipt.
    report = b"%PDF-1.7 Bao cao YTE"
    clock.set(datetime(2026, 11, 24, 10, 15, tzinfo=VN))
    answer = texts(await tg.send_document(yte, group, report, "bc-yte.pdf", reply_to=post), group)
    yte_file_id = last_user_message(tg, yte, group)["document"]["file_id"]
    assert len(answer) == 1
    assert said(answer[0], 'cal.submit.receipt', code='YTE', unit='Sở Y tế')
    assert f"bc-yte.pdf ({len(report)} B), SHA-256 {hashlib.sha256(report).hexdigest()}" in answer[0]
    assert "lúc 24/11/2026 10:15 (lần nộp thứ 1)" in answer[0] and "muộn" not in answer[0]
    # GDDT sends it privately with /submit as the caption, then a corrected version.
    dm = tg.api.private(gddt)
    clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=VN))
    await tg.send_document(gddt, dm, b"GDDT v1", "gddt.docx", caption="/submit 1")
    clock.set(datetime(2026, 11, 26, 9, 0, tzinfo=VN))
    answer = texts(await tg.send_document(gddt, dm, b"GDDT v2", "gddt-sua.docx", caption="/submit #1"), dm)
    assert "lần nộp thứ 2" in answer[0] and "Các bản nộp trước (1 bản) vẫn được lưu" in answer[0]
    with tg.core.db.session() as s:
        rows = s.exec(select(Submission).order_by(Submission.id)).all()
        assert [(r.version, r.late) for r in rows] == [(1, False), (1, False), (2, False)]
        stored = s.get(StoredFile, rows[0].file_id)
        assert (stored.file_name, stored.size, stored.platform_file_id) == ("bc-yte.pdf", len(report), yte_file_id)
        assert tg.core.files.read(stored.sha256) == report

    # The live post follows (edits are coalesced into the next scheduler pass).
    await tg.tick()
    assert "Đã nộp: 2/9" in post["text"] and "Chưa nộp: BDT, BHXH, CDSP, LDTBXH, PTTH, TTTT, VHTTDL" in post["text"]

    # 7 days before: the group reminder names the 7 units still pending and their officers.
    clock.set(datetime(2026, 12, 3, 17, 0, tzinfo=VN))
    mark = len(tg.api.bot_log)
    await tg.tick()
    in_group = _reminders(tg, group.id, mark)
    assert len(in_group) == 1
    assert _named(in_group[0]) == {"VHTTDL", "LDTBXH", "TTTT", "PTTH", "BHXH", "BDT", "CDSP"}
    assert "Hùng (@cb_1)" not in in_group[0] and "Tuấn (@cb_3)" in in_group[0]
    # ... and privately each pending unit's officer, none of the others.
    privately = {m["chat"]["id"] for m in tg.api.bot_log[mark:] if m["chat"]["id"] > 0}
    assert privately == {b.by_code[c].id for c in ("VHTTDL", "LDTBXH", "TTTT", "PTTH", "BHXH", "BDT", "CDSP")}
    for when in (datetime(2026, 12, 7, 17, 0, tzinfo=VN), datetime(2026, 12, 9, 17, 0, tzinfo=VN),
                 datetime(2026, 12, 10, 8, 0, tzinfo=VN)):
        clock.set(when)
        await tg.tick()

    # LDTBXH is late: accepted, marked late.
    clock.set(datetime(2026, 12, 10, 18, 30, tzinfo=VN))
    answer = texts(await tg.send_document(ldtbxh, group, b"LDTBXH", "ldtbxh.pdf", caption="/submit 1"), group)
    assert said(answer[0], 'cal.submit.receipt_late', due='10/12/2026 17:00')

    # The next reminder (first overdue notice) names exactly the 6 others.
    clock.set(datetime(2026, 12, 11, 8, 0, tzinfo=VN))
    mark = len(tg.api.bot_log)
    await tg.tick()
    in_group = _reminders(tg, group.id, mark)
    assert len(in_group) == 1 and in_group[0].startswith("⚠️ Quá hạn: #1")
    assert _named(in_group[0]) == {"VHTTDL", "TTTT", "PTTH", "BHXH", "BDT", "CDSP"}
    assert said(in_group[0], 'cal.remind.pending_header', count=6, required=9)

    # The head marks BDT exempt (audited); /status shows all four states.
    assert "BDT — miễn nộp" in await tg.reply_text(head, group, "/mark 1 bdt mien")
    text = await tg.reply_text(OFFICERS[5], group, "/status 1")
    assert said(text, 'cal.status.summary', done=3, required=8, late=1, missing=5, exempt=1, paper=0)
    assert said(text, 'cal.status.on_time', unit='YTE — Sở Y tế', at='24/11/2026 10:15')
    assert said(text, 'cal.status.on_time', unit='GDDT — Sở Giáo dục và Đào tạo', at='25/11/2026 09:00', versions=' (2 bản, mới nhất 26/11/2026 09:00)')
    assert said(text, 'cal.status.late', unit='LDTBXH — Sở Lao động – Thương binh và Xã hội', at='10/12/2026 18:30')
    assert said(text, 'cal.status.missing', unit='PTTH — Đài Phát thanh – Truyền hình tỉnh')
    assert said(text, 'cal.status.exempt', unit='BDT — Ban Dân tộc')
    assert sum(line.startswith("❌") for line in text.splitlines()) == 5
    with tg.core.db.session() as s:
        actions = [a.action for a in s.exec(select(AuditLog).where(AuditLog.action.startswith("deadline.")))]
    assert actions.count("deadline.submit") == 4 and actions.count("deadline.mark") == 1

    # The next overdue notice leaves BDT out; the summary goes to the head's officers privately.
    clock.set(datetime(2026, 12, 14, 8, 0, tzinfo=VN))
    mark = len(tg.api.bot_log)
    await tg.tick()
    assert _named(_reminders(tg, group.id, mark)[0]) == {"VHTTDL", "TTTT", "PTTH", "BHXH", "CDSP"}
    for day in (15, 16, 17):  # the third overdue notice, the summary, and nothing more
        clock.set(datetime(2026, 12, day, 8, 0, tzinfo=VN))
        await tg.tick()
    with tg.core.db.session() as s:
        states = {r.slot: r.state for r in s.exec(select(ReminderSlot))}
    assert set(states.values()) == {"fired"}, states
    summaries = [m["text"] for m in tg.api.bot_log if m.get("text", "").startswith("📊 Tổng hợp #1")]
    assert len(summaries) == 1 and tg.api.bot_log[tg.api.bot_log.index(
        next(m for m in tg.api.bot_log if m.get("text", "").startswith("📊")))]["chat"]["id"] == head.id
    assert "Còn thiếu:" in summaries[0] and "• TTTT — Sở Thông tin và Truyền thông" in summaries[0]
    assert said(summaries[0], 'cal.remind.summary_late', codes='LDTBXH')

    # /ics: a calendar that icalendar parses back, with the item at its UTC time.
    await tg.say(head, group, "/meeting 18/12/2026 08:00 | Hội nghị tổng kết công tác thi đua năm 2026 | Hội trường Sở KH&CN")
    got = await tg.say(OFFICERS[4], group, "/ics")
    assert len(got) == 1 and got[0]["document"]["file_name"].endswith(".ics")
    assert said(got[0]["caption"], 'cal.ics.caption', count=2)
    parsed = Calendar.from_ical(tg.api.files[got[0]["document"]["file_id"]][1])
    events = {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    assert len(events) == 2
    deadline_event = next(e for e in events.values() if "Hạn nộp" in str(e["summary"]))
    assert deadline_event.decoded("dtstart") == datetime(2026, 12, 10, 10, 0, tzinfo=UTC)
    assert TITLE in str(deadline_event["summary"]) and "[#1]" in str(deadline_event["summary"])
    meeting_event = next(e for e in events.values() if "Hội nghị tổng kết" in str(e["summary"]))
    assert meeting_event.decoded("dtstart") == datetime(2026, 12, 18, 1, 0, tzinfo=UTC)
    assert str(meeting_event["location"]) == "Hội trường Sở KH&CN"


async def test_a_conference_attendance_and_reminders_across_restarts(tg: TelegramHarness, clock) -> None:
    b = seed_bloc(tg)
    group, head = b.group, b.head
    sent = await tg.say(head, group, "/meeting 04/12/2026 08:00 | Hội nghị sơ kết 6 tháng | Hội trường Sở Y tế")
    post = sent[0]
    assert post["text"].startswith("🏛 #1 · «Hội nghị sơ kết 6 tháng»")
    assert "🕗 Thời gian: 04/12/2026 08:00" in post["text"] and "📍 Địa điểm: Hội trường Sở Y tế" in post["text"]
    assert said(post["text"], 'cal.meeting.counter', done=0, total=9)
    data = button(post, "Xác nhận tham dự")["callback_data"]

    # A unit confirms with the button; twice changes nothing; an outsider and forged data are refused.
    assert said((await tg.press(b.by_code["YTE"], post, data))["text"], 'cal.attend.toast', code='YTE')
    assert said((await tg.press(b.by_code["YTE"], post, data))["text"], 'cal.attend.toast_already')
    answer = await tg.press(OUTSIDER, post, data)
    assert answer["show_alert"] and "Chỉ cán bộ phụ trách thi đua" in answer["text"]
    answer = await tg.press(b.by_code["GDDT"], post, "mt:a:999")
    assert answer["show_alert"] and "Không có hội nghị hay hạn nộp số #999" in answer["text"]
    assert (await tg.press(b.by_code["GDDT"], post, "mt:zz"))["show_alert"]
    # Another names its delegate; the first one adds a name later.
    text = await tg.reply_text(b.by_code["GDDT"], group, "/attend 1 Nguyễn Văn An")
    assert text == "✅ Đơn vị GDDT xác nhận tham dự #1 · «Hội nghị sơ kết 6 tháng» (đại biểu: Nguyễn Văn An)."
    assert said(await tg.reply_text(b.by_code["YTE"], group, "/attend #1 Trần Thị Bình"), 'cal.attend.updated')
    clock.advance(timedelta(seconds=3))  # the live post's edits are coalesced for 2 seconds
    await tg.tick()
    assert said(post["text"], 'cal.meeting.counter', done=2, total=9)
    assert "✅ GDDT (đại biểu: Nguyễn Văn An)" in post["text"] and "✅ YTE (đại biểu: Trần Thị Bình)" in post["text"]
    assert button(post, "Xác nhận tham dự")  # the button stays for the others
    assert said(await tg.reply_text(head, group, "/meetings"), 'cal.agenda.confirmed', done=2, total=9)
    status = await tg.reply_text(OFFICERS[6], group, "/status 1")
    assert said(status, 'cal.status.unconfirmed', unit='BDT — Ban Dân tộc')
    assert said(status, 'cal.status.confirmed', unit='GDDT — Sở Giáo dục và Đào tạo', delegate=' (đại biểu: Nguyễn Văn An)', at='23/11/2026 09:00')

    # 3 days before (Tuesday 08:00): every unit is reminded; the unconfirmed ones are named.
    clock.set(datetime(2026, 12, 1, 8, 0, tzinfo=VN))
    mark = len(tg.api.bot_log)
    await tg.tick()
    in_group = [m for m in tg.api.bot_log[mark:] if m["chat"]["id"] == group.id]
    assert len(in_group) == 1 and in_group[0]["text"].startswith("📅 Nhắc lịch: #1 · «Hội nghị sơ kết")
    assert "(còn 3 ngày)" in in_group[0]["text"]
    assert _named(in_group[0]["text"]) == set(CODES) - {"YTE", "GDDT"}
    private = {m["chat"]["id"]: m["text"] for m in tg.api.bot_log[mark:] if m["chat"]["id"] > 0}
    assert len(private) == 9
    assert said(private[b.by_code["GDDT"].id], 'cal.remind.meeting_private_confirmed', delegate=' (đại biểu: Nguyễn Văn An)')
    assert said(private[b.by_code["BDT"].id], 'cal.remind.meeting_private_unconfirmed', id=1)
    # The reminder carries the button too.
    answer = await tg.press(b.by_code["BDT"], in_group[0], button(in_group[0], "Xác nhận")["callback_data"])
    assert said(answer["text"], 'cal.attend.toast', code='BDT')

    # The bot stops between two reminders and starts again: the next one comes once.
    await tg.restart()
    clock.set(datetime(2026, 12, 3, 8, 0, tzinfo=VN))
    mark = len(tg.api.bot_log)
    await tg.tick()
    await tg.tick()
    in_group = [m["text"] for m in tg.api.bot_log[mark:] if m["chat"]["id"] == group.id]
    assert len(in_group) == 1 and "(còn 1 ngày)" in in_group[0]
    assert _named(in_group[0]) == set(CODES) - {"YTE", "GDDT", "BDT"}
    # Down while the 2-hours-before reminder (06:00, kept outside working hours) is due: sent once on start.
    # (The harness runs no pass by itself, so restarting and then moving the clock is the same thing.)
    await tg.restart()
    clock.set(datetime(2026, 12, 4, 6, 30, tzinfo=VN))
    mark = len(tg.api.bot_log)
    await tg.tick()
    await tg.restart()
    await tg.tick()
    in_group = [m["text"] for m in tg.api.bot_log[mark:] if m["chat"]["id"] == group.id]
    assert len(in_group) == 1 and "(còn 2 giờ)" in in_group[0]
    # After the conference nothing more is sent.
    clock.set(datetime(2026, 12, 4, 9, 0, tzinfo=VN))
    mark = len(tg.api.bot_log)
    await tg.tick()
    assert tg.api.bot_log[mark:] == []
    with tg.core.db.session() as s:
        slots = {r.slot: r.state for r in s.exec(select(ReminderSlot))}
    assert slots == {"b4320m": "fired", "b1440m": "fired", "b120m": "fired"}
    assert count(tg, SentReminder) == 27  # 9 units x 3 reminders, each once
    assert count(tg, OutboxMessage, OutboxMessage.state != "sent") == 0
    assert said(await tg.reply_text(b.by_code["PTTH"], group, "/attend 1"), 'cal.meeting.already_held')


async def test_a_429_is_retried_and_a_blocked_officer_does_not_stop_the_group_reminder(tg: TelegramHarness,
                                                                                         clock) -> None:
    b = seed_bloc(tg, open_dm={"YTE", "GDDT"})
    await tg.say(b.head, b.group, "/deadline 10/12/2026 17:00 | Báo cáo | units=YTE,GDDT")
    tg.api.block(b.by_code["YTE"])
    tg.api.fail("sendMessage", ApiError(429, "Too Many Requests: retry after 3", retry_after=3),
                when=lambda p: p["chat_id"] == b.group.id)
    clock.set(datetime(2026, 12, 3, 17, 0, tzinfo=VN))
    report = await tg.tick()
    assert (report.outbox.sent, report.outbox.retried, report.outbox.undeliverable) == (1, 1, 1)
    with tg.core.db.session() as s:
        account = s.exec(select(Account).where(Account.platform_user_id == str(b.by_code["YTE"].id))).one()
    assert account.private_status == "blocked"
    clock.advance(timedelta(seconds=31))  # the outbox's first back-off
    assert (await tg.tick()).outbox.sent == 1
    group_texts = [m["text"] for m in tg.api.bot_log if m["chat"]["id"] == b.group.id and "Nhắc việc" in m["text"]]
    assert len(group_texts) == 1 and _named(group_texts[0]) == {"YTE", "GDDT"}
    clock.advance(timedelta(minutes=5))
    assert (await tg.tick()).outbox.sent == 0  # nothing twice
