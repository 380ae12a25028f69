"""The bloc's year on Zalo alone, end to end through the real Zalo adapter and the fake Zalo Bot API.

No group chat: the head sets the bloc up and runs it from a private chat, every post reaches each
officer privately, buttons are numbered choices. A vote (opened privately, ballots answered by
numbers, bad answers refused, reminders to the units that have not voted, results to everyone, and
nothing that reveals a unit's choices), the pledge (signed with the choice's number or /sign), and
reports sent as a photo or a link, shown in /status and in the head's /collect zip.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import httpx
from sqlmodel import select

from bot.clock import ManualClock
from storage.models import AuditLog, Ballot, LivePost, PledgeSignature, StoredFile, Submission
from tests.conftest import VN
from tests.fakes.zalo_api import ZaloUser, zalo_user
from tests.texts import said
from tests.zalo_harness import ZaloHarness
from tests.zalo_play import RECEIPT, assert_zalo_secret, count, new_texts, zalo_bloc

UNITS = "VHTTDL Sở Văn hóa, Thể thao và Du lịch\nYTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo\nBDT Ban Dân tộc"
VOTE_CHOICE = "1. 🗳 Bỏ phiếu"
SIGN_CHOICE = "1. ✍️ Ký giao ước"


class People:
    def __init__(self) -> None:
        self.admin = zalo_user("Hà")  # sets the bloc up; acts for no unit
        self.lan, self.hung, self.mai, self.minh = (zalo_user(n) for n in ("Lan", "Hùng", "Mai", "Minh"))
        self.by_unit = {"VHTTDL": self.lan, "YTE": self.hung, "GDDT": self.mai, "BDT": self.minh}

    @property
    def officers(self) -> list[ZaloUser]:
        return list(self.by_unit.values())


async def bloc(zh: ZaloHarness) -> People:
    p = People()
    await zalo_bloc(zh, p.admin, p.by_unit, UNITS, "VHTTDL")
    return p


def receipt_of(text: str) -> str:
    match = re.search(r"[A-Z0-9]{3}-[A-Z0-9]{3}", text)
    assert match is not None, text
    return match.group()


async def test_a_vote_on_zalo_alone_by_numbers(zalo: ZaloHarness, clock: ManualClock) -> None:
    zh = zalo
    p = await bloc(zh)
    lan, hung, mai, minh = p.lan, p.hung, p.mai, p.minh
    assert said(await zh.zreply(lan, "/vote_rules tubau khong"), 'rules.set')

    # The head opens the vote in her private chat; the post reaches every officer privately.
    text = await zh.zreply(lan, "/vote Bằng khen | 24/11/2026 17:00")
    assert text.startswith("✅ Đã mở bỏ phiếu #1 — Bằng khen của Chủ tịch UBND tỉnh (năm 2026). Khối không có nhóm chat")
    before = len(zh.zalo_api.sent)
    await zh.tick()
    for officer in p.officers:
        [post] = new_texts(zh, officer, before)
        assert post.startswith("🗳 BỎ PHIẾU KÍN #1") and "Đã bỏ phiếu: 0/4 đơn vị" in post
        assert "gõ /phieu 1 trong chat riêng" in post and post.endswith(f"{VOTE_CHOICE}\n\nTrả lời bằng một số (1–1) để chọn.")
    assert new_texts(zh, p.admin, before) == []  # no officer, no ballot
    assert count(zh, LivePost) == 0  # a private copy is never a live post: Zalo cannot edit

    # Answering "1" opens the unit's ballot: candidates numbered in its text, its own unit left off.
    ballot = await zh.zreply(hung, "1")
    assert ballot.startswith("🗳 PHIẾU BẦU KÍN #1 — Bằng khen của Chủ tịch UBND tỉnh (năm 2026)\nĐơn vị bỏ phiếu: YTE")
    assert said(ballot, 'ballot.how_typed', quota=2, example='2 3')
    assert "1. BDT — Ban Dân tộc\n2. GDDT — Sở Giáo dục và Đào tạo\n3. VHTTDL — Sở Văn hóa, Thể thao và Du lịch\n\n" in ballot
    assert "4. YTE" not in ballot and "YTE không có trong phiếu của bạn" in ballot
    assert "gõ /phieu 1 trắng" in ballot and "(hoặc gõ đủ lệnh: /phieu 1 <số> ...)" in ballot

    # Wrong numbers get a readable answer and record nothing.
    audit = count(zh, AuditLog)
    refusals = {
        "4": "không cho đơn vị tự bỏ phiếu cho mình. Phiếu chưa được ghi nhận.",
        "2 2": "Mỗi số chỉ ghi một lần. Phiếu chưa được ghi nhận.",
        "1 2 3": "Chỉ được đánh dấu tối đa 2 đơn vị; hãy bỏ bớt. Phiếu chưa được ghi nhận.",
        "9": "Số 9 không có trong phiếu (phiếu có các số từ 1 đến 4). Phiếu chưa được ghi nhận.",
        "/phieu 1 hai": "Cách dùng (trong chat riêng): /phieu <#số phiếu>",
        "/phieu 7 2": "Khối không có phiếu bầu #7",
    }
    for typed, expected in refusals.items():
        assert expected in await zh.zreply(hung, typed), typed
    assert (count(zh, Ballot), count(zh, AuditLog)) == (0, audit)

    receipts = [await zh.zreply(hung, "2 3")]
    assert receipts[0].startswith("✅ Đã nhận phiếu của đơn vị YTE cho #1") and RECEIPT.search(receipts[0])
    # The typed command alone shows the ballot; numbers then cast it. Answering the same menu again does
    # not silently replace it: the officer is warned and told how to confirm (as Telegram warns first).
    assert said(await zh.zreply(mai, "/phieu 1"), 'ballot.unit')
    receipts.append(await zh.zreply(mai, "1 3"))
    first = receipt_of(receipts[-1])
    warned = await zh.zreply(mai, "3, 4")
    assert said(warned, 'ballot.replace_confirm', id=1, code='GDDT', receipt=first)
    with zh.core.db.session() as s:
        assert s.exec(select(Ballot).where(Ballot.receipt == first)).one() is not None
    replaced = await zh.zreply(mai, "/phieu 1 3 4 thay")
    assert said(replaced, 'ballot.replaced_note')
    # A ballot shown again after one was sent says so, and its numbers then replace it knowingly.
    shown = await zh.zreply(mai, "/phieu 1")
    assert said(shown, 'ballot.already') and "/phieu 1 thay" in shown
    replaced = await zh.zreply(mai, "1 3")
    assert said(replaced, 'ballot.replaced_note')
    receipts.append(await zh.zreply(minh, "/phieu #1 3"))  # the whole command, from any message
    assert count(zh, Ballot) == 3

    # The day before closing, only the unit that has not voted is reminded, with the ballot's choice.
    before = len(zh.zalo_api.sent)
    clock.set(datetime(2026, 11, 23, 17, 0, tzinfo=VN))
    await zh.tick()
    [reminder] = new_texts(zh, lan, before)
    assert reminder.startswith("⏰ Đơn vị VHTTDL chưa bỏ phiếu #1") and VOTE_CHOICE in reminder
    assert [new_texts(zh, o, before) for o in (hung, mai, minh, p.admin)] == [[]] * 4
    assert said(await zh.zreply(lan, "1"), 'ballot.unit')
    receipts.append(await zh.zreply(lan, "2 4"))

    # Closing on time: the results reach every officer privately.
    before = len(zh.zalo_api.sent)
    clock.set(datetime(2026, 11, 24, 17, 0, tzinfo=VN))
    await zh.tick()
    for officer in p.officers:
        results, chart = new_texts(zh, officer, before)
        assert chart.startswith("📈 Biểu đồ kết quả phiếu #1") and "«ket-qua-phieu-1.png»" in chart
        assert results.startswith("📊 KẾT QUẢ KIỂM PHIẾU #1 — Bằng khen của Chủ tịch UBND tỉnh (năm 2026)")
        assert said(results, 'results.line', position=3, unit='VHTTDL — Sở Văn hóa, Thể thao và Du lịch', count=3, percent='75%', mark=' ✅')
        assert "2. GDDT — Sở Giáo dục và Đào tạo: 2 phiếu (50%)\n" in results
        # Each counted receipt is listed; the one GDDT replaced is not.
        codes = [RECEIPT.search(r).group(1) for r in receipts]  # type: ignore[union-attr]
        assert all(c in results for c in [codes[0], RECEIPT.search(replaced).group(1), *codes[2:]])  # type: ignore[union-attr]
        assert codes[1] not in results
    assert new_texts(zh, p.admin, before) == []
    assert said(await zh.zreply(hung, "1"), 'ballot.closed', id=1)  # the ballot's numbers no longer vote
    assert count(zh, Ballot) == 0
    assert_zalo_secret(zh, receipts)


async def test_a_vote_closed_by_hand_from_the_heads_private_chat(zalo: ZaloHarness) -> None:
    zh = zalo
    p = await bloc(zh)
    await zh.zreply(p.lan, "/vote Cờ thi đua của UBND tỉnh | tay")
    await zh.tick()
    for officer, typed in ((p.hung, "4"), (p.mai, "4"), (p.minh, "4")):
        await zh.zreply(officer, "1")
        assert said(await zh.zreply(officer, typed), 'ballot.received')
    ask = await zh.zreply(p.lan, "/vote_close 1")
    assert said(ask, "vote_close.confirm_valid", cast=3, members=4, needed=3)
    answer = await zh.zreply(p.lan, "1")  # on Zalo the confirmation and the results come as one message
    assert said(answer, "vote_close.closing", id=1)
    results = answer.split("\n", 1)[1]
    assert results.startswith("📊 KẾT QUẢ KIỂM PHIẾU #1") and "4. YTE — Sở Y tế: 3 phiếu (75%) ✅" in results
    before = len(zh.zalo_api.sent)
    await zh.tick()
    # Everyone else gets the results privately; the head already has them as the answer.
    # Everyone gets the chart privately (Zalo officers cannot see a group), the head too.
    chart = new_texts(zh, p.lan, before)
    assert len(chart) == 1 and chart[0].startswith("📈 Biểu đồ kết quả phiếu #1") and "ket-qua-phieu-1.png" in chart[0]
    assert all(new_texts(zh, o, before) == [results, chart[0]] for o in (p.hung, p.mai, p.minh))


async def test_the_pledge_signed_on_zalo_with_the_choice_number(zalo: ZaloHarness, clock: ManualClock) -> None:
    zh = zalo
    p = await bloc(zh)
    text = await zh.zreply(p.lan, "/pledge_open 2027 | 15/12/2026 17:00 | Các đơn vị cam kết thi đua năm 2027.")
    assert said(text, 'pledge.opened_no_group')
    before = len(zh.zalo_api.sent)
    await zh.tick()
    for officer in p.officers:
        [post] = new_texts(zh, officer, before)
        assert post.startswith("📜 GIAO ƯỚC THI ĐUA NĂM 2027") and SIGN_CHOICE in post

    # "1" presses «✍️ Ký giao ước» in the private chat: the officer's unit signs.
    assert await zh.zreply(p.mai, "1") == "✅ Đã ký giao ước thi đua năm 2027 cho đơn vị GDDT — Sở Giáo dục và Đào tạo."
    assert said(await zh.zreply(p.mai, "1"), 'pledge.already', signer='Mai', at='23/11/2026 09:00')
    assert said(await zh.zreply(p.hung, "/sign"), 'pledge.signed_reply', name='Hùng', year=2027, code='YTE', count=2)
    # Someone who acts for no unit is told how to get a code, and nothing is signed.
    assert said(await zh.zreply(p.admin, "/sign"), 'pledge.no_unit.nogroup')
    assert count(zh, PledgeSignature) == 2

    # Seven days before the deadline only the two units that have not signed are reminded.
    before = len(zh.zalo_api.sent)
    clock.set(datetime(2026, 12, 8, 17, 0, tzinfo=VN))
    await zh.tick()
    for officer in (p.lan, p.minh):
        [reminder] = new_texts(zh, officer, before)
        assert "chưa ký giao ước" in reminder and SIGN_CHOICE in reminder, reminder
    assert all(new_texts(zh, o, before) == [] for o in (p.hung, p.mai))
    assert "cho đơn vị BDT" in await zh.zreply(p.minh, "1")

    # At the deadline the final list reaches everyone; the old choice is refused from then on.
    before = len(zh.zalo_api.sent)
    clock.set(datetime(2026, 12, 15, 17, 0, tzinfo=VN))
    await zh.tick()
    for officer in p.officers:
        [final] = new_texts(zh, officer, before)
        assert final.startswith("🔒 ĐÃ ĐÓNG KÝ GIAO ƯỚC THI ĐUA NĂM 2027") and "Đã ký: 3/4 đơn vị" in final
    assert said(await zh.zreply(p.lan, "1"), 'pledge.closed', at='15/12/2026 17:00')
    assert count(zh, PledgeSignature) == 3


async def test_reports_sent_as_a_photo_or_a_link(database: str, tmp_path: Path, clock: ManualClock) -> None:
    # With a public address, the zip /collect makes is offered on Zalo as a download link.
    async with ZaloHarness(tmp_path, clock, public=True) as zh:
        p = await bloc(zh)
        hung, mai, minh = p.hung, p.mai, p.minh
        assert "#1" in await zh.zreply(p.lan, "/deadline 10/12/2026 17:00 | Báo cáo tổng kết năm 2026")
        before = len(zh.zalo_api.sent)
        await zh.tick()
        [post] = new_texts(zh, hung, before)
        assert post.startswith("📄") and "gõ /submit 1 <đường dẫn tới báo cáo>" in post

        # A photo alone: which deadline? The bot lists what the unit owes and how to say it.
        await zh.handled_update(zh.zalo_api.send_photo(hung, b"\xff\xd8 trang 1"))
        hint = zh.zalo_api.texts_to(hung)[-1]
        assert hint.startswith("Tôi chưa biết ảnh này nộp cho hạn nào") and "ví dụ /submit 1;" in hint
        assert "• #1" in hint and count(zh, Submission) == 0
        # The photo captioned /submit 1 is downloaded from Zalo and kept.
        await zh.handled_update(zh.zalo_api.send_photo(hung, b"\xff\xd8 bao cao YTE", caption="/submit 1"))
        receipt = zh.zalo_api.texts_to(hung)[-1]
        assert receipt.startswith("📥 Đã nhận báo cáo của YTE — Sở Y tế cho") and "Tệp: zalo_" in receipt

        # A link alone gets the command to type; typed with /submit, the link is the submission.
        drive = "https://drive.google.com/file/d/1AbC/view?usp=sharing"
        hint = await zh.zreply(mai, f"Báo cáo của Sở GD: {drive}.")
        assert f"ví dụ:\n/submit 1 {drive}\n" in hint and count(zh, Submission) == 1
        receipt = await zh.zreply(mai, f"/submit 1 {drive}")
        assert receipt.startswith("📥 Đã nhận báo cáo của GDDT") and f"🔗 Đường dẫn: {drive}\n" in receipt
        assert said(receipt, 'cal.submit.receipt_link')
        # Refusals say what to do on Zalo and keep nothing.
        assert said(await zh.zreply(minh, "/submit 1"), 'cal.submit.no_file.nogroup')
        await zh.handled_update(zh.zalo_api.send_photo(p.admin, b"\xff\xd8 x", caption="/submit 1"))
        assert said(zh.zalo_api.texts_to(p.admin)[-1], 'cal.submit.not_officer.nogroup')
        assert count(zh, Submission) == 2

        # After the deadline a link is accepted and marked late.
        clock.set(datetime(2026, 12, 11, 9, 0, tzinfo=VN))
        portal = "https://bdt.example.gov.vn/bao-cao-2026.pdf"
        assert said(await zh.zreply(minh, f"/submit #1 {portal}"), 'cal.submit.receipt_late', due='10/12/2026 17:00')

        # /status: the head reads the links privately; an officer sees only that a link was sent.
        status = await zh.zreply(p.lan, "/status 1")
        assert status.endswith("✅ YTE — Sở Y tế: nộp lúc 23/11/2026 09:00")
        assert f"✅ GDDT — Sở Giáo dục và Đào tạo: nộp lúc 23/11/2026 09:00 · 🔗 {drive}" in status
        assert f"⚠️ BDT — Ban Dân tộc: nộp muộn lúc 11/12/2026 09:00 · 🔗 {portal}" in status
        assert said(status, 'cal.status.missing', unit='VHTTDL — Sở Văn hóa, Thể thao và Du lịch')
        status = await zh.zreply(hung, "/status 1")
        assert "· 🔗 nộp bằng đường dẫn (Trưởng khối xem trong chat riêng)" in status and drive not in status

        # /collect: the zip holds the photo, each link as a .url shortcut, and an index with the links.
        text = await zh.zreply(p.lan, "/collect 1")
        url = re.search(r"(http://127\.0\.0\.1:\d+/files/\S+)", text)
        assert url, text
        async with httpx.AsyncClient() as http:
            archive = zipfile.ZipFile(io.BytesIO((await http.get(url.group(1))).content))
        names = sorted(archive.namelist())
        assert names[0] == "BDT_lien-ket-bdt.example.gov.vn.url" and names[1] == "GDDT_lien-ket-drive.google.com.url"
        assert names[2].startswith("YTE_zalo_") and names[3] == "danh-sach.csv"
        assert archive.read(names[2]) == b"\xff\xd8 bao cao YTE"
        assert archive.read(names[1]) == f"[InternetShortcut]\r\nURL={drive}\r\n".encode()
        rows = {r[0]: r for r in csv.reader(io.StringIO(archive.read("danh-sach.csv").decode("utf-8-sig")))}
        assert rows["Mã"][7] == "Đường dẫn (nộp bằng liên kết)"
        assert rows["GDDT"][7] == drive and rows["BDT"][2] == "nộp muộn" and rows["BDT"][7] == portal
        assert rows["YTE"][7] == "" and rows["VHTTDL"][2] == "chưa nộp"
        with zh.core.db.session() as s:  # type: ignore[union-attr]
            links = [f for f in s.exec(StoredFile.__table__.select()) if f.mime == "application/internet-shortcut"]
        assert len(links) == 2 and all(f.platform_file_id is None for f in links)


async def test_the_pledge_text_as_a_photo_or_with_a_link(zalo: ZaloHarness) -> None:
    zh = zalo
    p = await bloc(zh)
    # A photo of the signed text, captioned with the command: downloaded from Zalo and kept as the file.
    await zh.handled_update(zh.zalo_api.send_photo(p.lan, b"\xff\xd8 giao uoc 2026",
                                                   caption="/pledge_open 2026 | 10/12/2026 | Giao ước năm 2026"))
    assert said(zh.zalo_api.texts_to(p.lan)[-1], 'pledge.opened_no_group', year=2026, deadline='10/12/2026 17:00')
    before = len(zh.zalo_api.sent)
    await zh.tick()
    [post] = new_texts(zh, p.mai, before)
    assert "Giao ước năm 2026\n" in post and "📎 Văn bản kèm theo: zalo_" in post and "https://" not in post
    with zh.core.db.session() as s:  # type: ignore[union-attr]
        [stored] = [f for f in s.exec(StoredFile.__table__.select()) if f.mime == "image/jpeg"]
    assert zh.core.files.read(stored.sha256) == b"\xff\xd8 giao uoc 2026"  # type: ignore[union-attr]
    # A link in the command stays in the pledge's text, once, and is not fetched.
    drive = "https://drive.google.com/file/d/GiaoUoc2027/view"
    await zh.zreply(p.lan, f"/pledge_open 2027 | 15/12/2026 | Toàn văn giao ước: {drive}")
    before = len(zh.zalo_api.sent)
    await zh.tick()
    [post] = new_texts(zh, p.mai, before)
    assert post.count(drive) == 1 and "📎" not in post


async def test_the_guided_vote_a_conference_and_an_election_by_numbers(zalo: ZaloHarness) -> None:
    zh = zalo
    p = await bloc(zh)
    # Each step of the guided /vote arrives as a new message of numbered choices (Zalo cannot edit).
    step = await zh.zreply(p.lan, "/vote")
    assert "bước 1/3" in step and "3. Bằng khen của Chủ tịch UBND tỉnh (2)\n" in step
    assert said(await zh.zreply(p.lan, "3"), 'flow.pick_candidates')
    assert said(await zh.zreply(p.lan, "1"), 'flow.pick_time.nogroup')
    assert said(await zh.zreply(p.lan, "20/12/2026 17:00"), 'flow.summary', quota=2, closing='20/12/2026 17:00')  # typed, not a number
    assert said(await zh.zreply(p.lan, "1"), 'vote.opened_no_group', id=1)

    # A conference's «Xác nhận tham dự» button is a choice too.
    await zh.zreply(p.lan, "/meeting 20/12/2026 08:00 | Hội nghị tổng kết năm | Hội trường Sở VHTTDL")
    await zh.tick()
    assert "1. ✅ Xác nhận tham dự" in zh.zalo_api.texts_to(p.hung)[-1]
    assert await zh.zreply(p.hung, "1") == "Đã xác nhận YTE tham dự. Ghi tên đại biểu: /attend 1 <họ tên>"

    # The head's election: a one-choice ballot, its example a single number.
    await zh.zreply(p.lan, "/elect 2027 | tay")
    await zh.tick()
    ballot = await zh.zreply(p.mai, "1")
    assert ballot.startswith("🗳 PHIẾU BẦU KÍN #2 — Trưởng khối năm 2027") and "ví dụ «2»" in ballot
    assert said(await zh.zreply(p.mai, "2 3"), 'ballot.too_many', quota=1)
    assert said(await zh.zreply(p.mai, "3"), 'ballot.received')
