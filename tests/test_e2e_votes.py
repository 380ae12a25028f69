"""Award nominations by secret ballot, end to end through the real Telegram adapter over real HTTP.

Nine units; the head opens a Government-flag vote (one line) and a Bằng khen vote (quota 2, guided
flow); units vote in private chats through the deep link; one replaces its ballot; a second officer
of a unit sends another ballot for it; a non-member tries; forged callbacks are sent; the votes close
on time; the results post and the minutes are checked; every message in every chat and the audit
log are scanned for anything that reveals a unit's choices.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import datetime

import docx
from sqlmodel import func, select

from bot.services.votes import slips as slip_files
from storage.models import AuditLog, Ballot, BallotSlip, OutboxMessage, ReminderSlot, Vote
from tests.conftest import VN
from tests.harness import TelegramHarness, button, buttons_of
from tests.texts import said
from tests.vote_play import (
    ADMIN,
    HEAD,
    OFFICERS,
    OUTSIDER,
    RECEIPT,
    YTE_SECOND,
    assert_secret,
    open_ballot,
    send,
    setup_bloc,
    tick_choices,
    vote,
)

OF = OFFICERS


def count(tg: TelegramHarness, model, *where) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def group_texts(tg: TelegramHarness, group) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in tg.api.bot_messages(group.id)]


async def test_award_votes_end_to_end(tg: TelegramHarness, clock) -> None:
    group = await setup_bloc(tg)

    # --- the head opens the Government-flag vote in one line -------------------------------------
    sent = await tg.say(HEAD, group, "/vote co thi dua cua chinh phu | 24/11/2026 17:00")
    assert len(sent) == 1
    flag_post = sent[0]
    text = flag_post["text"]
    assert text.startswith("🗳 BỎ PHIẾU KÍN #1 — bình xét, suy tôn: Cờ thi đua của Chính phủ (năm 2026)")
    assert "Chỉ tiêu: 1 đơn vị." in text and "Danh sách bầu (9 đơn vị):\n1. BDT — Ban Dân tộc\n" in text
    assert "9. YTE — Sở Y tế" in text
    assert "ít nhất 6 trong 9 đơn vị" in text and "ít nhất 5 phiếu trong 9 đơn vị" in text
    assert said(text, 'vote.closes_at', when='24/11/2026 17:00', id=1)
    assert said(text, 'vote.turnout', voted=0, members=9)
    assert button(flag_post, "Bỏ phiếu")["url"] == "https://t.me/KhoiTestBot?start=v1"

    # --- the Bằng khen vote through the guided flow ---------------------------------------------
    flow = (await tg.say(HEAD, group, "/vote"))[0]
    assert said(flow["text"], 'flow.pick_award')
    # Only the person who typed /vote can press the flow's buttons.
    answer = await tg.press(OF["YTE"], flow, button(flow, "Bằng khen")["callback_data"])
    assert answer["show_alert"] and "Chỉ người gõ /vote" in answer["text"]
    await tg.press(HEAD, flow, button(flow, "Bằng khen")["callback_data"])
    assert said(flow["text"], 'flow.pick_candidates')
    await tg.press(HEAD, flow, button(flow, "Tất cả 9 đơn vị")["callback_data"])
    assert said(flow["text"], 'flow.pick_time')
    await tg.press(HEAD, flow, button(flow, "17:00 ngày mai")["callback_data"])
    assert said(flow["text"], 'flow.summary', award='Bằng khen của Chủ tịch UBND tỉnh', quota=2)
    assert said(flow["text"], 'flow.summary', quota=2, closing='24/11/2026 17:00')
    answer = await tg.press(HEAD, flow, button(flow, "Mở bỏ phiếu")["callback_data"])
    assert answer["text"] == "Đã mở phiếu #2."
    merit_post = flow  # the flow's message became the vote's post
    assert merit_post["text"].startswith("🗳 BỎ PHIẾU KÍN #2 — bình xét, suy tôn: Bằng khen của Chủ tịch UBND tỉnh")
    assert said(merit_post["text"], 'vote.post_quota', quota=2)
    assert button(merit_post, "Bỏ phiếu")["url"] == "https://t.me/KhoiTestBot?start=v2"
    # A stale press on the finished flow changes nothing.
    stale = await tg.press(HEAD, flow, "vf:1:go")
    assert stale["show_alert"] and "hết hiệu lực" in stale["text"]
    assert count(tg, Vote) == 2

    receipts: dict[tuple[int, str], str] = {}
    voters = {o.id for o in OF.values()} | {YTE_SECOND.id}

    # --- ballots for the flag (quota 1) --------------------------------------------------------------
    receipts[1, "VHTTDL"] = await vote(tg, OF["VHTTDL"], 1, ["YTE"])
    first_yte = await vote(tg, OF["YTE"], 1, ["GDDT"])
    receipts[1, "GDDT"] = await vote(tg, OF["GDDT"], 1, ["YTE"])
    receipts[1, "LDTBXH"] = await vote(tg, OF["LDTBXH"], 1, ["GDDT"])
    # TTTT votes GDDT, then changes its mind with «Bỏ phiếu lại»: the last ballot counts.
    ballot = await open_ballot(tg, OF["TTTT"], 1)
    await tick_choices(tg, OF["TTTT"], ballot, ["GDDT"])
    replaced = await send(tg, OF["TTTT"], ballot)
    await tg.press(OF["TTTT"], ballot, button(ballot, "Bỏ phiếu lại")["callback_data"])
    assert "Đơn vị bạn đã có phiếu" in ballot["text"] and "THAY phiếu đó" in ballot["text"]
    await tick_choices(tg, OF["TTTT"], ballot, ["YTE"])
    # Quota 1: ticking another unit moves the tick.
    await tick_choices(tg, OF["TTTT"], ballot, ["BDT", "YTE"])
    receipts[1, "TTTT"] = await send(tg, OF["TTTT"], ballot)
    assert "thay phiếu trước" in ballot["text"] and replaced != receipts[1, "TTTT"]
    receipts[1, "PTTH"] = await vote(tg, OF["PTTH"], 1, ["YTE"])
    receipts[1, "BHXH"] = await vote(tg, OF["BHXH"], 1, [])  # a blank ballot
    receipts[1, "BDT"] = await vote(tg, OF["BDT"], 1, ["YTE"])

    # A second officer of YTE sends another ballot for the unit: it replaces the unit's ballot.
    ballot = await open_ballot(tg, YTE_SECOND, 1)
    assert "Đơn vị bạn đã có phiếu" in ballot["text"] and first_yte in ballot["text"]
    await tick_choices(tg, YTE_SECOND, ballot, ["YTE"])
    before = len(tg.api.bot_log)
    receipts[1, "YTE"] = await send(tg, YTE_SECOND, ballot)
    with tg.core.db.session() as s:
        assert s.exec(select(func.count()).select_from(Ballot).where(Ballot.vote_id == 1)).one() == 8
        assert s.exec(select(Ballot.times).where(Ballot.vote_id == 1, Ballot.receipt == receipts[1, "YTE"])).one() == 2
    await tg.tick()  # the unit's first officer is told, privately, that the ballot was replaced
    told = [m["text"] for m in tg.api.bot_log[before:] if m["chat"]["id"] == OF["YTE"].id]
    assert told == ["ℹ️ Phiếu của đơn vị YTE cho #1 vừa được Yến gửi lại lúc 23/11/2026 09:00; phiếu trước không còn được tính."]

    # A non-member cannot vote.
    dm = tg.api.private(OUTSIDER)
    text = await tg.reply_text(OUTSIDER, dm, "/start v1")
    assert said(text, 'ballot.no_unit')

    # --- forged and stale callbacks: refused with an alert, nothing changes --------------------
    audit_before, ballots_before = count(tg, AuditLog), count(tg, Ballot)
    ballot = await open_ballot(tg, OF["CDSP"], 1)
    forged = {
        "vb:1:3:s": "tối đa 1 đơn vị",  # two ticks (positions 1 and 2) on a quota-1 ballot
        "vb:1:0:t42": "Số 42 không có trong phiếu",
        "vb:1:200:s": "Số 10 không có trong phiếu",  # bit 9 = position 10: no such candidate
        "vb:99:0:s": "không có phiếu bầu #99",
        "vb:1:zz:s": "không hợp lệ",
    }
    for data, expected in forged.items():
        answer = await tg.press(OF["CDSP"], ballot, data)
        assert answer["show_alert"] and expected in answer["text"], (data, answer)
    answer = await tg.press(OUTSIDER, ballot, "vb:1:100:s")
    assert answer["show_alert"] and "không đại diện cho đơn vị thành viên nào" in answer["text"]
    answer = await tg.press(OF["CDSP"], flag_post, "vb:1:100:s")  # pressed in the group
    assert answer["show_alert"] and "chỉ dùng trong chat riêng" in answer["text"]
    assert (count(tg, AuditLog), count(tg, Ballot)) == (audit_before, ballots_before)

    # --- ballots for the Bằng khen (quota 2) ------------------------------------------------------
    for code, choices in [("VHTTDL", ["GDDT", "BDT"]), ("YTE", ["GDDT", "BDT"]), ("GDDT", ["GDDT", "BDT"]),
                          ("LDTBXH", ["GDDT", "BHXH"]), ("TTTT", ["BDT"]), ("CDSP", [])]:
        receipts[2, code] = await vote(tg, OF[code], 2, choices)
    ballot = await open_ballot(tg, OF["PTTH"], 2)
    await tick_choices(tg, OF["PTTH"], ballot, ["GDDT", "BDT"])
    answer = await tg.press(OF["PTTH"], ballot, button(ballot, ". YTE — ")["callback_data"])
    assert answer["show_alert"] and "tối đa 2 đơn vị" in answer["text"]
    receipts[2, "PTTH"] = await send(tg, OF["PTTH"], ballot)
    # The typed form, for platforms without buttons: numbers as printed on the ballot (2 = BHXH).
    text = await tg.reply_text(OF["BHXH"], tg.api.private(OF["BHXH"]), "/phieu #2 2")
    receipts[2, "BHXH"] = RECEIPT.search(text).group(1)

    # --- live turnout: one coalesced edit shows who voted, never how --------------------------------
    clock.set(datetime(2026, 11, 23, 11, 0, tzinfo=VN))
    await tg.tick()
    assert said(flag_post["text"], 'vote.turnout', voted=8, members=9)
    assert said(flag_post["text"], 'vote.turnout_voted', units='BDT, BHXH, GDDT, LDTBXH, PTTH, TTTT, VHTTDL, YTE')
    assert said(flag_post["text"], 'vote.turnout_waiting', units='CDSP')
    assert "Đã bỏ phiếu: 8/9 đơn vị" in merit_post["text"] and "⏳ Chưa bỏ phiếu: BDT" in merit_post["text"]
    # No count anywhere before closing.
    assert not any(re.search(r"\d+ phiếu \(\d", t) for t in group_texts(tg, group))

    # --- a reminder the day before, to the units that have not voted --------------------------------
    clock.set(datetime(2026, 11, 23, 17, 0, tzinfo=VN))
    await tg.tick()
    reminders = [t for t in group_texts(tg, group) if t.startswith("⏰ Nhắc bỏ phiếu")]
    assert reminders == [
        "⏰ Nhắc bỏ phiếu #1 — Cờ thi đua của Chính phủ (năm 2026): còn 1/9 đơn vị chưa bỏ phiếu: CDSP (Ngọc). "
        "Phiếu đóng lúc 24/11/2026 17:00. Bấm «🗳 Bỏ phiếu» hoặc gõ /phieu 1 trong chat riêng với bot.",
        "⏰ Nhắc bỏ phiếu #2 — Bằng khen của Chủ tịch UBND tỉnh (năm 2026): còn 1/9 đơn vị chưa bỏ phiếu: "
        "BDT (Minh). Phiếu đóng lúc 24/11/2026 17:00. Bấm «🗳 Bỏ phiếu» hoặc gõ /phieu 2 trong chat riêng với bot.",
    ]
    cdsp_dm = [m["text"] for m in tg.api.bot_messages(OF["CDSP"].id) if m["text"].startswith("⏰")]
    assert cdsp_dm == ["⏰ Đơn vị CDSP chưa bỏ phiếu #1 — Cờ thi đua của Chính phủ (năm 2026); phiếu đóng lúc "
                       "24/11/2026 17:00. Gõ /phieu 1 để mở phiếu."]

    # --- the votes close on time ---------------------------------------------------------------------
    clock.set(datetime(2026, 11, 24, 17, 0, tzinfo=VN))
    await tg.tick()
    results = [t for t in group_texts(tg, group) if t.startswith("📊")]
    flag_receipts = ", ".join(sorted(v for (vid, _), v in receipts.items() if vid == 1))
    published, recount_line = results[0].rsplit("\n", 1)
    receipts_sha = hashlib.sha256("".join(f"{r}\n" for r in flag_receipts.split(", ")).encode()).hexdigest()
    slips_sha = re.search(r"phiếu ẩn danh .* SHA-256 ([0-9a-f]{64});", recount_line).group(1)  # type: ignore[union-attr]
    assert said(recount_line, "results.recount", id=1, slips=slips_sha, receipts=receipts_sha)
    assert published == "\n".join([
        "📊 KẾT QUẢ KIỂM PHIẾU #1 — Cờ thi đua của Chính phủ (năm 2026)",
        "Đóng lúc 24/11/2026 17:00. Đơn vị thành viên: 9. Đã bỏ phiếu: 8 (88,9%), trong đó 1 phiếu trắng.",
        "• Hợp lệ khi từ 2/3 trở lên số đơn vị thành viên bỏ phiếu: ít nhất 6 trong 9 đơn vị.",
        "• Được chọn khi được trên 1/2 tổng số đơn vị thành viên đồng ý: ít nhất 5 phiếu trong 9 đơn vị; "
        "lấy từ cao xuống đến đủ chỉ tiêu, bằng phiếu ở suất cuối thì bầu lại.",
        "• Đơn vị được bỏ phiếu cho chính mình.",
        "Số phiếu đồng ý (tỷ lệ trên tổng số đơn vị thành viên):",
        "9. YTE — Sở Y tế: 6 phiếu (66,7%) ✅",
        "4. GDDT — Sở Giáo dục và Đào tạo: 1 phiếu (11,1%)",
        "1. BDT — Ban Dân tộc: 0 phiếu (0%)",
        "2. BHXH — Bảo hiểm xã hội tỉnh: 0 phiếu (0%)",
        "3. CDSP — Trường Cao đẳng Sư phạm: 0 phiếu (0%)",
        "5. LDTBXH — Sở Lao động – Thương binh và Xã hội: 0 phiếu (0%)",
        "6. PTTH — Đài Phát thanh – Truyền hình tỉnh: 0 phiếu (0%)",
        "7. TTTT — Sở Thông tin và Truyền thông: 0 phiếu (0%)",
        "8. VHTTDL — Sở Văn hóa, Thể thao và Du lịch: 0 phiếu (0%)",
        "✅ Được suy tôn (chỉ tiêu 1): YTE — Sở Y tế",
        f"🧾 Mã các phiếu đã được đếm (8): {flag_receipts}",
        "Mỗi đơn vị kiểm tra mã phiếu của mình có trong danh sách.",
        "Đơn vị đã bỏ phiếu: BDT, BHXH, GDDT, LDTBXH, PTTH, TTTT, VHTTDL, YTE",
    ])
    assert first_yte not in results[0] and replaced not in results[0]  # replaced ballots are not counted
    merit = results[1]
    assert said(merit, 'results.turnout', members=9, cast=8, percent='88,9%', blank=1)
    assert ("1. BDT — Ban Dân tộc: 5 phiếu (55,6%) ✅\n4. GDDT — Sở Giáo dục và Đào tạo: 5 phiếu (55,6%) ✅\n"
            "2. BHXH — Bảo hiểm xã hội tỉnh: 2 phiếu (22,2%)\n") in merit
    assert said(merit, 'results.selected', quota=2, units='BDT — Ban Dân tộc; GDDT — Sở Giáo dục và Đào tạo')
    assert ", ".join(sorted(v for (vid, _), v in receipts.items() if vid == 2)) in merit
    # The missed 1-hour reminder collapsed into the closing; the posts show the vote closed.
    with tg.core.db.session() as s:
        states = {(r.item_id, r.slot): r.state for r in s.exec(select(ReminderSlot))}
    assert states[1, "at"] == "fired" and states[1, "b60m"] == "skipped"
    clock.set(datetime(2026, 11, 24, 17, 0, 5, tzinfo=VN))  # past the live posts' coalescing window
    await tg.tick()
    assert "🔒 Đã đóng phiếu lúc 24/11/2026 17:00" in flag_post["text"] and buttons_of(flag_post) == []

    # After closing: no ballot is accepted; the unit-linked rows are gone, anonymous slips remain.
    late = await tg.press(OF["CDSP"], ballot, "vb:1:100:s")
    assert late["show_alert"] and "đã đóng" in late["text"]
    assert said(await tg.reply_text(OF["CDSP"], tg.api.private(OF["CDSP"]), "/phieu 1 9"), 'ballot.closed')
    assert count(tg, Ballot) == 0
    with tg.core.db.session() as s:
        slips = sorted(json.loads(c) for c in s.exec(select(BallotSlip.choices).where(BallotSlip.vote_id == 1)))
    assert slips == sorted([[9], [9], [9], [4], [9], [9], [], [9]])

    # --- /results and the minutes --------------------------------------------------------------------
    text = await tg.reply_text(OF["BDT"], group, "/results")
    assert "#1 Cờ thi đua của Chính phủ (năm 2026): ✅ YTE (6/9)" in text
    assert "• Cờ thi đua của Chính phủ: YTE\n• Bằng khen của Chủ tịch UBND tỉnh: BDT, GDDT" in text
    assert "#2 Bằng khen của Chủ tịch UBND tỉnh (năm 2026): ✅ BDT (5/9); ✅ GDDT (5/9)" in text
    sent = await tg.say(OF["BDT"], group, "/vote_minutes 1 | kiểm phiếu: Lê Văn C, Phạm Thị D")
    assert [m["document"]["file_name"] for m in sent] == ["bien-ban-kiem-phieu-1.docx", "bien-ban-kiem-phieu-1.csv",
                                                          "phieu-an-danh-1.csv"]
    word = docx.Document(io.BytesIO(tg.api.files[sent[0]["document"]["file_id"]][1]))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    heading = [c.text for c in word.tables[0].rows[0].cells]
    assert "KHỐI THI ĐUA VĂN HÓA – XÃ HỘI" in heading[0] and "Số:       /BB-KTĐ" in heading[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading[1] and "ngày 24 tháng 11 năm 2026" in heading[1]
    assert "BIÊN BẢN KIỂM PHIẾU\nPhiếu số 1 năm 2026" in paragraphs
    assert "1. Bình xét, suy tôn Cờ thi đua của Chính phủ năm 2026 (phiếu số 1)" in paragraphs
    assert "số phiếu thu về: 8 (88,9%); phiếu trắng: 1; đơn vị không bỏ phiếu: CDSP." in paragraphs
    assert "Đơn vị được suy tôn: Sở Y tế" in paragraphs
    assert "Tổ kiểm phiếu: Lê Văn C, Phạm Thị D" in paragraphs
    assert f"Danh sách 8 mã phiếu: {receipts_sha}" in paragraphs and f"Tệp phiếu ẩn danh: {slips_sha}" in paragraphs
    table = [[cell.text for cell in row.cells] for row in word.tables[1].rows]
    assert table[0] == ["Số TT trên phiếu", "Đơn vị", "Mã", "Số phiếu đồng ý", "Tỷ lệ", "Kết quả"]
    assert table[9] == ["9", "Sở Y tế", "YTE", "6", "66,7%", "Được chọn"]
    assert table[4] == ["4", "Sở Giáo dục và Đào tạo", "GDDT", "1", "11,1%", "Không được chọn"]
    # The anonymous slips: the published hash, and a recount gives the published counts.
    slips_file = tg.api.files[sent[2]["document"]["file_id"]][1]
    assert hashlib.sha256(slips_file).hexdigest() == slips_sha
    recounted = slip_files.recount(slips_file)
    assert recounted.slips == 8 and recounted.blank == 1
    assert recounted.counts["9. YTE"] == 6 and recounted.counts["4. GDDT"] == 1
    assert sum(recounted.counts.values()) == 7
    rows = list(csv.reader(io.StringIO(tg.api.files[sent[1]["document"]["file_id"]][1].decode("utf-8-sig"))))
    assert ["9", "YTE", "Sở Y tế", "6", "66,7%", "được chọn"] in rows

    # --- nothing anywhere reveals a unit's choices ---------------------------------------------------
    assert_secret(tg, voters)


async def test_a_void_vote_says_so_plainly(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/vote 2 | tay | YTE, GDDT,bdt")
    for code in ("YTE", "GDDT", "BDT", "PTTH", "TTTT"):
        await vote(tg, OF[code], 1, ["YTE"])
    # The head first sees that closing now voids the vote; keeping it open changes nothing.
    ask = (await tg.say(HEAD, group, "/vote_close 1"))[-1]
    assert said(ask["text"], "vote_close.confirm_void", id=1, cast=5, members=9, needed=6)
    assert (await tg.press(OF["YTE"], ask, button(ask, "Đóng phiếu")["callback_data"]))["show_alert"]
    await tg.press(HEAD, ask, button(ask, "Chưa đóng")["callback_data"])
    assert said(ask["text"], "vote_close.kept", id=1) and not buttons_of(ask)
    assert count(tg, Vote, Vote.state == "open") == 1 and count(tg, Ballot) == 5
    text = await tg.confirm_text(HEAD, group, "/vote_close #1", "Đóng phiếu")
    assert text == (
        "📊 PHIẾU #1 — Cờ thi đua của UBND tỉnh (năm 2026): KHÔNG CÓ GIÁ TRỊ\n"
        "Đóng lúc 23/11/2026 09:00. Chỉ 5/9 đơn vị bỏ phiếu; quy chế cần từ 2/3 trở lên số đơn vị thành viên, "
        "tức ít nhất 6 đơn vị. Không kiểm phiếu, không đơn vị nào được chọn; các phiếu đã gửi bị huỷ. "
        "Trưởng khối có thể mở lại bằng /vote.\nĐơn vị đã bỏ phiếu: BDT, GDDT, PTTH, TTTT, YTE")
    assert count(tg, Ballot) == 0 and count(tg, BallotSlip) == 0
    # A void vote has no counts, so no chart is queued for it.
    assert count(tg, OutboxMessage, OutboxMessage.attachment == "chart:1") == 0
    assert said(await tg.reply_text(HEAD, group, "/vote_close 1"), 'vote.not_open')
    assert said(await tg.reply_text(ADMIN, group, "/results"), 'results.item_void', cast=5, members=9)
    assert_secret(tg, {o.id for o in OF.values()})
