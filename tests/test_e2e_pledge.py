"""Pledge signing end to end through the real Telegram adapter and the fake Bot API.

The main story runs over real HTTP: 9 units, 7 sign with the button (one presses twice), the 2
others alone are reminded, the pledge closes at its deadline (across a restart), the final post and
the export are right, and a non-member's press changes nothing.
"""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime, timedelta
from typing import Any

from openpyxl import load_workbook
from sqlmodel import delete, func, select

from storage.models import AuditLog, BlocChat, Pledge, PledgeSignature, SentReminder, StoredFile, Unit
from tests.conftest import VN
from tests.fakes.telegram_api import BOT_ID, TgChat, TgUser
from tests.harness import TelegramHarness, button, buttons_of
from tests.texts import said
from tests.units_data import OFFICER_NAMES, UNITS

ADMIN = TgUser(1, "Hà", "Trần", "ha_tran")  # the group admin who runs /setup
OUTSIDER = TgUser(2, "Bình", "Lê")  # in the group, acts for no unit
OFFICERS = [TgUser(100 + i, name, username=f"cb_{i}") for i, name in enumerate(OFFICER_NAMES)]
HEAD = OFFICERS[0]  # acts for VHTTDL, this year's head unit
DEADLINE = datetime(2026, 12, 15, 17, 0, tzinfo=VN)  # Tuesday
OPEN = "/pledge_open 2027 | 15/12/2026 17:00 | Các đơn vị thành viên cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm 2027."


async def setup_bloc(tg: TelegramHarness, *, private: bool = True) -> TgChat:
    """The bloc through its commands: 9 units, an officer each (private chat opened), VHTTDL the head."""
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await tg.say(ADMIN, group, "/unit_add " + "\n".join(f"{code} {name}" for code, name in UNITS))
    await tg.say(ADMIN, group, "/head VHTTDL")
    for officer, (code, _) in zip(OFFICERS, UNITS, strict=True):
        post = (await tg.say(officer, group, f"/join {code}"))[0]
        approver = ADMIN if officer is HEAD else HEAD  # the head's officer takes over from the admin
        assert (await tg.press(approver, post, button(post, "Duyệt")["callback_data"]))["text"] == "Đã duyệt."
        if private:
            await tg.say(officer, tg.api.private(officer), "/start")
    return group


def count(tg: TelegramHarness, model, *where) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def texts_to(tg: TelegramHarness, chat_id: int) -> list[str]:
    return [m.get("text") or m.get("caption", "") for m in tg.api.bot_log if m["chat"]["id"] == chat_id]


def file_of(tg: TelegramHarness, message: dict[str, Any]) -> bytes:
    return tg.api.files[message["document"]["file_id"]][1]


async def test_nine_units_seven_sign_two_reminded_closed_exported(tg: TelegramHarness, clock) -> None:
    group = await setup_bloc(tg)
    sent = await tg.say(HEAD, group, OPEN)
    assert len(sent) == 1
    post = sent[0]
    assert post["chat"]["id"] == group.id
    assert "📜 GIAO ƯỚC THI ĐUA NĂM 2027" in post["text"] and "Hạn ký: 15/12/2026 17:00" in post["text"]
    assert said(post["text"], 'pledge.count', count=0, total=9)
    data = button(post, "Ký giao ước")["callback_data"]

    # Seven officers sign with the button, a minute apart; YTE's officer presses twice.
    for index, officer in enumerate(OFFICERS[:7]):
        clock.advance(timedelta(minutes=1))
        code, name = UNITS[index]
        answer = await tg.press(officer, post, data)
        assert answer["text"] == f"✅ Đã ký giao ước thi đua năm 2027 cho đơn vị {code} — {name}."
        assert not answer.get("show_alert")
        if officer is OFFICERS[1]:
            again = await tg.press(officer, post, data)
            assert again["show_alert"]
            assert again["text"] == ("Đơn vị YTE đã ký giao ước thi đua năm 2027: Hùng ký lúc 23/11/2026 09:02. "
                                     "Mỗi đơn vị chỉ ký một lần.")
    # A person acting for no unit is told how to /join, privately (an alert only they see).
    answer = await tg.press(OUTSIDER, post, data)
    assert answer["show_alert"] and "/join" in answer["text"] and "chưa đại diện cho đơn vị nào" in answer["text"]
    assert count(tg, PledgeSignature) == 7

    # The counter is edited by the scheduler's pass, once for the whole burst.
    assert said(post["text"], 'pledge.count', count=0, total=9)
    clock.advance(timedelta(seconds=3))
    await tg.tick()
    assert post["edit_count"] == 1
    assert said(post["text"], 'pledge.count', count=7, total=9)
    assert "✅ YTE — Sở Y tế (Hùng, 23/11/2026 09:02)" in post["text"]
    assert said(post["text"], 'pledge.unsigned_codes', codes='BDT, CDSP')
    assert buttons_of(post)  # still open

    # Seven days before the deadline: the reminder names BDT and CDSP only, and reaches their officers.
    before = len(tg.api.bot_log)
    clock.set(datetime(2026, 12, 8, 17, 0, tzinfo=VN))
    await tg.tick()
    new = tg.api.bot_log[before:]
    in_group = [m for m in new if m["chat"]["id"] == group.id]
    assert len(in_group) == 1
    reminder = in_group[0]["text"]
    assert said(reminder, 'pledge.remind_header', count=2, total=9)
    assert "BDT — Ban Dân tộc: Minh (@cb_7)" in reminder and "CDSP — Trường Cao đẳng Sư phạm: Ngọc (@cb_8)" in reminder
    assert not any(code in reminder for code, _ in UNITS[:7])
    assert button(in_group[0], "Ký giao ước")["callback_data"] == data
    privately = sorted(m["chat"]["id"] for m in new if m["chat"]["id"] != group.id)
    assert privately == [OFFICERS[7].id, OFFICERS[8].id]
    with tg.core.db.session() as s:
        reminded = set(s.exec(select(Unit.code).join(SentReminder, SentReminder.unit_id == Unit.id)))
    assert reminded == {"BDT", "CDSP"}

    # The bot restarts; the close at the deadline still happens, from the database.
    await tg.restart()
    before = len(tg.api.bot_log)
    clock.set(DEADLINE)
    await tg.tick()
    final = [m["text"] for m in tg.api.bot_log[before:] if m["chat"]["id"] == group.id]
    assert len(final) == 1
    assert final[0].startswith("🔒 ĐÃ ĐÓNG KÝ GIAO ƯỚC THI ĐUA NĂM 2027\nKhối «Khối thi đua Văn hóa – Xã hội», "
                               "lúc 15/12/2026 17:00.")
    assert said(final[0], 'pledge.count', count=7, total=9)
    for index, (code, name) in enumerate(UNITS[:7]):
        assert f"✅ {code} — {name} ({OFFICER_NAMES[index]}, 23/11/2026 09:0{index + 1})" in final[0]
    assert final[0].endswith("❌ Chưa ký (2 đơn vị):\n• BDT — Ban Dân tộc\n• CDSP — Trường Cao đẳng Sư phạm")
    clock.advance(timedelta(seconds=3))
    await tg.tick()
    assert "🔒 Đã đóng ký lúc 15/12/2026 17:00." in post["text"] and buttons_of(post) == []

    # Signing after the close is refused, from the old button and by command.
    answer = await tg.press(OFFICERS[7], post, data)
    assert answer["show_alert"] and "đã đóng ký lúc 15/12/2026 17:00" in answer["text"]
    assert said(await tg.reply_text(OFFICERS[8], tg.api.private(OFFICERS[8]), "/sign"), 'pledge.closed')
    assert count(tg, PledgeSignature) == 7

    # The export: a spreadsheet and a CSV, one row per unit.
    sent = await tg.say(OFFICERS[3], group, "/pledge_export")
    assert [m["document"]["file_name"] for m in sent] == ["giao-uoc-thi-dua-2027.xlsx", "giao-uoc-thi-dua-2027.csv"]
    assert sent[0]["caption"] == "📊 Danh sách ký giao ước thi đua năm 2027: 7/9 đơn vị đã ký."
    sheet = load_workbook(io.BytesIO(file_of(tg, sent[0]))).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Mã đơn vị", "Tên đơn vị", "Cán bộ ký", "Thời gian ký", "Trạng thái"]
    by_code = {r[0]: r for r in rows[1:]}
    assert len(by_code) == 9
    assert by_code["YTE"] == ["YTE", "Sở Y tế", "Hùng", "23/11/2026 09:02", "Đã ký"]
    assert by_code["BDT"] == ["BDT", "Ban Dân tộc", None, None, "Chưa ký"]
    assert sum(r[4] == "Đã ký" for r in rows[1:]) == 7
    table = list(csv.reader(io.StringIO(file_of(tg, sent[1]).decode("utf-8-sig"))))
    assert table[1:] == [[str(v or "") for v in r] for r in rows[1:]]


async def test_refusals_and_commands(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    group = await setup_bloc(tg, private=False)
    member = OFFICERS[1]  # YTE
    audit_before = count(tg, AuditLog)

    # Only the head or deputy opens a pledge; bad input gets the usage or a precise reason.
    assert said(await tg.reply_text(member, group, OPEN), 'err.not_manager')
    for text in ("/pledge_open", "/pledge_open 2027", "/pledge_open 2027 | 15/12/2026 17:00",
                 "/pledge_open | 15/12/2026 17:00 | x", "/pledge_open 2027 | 15/12/2026 17:00 | x | y"):
        assert said(await tg.reply_text(HEAD, group, text), 'pledge_open.usage')
    assert "chỉ mở ký giao ước thi đua cho năm nay (2026) hoặc năm sau (2027)" in await tg.reply_text(
        HEAD, group, "/pledge_open 2030 | 15/12/2026 17:00 | x")
    assert "đã qua" in await tg.reply_text(HEAD, group, "/pledge_open 2027 | 20/11/2026 17:00 | x")
    assert said(await tg.reply_text(HEAD, group, "/pledge_open 2027 | 31/11/2026 17:00 | x"), 'date.impossible')
    assert said(await tg.reply_text(HEAD, group, "/pledge_open 2027 | sớm | x"), 'date.invalid')
    assert said(await tg.reply_text(HEAD, group, "/pledge_open 2027 | 15/01/2028 | x"), 'pledge.deadline_not_in_year', year=2027)
    assert said(await tg.reply_text(HEAD, group, "/pledge_open 2027 | 15/12/2026 | " + "x" * 2001), 'pledge.text_too_long', limit=2000)
    assert said(await tg.reply_text(member, group, "/sign"), 'pledge.none_open')
    assert said(await tg.reply_text(member, group, "/pledge_status"), 'pledge.none_open')
    assert count(tg, Pledge) == 0 and count(tg, AuditLog) == audit_before

    # A date alone means 17:00 that day.
    post = (await tg.say(HEAD, group, "/pledge_open 2027 | 15/12/2026 | Giao ước thi đua năm 2027"))[0]
    assert said(post["text"], 'pledge.post_deadline', deadline='15/12/2026 17:00')
    assert said(await tg.reply_text(HEAD, group, "/pledge_open 2027 | 10/12/2026 | lần hai"), 'pledge.exists', year=2027)
    assert count(tg, Pledge) == 1

    # /sign in the group and in private; a second /sign answers who signed and when.
    assert said(await tg.reply_text(OUTSIDER, group, "/sign"), 'pledge.no_unit')
    text = await tg.reply_text(member, tg.api.private(member), "/sign")
    assert text == ("✅ Hùng đã ký giao ước thi đua năm 2027 cho đơn vị YTE — Sở Y tế lúc 23/11/2026 09:00.\n"
                    "Đã ký: 1/9 đơn vị.")
    clock.advance(timedelta(minutes=10))
    assert "Hùng ký lúc 23/11/2026 09:00" in await tg.reply_text(member, group, "/sign")
    assert said(await tg.reply_text(member, group, "/sign 20x7"), 'pledge.bad_lookup_year', value='20x7')
    assert said(await tg.reply_text(member, group, "/sign 2027 thêm"), 'sign.usage')
    assert said(await tg.reply_text(member, group, "/sign 2026"), 'pledge.none_for_year', year=2026, known="2027")
    # A year out of range says which years are allowed and which have a pledge.
    assert said(await tg.reply_text(member, group, "/sign 2030"), 'pledge.bad_lookup_year', value='2030',
                min=2016, max=2027, known="2027")

    # Withdrawing (audited) and signing again.
    text = await tg.reply_text(member, group, "/unsign")
    assert said(text, 'pledge.unsigned', code='YTE', unit='Sở Y tế', year=2027, signer='Hùng', at='23/11/2026 09:00')
    assert said(await tg.reply_text(member, group, "/unsign"), 'pledge.not_signed')
    assert said(await tg.reply_text(OUTSIDER, group, "/unsign"), 'pledge.no_unit')
    assert "Đã ký: 1/9" in await tg.reply_text(member, group, "/sign 2027")
    with tg.core.db.session() as s:
        actions = list(s.exec(select(AuditLog.action).where(AuditLog.action.like("pledge.%"))))
    assert actions == ["pledge.open", "pledge.sign", "pledge.unsign", "pledge.sign"]

    # The status names the units still to sign and their officers.
    status = await tg.reply_text(OUTSIDER, group, "/pledge_status")
    assert "Đang mở ký, hạn ký 15/12/2026 17:00." in status and "Đã ký: 1/9 đơn vị" in status
    assert "✅ YTE — Sở Y tế (Hùng, 23/11/2026 09:10)" in status and "• GDDT — Sở Giáo dục và Đào tạo: Mai (@cb_2)" in status

    # Forged or stale buttons change nothing.
    other = tg.api.group("Khối khác", admins=[OUTSIDER])
    await tg.say(OUTSIDER, other, "/setup Khối thi đua Kinh tế")
    await tg.say(OUTSIDER, other, "/unit_add CT Sở Công Thương")
    await tg.say(OUTSIDER, other, "/join CT")
    data = button(post, "Ký giao ước")["callback_data"]
    forged = dict(post, chat=other.as_dict())  # this bloc's button pressed in another bloc's group
    assert said((await tg.press(OUTSIDER, forged, data))["text"], 'pledge.gone')
    assert said((await tg.press(OFFICERS[2], post, "pl:s:9999"))["text"], 'pledge.gone')
    assert "không hợp lệ" in (await tg.press(OFFICERS[2], post, "pl:x:1"))["text"]
    assert count(tg, PledgeSignature, PledgeSignature.withdrawn_at.is_(None)) == 1

    # Only the head or deputy closes early; then nothing can be signed or withdrawn.
    assert said(await tg.reply_text(member, group, "/pledge_close"), 'err.not_manager')
    clock.advance(timedelta(days=1))
    text = await tg.reply_text(HEAD, group, "/pledge_close")
    assert text.startswith("🔒 Đã đóng ký giao ước thi đua năm 2027: 1/9 đơn vị đã ký.")
    before = len(tg.api.bot_log)
    clock.advance(timedelta(seconds=3))
    await tg.tick()
    final = [m["text"] for m in tg.api.bot_log[before:] if m["chat"]["id"] == group.id and "ĐÃ ĐÓNG" in m.get("text", "")]
    assert len(final) == 1 and "lúc 24/11/2026 09:10" in final[0] and "Chưa ký (8 đơn vị)" in final[0]
    assert buttons_of(post) == [] and "Đã đóng ký lúc 24/11/2026 09:10" in post["text"]
    assert said(await tg.reply_text(OFFICERS[2], group, "/sign 2027"), 'pledge.closed', at='24/11/2026 09:10')
    assert "đã đóng ký" in await tg.reply_text(member, group, "/unsign 2027")
    assert said((await tg.press(OFFICERS[2], post, data))["text"], 'pledge.closed')
    assert said(await tg.reply_text(HEAD, group, "/pledge_close"), 'pledge.already_closed', at='24/11/2026 09:10')
    assert said(await tg.reply_text(HEAD, group, "/pledge_close 2027"), 'pledge.already_closed', at='24/11/2026 09:10')
    assert "Đã đóng ký lúc 24/11/2026 09:10." in await tg.reply_text(member, group, "/pledge_status")
    assert count(tg, PledgeSignature, PledgeSignature.withdrawn_at.is_(None)) == 1


async def test_the_pledge_text_from_a_document(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg, private=False)
    content = b"%PDF-1.4 Giao uoc thi dua nam 2027"
    await tg.send_document(HEAD, group, content, "giao-uoc-2027.pdf")
    document = next(m for m in reversed(tg.api.messages.values()) if m.get("document") and m["from"]["id"] == HEAD.id)
    sent = await tg.say(HEAD, group, "/pledge_open 2027 | 15/12/2026 17:00", reply_to=document)
    assert [bool(m.get("document")) for m in sent] == [True, False], [m.get("text") for m in sent]
    assert sent[0]["caption"] == "📎 Văn bản giao ước thi đua năm 2027 — khối «Khối thi đua Văn hóa – Xã hội»"
    assert file_of(tg, sent[0]) == content
    assert said(sent[1]["text"], 'pledge.text_in_file', year=2027)
    assert said(sent[1]["text"], 'pledge.post_file', file='giao-uoc-2027.pdf')
    with tg.core.db.session() as s:
        stored = s.exec(select(StoredFile)).one()
        assert tg.core.files.read(stored.sha256) == content
        assert s.exec(select(Pledge)).one().file_id == stored.id
    # In a private chat the status brings the document along.
    reply = (await tg.say(OFFICERS[4], tg.api.private(OFFICERS[4]), "/pledge_status"))[0]
    assert file_of(tg, reply) == content and "Đã ký: 0/9 đơn vị" in reply["caption"]

    # The command may also be the caption of the document itself (this year's pledge).
    sent = await tg.send_document(HEAD, group, b"%PDF 2026", "giao-uoc-2026.pdf",
                                  caption="/pledge_open 2026 | 10/12/2026 17:00 | Giao ước thi đua năm 2026")
    assert file_of(tg, sent[0]) == b"%PDF 2026" and "Giao ước thi đua năm 2026" in sent[1]["text"]
    # Two pledges are open now: a bare /sign asks which year.
    assert said(await tg.reply_text(OFFICERS[4], group, "/sign"), 'pledge.which', years='2026, 2027', year=2027)


async def test_a_bloc_without_a_group_gets_the_pledge_privately(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    with tg.core.db.session() as s:  # as on a platform without groups (Zalo): no bound chat
        s.execute(delete(BlocChat))
    dm = tg.api.private(HEAD)
    text = await tg.reply_text(HEAD, dm, OPEN)
    assert said(text, 'pledge.opened_no_group')
    await tg.tick()
    posts = {m["chat"]["id"]: m for m in tg.api.bot_log if "GIAO ƯỚC THI ĐUA NĂM 2027" in m.get("text", "")}
    assert set(posts) == {o.id for o in OFFICERS}
    signer = OFFICERS[4]
    post = posts[signer.id]
    answer = await tg.press(signer, post, button(post, "Ký giao ước")["callback_data"])
    assert answer["text"] == "✅ Đã ký giao ước thi đua năm 2027 cho đơn vị TTTT — Sở Thông tin và Truyền thông."
    # The same private button forged by someone acting for no unit of the bloc changes nothing.
    answer = await tg.press(OUTSIDER, post, button(post, "Ký giao ước")["callback_data"])
    assert answer["show_alert"] and "chưa đại diện cho đơn vị nào" in answer["text"]
    assert count(tg, PledgeSignature) == 1
    assert not texts_to(tg, group.id)[-1].startswith("📜")  # nothing went to the unbound group
    # Closing sends the final list privately too.
    await tg.say(HEAD, dm, "/pledge_close")
    await tg.tick()
    finals = [m for m in tg.api.bot_log if "ĐÃ ĐÓNG KÝ" in m.get("text", "")]
    assert {m["chat"]["id"] for m in finals} == {o.id for o in OFFICERS}


async def test_presses_at_once_count_once_per_unit(tg_fast: TelegramHarness, clock) -> None:
    tg = tg_fast
    group = await setup_bloc(tg, private=False)
    second = TgUser(300, "Hùng Hai")  # a second officer of YTE
    join = (await tg.say(second, group, "/join YTE"))[0]
    await tg.press(HEAD, join, button(join, "Duyệt")["callback_data"])
    # Opened from the head's private chat: the post goes to the group, the head gets a confirmation.
    before = len(tg.api.bot_log)
    text = await tg.reply_text(HEAD, tg.api.private(HEAD), OPEN)
    assert said(text, 'pledge.opened_elsewhere')
    post = next(m for m in tg.api.bot_log[before:] if m["chat"]["id"] == group.id)
    data = button(post, "Ký giao ước")["callback_data"]
    pressers = [*OFFICERS, *OFFICERS, second, OUTSIDER]  # everyone twice, YTE's second officer, an outsider
    answers = await asyncio.gather(*(tg.press(user, post, data) for user in pressers))
    signed = [a for a in answers if a["text"].startswith("✅")]
    already = [a for a in answers if "đã ký giao ước" in a["text"] and a.get("show_alert")]
    assert len(signed) == 9 and len(already) == 10
    with tg.core.db.session() as s:
        per_unit = list(s.exec(select(PledgeSignature.unit_id, func.count()).group_by(PledgeSignature.unit_id)))
    assert len(per_unit) == 9 and all(n == 1 for _, n in per_unit)
    clock.advance(timedelta(seconds=3))
    await tg.tick()
    assert "Đã ký: 9/9 đơn vị" in post["text"] and post["edit_count"] == 1
    assert all(m["from"]["id"] == BOT_ID for m in tg.api.bot_messages(group.id))
