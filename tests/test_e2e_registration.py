"""Title registration end to end on Telegram: the head opens it, units register by button or by
typing, every version is kept, the deadline engine reminds only the units that have not registered,
the summary workbook, and the vote rule dangky that keeps unregistered units off an award's ballot."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook
from sqlmodel import col, select

from bot.clock import ManualClock
from storage.models import AuditLog, Registration, Submission
from tests.conftest import VN
from tests.harness import TelegramHarness, button, buttons_of
from tests.texts import said
from tests.vote_play import ADMIN, HEAD, OFFICERS, setup_bloc

TITLES = ["Cờ thi đua của Chính phủ", "Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh",
          "Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến"]


async def test_registration_by_button_and_by_typing_then_the_vote_rule(tg: TelegramHarness,
                                                                        clock: ManualClock) -> None:
    group = await setup_bloc(tg)
    # Bad input first: nothing is opened.
    assert said(await tg.reply_text(HEAD, group, "/register_open 2026"), "register_open.usage")
    assert said(await tg.reply_text(OFFICERS["YTE"], group, "/register_open 2026 | 30/11/2026 17:00"),
                "err.not_manager", command="register_open")
    assert said(await tg.reply_text(OFFICERS["YTE"], group, "/register 2026 1"), "register.not_open", year=2026)

    sent = await tg.say(HEAD, group, "/register_open 2026 | 30/11/2026 17:00")
    post = next(m for m in sent if buttons_of(m))
    assert said(post["text"].split("\n")[0], "register.post_head", year=2026, deadline="30/11/2026 17:00")
    assert [b["text"] for b in buttons_of(post)] == [f"{n}. {t}" for n, t in enumerate(TITLES, start=1)]
    assert said(await tg.reply_text(HEAD, group, "/register_open 2026 | 01/12/2026 17:00"),
                "register.exists", year=2026, id=1)

    # By button: each press adds or removes a title for the presser's unit.
    yte = OFFICERS["YTE"]
    answer = await tg.press(yte, post, button(post, "1. Cờ thi đua của Chính phủ")["callback_data"])
    assert said(answer["text"], "register.done", code="YTE", name="Sở Y tế", year=2026,
                titles="Cờ thi đua của Chính phủ", version=1)
    answer = await tg.press(yte, post, button(post, "4. Tập thể")["callback_data"])
    assert said(answer["text"], "register.replaced", code="YTE", name="Sở Y tế", year=2026,
                titles="Cờ thi đua của Chính phủ; Tập thể lao động xuất sắc", version=2)
    answer = await tg.press(ADMIN, post, button(post, "2. Cờ")["callback_data"])
    assert said(answer["text"], "register.not_officer") and answer["show_alert"]
    # By typing, with the refusals that change nothing.
    gddt = OFFICERS["GDDT"]
    assert said(await tg.reply_text(gddt, group, "/register 2026 9"), "register.bad_number", value="9", count=5)
    assert said(await tg.reply_text(gddt, group, "/register 2026 3 3"), "register.repeated", number="3")
    assert said(await tg.reply_text(gddt, group, "/register hai"), "register.usage")
    text = await tg.reply_text(gddt, group, "/register 2026 3 4")
    assert said(text, "register.done", code="GDDT", name="Sở Giáo dục và Đào tạo", year=2026,
                titles="Bằng khen của Chủ tịch UBND tỉnh; Tập thể lao động xuất sắc", version=1)
    await tg.say(OFFICERS["BDT"], group, "/register 2026 3")
    with tg.core.db.session() as s:  # type: ignore[union-attr]
        rows = list(s.exec(select(Registration).order_by(col(Registration.id))))
        submissions = list(s.exec(select(Submission)))
        audited = [a.action for a in s.exec(select(AuditLog)) if a.action == "deadline.submit"]
    assert [(r.unit_id, r.version) for r in rows][:2] == [(rows[0].unit_id, 1), (rows[0].unit_id, 2)]
    assert len(rows) == len(submissions) == len(audited) == 4  # every version kept, each audited

    # Status: what each unit registered, by whom and when; who has not.
    status = await tg.reply_text(OFFICERS["TTTT"], group, "/register_status")
    assert said(status.split("\n")[0], "register.status_head", year=2026, deadline="30/11/2026 17:00", done=3, total=9)
    assert "✅ YTE: Cờ thi đua của Chính phủ; Tập thể lao động xuất sắc — Hùng" in status
    assert said(status, "register.status_missing", code="TTTT")

    # The summary workbook.
    sent = await tg.say(HEAD, group, "/register_export 2026")
    book = load_workbook(io.BytesIO(tg.api.files[sent[0]["document"]["file_id"]][1]))
    sheet = book.active
    assert sheet is not None
    assert sheet["A1"].value == "BẢNG TỔNG HỢP ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM 2026"
    header = [c.value for c in sheet[5]]
    assert header[:3] == ["STT", "Mã", "Đơn vị"] and header[3:8] == TITLES
    by_code = {row[1]: row for row in sheet.iter_rows(min_row=6, max_row=14, values_only=True)}
    assert by_code["YTE"][3:8] == ("x", None, None, "x", None)
    assert by_code["TTTT"][8] == "Chưa đăng ký"

    # The deadline engine reminds only the units that have not registered.
    before = len(tg.api.bot_log)
    clock.set(datetime(2026, 11, 30, 8, 0, tzinfo=VN))
    await tg.tick()
    reminder = next(m["text"] for m in tg.api.bot_log[before:]
                    if m["chat"]["id"] == group.id and "Đăng ký danh hiệu thi đua năm 2026" in m.get("text", ""))
    assert "TTTT" in reminder and "YTE" not in reminder and "GDDT" not in reminder and "BDT" not in reminder

    # The vote rule dangky: only registered units are candidates; the post names those left off.
    text = await tg.reply_text(HEAD, group, "/vote 3 | tay")
    assert said(text, "vote.post_candidates", count=2) and "1. BDT — Ban Dân tộc" in text
    assert "2. GDDT — Sở Giáo dục và Đào tạo" in text
    assert said(text, "vote.post_unregistered", units="BHXH, CDSP, LDTBXH, PTTH, TTTT, VHTTDL, YTE")
    refused = await tg.reply_text(HEAD, group, "/vote 1 | tay | YTE, TTTT")
    assert said(refused, "vote.code_unregistered", code="TTTT")
    assert said(await tg.reply_text(HEAD, group, "/vote 2 | tay"), "vote.no_candidates")
    rules = await tg.reply_text(HEAD, group, "/vote_rules dangky khong")
    assert said(rules, "rules.registration", value="không")
    text = await tg.reply_text(HEAD, group, "/vote 2 | tay")
    assert said(text, "vote.post_candidates", count=9)
